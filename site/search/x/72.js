AtlasSearch._register("x/72",[["Tập trung 02 trung tâm công nghiệp:",118]]);
