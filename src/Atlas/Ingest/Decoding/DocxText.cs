using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// A Word document (.docx), the form most programmes leave the provincial office in: the text of its body, one line per
/// paragraph (table cells included) in document order, with Word's automatic numbering written out ("I.", "1.", "a)")
/// as a typed document prints it, so that ingest reads headings and lists as in a text file. Headers, footers, comments
/// and deleted revisions are not the document's text and are left out.
/// </summary>
internal static class DocxText
{
    private const string W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string MarkupCompatibility = "http://schemas.openxmlformats.org/markup-compatibility/2006";

    /// <summary>The body text of the Word document in <paramref name="zip"/>, or null when it holds no Word body.</summary>
    internal static string? Read(ZipArchive zip)
    {
        var body = zip.GetEntry("word/document.xml");
        if (body is null) return null;
        var numbering = Numbering.Read(zip.GetEntry("word/numbering.xml"));
        var styles = StyleNumbering.Read(zip.GetEntry("word/styles.xml"));
        return Body(body, numbering, styles);
    }

    private static string Body(ZipArchiveEntry entry, Numbering numbering, StyleNumbering styles)
    {
        var text = new StringBuilder();
        var line = new StringBuilder();
        var table = new TableRows(text);
        string? numId = null, style = null;
        int? level = null;
        int skipDepth = -1; // inside a deleted revision or a field instruction
        bool inText = false;
        using var reader = OfficeDocument.Open(entry);
        while (reader.Read())
        {
            if (skipDepth >= 0)
            {
                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == skipDepth) skipDepth = -1;
                continue;
            }
            if (inText && reader.NodeType is XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)
            {
                line.Append(reader.Value);
                continue;
            }
            // A text box is saved twice, for new Word and as a fallback for old readers: its text is read once.
            if (reader is { NodeType: XmlNodeType.Element, NamespaceURI: MarkupCompatibility, LocalName: "Fallback", IsEmptyElement: false })
            {
                skipDepth = reader.Depth;
                continue;
            }
            if (reader.NamespaceURI != W) continue;
            if (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "p":
                        // A paragraph inside another (in a text box): the outer one's words so far are a line of their own.
                        if (line.Length > 0) table.Paragraph(line.ToString());
                        line.Clear();
                        (numId, level, style) = (null, null, null);
                        if (reader.IsEmptyElement) table.Paragraph("");
                        break;
                    case "tbl" when !reader.IsEmptyElement: table.Open(); break;
                    case "tr" when !reader.IsEmptyElement: table.StartRow(); break;
                    case "tc" when !reader.IsEmptyElement: table.StartCell(); break;
                    case "pStyle": style = reader.GetAttribute("val", W); break;
                    case "numId": numId = reader.GetAttribute("val", W); break;
                    case "ilvl": level = Level(reader); break;
                    case "t": inText = !reader.IsEmptyElement; break;
                    case "tab": line.Append('\t'); break;
                    case "br": case "cr": line.Append('\n'); break;
                    case "del": case "instrText": case "delText": case "footnoteReference": if (!reader.IsEmptyElement) skipDepth = reader.Depth; break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "t") inText = false;
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "tbl") table.Close();
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "tr") table.EndRow();
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "p")
            {
                // Numbering set on the paragraph, else on its style ("Heading 1" numbered I., II., …).
                if (numId is null && style is not null && styles.Of(style) is { } fromStyle) (numId, level) = (fromStyle.NumId, level ?? fromStyle.Level);
                var label = numId is null ? null : numbering.Next(numId, level ?? (style is null ? 0 : numbering.LevelOfStyle(numId, style)));
                table.Paragraph(label is { Length: > 0 } ? label + " " + line : line.ToString());
                line.Clear();
            }
        }
        return text.ToString();
    }

    private static int Level(XmlReader reader) =>
        int.TryParse(reader.GetAttribute("val", W), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 0;

    /// <summary>The list a paragraph style numbers its paragraphs with (styles.xml: pPr/numPr, through basedOn).</summary>
    private sealed class StyleNumbering
    {
        private readonly Dictionary<string, (string? NumId, int? Level, string? BasedOn)> styles = new(StringComparer.Ordinal);

        public static StyleNumbering Read(ZipArchiveEntry? entry)
        {
            var n = new StyleNumbering();
            if (entry is null) return n;
            using var reader = OfficeDocument.Open(entry);
            string? id = null, numId = null, basedOn = null;
            int? level = null;
            while (reader.Read())
            {
                if (reader.NamespaceURI != W) continue;
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "style": (id, numId, level, basedOn) = (reader.GetAttribute("styleId", W), null, null, null); if (reader.IsEmptyElement) id = null; break;
                        case "basedOn": basedOn = reader.GetAttribute("val", W); break;
                        case "numId": numId = reader.GetAttribute("val", W); break;
                        case "ilvl": level = Level(reader); break;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "style" && id is not null)
                    n.styles[id] = (numId, level, basedOn);
            }
            return n;
        }

        /// <summary>The style's list and level, its own or inherited (a chain of at most ten styles: a loop ends it).</summary>
        public (string NumId, int? Level)? Of(string style)
        {
            for (int depth = 0; depth < 10 && styles.TryGetValue(style, out var s); depth++)
            {
                if (s.NumId is not null) return s.NumId == "0" ? null : (s.NumId, s.Level);
                if (s.BasedOn is null) break;
                style = s.BasedOn;
            }
            return null;
        }
    }

    /// <summary>Word's list definitions (numbering.xml) and the counters of this reading.</summary>
    private sealed class Numbering
    {
        private readonly Dictionary<string, string> abstractOf = new(StringComparer.Ordinal);
        private readonly ListLabels labels = new();
        private readonly Dictionary<(string Abstract, string Style), int> styleLevels = [];

        /// <summary>The level of a list a paragraph style is tied to (numbering.xml's lvl/pStyle), else the first.</summary>
        public int LevelOfStyle(string numId, string style) =>
            abstractOf.TryGetValue(numId, out var a) && styleLevels.TryGetValue((a, style), out var level) ? level : 0;

        public static Numbering Read(ZipArchiveEntry? entry)
        {
            var n = new Numbering();
            if (entry is null) return n;
            using var reader = OfficeDocument.Open(entry);
            string? abstractId = null, numId = null;
            int level = -1;
            var current = new ListLabels.Level("decimal", "", 1);
            while (reader.Read())
            {
                if (reader.NamespaceURI != W) continue;
                if (reader.NodeType == XmlNodeType.Element)
                {
                    switch (reader.LocalName)
                    {
                        case "abstractNum": abstractId = reader.GetAttribute("abstractNumId", W); break;
                        case "lvl": level = int.TryParse(reader.GetAttribute("ilvl", W), out var l) ? l : 0; current = new("decimal", "", 1); break;
                        case "start": current = current with { Start = int.TryParse(reader.GetAttribute("val", W), out var s) ? s : 1 }; break;
                        case "numFmt": current = current with { Format = reader.GetAttribute("val", W) ?? "decimal" }; break;
                        case "lvlText": current = current with { Text = reader.GetAttribute("val", W) ?? "" }; break;
                        case "pStyle" when abstractId is not null && level >= 0: n.styleLevels[(abstractId, reader.GetAttribute("val", W) ?? "")] = level; break;
                        case "num": numId = reader.GetAttribute("numId", W); break;
                        case "abstractNumId" when numId is not null: n.abstractOf[numId] = reader.GetAttribute("val", W) ?? ""; break;
                    }
                }
                else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "lvl" && abstractId is not null && level >= 0)
                    n.labels.Define(abstractId, level, current);
            }
            return n;
        }

        /// <summary>The label of the next paragraph of list <paramref name="numId"/> at <paramref name="level"/> ("II.", "2.1.", "b)").</summary>
        public string? Next(string numId, int level) =>
            numId != "0" && abstractOf.TryGetValue(numId, out var abstractId) ? labels.Next(abstractId, level) : null;
    }
}
