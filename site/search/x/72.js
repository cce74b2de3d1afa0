AtlasSearch._register("x/72",[["Xây dựng Quy hoạch tỉnh Hậu Giang giai đoạn 2021 - 2030, tầm nhìn đến năm 2050.",116]]);
