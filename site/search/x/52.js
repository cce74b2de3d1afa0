AtlasSearch._register("x/52",[["Tỷ lệ trường đạt chuẩn quốc gia đạt 85%/năm 2025 và đạt 90%/năm 2030, số sinh viên trên 10.000 người dân là 225 sinh viên/năm 2025 và 250 sinh viên/năm 2030.",113]]);
