AtlasSearch._register("x/56",[["Tỷ lệ rác thải sinh hoạt ở đô thị và nông thôn được thu gom và xử lý 96%/năm 2025 và 98%/năm 2030.",114]]);
