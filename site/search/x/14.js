AtlasSearch._register("x/14",[["Phát triển nông nghiệp sinh thái, phù hợp với điều kiện tự nhiên của từng tiểu vùng, theo quan điểm thuận thiên.",114]]);
