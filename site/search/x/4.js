AtlasSearch._register("x/4",[["Chủ yếu do Tỉnh thiếu chiến lược và giải pháp tổng thể để phát triển kinh tế - xã hội mà đặc biệt là về công nghiệp, nông nghiệp, đô thị và du lịch.",113]]);
