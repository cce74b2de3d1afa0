AtlasSearch._register("x/193",[["Tốc độ tăng trưởng GRDP bình quân đạt 7,25 - 8,25% giai đoạn 2021 - 2030.",116]]);
