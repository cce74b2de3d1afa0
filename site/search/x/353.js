AtlasSearch._register("x/353",[["Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt 34%.",116]]);
