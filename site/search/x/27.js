AtlasSearch._register("x/27",[["Cân đối được thu, chi ngân sách, không phụ thuộc quá lớn vào nguồn Trung ương hỗ trợ.",115]]);
