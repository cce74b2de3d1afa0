AtlasSearch._register("x/199",[["Tiếp tục cải thiện, nâng cao năng lực đổi mới sáng tạo của tỉnh góp phần đưa chỉ số GII của Việt Nam thuộc 40 nước dẫn đầu thế giới.",113]]);
