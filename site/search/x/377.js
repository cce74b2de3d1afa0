AtlasSearch._register("x/377",[["Có chính sách khuyến khích các tổ chức, cá nhân thuộc mọi thành phần kinh tế tham gia nghiên cứu, ứng dụng và đầu tư phát triển khoa học và công nghệ.",113]]);
