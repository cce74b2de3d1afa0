AtlasSearch._register("x/196",[["Năng suất lao động tăng trưởng bình quân 6,5 - 7,5% cả giai đoạn 2021 - 2030.",115]]);
