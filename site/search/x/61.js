AtlasSearch._register("x/61",[["Về cải thiện môi trường đầu tư kinh doanh:",117]]);
