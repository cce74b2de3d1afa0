AtlasSearch._register("x/205",[["Nghiên cứu cụ thể hóa các quy định của Trung ương phù hợp với tình hình, điều kiện, yêu cầu của tỉnh, trong đó tập trung vào các chính sách chủ yếu sau:",113]]);
