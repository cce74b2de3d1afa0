AtlasSearch._register("x/288",[["Hoàn thành kế hoạch sử dụng đất giai đoạn 2021 - 2025 bảo đảm phù hợp với các quy hoạch, kế hoạch sử dụng đất quốc gia.",114]]);
