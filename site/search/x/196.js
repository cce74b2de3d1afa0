AtlasSearch._register("x/196",[["Tỷ lệ đô thị hóa ngang bằng với bình quân của cả nước.",116]]);
