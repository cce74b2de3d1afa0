AtlasSearch._register("x/194",[["Tỷ trọng của khu vực Công nghiệp và Dịch vụ trong cơ cấu GRDP đến 2030 đạt 72 - 73%.",115]]);
