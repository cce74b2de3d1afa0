AtlasSearch._register("x/341",[["Chương trình số 38-CTr/TU",118]]);
