AtlasSearch._register("x/198",[["Chỉ số phát triển con người HDI thuộc nhóm có chỉ số HDI cao (nhóm 2) theo phân loại của UNDP.",114]]);
