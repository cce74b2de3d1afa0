AtlasSearch._register("x/357",[["Tỷ lệ đô thị hóa tính theo khu vực toàn đô thị đến năm 2025 đạt khoảng 40-42%; đến năm 2030 khoảng 45 - 47%.",114]]);
