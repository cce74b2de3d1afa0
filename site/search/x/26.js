AtlasSearch._register("x/26",[["Tăng tốc tốc độ tăng trưởng GRDP bình quân giai đoạn 2026 - 2030 đạt từ 10% - 12%/năm (hoặc cao hơn trung bình cả nước và vùng khoảng 1%).",113]]);
