AtlasSearch._register("x/77",[["Lập quy hoạch và kế hoạch chuyển đổi đất sản xuất nông nghiệp sang công nghiệp, hạ tầng giao thông công nghiệp là nhiệm vụ trọng tâm.",114]]);
