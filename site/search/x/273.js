AtlasSearch._register("x/273",[["Chỉ số phát triển con người (HDI) duy trì trên 0,7.",116]]);
