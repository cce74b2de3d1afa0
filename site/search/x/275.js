AtlasSearch._register("x/275",[["Tỷ lệ cụm công nghiệp đang hoạt động có hệ thống xử lý nước thải tập trung đạt tiêu chuẩn môi trường đạt 80 - 90% trở lên.",114]]);
