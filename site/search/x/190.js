AtlasSearch._register("x/190",[["Tổ chức nghiên cứu, quán triệt, tuyên truyền sâu rộng các nội dung của Nghị quyết số 29-NQ/TW.",115]]);
