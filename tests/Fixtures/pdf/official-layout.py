#!/usr/bin/env python3
"""Lays a programme in plain text (one paragraph per line) out as Vietnamese official documents are printed, as a flat
OpenDocument file (.fodt) for LibreOffice to export to PDF: a two-column header table (organ and number | motto and
date), centred title lines, justified body paragraphs in a serif face with a first-line indent, a two-column closing
table (recipients | signature), a page number at the foot of every page.
Usage: official-layout.py SEED.txt OUT.fodt [--spaced]
--spaced: body paragraphs without a first-line indent, set apart by space after each instead (the other common style).
--footnotes: every fourth body paragraph ends with a footnote (a raised number in the text, the note in 10 pt at the
foot of the page), as programmes cite their legal bases."""
import sys
from xml.sax.saxutils import escape

lines = [l.strip() for l in open(sys.argv[1], encoding='utf-8').read().split('\n')]
text = [l for l in lines if l]
# Header: up to the line with the date; title: up to the "-----" rule; closing: from "Nơi nhận:".
date_at = next(i for i, l in enumerate(text) if ', ngày ' in l)
motto_at = next(i for i, l in enumerate(text) if l.startswith('ĐẢNG CỘNG SẢN'))
rule_at = next(i for i, l in enumerate(text) if set(l) == {'-'})
close_at = next(i for i, l in enumerate(text) if l.startswith('Nơi nhận'))
sign_at = next(i for i, l in enumerate(text) if l.startswith('T/M ') or l.startswith('TM. ') or l.startswith('T/M'))
left, right = text[:motto_at], text[motto_at:date_at + 1]
title, body = text[date_at + 1:rule_at + 1], text[rule_at + 1:close_at]
# A title wrapped by hand in the text is one paragraph in a document: the first line alone, the rest joined.
title = [title[0], ' '.join(title[1:-1]), title[-1]]
recipients, signature = text[close_at:sign_at], text[sign_at:]

def p(style, s): return f'<text:p text:style-name="{style}">{escape(s)}</text:p>'
def table(name, a, b, a_style, b_style):
    return (f'<table:table table:name="{name}" table:style-name="Grid"><table:table-column table:number-columns-repeated="2"/>'
            f'<table:table-row><table:table-cell office:value-type="string">{"".join(p(a_style, s) for s in a)}</table:table-cell>'
            f'<table:table-cell office:value-type="string">{"".join(p(b_style, s) for s in b)}</table:table-cell></table:table-row></table:table>')

body_style = ('fo:text-indent="0cm" fo:margin-bottom="0.3cm"' if '--spaced' in sys.argv[3:]
              else 'fo:text-indent="1.27cm" fo:margin-bottom="0.15cm"')
signature = signature[:-1] + ['', '', ''] + signature[-1:]  # room for the signature and seal

def with_note(i, paragraph):
    if '--footnotes' not in sys.argv[3:] or i % 4 != 3: return paragraph
    n = i // 4 + 1
    note = (f'<text:note text:id="ftn{n}" text:note-class="footnote"><text:note-citation>{n}</text:note-citation><text:note-body>'
            f'<text:p text:style-name="Note">Theo Nghị quyết số 29-NQ/TW ngày 17/11/2022, mục {n}.</text:p></text:note-body></text:note>')
    return paragraph.replace('</text:p>', note + '</text:p>', 1)
doc = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="13pt" fo:language="vi" fo:country="VN"/></style:default-style>
</office:styles>
<office:automatic-styles>
 <style:style style:name="Grid" style:family="table"><style:table-properties style:width="17cm" table:align="left"/></style:style>
 <style:style style:name="Cell" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:style style:name="CellLeft" style:family="paragraph"><style:paragraph-properties fo:text-align="start"/><style:text-properties fo:font-size="11pt"/></style:style>
 <style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.2cm"/><style:text-properties fo:font-weight="bold"/></style:style>
 <style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" {body_style} fo:line-height="115%"/></style:style>
 <style:style style:name="Note" style:family="paragraph"><style:text-properties fo:font-size="10pt"/></style:style>
 <style:style style:name="Foot" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
 <style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="3cm" fo:margin-right="1.5cm"/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"><style:footer><text:p text:style-name="Foot"><text:page-number text:select-page="current"/></text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
{table("Header", left, right, "Cell", "Cell")}
{"".join(p("Title", s) for s in title)}
{"".join(with_note(i, p("Body", s)) for i, s in enumerate(body))}
{table("Closing", recipients, signature, "CellLeft", "Cell")}
</office:text></office:body></office:document>
'''
open(sys.argv[2], 'w', encoding='utf-8').write(doc)
