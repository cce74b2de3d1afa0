using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// An OpenDocument text (.odt): the text of its body (content.xml), one line per paragraph, heading or list item, tables
/// included, in document order; notes, annotations and tracked deletions left out. Numbers that LibreOffice generates
/// for headings and lists are not written out (only typed ones are read): the report says so.
/// </summary>
internal static class OdtText
{
    private const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";

    /// <summary>The body text of the OpenDocument text in <paramref name="zip"/>, or null when it is not one.</summary>
    internal static string? Read(ZipArchive zip)
    {
        var content = zip.GetEntry("content.xml");
        if (content is null || MimeType(zip) is not "application/vnd.oasis.opendocument.text") return null;
        var text = new StringBuilder();
        var line = new StringBuilder();
        var table = new TableRows(text);
        int skipDepth = -1; // inside a note, an annotation or the tracked changes
        using var reader = OfficeDocument.Open(content);
        while (reader.Read())
        {
            if (skipDepth >= 0)
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == skipDepth) skipDepth = -1;
                continue;
            }
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.CDATA:
                    line.Append(reader.Value);
                    break;
                case XmlNodeType.Element when reader.NamespaceURI == Text:
                    switch (reader.LocalName)
                    {
                        case "p" or "h": line.Clear(); if (reader.IsEmptyElement) table.Paragraph(""); break;
                        case "s": line.Append(' ', int.TryParse(reader.GetAttribute("c", Text), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? Math.Min(c, 1000) : 1); break;
                        case "tab": line.Append('\t'); break;
                        case "line-break": line.Append('\n'); break;
                        case "note" or "tracked-changes" or "bookmark-ref" when !reader.IsEmptyElement: skipDepth = reader.Depth; break;
                    }
                    break;
                case XmlNodeType.Element when reader.NamespaceURI == TableNs:
                    switch (reader.LocalName)
                    {
                        case "table" when !reader.IsEmptyElement: table.Open(); break;
                        case "table-row" when !reader.IsEmptyElement: table.StartRow(); break;
                        case "table-cell" or "covered-table-cell": table.StartCell(); break;
                    }
                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI == TableNs && reader.LocalName == "table": table.Close(); break;
                case XmlNodeType.EndElement when reader.NamespaceURI == TableNs && reader.LocalName == "table-row": table.EndRow(); break;
                case XmlNodeType.Element when reader.NamespaceURI == Office && reader.LocalName == "annotation" && !reader.IsEmptyElement:
                    skipDepth = reader.Depth;
                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI == Text && reader.LocalName is "p" or "h":
                    table.Paragraph(line.ToString());
                    line.Clear();
                    break;
            }
        }
        return text.ToString();
    }

    private static string? MimeType(ZipArchive zip)
    {
        var entry = zip.GetEntry("mimetype");
        if (entry is null || entry.Length > 200) return null;
        using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
        return reader.ReadToEnd().Trim();
    }
}
