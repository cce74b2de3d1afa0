AtlasSearch._register("x/272",[["Tỷ lệ đô thị hoá đạt 40% trở lên.",117]]);
