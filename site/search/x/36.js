AtlasSearch._register("x/36",[["Sản xuất nông nghiệp theo phương thức hiện đại; nông nghiệp xanh, phát triển nông nghiệp gắn với phục hồi hệ sinh thái và cảnh quan tự nhiên.",114]]);
