AtlasSearch._register("x/111",[["Tích cực tham gia thực hiện liên kết vùng ĐBSCL và tăng cường hợp tác phát triển với các tỉnh, thành phố, doanh nghiệp, đặc biệt là Thành phố Hồ Chí Minh.",113]]);
