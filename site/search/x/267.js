AtlasSearch._register("x/267",[["Tỷ lệ lao động nông nghiệp trong tổng lao động xã hội giảm còn dưới 20%.",116]]);
