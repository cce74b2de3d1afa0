AtlasSearch._register("x/356",[["Tỷ trọng kinh tế số đạt khoảng 25% GRDP. Tỷ lệ người dân trong độ tuổi lao động được đào tạo kỹ năng số cơ bản đạt trên 80%.",113]]);
