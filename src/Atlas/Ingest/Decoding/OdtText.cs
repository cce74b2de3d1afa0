using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// An OpenDocument text (.odt): the text of its body (content.xml), one line per paragraph, heading or list item, tables
/// included, in document order; notes, annotations and tracked deletions left out. The numbers LibreOffice generates
/// are written out as it prints them (<see cref="ListLabels"/>): a list's from its list style ("I.", "1.", "a)", by
/// nesting depth; a new list restarts unless it continues another), a heading's from the outline numbering. Numbering
/// a paragraph takes from its paragraph style is not: the report says to check the sections.
/// </summary>
internal static class OdtText
{
    private const string Text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    private const string Office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
    private const string TableNs = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    private const string Style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
    private const string LibreOffice = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0";
    /// <summary>The outline numbering's name among the list styles (a name no list style can have).</summary>
    private const string Outline = "\0outline";

    /// <summary>The body text of the OpenDocument text in <paramref name="zip"/>, or null when it is not one.</summary>
    internal static string? Read(ZipArchive zip)
    {
        var content = zip.GetEntry("content.xml");
        if (content is null || MimeType(zip) is not "application/vnd.oasis.opendocument.text") return null;
        var text = new StringBuilder();
        var line = new StringBuilder();
        var table = new TableRows(text);
        int skipDepth = -1; // inside a note, an annotation or the tracked changes
        var labels = new ListLabels();
        if (zip.GetEntry("styles.xml") is { } styles) ReadListStyles(styles, labels);
        string? listStyle = null; // the list style being read (content.xml's automatic styles precede its body)
        // The lists open around the current paragraph (style, and whether the current item has had its numbered paragraph).
        var lists = new List<(string? Style, bool Numbered)>();
        string? label = null;
        using var reader = OfficeDocument.Open(content);
        while (reader.Read())
        {
            ListStyle(reader, labels, ref listStyle);
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
                        case "p" or "h":
                            line.Clear();
                            label = Label(reader, labels, lists);
                            if (reader.IsEmptyElement) table.Paragraph(label ?? "");
                            break;
                        case "list":
                            var style = reader.GetAttribute("style-name", Text) ?? (lists.Count > 0 ? lists[^1].Style : null);
                            // A list restarts its style's numbering unless it says it continues (LibreOffice writes both).
                            if (lists.Count == 0 && style is not null && reader.GetAttribute("continue-numbering", Text) != "true"
                                && reader.GetAttribute("continue-list", Text) is null) labels.Restart(style);
                            if (!reader.IsEmptyElement) lists.Add((style, false));
                            break;
                        case "list-item" or "list-header" when lists.Count > 0:
                            // A header's paragraphs are never numbered: as if its numbered paragraph had been.
                            lists[^1] = (lists[^1].Style, reader.LocalName == "list-header");
                            break;
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
                case XmlNodeType.EndElement when reader.NamespaceURI == Text && reader.LocalName == "list" && lists.Count > 0:
                    lists.RemoveAt(lists.Count - 1);
                    break;
                case XmlNodeType.EndElement when reader.NamespaceURI == Text && reader.LocalName is "p" or "h":
                    table.Paragraph(label is { Length: > 0 } ? label + " " + line : line.ToString());
                    line.Clear();
                    label = null;
                    break;
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// The number of the paragraph that opens: the first paragraph of a list item, at the depth of its lists, or a heading
    /// by its outline level; null for any other.
    /// </summary>
    private static string? Label(XmlReader reader, ListLabels labels, List<(string? Style, bool Numbered)> lists)
    {
        if (lists.Count > 0)
        {
            var (style, numbered) = lists[^1];
            if (numbered || style is null) return null;
            lists[^1] = (style, true);
            return labels.Next(style, lists.Count - 1);
        }
        if (reader.LocalName != "h" || reader.GetAttribute("is-list-header", Text) == "true") return null;
        return int.TryParse(reader.GetAttribute("outline-level", Text), NumberStyles.None, CultureInfo.InvariantCulture, out var level)
               && labels.Defines(Outline, level - 1) ? labels.Next(Outline, level - 1) : null;
    }

    /// <summary>
    /// The numbered levels of the list styles (and the outline numbering) of one part: format, prefix and suffix, the
    /// levels shown ("1.2."), start; LibreOffice's own full format (loext:num-list-format, "%1%.%2%.") when it gives one.
    /// </summary>
    private static void ReadListStyles(ZipArchiveEntry part, ListLabels labels)
    {
        using var reader = OfficeDocument.Open(part);
        string? list = null;
        while (reader.Read()) ListStyle(reader, labels, ref list);
    }

    /// <summary>One node of a part, read for the list styles: <paramref name="list"/> is the list style it is inside, if any.</summary>
    private static void ListStyle(XmlReader reader, ListLabels labels, ref string? list)
    {
        if (reader.NamespaceURI != Text) return;
        if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName is "list-style" or "outline-style") list = null;
        if (reader.NodeType != XmlNodeType.Element) return;
        switch (reader.LocalName)
        {
            case "list-style": list = reader.GetAttribute("name", Style); break;
            case "outline-style": list = Outline; break;
            case "list-level-style-number" or "outline-level-style" or "list-level-style-bullet" when list is not null:
                if (!int.TryParse(reader.GetAttribute("level", Text), NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level is < 1 or > 10) break;
                if (reader.LocalName == "list-level-style-bullet") { labels.Define(list, level - 1, new ListLabels.Level("bullet", "", 1)); break; }
                var format = ListLabels.FormatOf(reader.GetAttribute("num-format", Style)) ?? "none";
                int shown = int.TryParse(reader.GetAttribute("display-levels", Text), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? Math.Clamp(d, 1, level) : 1;
                var full = reader.GetAttribute("num-list-format", LibreOffice);
                var pattern = full is not null
                    ? ListFormat(full)
                    : reader.GetAttribute("num-prefix", Style) + string.Join(".", Enumerable.Range(level - shown + 1, shown).Select(k => "%" + k)) + reader.GetAttribute("num-suffix", Style);
                int start = int.TryParse(reader.GetAttribute("start-value", Text), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 1;
                labels.Define(list, level - 1, new ListLabels.Level(format, pattern, start));
                break;
        }
    }

    /// <summary>LibreOffice's "%1%.%2%." as the labels' "%1.%2.": each level's number is "%N%".</summary>
    private static string ListFormat(string format)
    {
        for (int k = 10; k >= 1; k--) format = format.Replace($"%{k}%", $"%{k}", StringComparison.Ordinal);
        return format;
    }

    private static string? MimeType(ZipArchive zip)
    {
        var entry = zip.GetEntry("mimetype");
        if (entry is null || entry.Length > 200) return null;
        using var reader = new StreamReader(entry.Open(), Encoding.ASCII);
        return reader.ReadToEnd().Trim();
    }
}
