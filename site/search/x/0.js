AtlasSearch._register("x/0",[["Chương trình số 123-CTr/TU",118]]);
