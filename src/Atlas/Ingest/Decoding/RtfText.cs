using System.Globalization;
using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// The body text of an RTF document (Word's and WordPad's "Rich Text Format", .rtf): paragraphs as lines, table rows
/// through <see cref="TableRows"/> (as from a .docx), a list paragraph's number as the writer rendered it (\listtext,
/// \pntext), a field's shown text. Characters come as \uN (Unicode) or \'hh bytes in the font's character set
/// (Vietnamese 163 → Windows-1258, else the document's ANSI code page; VNI or TCVN3 font bytes are then repaired like
/// any re-saved font text). Tracked deletions (\deleted), headers, footers, footnotes, comments, pictures and every other
/// destination are skipped.
/// </summary>
internal static class RtfText
{
    public static bool LooksLike(ReadOnlySpan<byte> bytes) => bytes.StartsWith(@"{\rtf"u8);

    /// <summary>Destinations whose text is not the body's; "\*" marks others a reader may skip, and this one does.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf", "footer",
        "footerl", "footerr", "footerf", "footnote", "annotation", "atnid", "atnauthor", "xe", "tc", "txe", "listtable",
        "listoverridetable", "revtbl", "rsidtbl", "generator", "fldinst", "shp", "shpinst", "nonshppict", "template", "pn",
        "filetbl", "latentstyles", "themedata", "colorschememapping", "datastore", "xmlnstbl", "mmathPr", "pgdsctbl",
    };

    private sealed class Group
    {
        public bool Skip;
        public bool ListNumber; // \listtext, \pntext: the number a list paragraph shows
        public int LabelStart; // where that number began in the paragraph
        public bool FontTable; // read for each font's character set only
        public bool Deleted; // a tracked deletion (\deleted): left out, as the .docx reader leaves out w:del
        public int Uc = 1;
        public Encoding? Font;
        public Group Copy() => (Group)MemberwiseClone();
    }

    /// <summary>The text, or null with <paramref name="error"/> saying why the document cannot be read.</summary>
    public static string? Read(byte[] bytes, out string? error)
    {
        var reader = new Reader(bytes);
        var text = reader.Text();
        error = reader.Depth != 0 ? "tệp RTF bị hỏng: ngoặc không cân (damaged .rtf document: unbalanced braces)" : null;
        return error is null ? text : null;
    }

    private sealed class Reader(byte[] rtf)
    {
        private static readonly Encoding Ansi = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
        private readonly StringBuilder text = new();
        private readonly StringBuilder paragraph = new();
        private readonly Dictionary<int, int> fontCharsets = [];
        private readonly Stack<Group> groups = new();
        private Group group = new();
        private Encoding codePage = Ansi;
        private TableRows? rows;
        private bool inTable, tableOpen, rowOpen, cellOpen;
        private int at, skipChars, fontNumber = -1;

        public int Depth => groups.Count;

        public string Text()
        {
            rows = new TableRows(text);
            var pending = new List<byte>(); // \'hh bytes of one run, decoded together (a double-byte code page needs both)
            while (at < rtf.Length)
            {
                byte b = rtf[at];
                if (b != (byte)'\\' || at + 1 >= rtf.Length || rtf[at + 1] != (byte)'\'') Flush(pending);
                switch (b)
                {
                    case (byte)'{':
                        groups.Push(group);
                        group = group.Copy();
                        at++;
                        break;
                    case (byte)'}':
                        if (groups.Count == 0) { at = rtf.Length; break; } // text after the document's end
                        EndGroup();
                        at++;
                        break;
                    case (byte)'\\':
                        ControlWord(pending);
                        break;
                    case (byte)'\r' or (byte)'\n':
                        at++;
                        break;
                    default:
                        Put((char)b); // RTF text is 7-bit; anything else is read as Latin-1
                        at++;
                        break;
                }
            }
            Flush(pending);
            if (paragraph.Length > 0) EndParagraph();
            if (tableOpen) rows.Close();
            return text.ToString();
        }

        private void EndGroup()
        {
            var inner = group;
            group = groups.Pop();
            skipChars = 0; // a \u's fallback ends with its group
            // A list number, spaced and followed by a tab as the writer laid it out: "I." and one space, as the other
            // readers write a label.
            if (inner.ListNumber && !group.ListNumber && inner.LabelStart <= paragraph.Length)
            {
                var label = paragraph.ToString(inner.LabelStart, paragraph.Length - inner.LabelStart).Trim();
                paragraph.Length = inner.LabelStart;
                if (label.Length > 0) paragraph.Append(label).Append(' ');
            }
        }

        private void ControlWord(List<byte> pending)
        {
            at++; // the backslash
            if (at >= rtf.Length) return; // a backslash that ends the file
            byte c = rtf[at];
            if (!IsLetter(c))
            {
                at++;
                switch ((char)c)
                {
                    case '\'':
                        if (at + 2 <= rtf.Length && byte.TryParse(Encoding.ASCII.GetString(rtf, at, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var value))
                        {
                            at += 2;
                            if (skipChars > 0) skipChars--;
                            else if (!group.Skip && !group.Deleted) pending.Add(value);
                        }
                        return;
                    case '*': group.Skip = true; return; // an ignorable destination: this reader ignores them all
                    case '\\' or '{' or '}': Put((char)c); return;
                    case '~': Put('\u00A0'); return;
                    case '_': Put('-'); return;
                    case '\r' or '\n': Special("par"); return;
                    default: return; // \- optional hyphen, \: index, \| formula
                }
            }
            int start = at;
            while (at < rtf.Length && IsLetter(rtf[at])) at++;
            var word = Encoding.ASCII.GetString(rtf, start, at - start);
            int? parameter = null;
            int sign = 1, digits = at;
            if (at < rtf.Length && rtf[at] == (byte)'-') { sign = -1; at++; digits = at; }
            long number = 0;
            while (at < rtf.Length && rtf[at] is >= (byte)'0' and <= (byte)'9' && at - digits < 10) number = number * 10 + (rtf[at++] - '0');
            if (at > digits) parameter = (int)Math.Clamp(sign * number, int.MinValue, int.MaxValue);
            else if (sign < 0) at--;
            if (at < rtf.Length && rtf[at] == (byte)' ') at++; // the delimiter
            Flush(pending);
            Word(word, parameter);
        }

        private void Word(string word, int? parameter)
        {
            if (group.FontTable)
            {
                // \fN opens an entry, \fcharsetN gives its character set; the names are not text (the group is skipped).
                if (word == "f" && parameter is { } f) fontNumber = f;
                else if (word == "fcharset" && parameter is { } cs && fontNumber >= 0) fontCharsets[fontNumber] = cs;
                return;
            }
            if (word == "fonttbl")
            {
                (group.FontTable, group.Skip) = (true, true);
                return;
            }
            if (Skipped.Contains(word))
            {
                group.Skip = true;
                return;
            }
            if (skipChars > 0 && word != "u") { skipChars--; return; } // a fallback written as a control word
            switch (word)
            {
                case "ansicpg" when parameter is { } cp: codePage = CodePage(cp) ?? Ansi; return;
                case "f" when parameter is { } font:
                    group.Font = fontCharsets.TryGetValue(font, out var charset) ? Charset(charset) : null;
                    return;
                case "uc" when parameter is { } n: group.Uc = Math.Clamp(n, 0, 10); return;
                case "bin" when parameter is { } length: // raw bytes (a picture's), braces and backslashes included
                    at = (int)Math.Min(rtf.Length, at + (long)Math.Max(0, length));
                    return;
                case "u" when parameter is { } code:
                    Put((char)(code < 0 ? code + 65536 : code));
                    skipChars = group.Uc;
                    return;
                case "listtext" or "pntext":
                    (group.ListNumber, group.LabelStart) = (true, paragraph.Length);
                    return;
                case "pard": inTable = false; return;
                case "deleted": group.Deleted = parameter != 0; return;
                case "plain": group.Deleted = false; return; // character formatting back to the default
                case "intbl": inTable = true; return;
                case "tab": Put('\t'); return;
                case "line": Put('\n'); return;
                case "emdash": Put('—'); return;
                case "endash": Put('–'); return;
                case "bullet": Put('•'); return;
                case "lquote": Put('‘'); return;
                case "rquote": Put('’'); return;
                case "ldblquote": Put('“'); return;
                case "rdblquote": Put('”'); return;
                default: Special(word); return;
            }
        }

        private void Special(string word)
        {
            if (group.Skip || group.Deleted) return; // a deleted paragraph mark joins its paragraph to the next
            switch (word)
            {
                case "par" or "page" or "sect": EndParagraph(); return;
                case "cell": EndParagraph(cellMark: true); return;
                case "nestcell": EndParagraph(); return; // a nested table's cell: a paragraph of the outer cell
                case "row":
                    if (rowOpen) rows!.EndRow();
                    rowOpen = cellOpen = false;
                    return;
            }
        }

        private void Put(char c)
        {
            if (skipChars > 0) { skipChars--; return; }
            if (group.Skip || group.Deleted) return;
            paragraph.Append(c);
        }

        private void Flush(List<byte> pending)
        {
            if (pending.Count == 0) return;
            var encoding = group.Font ?? codePage;
            foreach (var c in encoding.GetString(pending.ToArray())) paragraph.Append(c);
            pending.Clear();
        }

        private void EndParagraph(bool cellMark = false)
        {
            var line = paragraph.ToString();
            paragraph.Clear();
            if (!inTable && !cellMark)
            {
                if (tableOpen) { rows!.Close(); tableOpen = rowOpen = cellOpen = false; }
                rows!.Paragraph(line);
                return;
            }
            if (!tableOpen) { rows!.Open(); tableOpen = true; }
            if (!rowOpen) { rows!.StartRow(); rowOpen = true; }
            if (!cellOpen) { rows!.StartCell(); cellOpen = true; }
            if (line.Length > 0) rows!.Paragraph(line);
            if (cellMark) cellOpen = false;
        }

        private static bool IsLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

        private static Encoding? CodePage(int cp) =>
            cp is 65001 ? Encoding.UTF8 : cp is > 0 and < 65536 ? CodePagesEncodingProvider.Instance.GetEncoding(cp) ?? TryDefault(cp) : null;

        private static Encoding? TryDefault(int cp)
        {
            try { return Encoding.GetEncoding(cp); }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException) { return null; }
        }

        /// <summary>A font's character set (\fcharset) as a code page; 0 (ANSI) and unknown ones fall back to the document's.</summary>
        private static Encoding? Charset(int charset) => charset switch
        {
            163 => CodePage(1258), // Vietnamese
            161 => CodePage(1253),
            162 => CodePage(1254),
            186 => CodePage(1257),
            204 => CodePage(1251),
            238 => CodePage(1250),
            _ => null,
        };
    }
}
