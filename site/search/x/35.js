AtlasSearch._register("x/35",[["Trở thành trung tâm công nghiệp chế biến, công nghiệp sản xuất hàng thực phẩm, hàng tiêu dùng của vùng ĐBSCL.",114]]);
