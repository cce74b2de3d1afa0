AtlasSearch._register("x/47",[["Số doanh nghiệp đang hoạt động và có kê khai thuế trong 10 năm tăng 3.000 doanh nghiệp.",115]]);
