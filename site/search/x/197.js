AtlasSearch._register("x/197",[["Tỷ lệ đô thị hóa ngang bằng với bình quân của cả nước.",116]]);
