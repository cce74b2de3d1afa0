AtlasSearch._register("x/200",[["Quảng Ngãi là tỉnh phát triển bền vững và đa dạng với các ngành công nghiệp xanh, công nghiệp công nghệ cao.",114]]);
