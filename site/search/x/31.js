AtlasSearch._register("x/31",[["Xây dựng tỉnh Hậu Giang trở thành trung tâm sản xuất công nghiệp và logistics của vùng ĐBSCL, trở thành Tỉnh có trình độ phát triển khá so với cả nước.",113]]);
