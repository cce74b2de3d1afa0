AtlasSearch._register("x/48",[["Tỷ lệ tăng dân số tự nhiên năm 2025 là 7,79%o, năm 2030 là 10%o, dân số đến năm 2030 khoảng 770.000 người.",114]]);
