AtlasSearch._register("x/44",[["Hệ số ICOR giai đoạn 2021 - 2025 từ 5,5 - 6, giai đoạn 2026 - 2030 từ 3,6 - 4.",115]]);
