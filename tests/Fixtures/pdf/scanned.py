#!/usr/bin/env python3
"""Writes three small PDFs by hand (no PDF library): ban-quet.pdf, two pages that are only pictures (what a scanner
makes); mot-trang-quet.pdf, a page of text (Helvetica, ASCII) followed by a page that is only a picture; in-dam-gia.pdf,
a title made bold by printing it twice a hair apart, body lines, and a line of text set sideways in the margin.
Usage: scanned.py (writes into the current folder)"""
import zlib

def picture(width, height):
    # A grey page with darker bands where lines of print would be: bytes, one per pixel.
    rows = []
    for y in range(height):
        ink = (y // 6) % 3 == 0 and 8 < y < height - 8
        rows.append(bytes(((60 if ink and (x * 7 + y) % 5 else 235) for x in range(width))))
    return zlib.compress(b''.join(rows))

def pdf(pages):
    """pages: list of (content stream bytes, uses picture?) → PDF bytes with a correct cross-reference table."""
    objects = []
    def add(body):
        objects.append(body)
        return len(objects)
    image = picture(120, 170)
    image_id = add(b'<< /Type /XObject /Subtype /Image /Width 120 /Height 170 /ColorSpace /DeviceGray /BitsPerComponent 8 '
                   b'/Filter /FlateDecode /Length %d >>\nstream\n' % len(image) + image + b'\nendstream')
    font_id = add(b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
    pages_id = len(objects) + 1 + 2 * len(pages)
    kids = []
    for content in pages:
        stream_id = add(b'<< /Length %d >>\nstream\n' % len(content) + content + b'\nendstream')
        kids.append(add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R '
                        b'/Resources << /XObject << /Im1 %d 0 R >> /Font << /F1 %d 0 R >> >> >>' % (pages_id, stream_id, image_id, font_id)))
    assert add(b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % k for k in kids), len(kids))) == pages_id
    catalog = add(b'<< /Type /Catalog /Pages %d 0 R >>' % pages_id)
    out = bytearray(b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n')
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b'%d 0 obj\n' % i + body + b'\nendobj\n'
    xref = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objects) + 1)
    for o in offsets: out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objects) + 1, catalog, xref)
    return bytes(out)

scan = b'q 510 0 0 720 42 60 cm /Im1 Do Q'
lines = ['Chuong trinh hanh dong cua Tinh uy ve phat trien cong nghiep.', 'Muc tieu: dua cong nghiep tro thanh nganh chu dao.',
         'Nhiem vu: hoan thien ha tang cac khu cong nghiep.', 'To chuc thuc hien: cac cap uy trien khai Chuong trinh nay.']
text = b'BT /F1 12 Tf 72 770 Td 16 TL ' + b' '.join(b'(%s) Tj T*' % l.encode('ascii') for l in lines) + b' ET'
open('ban-quet.pdf', 'wb').write(pdf([scan, scan]))
open('mot-trang-quet.pdf', 'wb').write(pdf([text, scan]))

bold = b'BT /F1 14 Tf 200 780 Td (CHUONG TRINH HANH DONG) Tj ET BT /F1 14 Tf 200.4 780 Td (CHUONG TRINH HANH DONG) Tj ET'
side = b'BT /F1 10 Tf 0 1 -1 0 40 200 Tm (Ban in thu nghiem - khong phai ban chinh thuc cua Tinh uy) Tj ET'
open('in-dam-gia.pdf', 'wb').write(pdf([bold + b' ' + text + b' ' + side]))
