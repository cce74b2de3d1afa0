AtlasSearch._register("x/114",[["Ủy ban Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội tỉnh xây dựng chương trình, kế hoạch giám sát việc thực hiện Chương trình này.",113]]);
