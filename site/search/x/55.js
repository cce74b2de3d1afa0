AtlasSearch._register("x/55",[["Tỷ lệ rác thải sinh hoạt ở đô thị và nông thôn được thu gom và xử lý 96%/năm 2025 và 98%/năm 2030.",114]]);
