AtlasSearch._register("x/45",[["Năng suất lao động xã hội năm 2025 là 156 triệu đồng, tăng 9,7%/năm, năm 2030 là 263 triệu đồng, tăng 10,9%/năm. Tính chung 10 năm tăng bình quân 10,3%/năm.",113]]);
