AtlasSearch._register("x/166",[["Thực hiện kiện toàn tổ chức bộ máy, nhân sự đáp ứng yêu cầu quản lý Nhà nước đối với hoạt động phát triển các khu, cụm công nghiệp.",113]]);
