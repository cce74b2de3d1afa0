AtlasSearch._register("x/224",[["Cơ cấu lại các ngành dịch vụ dựa trên nền tảng công nghệ hiện đại, công nghệ số, phát triển dịch vụ công nghệ cao, các loại dịch vụ mới của nền kinh tế số.",113]]);
