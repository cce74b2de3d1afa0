AtlasSearch._register("x/60",[["Về cải thiện môi trường đầu tư kinh doanh:",117]]);
