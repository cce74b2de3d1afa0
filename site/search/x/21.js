AtlasSearch._register("x/21",[["Đa dạng hóa, gia tăng nhanh bền vững nguồn thu ngân sách địa phương để tăng nguồn lực đầu tư phát triển. Phấn đấu tăng thu nội địa tối thiểu 15% hàng năm.",113]]);
