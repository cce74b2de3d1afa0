AtlasSearch._register("x/130",[["Tổng kim ngạch xuất khẩu ngành công nghiệp tăng bình quân 7%/năm.",116]]);
