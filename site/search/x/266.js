AtlasSearch._register("x/266",[["Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội giảm còn dưới 20%.",116]]);
