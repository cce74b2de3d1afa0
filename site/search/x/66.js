AtlasSearch._register("x/66",[["Về phát triển kết cấu hạ tầng kinh tế - xã hội:",116]]);
