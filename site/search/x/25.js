AtlasSearch._register("x/25",[["Xây dựng Hậu Giang trở thành Tỉnh có nền sản xuất công nghiệp phát triển ở mức khá, không còn là Tỉnh khó khăn về phát triển kinh tế.",113]]);
