#!/usr/bin/env python3
"""Writes bang-kin-chu.fodt: a programme's task table whose cells are full of text (narrow padding, words running up
to the cell borders), the case where only the drawn borders tell two cells apart; then a table of targets whose first
column's names run over two or three lines, the case where only the drawn row borders tell the rows apart. Usage:
filled-table.py (then soffice --headless --convert-to pdf bang-kin-chu.fodt)."""
from xml.sax.saxutils import escape

rows = [
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
    ["1", "Xây dựng Đề án phát triển công nghiệp hỗ trợ giai đoạn 2023 - 2030 trên địa bàn tỉnh",
     "Sở Công Thương phối hợp Sở Kế hoạch và Đầu tư", "Quý IV năm 2023"],
    ["2", "Rà soát, điều chỉnh quy hoạch các khu công nghiệp, cụm công nghiệp theo hướng đồng bộ hạ tầng",
     "Ban Quản lý các khu công nghiệp tỉnh", "Năm 2024 và các năm tiếp theo"],
    ["3", "Đào tạo nguồn nhân lực chất lượng cao phục vụ công nghiệp chế biến, chế tạo",
     "Sở Lao động - Thương binh và Xã hội", "Hằng năm"],
]
def cell(text, style):
    return f'<table:table-cell table:style-name="Box" office:value-type="string"><text:p text:style-name="{style}">{escape(text)}</text:p></table:table-cell>'
targets = [
    ["Chỉ tiêu", "Đơn vị", "2025", "2030"],
    ["Tỷ trọng công nghiệp chế biến, chế tạo trong GRDP của tỉnh", "%", "25", "30"],
    ["Tốc độ tăng năng suất lao động xã hội bình quân hằng năm", "%/năm", "6,5", "7"],
    ["Tỷ lệ đô thị hóa", "%", "40", "45"],
]
body = ''.join('<table:table-row>' + ''.join(cell(t, 'Cell') for t in r) + '</table:table-row>' for r in rows)
target_body = ''.join('<table:table-row>' + ''.join(cell(t, 'Cell') for t in r) + '</table:table-row>' for r in targets)
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles><style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="vi" fo:country="VN"/></style:default-style></office:styles>
<office:automatic-styles>
 <style:style style:name="Grid" style:family="table"><style:table-properties style:width="16cm" table:align="left"/></style:style>
 <style:style style:name="C1" style:family="table-column"><style:table-column-properties style:column-width="1.2cm"/></style:style>
 <style:style style:name="C2" style:family="table-column"><style:table-column-properties style:column-width="7.3cm"/></style:style>
 <style:style style:name="C3" style:family="table-column"><style:table-column-properties style:column-width="4.5cm"/></style:style>
 <style:style style:name="C4" style:family="table-column"><style:table-column-properties style:column-width="3cm"/></style:style>
 <style:style style:name="Box" style:family="table-cell"><style:table-cell-properties fo:padding="0.03cm" fo:border="0.5pt solid #000000"/></style:style>
 <style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:text-align="justify"/></style:style>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:text-indent="1.27cm"/></style:style>
</office:automatic-styles>
<office:body><office:text>
<text:p text:style-name="Body">II. NHIỆM VỤ CỤ THỂ</text:p>
<table:table table:name="Tasks" table:style-name="Grid"><table:table-column table:style-name="C1"/><table:table-column table:style-name="C2"/><table:table-column table:style-name="C3"/><table:table-column table:style-name="C4"/>{body}</table:table>
<text:p text:style-name="Body">Các chỉ tiêu chủ yếu đến năm 2030:</text:p>
<table:table table:name="Targets" table:style-name="Grid"><table:table-column table:style-name="C3"/><table:table-column table:style-name="C4"/><table:table-column table:style-name="C4"/><table:table-column table:style-name="C4"/>{target_body}</table:table>
<text:p text:style-name="Body">III. TỔ CHỨC THỰC HIỆN</text:p>
<text:p text:style-name="Body">Các cấp ủy, tổ chức đảng triển khai thực hiện Chương trình này.</text:p>
</office:text></office:body></office:document>
'''
open('bang-kin-chu.fodt', 'w', encoding='utf-8').write(doc)
