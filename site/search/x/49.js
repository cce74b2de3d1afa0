AtlasSearch._register("x/49",[["Giảm tỷ lệ hộ nghèo mỗi năm 1%.",117]]);
