AtlasSearch._register("x/195",[["GRDP bình quân đầu người đến năm 2030 đạt trong khoảng 7.700 - 7.900 USD.",116]]);
