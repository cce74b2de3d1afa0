AtlasSearch._register("x/19",[["Xây dựng thành công các nền tảng bền vững cho tăng trưởng, gồm các mục tiêu cụ thể là:",115]]);
