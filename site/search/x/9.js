AtlasSearch._register("x/9",[["Nhất tâm là: Phát triển huyện Châu Thành trở thành trung tâm phát triển về công nghiệp và đô thị của Tỉnh trong trung và dài hạn.",114]]);
