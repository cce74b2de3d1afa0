AtlasSearch._register("x/131",[["Khuyến khích hỗ trợ phát triển mới khoảng 100 doanh nghiệp công nghiệp, tăng 13% so với giai đoạn 2015-2020.",114]]);
