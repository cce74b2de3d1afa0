AtlasSearch._register("x/11",[["Tam thành là: Ưu tiên phát triển nâng tầm các trung tâm đô thị thành phố Vị Thanh, thành phố Ngã Bảy và thị xã Long Mỹ.",114]]);
