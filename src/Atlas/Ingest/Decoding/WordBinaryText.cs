using System.Text;
using static Atlas.Ingest.Decoding.CompoundFile;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// The body text of a Word 97–2003 document (.doc, the binary format most provincial documents still circulate in):
/// the main document's characters through the piece table, paragraphs as lines, tables through <see cref="TableRows"/>
/// (so a task table reads as it does from a .docx), and of each field only what it shows. Tracked deletions, headers,
/// footers, footnotes, comments and text boxes are left out, like the .docx reader leaves them out. Word's automatic numbering set on a
/// paragraph is not in the text but in list tables Word evaluates when it prints: it is written out the same way
/// (<see cref="ListLabels"/>); numbering a paragraph takes from its style is not, and the report says so.
/// </summary>
/// <remarks>
/// Format: [MS-DOC]. The FIB at the start of the WordDocument stream gives the length of the main text and where the
/// piece table (Clx) and the paragraph properties (PlcBtePapx) are in the table stream; a piece is either
/// Windows-1252 bytes or UTF-16 code units. A paragraph's properties tell a table's cell mark from its row mark.
/// Word 6/95 files (another FIB) and encrypted files are refused with a message.
/// </remarks>
internal static class WordBinaryText
{
    /// <summary>The text, or null with <paramref name="error"/> saying why the document cannot be read.</summary>
    public static string? Read(byte[] bytes, out string? error)
    {
        var container = new CompoundFile(bytes);
        var word = container.Stream("WordDocument");
        if (word is null)
        {
            error = "tệp OLE2 không phải văn bản Word (an OLE2 file that is not a Word document: an Excel .xls or an Outlook .msg?)";
            return null;
        }
        if (U16(word, 0) != 0xA5EC || U16(word, 2) < 0xC1)
        {
            error = "văn bản Word 6.0/95 hoặc cũ hơn (a Word 6.0/95 or older document): hãy mở và lưu lại dưới dạng .docx (open it and save it as .docx)";
            return null;
        }
        var flags = U16(word, 0x0A);
        if ((flags & 0x0100) != 0)
        {
            error = "văn bản Word có mật khẩu (a password-protected Word document): hãy bỏ mật khẩu hoặc lưu lại dưới dạng .docx (remove the password or save it as .docx)";
            return null;
        }
        var table = container.Stream((flags & 0x0200) != 0 ? "1Table" : "0Table")
            ?? throw new InvalidDataException("no table stream");
        var fib = new Fib(word);
        var pieces = Pieces(table, fib.FcLcb(Fib.Clx));
        var paragraphs = new ParagraphProperties(word, table, fib.FcLcb(Fib.PlcfBtePapx));
        var lists = Lists.Read(table, fib.FcLcbOrNone(Fib.PlfLst), fib.FcLcbOrNone(Fib.PlfLfo));
        var deleted = new DeletedText(word, table, fib.FcLcb(Fib.PlcfBteChpx));
        error = null;
        return new Reader(word, pieces, paragraphs, lists, deleted).Text(fib.CcpText);
    }

    /// <summary>The FIB's variable-length parts located, so its fields are read where this file puts them.</summary>
    private sealed class Fib(byte[] word)
    {
        // Entries of fibRgFcLcb97: where in the table stream the piece table, the paragraph properties and the lists are.
        public const int PlcfBteChpx = 12, PlcfBtePapx = 13, Clx = 33, PlfLst = 73, PlfLfo = 74;

        private readonly int longs = 34 + 2 * U16(word, 32) + 2; // after csw, fibRgW and cslw
        private int Pairs => longs + 4 * U16(word, longs - 2) + 2; // after fibRgLw and cbRgFcLcb

        /// <summary>Characters of the main document (fibRgLw.ccpText).</summary>
        public int CcpText => (int)Math.Min(U32(word, longs + 12), int.MaxValue);

        /// <summary>The offset and length of entry <paramref name="index"/> of fibRgFcLcb (in the table stream).</summary>
        public (int Fc, int Lcb) FcLcb(int index)
        {
            if (index >= U16(word, Pairs - 2)) throw new InvalidDataException("FIB too short");
            return ((int)U32(word, Pairs + 8 * index), (int)U32(word, Pairs + 8 * index + 4));
        }

        /// <summary>As <see cref="FcLcb"/>, or none (0, 0) when this FIB is too short to have the entry.</summary>
        public (int Fc, int Lcb) FcLcbOrNone(int index) => index < U16(word, Pairs - 2) ? FcLcb(index) : (0, 0);
    }

    /// <summary>A run of characters: CPs [Start, End) stored from file offset Fc, one byte (Windows-1252) or two per character.</summary>
    private readonly record struct Piece(int Start, int End, int Fc, bool Compressed);

    /// <summary>The piece table: the Pcdt of the Clx (after any Prc, which holds formatting only).</summary>
    private static List<Piece> Pieces(byte[] table, (int Fc, int Lcb) clx)
    {
        int at = clx.Fc, end = clx.Fc + clx.Lcb;
        if (clx.Lcb <= 0 || clx.Fc < 0 || end > table.Length) throw new InvalidDataException("no piece table");
        while (at < end && table[at] == 0x01) at += 3 + U16(table, at + 1);
        if (at >= end || table[at] != 0x02) throw new InvalidDataException("no piece table");
        int lcb = (int)U32(table, at + 1), plc = at + 5, n = (lcb - 4) / 12;
        if (n <= 0 || plc + lcb > table.Length) throw new InvalidDataException("damaged piece table");
        var pieces = new List<Piece>(n);
        for (int i = 0; i < n; i++)
        {
            int start = (int)U32(table, plc + 4 * i), stop = (int)U32(table, plc + 4 * (i + 1));
            uint fc = U32(table, plc + 4 * (n + 1) + 8 * i + 2);
            bool compressed = (fc & 0x40000000) != 0;
            int offset = (int)(fc & 0x3FFFFFFF);
            if (stop > start) pieces.Add(new Piece(start, stop, compressed ? offset / 2 : offset, compressed));
        }
        return pieces;
    }

    /// <summary>
    /// A PlcBte (PlcBtePapx, PlcBteChpx): ranges of file offsets, each described by one 512-byte FKP page of the
    /// WordDocument stream. An unreadable table describes nothing.
    /// </summary>
    private sealed class PageTable
    {
        private readonly int[] fcs = [];
        private readonly int[] pages = [];

        public PageTable(byte[] table, (int Fc, int Lcb) plc)
        {
            int n = (plc.Lcb - 4) / 8;
            if (n <= 0 || plc.Fc < 0 || plc.Fc + plc.Lcb > table.Length) return;
            fcs = new int[n + 1];
            pages = new int[n];
            for (int i = 0; i <= n; i++) fcs[i] = (int)U32(table, plc.Fc + 4 * i);
            for (int i = 0; i < n; i++) pages[i] = (int)(U32(table, plc.Fc + 4 * (n + 1) + 4 * i) & 0x3FFFFF);
        }

        /// <summary>Where the page describing <paramref name="fc"/> starts in <paramref name="word"/>, or -1 (none, or past the end).</summary>
        public int PageOf(int fc, byte[] word)
        {
            int i = Array.BinarySearch(fcs, fc);
            if (i < 0) i = ~i - 1;
            if (i < 0 || i >= pages.Length || pages[i] * 512L + 512 > word.Length) return -1;
            return pages[i] * 512;
        }

        /// <summary>
        /// The run of the FKP page at <paramref name="page"/> that holds <paramref name="fc"/>: its range, and where its
        /// properties are in the page (0: none). A page's runs are its offsets, then one entry of
        /// <paramref name="entryBytes"/> each (13 for paragraphs, 1 for characters), whose first byte is that place halved.
        /// </summary>
        public static (int From, int To, int Properties)? Run(byte[] word, int page, int fc, int entryBytes)
        {
            int runs = word[page + 511];
            if (4 * (runs + 1) + entryBytes * runs > 511) return null; // more runs than a page holds: damaged
            for (int r = 0; r < runs; r++)
            {
                int from = (int)U32(word, page + 4 * r), to = (int)U32(word, page + 4 * (r + 1));
                if (fc >= from && fc < to) return (from, to, word[page + 4 * (runs + 1) + entryBytes * r] * 2);
            }
            return null;
        }
    }

    /// <summary>
    /// The length of a sprm's operand from its code (spra: the top three bits) — variable ones give their length in
    /// their first byte, sprmTDefTable in its first two —, or -1 for sprmPChgTabs's own layout, where reading stops.
    /// </summary>
    private static int OperandSize(byte[] word, int sprm, int operand) => (sprm >> 13) switch
    {
        0 or 1 => 1,
        2 or 4 or 5 => 2,
        3 => 4,
        7 => 3,
        _ when sprm == 0xD608 => U16(word, operand) + 1,
        _ when sprm == 0xC615 && Byte(word, operand) == 255 => -1,
        _ => Byte(word, operand) + 1,
    };

    /// <summary>What the reader needs of a paragraph's properties: whether its mark is in a table, and ends a row; its list
    /// (1-based index into the LFOs, 0 for none) and level.</summary>
    private readonly record struct Paragraph(bool InTable, bool RowEnd, int Depth, int List = 0, int Level = 0);

    /// <summary>
    /// Paragraph properties by the file offset of the paragraph's mark: PlcBtePapx → 512-byte FKP pages of the WordDocument
    /// stream → the PAPX's sprms. Only sprmPFInTable, sprmPFTtp and sprmPItap are read; anything unreadable counts as
    /// a paragraph outside tables.
    /// </summary>
    private sealed class ParagraphProperties
    {
        private readonly byte[] word;
        private readonly PageTable table;

        public ParagraphProperties(byte[] word, byte[] tableStream, (int Fc, int Lcb) plc) => (this.word, table) = (word, new PageTable(tableStream, plc));

        public Paragraph Of(int fc)
        {
            int page = table.PageOf(fc, word);
            if (page < 0) return default;
            try { return InPage(page, fc); }
            catch (InvalidDataException) { return default; }
        }

        private Paragraph InPage(int page, int fc)
        {
            if (PageTable.Run(word, page, fc, entryBytes: 13) is not { Properties: > 0 } run) return default;
            int at = page + run.Properties, cb = Byte(word, at), length = cb != 0 ? 2 * cb - 1 : 2 * Byte(word, at + 1);
            int start = at + (cb != 0 ? 1 : 2) + 2; // past cb (and cb') and the style index
            return Sprms(start, Math.Min(start + length - 2, page + 511));
        }

        private Paragraph Sprms(int at, int end)
        {
            bool inTable = false, rowEnd = false;
            int depth = 0, list = 0, level = 0;
            while (at + 2 <= end)
            {
                int sprm = U16(word, at), operand = at + 2, size = OperandSize(word, sprm, operand);
                if (size < 0 || operand + size > end + 1) break;
                switch (sprm)
                {
                    case 0x2416: inTable = Byte(word, operand) != 0; break;
                    case 0x2417: rowEnd = Byte(word, operand) != 0; break;
                    case 0x6649: depth = (int)U32(word, operand); break;
                    case 0x260A: level = Byte(word, operand); break;
                    case 0x460B: list = (short)U16(word, operand); break;
                }
                at = operand + size;
            }
            return new Paragraph(inTable, rowEnd, inTable && depth == 0 ? 1 : depth, list, level);
        }
    }

    /// <summary>
    /// Which characters are a tracked deletion (sprmCFRMarkDel in their CHPX, through PlcBteChpx and 512-byte FKP pages):
    /// Word keeps deleted text in the document until the revision is accepted, the .docx reader leaves such text out
    /// (w:del), and so does this one. Characters are read in file order, so the last run found is asked first.
    /// </summary>
    private sealed class DeletedText
    {
        private readonly byte[] word;
        private readonly PageTable table;
        private int runFrom = 1, runTo; // the run found last: [runFrom, runTo), empty at first
        private bool runDeleted;

        public DeletedText(byte[] word, byte[] tableStream, (int Fc, int Lcb) plc) => (this.word, table) = (word, new PageTable(tableStream, plc));

        public bool At(int fc)
        {
            if (fc >= runFrom && fc < runTo) return runDeleted;
            (runFrom, runTo, runDeleted) = (fc, fc + 1, false);
            int page = table.PageOf(fc, word);
            if (page < 0) return false;
            try { return runDeleted = InPage(page, fc); }
            catch (InvalidDataException) { return runDeleted = false; }
        }

        private bool InPage(int page, int fc)
        {
            if (PageTable.Run(word, page, fc, entryBytes: 1) is not { } run) return false;
            (runFrom, runTo) = (run.From, run.To);
            if (run.Properties == 0) return false;
            int chpx = page + run.Properties, end = chpx + 1 + Byte(word, chpx);
            for (int sprm = chpx + 1; sprm + 2 <= end && sprm + 2 <= page + 511;)
            {
                int code = U16(word, sprm), size = OperandSize(word, code, sprm + 2);
                // sprmCFRMarkDel: a toggle; 1 on, 0x81 the style's opposite (the style is never a deletion).
                if (code == 0x0800) return Byte(word, sprm + 2) is 1 or 0x81;
                if (size < 0) return false;
                sprm += 2 + size;
            }
            return false;
        }
    }

    /// <summary>Walks the main document's characters once and writes paragraphs and table rows.</summary>
    private sealed class Reader(byte[] word, List<Piece> pieces, ParagraphProperties properties, Lists lists, DeletedText deleted)
    {
        private readonly StringBuilder text = new();
        private readonly StringBuilder paragraph = new();
        private TableRows? rows;
        private bool tableOpen, rowOpen, cellOpen;
        // Fields: per open field, whether its result (after the separator) has begun; the instruction is not shown.
        private readonly Stack<bool> fields = new();

        public string Text(int ccpText)
        {
            rows = new TableRows(text);
            foreach (var piece in pieces)
            {
                int end = Math.Min(piece.End, ccpText);
                for (int cp = piece.Start; cp < end; cp++)
                {
                    int fc = piece.Compressed ? piece.Fc + (cp - piece.Start) : piece.Fc + 2 * (cp - piece.Start);
                    char c = piece.Compressed
                        ? SingleByte.Windows1252(Byte(word, fc))
                        : (char)U16(word, fc);
                    // A deleted paragraph mark joins its paragraph to the next, as accepting the deletion would.
                    if (!deleted.At(fc)) Put(c, fc);
                }
            }
            if (paragraph.Length > 0) EndParagraph(new Paragraph(false, false, 0));
            if (tableOpen) rows.Close();
            return text.ToString();
        }

        private void Put(char c, int fc)
        {
            switch (c)
            {
                case '\u0013': fields.Push(false); return;
                case '\u0014': if (fields.Count > 0) { fields.Pop(); fields.Push(true); } return;
                case '\u0015': if (fields.Count > 0) fields.Pop(); return;
            }
            if (fields.Count > 0 && !fields.Peek()) return; // inside a field's instruction
            switch (c)
            {
                case '\r' or '\u0007': EndParagraph(properties.Of(fc), cellMark: c == '\u0007'); return;
                case '\u000C': EndParagraph(new Paragraph(false, false, 0)); return; // page or section break
                case '\u000B': paragraph.Append('\n'); return; // manual line break
                case '\t': paragraph.Append('\t'); return;
                case '\u001E': paragraph.Append('-'); return; // non-breaking hyphen
                case < ' ': return; // objects, pictures, note references, optional hyphens
                default: paragraph.Append(c); return;
            }
        }

        private void EndParagraph(Paragraph props, bool cellMark = false)
        {
            var line = paragraph.ToString();
            paragraph.Clear();
            if (props.List > 0 && lists.Next(props.List, props.Level) is { Length: > 0 } label) line = label + " " + line;
            if (!props.InTable)
            {
                if (tableOpen) { rows!.Close(); tableOpen = rowOpen = cellOpen = false; }
                if (line.Length > 0 || !cellMark) rows!.Paragraph(line);
                return;
            }
            if (cellMark && props.RowEnd && props.Depth <= 1)
            {
                if (rowOpen) rows!.EndRow();
                rowOpen = cellOpen = false;
                return;
            }
            if (!tableOpen) { rows!.Open(); tableOpen = true; }
            if (!rowOpen) { rows!.StartRow(); rowOpen = true; }
            if (!cellOpen) { rows!.StartCell(); cellOpen = true; }
            if (line.Length > 0) rows!.Paragraph(line);
            // A cell's mark ends the cell (a nested table's marks are paragraphs of the outer cell).
            if (cellMark && props.Depth <= 1) cellOpen = false;
        }
    }

    /// <summary>
    /// The document's lists: PlfLst (LSTF records, each list's id and whether it has one level or nine) followed by the
    /// lists' LVL records (start, number format, label text with placeholders), and PlfLfo, which maps the list index a
    /// paragraph names (sprmPIlfo) to a list id. Unreadable lists number nothing.
    /// </summary>
    private sealed class Lists
    {
        private readonly ListLabels labels = new();
        private readonly uint[] listOf = [];

        private Lists() { }

        private Lists(uint[] listOf) => this.listOf = listOf;

        public static Lists Read(byte[] table, (int Fc, int Lcb) plfLst, (int Fc, int Lcb) plfLfo)
        {
            try
            {
                if (plfLst.Lcb <= 0 || plfLfo.Lcb <= 0) return new Lists();
                int lfos = (int)U32(table, plfLfo.Fc);
                if (lfos is < 0 or > 65535) return new Lists();
                var listOf = new uint[lfos];
                for (int i = 0; i < lfos; i++) listOf[i] = U32(table, plfLfo.Fc + 4 + 16 * i);
                var lists = new Lists(listOf);
                int count = (short)U16(table, plfLst.Fc), at = plfLst.Fc + 2 + 28 * count;
                for (int l = 0; l < count; l++)
                {
                    int lstf = plfLst.Fc + 2 + 28 * l;
                    var id = U32(table, lstf).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    int levels = (Byte(table, lstf + 26) & 0x01) != 0 ? 1 : 9; // fSimpleList
                    for (int level = 0; level < levels; level++) at = lists.ReadLevel(table, at, id, level);
                }
                return lists;
            }
            catch (InvalidDataException)
            {
                return new Lists();
            }
        }

        /// <summary>One LVL: LVLF (28 bytes), its paragraph and character properties, then the label text (Xst).</summary>
        private int ReadLevel(byte[] table, int at, string list, int level)
        {
            int start = (int)U32(table, at), nfc = Byte(table, at + 4);
            int chpx = Byte(table, at + 24), papx = Byte(table, at + 25);
            int xst = at + 28 + papx + chpx, length = U16(table, xst);
            if (xst + 2 + 2 * length > table.Length) throw new InvalidDataException("list level past the end");
            var text = new StringBuilder();
            for (int i = 0; i < length; i++)
            {
                char c = (char)U16(table, xst + 2 + 2 * i);
                // A character 0–8 stands for that level's number.
                if (c < 9) text.Append('%').Append((char)('1' + c));
                else text.Append(c);
            }
            var format = nfc switch { 1 => "upperRoman", 2 => "lowerRoman", 3 => "upperLetter", 4 => "lowerLetter", 23 => "bullet", 255 => "none", _ => "decimal" };
            labels.Define(list, level, new ListLabels.Level(format, text.ToString(), start));
            return xst + 2 + 2 * length;
        }

        /// <summary>The label of the next paragraph of the list at 1-based index <paramref name="lfo"/>, at <paramref name="level"/>.</summary>
        public string? Next(int lfo, int level) =>
            lfo >= 1 && lfo <= listOf.Length ? labels.Next(listOf[lfo - 1].ToString(System.Globalization.CultureInfo.InvariantCulture), level) : null;
    }
}
