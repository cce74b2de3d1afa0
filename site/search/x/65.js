AtlasSearch._register("x/65",[["Về phát triển kết cấu hạ tầng kinh tế - xã hội:",116]]);
