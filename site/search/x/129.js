AtlasSearch._register("x/129",[["Tỷ trọng công nghiệp trong GRDP của tỉnh đạt trên 15%.",116]]);
