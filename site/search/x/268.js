AtlasSearch._register("x/268",[["Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ đạt 35 - 40%",116]]);
