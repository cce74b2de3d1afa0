AtlasSearch._register("x/33",[["Cơ cấu kinh tế hiện đại với đóng góp của khu vực dịch vụ tăng lên trong GRDP; tỷ trọng nông nghiệp giảm xuống còn dưới 10%.",114]]);
