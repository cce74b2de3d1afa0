AtlasSearch._register("x/341",[["Số 38-CTr/TU",120]]);
