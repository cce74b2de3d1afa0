AtlasSearch._register("x/0",[["Số 123-CTr/TU",120]]);
