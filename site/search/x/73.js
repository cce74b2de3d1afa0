AtlasSearch._register("x/73",[["Tập trung 02 trung tâm công nghiệp:",118]]);
