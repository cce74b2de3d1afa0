AtlasSearch._register("x/101",[["Nâng cao hiệu quả đào tạo nghề, nhất là đào tạo nghề cung ứng cho doanh nghiệp và lao động nông thôn. Đến năm 2030, tỷ lệ lao động qua đào tạo đạt 75%.",113]]);
