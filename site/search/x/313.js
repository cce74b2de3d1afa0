AtlasSearch._register("x/313",[["Hoàn thành Chương trình phát triển đô thị và Chương trình phát triển nhà ở tỉnh Thái Bình giai đoạn 2021 - 2030 (sau khi Quy hoạch tỉnh được phê duyệt).",113]]);
