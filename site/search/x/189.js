AtlasSearch._register("x/189",[["Xác định các nội dung, nhiệm vụ chủ yếu để triển khai thực hiện Nghị quyết số 29-NQ/TW phù hợp với điều kiện thực tế của tỉnh.",113]]);
