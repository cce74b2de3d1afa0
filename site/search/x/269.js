AtlasSearch._register("x/269",[["Tỷ lệ người dân trong độ tuổi lao động được đào tạo kỹ năng số cơ bản đạt trên 80%.",115]]);
