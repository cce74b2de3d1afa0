using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// The text of a PDF with a text layer (what Word or LibreOffice export, what provincial portals publish): its glyphs
/// (PdfPig) put back into lines by position, footnotes (<see cref="Footnotes"/>), page numbers and running headers
/// (<see cref="PageFurniture"/>) left out, then into paragraphs, layout columns and table rows by <see cref="PdfLayout"/>. A PDF holds no paragraphs, only positioned glyphs, so the text is
/// rebuilt from layout and the report says so. A scan (pages of pictures, no text) is refused: it needs OCR first.
/// </summary>
internal static class PdfText
{
    /// <summary>Most pages read: a programme is tens of pages; a bigger PDF is not one.</summary>
    public const int MaxPages = 2_000;

    /// <summary>A page with fewer glyphs than this is counted as having no text (a scan, a picture, a stamp).</summary>
    private const int MinGlyphsOnTextPage = 20;

    /// <summary>A PDF file starts with its header (a text that merely mentions "%PDF-" further on is still text).</summary>
    public static bool LooksLike(ReadOnlySpan<byte> bytes) => bytes.StartsWith("%PDF-"u8);

    /// <summary>
    /// The text, or null with <paramref name="error"/> saying why; <paramref name="notes"/> name the pages a reviewer
    /// should check against the PDF (pages of pictures only, text set sideways).
    /// </summary>
    public static string? Read(byte[] bytes, out string? error, out IReadOnlyList<string> notes)
    {
        notes = [];
        var pages = new List<PdfPage>();
        var empty = new List<int>();
        var sideways = new List<int>();
        bool active;
        try
        {
            using var document = PdfDocument.Open(bytes, Options());
            if (document.NumberOfPages > MaxPages)
            {
                error = $"tệp PDF quá nhiều trang: {document.NumberOfPages} trang, giới hạn {MaxPages} (PDF of {document.NumberOfPages} pages: too many for a programme)";
                return null;
            }
            for (int n = 1; n <= document.NumberOfPages; n++)
            {
                var page = document.GetPage(n);
                var letters = page.Letters;
                int shown = 0, turned = 0;
                foreach (var letter in letters)
                {
                    if (string.IsNullOrWhiteSpace(letter.Value)) continue;
                    shown++;
                    if (letter.TextOrientation != TextOrientation.Horizontal) turned++;
                }
                if (shown < MinGlyphsOnTextPage) empty.Add(n);
                if (turned >= MinGlyphsOnTextPage) sideways.Add(n);
                pages.Add(new PdfPage(n, page.Width, page.Height, Lines(letters, Rules(page))));
            }
            active = HasActiveContent(document);
        }
        catch (UglyToad.PdfPig.Exceptions.PdfDocumentEncryptedException)
        {
            error = "tệp PDF được bảo vệ bằng mật khẩu (password-protected PDF): hãy lưu một bản không có mật khẩu (save a copy without the password)";
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // PdfPig reports damage with many exception types (its own, format, argument, index, invalid operation…).
            error = $"tệp PDF bị hỏng (damaged PDF document: {ex.Message})";
            return null;
        }
        if (pages.Count == 0)
        {
            error = "tệp PDF không có trang nào (a PDF without pages: damaged, or not a document)";
            return null;
        }
        if (empty.Count == pages.Count)
        {
            error = "tệp PDF chỉ có hình ảnh, không có lớp chữ (a scanned PDF: its pages are pictures without a text layer); " +
                "hãy nhận dạng chữ (OCR) hoặc xin bản Word (run OCR on it, or ask for the Word file)";
            return null;
        }
        error = null;
        pages = [.. Footnotes.Remove(pages, out var footnotePages)];
        notes = [
            .. empty.Count > 0 ? [$"Trang chỉ có hình ảnh, không đọc được chữ (pages of pictures only, no text read: {string.Join(", ", empty)}): kiểm tra với bản PDF (check them against the PDF; they may need OCR)"] : Array.Empty<string>(),
            .. footnotePages.Count > 0 ? [$"Chú thích cuối trang bị bỏ (footnotes left out, pages {string.Join(", ", footnotePages)}), như với tệp Word (as from a Word document)"] : Array.Empty<string>(),
            .. active ? ["Tệp PDF có mã lệnh hoặc hành động tự chạy (JavaScript, tệp đính kèm…): chữ được đọc nhưng bản gốc không được đăng lên site (the PDF holds scripts, actions or attached files: its text is read, its original is not published)"] : Array.Empty<string>(),
            .. sideways.Count > 0 ? [$"Chữ xoay ngang bị bỏ qua (text set sideways left out, pages {string.Join(", ", sideways)}): kiểm tra với bản PDF (check them against the PDF, e.g. a table turned to landscape)"] : Array.Empty<string>(),
        ];
        return PdfLayout.Text(PageFurniture.Remove(pages));
    }

    /// <summary>
    /// Whether the PDF holds anything a viewer may run or open by itself: JavaScript, launch, import or submit actions,
    /// automatic actions (/AA), embedded files, rich media, XFA forms. Every object is looked at, those packed in object
    /// streams too. Such a PDF's text is read but its original is not published (a reader opening it from the atlas
    /// would run what it holds); one that cannot be looked at counts as holding something.
    /// </summary>
    public static bool HasActiveContent(byte[] bytes)
    {
        try
        {
            using var document = PdfDocument.Open(bytes, Options());
            return HasActiveContent(document);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return true;
        }
    }

    private static bool HasActiveContent(PdfDocument document)
    {
        var structure = document.Structure;
        foreach (var reference in structure.CrossReferenceTable.ObjectOffsets.Keys.OrderBy(r => r.ObjectNumber).ThenBy(r => r.Generation))
            if (Active(structure.GetObject(reference).Data, 0)) return true;
        return false;
    }

    /// <summary>How every PDF is opened: leniently (real files are often slightly off), with bounded stream filters.</summary>
    private static ParsingOptions Options() => new() { UseLenientParsing = true, SkipMissingFonts = true, FilterProvider = new BoundedFilters() };

    private static readonly HashSet<string> ActiveNames = new(StringComparer.Ordinal)
        { "JavaScript", "Launch", "ImportData", "SubmitForm", "EmbeddedFile", "RichMedia", "GoToE", "Rendition", "Movie", "Sound" };

    private static readonly HashSet<string> ActiveKeys = new(StringComparer.Ordinal) { "JS", "AA", "XFA", "EmbeddedFiles" };

    private static bool Active(UglyToad.PdfPig.Tokens.IToken? token, int depth) => depth < 64 && token switch
    {
        UglyToad.PdfPig.Tokens.NameToken name => ActiveNames.Contains(name.Data),
        UglyToad.PdfPig.Tokens.DictionaryToken dictionary => dictionary.Data.Any(e => ActiveKeys.Contains(e.Key) || Active(e.Value, depth + 1)),
        UglyToad.PdfPig.Tokens.ArrayToken array => array.Data.Any(t => Active(t, depth + 1)),
        UglyToad.PdfPig.Tokens.StreamToken stream => Active(stream.StreamDictionary, depth + 1),
        _ => false,
    };

    /// <summary>
    /// A page's glyphs as visual lines, top to bottom: glyphs on one baseline (within 0.45 of their size, so a raised
    /// number stays on its line) whatever order the file draws them in, left to right, split into segments where a gap
    /// is wider than a column gap or a drawn vertical line stands between two glyphs.
    /// </summary>
    private static IReadOnlyList<PdfLine> Lines(IReadOnlyList<Letter> letters, IReadOnlyList<Rule> rules)
    {
        var vertical = rules.Where(r => r.Vertical).ToList();
        var glyphs = Glyphs(letters);
        // Top to bottom (PDF y grows upwards), then left to right; the drawing order breaks ties, so the result is fixed.
        glyphs.Sort(static (a, b) => a.Baseline != b.Baseline ? b.Baseline.CompareTo(a.Baseline) : a.Order.CompareTo(b.Order));
        var lines = new List<PdfLine>();
        int start = 0;
        for (int i = 1; i <= glyphs.Count; i++)
        {
            // Within 0.45 of a size: a superscript (a footnote's number, m²) stands a third of a size above its line.
            if (i < glyphs.Count && glyphs[start].Baseline - glyphs[i].Baseline <= 0.45 * Math.Max(glyphs[start].Size, glyphs[i].Size)) continue;
            var line = glyphs.GetRange(start, i - start);
            line.Sort(static (a, b) => a.X0 != b.X0 ? a.X0.CompareTo(b.X0) : a.Order.CompareTo(b.Order));
            // The line's own baseline and size are those of its full-size glyphs, not of a raised number among them.
            double size = line.Max(g => g.Size);
            var baselines = line.Where(g => g.Size >= 0.85 * size).Select(g => g.Baseline).Order().ToList();
            double baseline = baselines[baselines.Count / 2];
            double middle = baseline + 0.3 * size;
            var crossing = vertical.Where(r => r.From <= middle && middle <= r.To).Select(r => r.At).Order().ToArray();
            if (Segments(line, size, baseline, crossing) is { Count: > 0 } segments)
            {
                var above = lines.Count > 0 ? lines[^1] : null;
                // A horizontal line between this line's glyphs and the descenders of the line above: a table's row border.
                bool ruleAbove = above is not null && rules.Any(r => !r.Vertical && r.At > baseline + 0.75 * size
                    && r.At < above.Baseline - 0.2 * above.Size && r.From <= segments[0].X0 + 1 && r.To >= segments[0].X0);
                lines.Add(new PdfLine(segments, baseline) { Ruled = crossing.Length > 0, RuleAbove = ruleAbove });
            }
            start = i;
        }
        return lines;
    }

    /// <summary>A straight line drawn on the page (a table's cell wall or row border): where it stands (x of a vertical
    /// one, y of a horizontal one) and where it runs from and to along its length.</summary>
    private readonly record struct Rule(bool Vertical, double At, double From, double To);

    /// <summary>
    /// The page's vertical and horizontal lines at least 4 points long: the straight segments of its stroked paths
    /// (cell borders drawn as lines) and the edges of filled rectangles at most 2 points thick (borders drawn as thin
    /// bars). A thicker filled shape (a shaded cell, a highlighted word) is no border: its edges would cut a line of text.
    /// </summary>
    private static IReadOnlyList<Rule> Rules(Page page)
    {
        var rules = new List<Rule>();
        foreach (var path in page.ExperimentalAccess.Paths)
        {
            if (path.IsClipping || !(path.IsStroked || path.IsFilled)) continue;
            foreach (var subpath in path)
            {
                var box = subpath.GetBoundingRectangle();
                bool thin = box is { } b && Math.Min(b.Width, b.Height) <= 2;
                if (!path.IsStroked && !thin) continue;
                foreach (var command in subpath.Commands)
                {
                    if (command is not UglyToad.PdfPig.Core.PdfSubpath.Line { From: var from, To: var to }) continue;
                    if (Math.Abs(from.X - to.X) < 1 && Math.Abs(from.Y - to.Y) >= 4)
                        rules.Add(new Rule(true, (from.X + to.X) / 2, Math.Min(from.Y, to.Y), Math.Max(from.Y, to.Y)));
                    else if (Math.Abs(from.Y - to.Y) < 1 && Math.Abs(from.X - to.X) >= 4)
                        rules.Add(new Rule(false, (from.Y + to.Y) / 2, Math.Min(from.X, to.X), Math.Max(from.X, to.X)));
                }
            }
        }
        return rules;
    }

    /// <summary>One drawn glyph (with any combining marks drawn after it), where it sits and its size.</summary>
    private readonly record struct Glyph(string Text, double X0, double X1, double Baseline, double Size, int Order, bool Space);

    private static List<Glyph> Glyphs(IReadOnlyList<Letter> letters)
    {
        var glyphs = new List<Glyph>(letters.Count);
        foreach (var letter in letters)
        {
            if (letter.TextOrientation != TextOrientation.Horizontal) continue; // stamps, margin notes, watermarks
            var value = Printable(letter.Value);
            if (value.Length == 0) continue;
            double size = letter.PointSize > 0 ? letter.PointSize : Math.Max(1, letter.GlyphRectangle.Height);
            // A combining mark drawn as a glyph of its own belongs to the letter drawn before it, whatever its position.
            if (glyphs.Count > 0 && value.All(c => CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark))
            {
                var last = glyphs[^1];
                glyphs[^1] = last with { Text = last.Text + value };
                continue;
            }
            double x0 = Math.Min(letter.StartBaseLine.X, letter.EndBaseLine.X), x1 = Math.Max(letter.StartBaseLine.X, letter.EndBaseLine.X);
            glyphs.Add(new Glyph(value, x0, x1, letter.StartBaseLine.Y, size, glyphs.Count, string.IsNullOrWhiteSpace(value)));
        }
        return glyphs;
    }

    /// <summary>
    /// What a glyph shows as text: control characters left out (a damaged or odd font maps glyphs to them; they mean
    /// nothing on a page), a symbol font's private-use character (Wingdings' bullets) read as the bullet it draws.
    /// </summary>
    private static string Printable(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        if (!value.Any(c => char.IsControl(c) || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse)) return value;
        var text = new StringBuilder(value.Length);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) text.Append(c).Append(value[++i]);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.PrivateUse) text.Append('•');
            else if (!char.IsControl(c) && !char.IsSurrogate(c)) text.Append(c);
        }
        return text.ToString();
    }

    /// <summary>
    /// A visual line's glyphs as segments: a gap wider than a fifth of the glyph size is a space (a PDF often draws no
    /// space glyph, only moves on), one wider than <see cref="PdfLayout.ColumnGap"/> sizes separates two columns or cells.
    /// </summary>
    private static List<PdfSegment> Segments(List<Glyph> line, double lineSize, double baseline, double[] rules)
    {
        var segments = new List<PdfSegment>();
        var text = new StringBuilder();
        double x0 = 0, x1 = 0, size = 0, firstWordEnd = 0;
        bool space = false, inFirstWord = true;
        Glyph? previous = null;
        bool inMark = false;
        foreach (var g in line)
        {
            if (g.Space)
            {
                space = text.Length > 0;
                continue;
            }
            // A small digit raised above the line is a reference mark (or an exponent): kept between the Footnotes marks,
            // for Footnotes to drop or keep once it knows the page's notes.
            bool raised = g.Size < 0.85 * lineSize && g.Baseline - baseline > 0.15 * lineSize && g.Text.All(char.IsAsciiDigit);
            if (inMark && !raised) { text.Append(Footnotes.MarkEnd); inMark = false; }
            // Bold faked by printing a word twice, a hair apart: the second print of a glyph is not a letter more.
            if (previous is { } p && p.Text == g.Text && Math.Abs(p.X0 - g.X0) < 0.15 * g.Size) continue;
            previous = g;
            if (text.Length > 0)
            {
                double gap = g.X0 - x1;
                // A drawn border between them (a table's cell walls) separates them however close they are.
                if (gap > PdfLayout.ColumnGap * Math.Max(size, g.Size) || Array.Exists(rules, x => x >= x1 - 0.5 && x <= g.X0 + 0.5))
                {
                    if (inMark) { text.Append(Footnotes.MarkEnd); inMark = false; }
                    segments.Add(new PdfSegment(text.ToString(), x0, x1, size, firstWordEnd - x0));
                    text.Clear();
                }
                else if (space || gap > 0.2 * Math.Max(size, g.Size))
                {
                    text.Append(' ');
                    inFirstWord = false;
                }
            }
            if (text.Length == 0) (x0, x1, size, inFirstWord) = (g.X0, g.X1, raised ? lineSize : g.Size, true);
            else (x1, size) = (Math.Max(x1, g.X1), raised ? size : Math.Max(size, g.Size));
            if (raised && !inMark) { text.Append(Footnotes.MarkStart); inMark = true; }
            text.Append(g.Text);
            if (inFirstWord) firstWordEnd = x1;
            space = false;
        }
        if (inMark) text.Append(Footnotes.MarkEnd);
        if (text.Length > 0) segments.Add(new PdfSegment(text.ToString(), x0, x1, size, firstWordEnd - x0));
        return segments;
    }
}

/// <summary>A run of text on one line with no column gap inside; <paramref name="FirstWordWidth"/> is what would have to fit on the line above.</summary>
internal sealed record PdfSegment(string Text, double X0, double X1, double Size, double FirstWordWidth);

/// <summary>A visual line: its segments left to right, and its baseline (PDF units, up is larger).</summary>
internal sealed record PdfLine(IReadOnlyList<PdfSegment> Segments, double Baseline)
{
    /// <summary>Whether a drawn vertical line (a table's cell wall) runs beside it.</summary>
    public bool Ruled { get; init; }

    /// <summary>Whether a drawn horizontal line (a table's row border) lies between it and the line above.</summary>
    public bool RuleAbove { get; init; }

    public double X0 => Segments[0].X0;
    public double X1 => Segments[^1].X1;
    public double Size => Segments.Max(s => s.Size);
    public string Text => string.Join(" ", Segments.Select(s => s.Text));
}

/// <summary>A page's lines, top to bottom.</summary>
internal sealed record PdfPage(int Number, double Width, double Height, IReadOnlyList<PdfLine> Lines);

/// <summary>
/// PdfPig's stream filters, with a bound on what Flate streams inflate to: a PDF of a few kilobytes can hold a stream
/// that inflates to gigabytes (a "zip bomb"), and the library decodes a stream whole. Each Flate stream is inflated once
/// to count its bytes, in a small buffer, before the library decodes it; past <see cref="MaxStreamBytes"/>, or past
/// <see cref="MaxDocumentBytes"/> over the document, the PDF is refused as damaged. One instance per document.
/// </summary>
internal sealed class BoundedFilters : UglyToad.PdfPig.Filters.IFilterProvider
{
    public const int MaxStreamBytes = 64 * 1024 * 1024;
    public const long MaxDocumentBytes = 256L * 1024 * 1024;

    private static readonly UglyToad.PdfPig.Filters.IFilterProvider Library = UglyToad.PdfPig.Filters.DefaultFilterProvider.Instance;
    private long inflated;

    public IReadOnlyList<UglyToad.PdfPig.Filters.IFilter> GetFilters(UglyToad.PdfPig.Tokens.DictionaryToken dictionary) => Bounded(Library.GetFilters(dictionary));

    public IReadOnlyList<UglyToad.PdfPig.Filters.IFilter> GetNamedFilters(IReadOnlyList<UglyToad.PdfPig.Tokens.NameToken> names) => Bounded(Library.GetNamedFilters(names));

    public IReadOnlyList<UglyToad.PdfPig.Filters.IFilter> GetAllFilters() => Bounded(Library.GetAllFilters());

    private IReadOnlyList<UglyToad.PdfPig.Filters.IFilter> Bounded(IReadOnlyList<UglyToad.PdfPig.Filters.IFilter> filters) =>
        filters.Select(f => f is UglyToad.PdfPig.Filters.FlateFilter ? new CountedFlate(f, this) : f).ToList();

    private sealed class CountedFlate(UglyToad.PdfPig.Filters.IFilter library, BoundedFilters owner) : UglyToad.PdfPig.Filters.IFilter
    {
        public bool IsSupported => library.IsSupported;

        public Memory<byte> Decode(Memory<byte> input, UglyToad.PdfPig.Tokens.DictionaryToken streamDictionary, UglyToad.PdfPig.Filters.IFilterProvider filterProvider, int filterIndex)
        {
            long size = Inflated(input);
            if (size > MaxStreamBytes) throw new InvalidDataException($"a stream inflates past {MaxStreamBytes / (1024 * 1024)} MB");
            if ((owner.inflated += size) > MaxDocumentBytes) throw new InvalidDataException($"its streams inflate past {MaxDocumentBytes / (1024 * 1024)} MB");
            return library.Decode(input, streamDictionary, filterProvider, filterIndex);
        }

        /// <summary>Bytes the stream inflates to, counted up to just past the limit; a stream this reader cannot inflate counts 0 (the library decides).</summary>
        private static long Inflated(Memory<byte> input)
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
            try
            {
                // The stream's bytes are read where they lie (copied only if the memory is not an array's).
                var bytes = System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(input, out var segment)
                    ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
                    : new MemoryStream(input.ToArray(), writable: false);
                using var zlib = new System.IO.Compression.ZLibStream(bytes, System.IO.Compression.CompressionMode.Decompress);
                long total = 0;
                int n;
                while (total <= MaxStreamBytes && (n = zlib.Read(buffer, 0, buffer.Length)) > 0) total += n;
                return total;
            }
            catch (InvalidDataException)
            {
                return 0;
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
