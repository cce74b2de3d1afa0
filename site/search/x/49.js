AtlasSearch._register("x/49",[["Tỷ lệ đô thị hóa đến năm 2025 đạt 32%, đến năm 2030 đạt 37%.",116]]);
