AtlasSearch._register("x/58",[["Đảm bảo an ninh chính trị, trật tự an toàn xã hội, đẩy mạnh công tác cải cách tư pháp, kiềm chế sự gia tăng của tội phạm; kéo giảm tai nạn giao thông.",113]]);
