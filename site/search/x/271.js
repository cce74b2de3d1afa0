AtlasSearch._register("x/271",[["Tỷ trọng kinh tế số trong GRDP đạt khoảng 30%. Cơ bản hoàn thành xây dựng chính quyền số.",115]]);
