AtlasSearch._register("x/50",[["Giảm tỷ lệ hộ nghèo mỗi năm 1%.",117]]);
