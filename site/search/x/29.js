AtlasSearch._register("x/29",[["Tăng dần tỷ suất nhập cư và hướng tới trở thành một địa phương có tỷ suất nhập cư thuần dương.",114]]);
