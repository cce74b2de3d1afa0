AtlasSearch._register("x/34",[["Cân đối được thu, chi ngân sách một cách bền vững, đủ nguồn lực đầu tư cho phát triển và an sinh xã hội.",114]]);
