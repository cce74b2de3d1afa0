AtlasSearch._register("x/23",[["Chuẩn bị các cơ sở hạ tầng xã hội để thu hút lao động nhập cư, giảm dần mức tỷ suất di cư qua các năm.",114]]);
