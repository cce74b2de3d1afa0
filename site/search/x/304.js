AtlasSearch._register("x/304",[["Hình thành một số trung tâm dịch vụ du lịch, y tế, giáo dục, tài chính, logistics tầm cỡ khu vực và quốc tế.",114]]);
