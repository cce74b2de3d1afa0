using System.Text;
using System.Text.RegularExpressions;
using Atlas.Model;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// A PDF's visual lines back into the lines a .docx gives: one per paragraph, a table row of three cells or more as one
/// line of cells joined by " | ", a block of two columns (the header's organ and motto, the closing's recipients and
/// signature) column by column, as <see cref="TableRows"/> reads such layout tables.
/// </summary>
/// <remarks>
/// A line ends its paragraph when the next line's first word would have fitted after it (a layout engine only wraps a
/// word that does not fit: the test that holds for justified and ragged text alike), when a wider gap or another type
/// size follows, when the next line starts at the indent most paragraphs of the document start at, when one of the two
/// is a heading in capitals and the other not, or when it starts like a list item after a line that ends a clause.
/// </remarks>
internal static partial class PdfLayout
{
    /// <summary>A gap wider than this many type sizes inside a line separates columns or table cells, not words.</summary>
    public const double ColumnGap = 1.5;

    /// <summary>How far (points) a cell's text may start from its column's first text and still be in that column.</summary>
    private const double Align = 3;

    /// <summary>A line that starts with numbering or a bullet, as the text ingest's block joiner asks of each physical line.</summary>
    private static bool StartsLikeItem(string text) => Structure.MarkerReader.Starts(text, out _);

    /// <summary>A list number or bullet alone: what a numbered paragraph shows before the tab to its text.</summary>
    [GeneratedRegex(@"^(?:(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđA-ZĐ])[.)\-–]|\(\d+\)\.?|[-–+•▪◦●○■□➢✓])$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    /// <summary>
    /// The line with a list label and the text after its tab as one segment ("I." + "MỤC TIÊU" → "I. MỤC TIÊU"). Only
    /// a line of those two segments, outside drawn cell walls: a table row's number ("1." | task | agency) keeps its cell.
    /// </summary>
    private static PdfLine LabelJoined(PdfLine line)
    {
        if (line.Segments.Count != 2 || line.Ruled || !Label().IsMatch(line.Segments[0].Text)) return line;
        var (label, body) = (line.Segments[0], line.Segments[1]);
        return line with { Segments = [new PdfSegment(label.Text + " " + body.Text, label.X0, body.X1, Math.Max(label.Size, body.Size), label.FirstWordWidth)] };
    }

    public static string Text(IReadOnlyList<PdfPage> pages)
    {
        var flow = pages.SelectMany(p => p.Lines.Select(l => (Page: p.Number, Line: LabelJoined(l)))).ToList();
        if (flow.Count == 0) return "";
        var geometry = Geometry.Of(flow.Select(f => f.Line).ToList());
        var text = new StringBuilder();
        var paragraph = new StringBuilder();
        PdfLine? previous = null;
        int previousPage = 0;

        void EndParagraph()
        {
            if (paragraph.Length > 0) text.Append(paragraph).Append('\n');
            paragraph.Clear();
            previous = null;
        }

        for (int i = 0; i < flow.Count;)
        {
            var (page, line) = flow[i];
            if (line.Segments.Count >= 3)
            {
                EndParagraph();
                i = Table(flow, i, geometry, text);
                continue;
            }
            if (line.Segments.Count == 2)
            {
                EndParagraph();
                i = Columns(flow, i, geometry, text);
                continue;
            }
            if (previous is not null && !geometry.Continues(previous, line, samePage: page == previousPage)) EndParagraph();
            Join(paragraph, line.Segments[0].Text);
            (previous, previousPage) = (line, page);
            i++;
        }
        EndParagraph();
        return text.ToString();
    }

    /// <summary>
    /// Appends a line's text to the text its paragraph (or cell) has so far: after a space, unless the line before broke
    /// after a hyphen inside a word ("2021-" + "2025", "29-" + "NQ/TW": a layout engine may break there) or the line
    /// starts with closing punctuation.
    /// </summary>
    private static void Join(StringBuilder text, string line)
    {
        if (text.Length > 0 && !(text.Length >= 2 && text[^1] == '-' && text[^2] != ' ') && !ClosesPrevious(line)) text.Append(' ');
        text.Append(line);
    }

    /// <summary>A line that starts with punctuation that closes what comes before it ("…", ",", ")"): never a paragraph's start.</summary>
    private static bool ClosesPrevious(string line) => line.Length > 0 && "…,.;:)]".Contains(line[0]);

    /// <summary>
    /// A table from its first row of three cells or more: the columns start where that row's cells start; a later line
    /// of the same page belongs while each of its segments starts at a column and stays within it (and, in a table
    /// drawn with cell walls, while the walls run beside it); a drawn row border, or in a table without walls a line
    /// with text in the first column, starts a row (a cell's further lines add to that cell). Returns the index of the
    /// first line after the table.
    /// </summary>
    private static int Table(List<(int Page, PdfLine Line)> flow, int start, Geometry geometry, StringBuilder text)
    {
        var first = flow[start].Line;
        var columns = first.Segments.Select(s => s.X0).ToArray();
        int end = start + 1;
        while (end < flow.Count && Belongs(flow[end], flow[end - 1].Line)) end++;
        // Rows: after each drawn row border when the table has them (a first cell may then run over several lines), else
        // at each line with text in the first column.
        bool borders = first.Ruled && flow.Skip(start + 1).Take(end - start - 1).Any(f => f.Line.RuleAbove);
        List<StringBuilder>? row = null;
        for (int i = start; i < end; i++)
        {
            var line = flow[i].Line;
            if (row is null || (borders ? line.RuleAbove : Column(columns, line.X0) == 0))
            {
                Flush(row, text);
                row = columns.Select(_ => new StringBuilder()).ToList();
            }
            foreach (var segment in line.Segments) Join(row[Math.Max(0, Column(columns, segment.X0))], segment.Text);
        }
        Flush(row, text);
        return end;

        bool Belongs((int Page, PdfLine Line) next, PdfLine before) =>
            next.Page == flow[start].Page
            && before.Baseline - next.Line.Baseline <= 3 * geometry.Pitch
            && (next.Line.Ruled || !first.Ruled) // a table drawn with cell walls ends where they end
            && next.Line.Segments.All(s => Column(columns, s.X0) is var c && c >= 0 && (c + 1 == columns.Length || s.X1 < columns[c + 1] + Align)); // text across a column's edge is the text after

        static void Flush(List<StringBuilder>? row, StringBuilder text)
        {
            if (row is not null && row.Any(c => c.Length > 0)) text.Append(TableRow.Of(row.Select(c => c.ToString()))).Append('\n');
        }
    }

    /// <summary>The column a text starting at <paramref name="x"/> is in (its start at most <see cref="Align"/> before), or -1 before the first.</summary>
    private static int Column(double[] columns, double x)
    {
        for (int c = columns.Length - 1; c >= 0; c--)
            if (x >= columns[c] - Align) return c;
        return -1;
    }

    /// <summary>
    /// A block of two columns from a line of two segments. It goes on over lines of a segment on each side that keep
    /// clear of the other column's text so far, lines of the right column alone (the signature under its space), and
    /// lines of the left column alone that line up with the left column's text above and follow closely: centred on the
    /// same middle (a header's cells), or list items from the same edge (the recipients under "Nơi nhận:"). A title set
    /// flush left under a header is not taken into its left column. Read left column first, line by line.
    /// </summary>
    private static int Columns(List<(int Page, PdfLine Line)> flow, int start, Geometry geometry, StringBuilder text)
    {
        var first = flow[start].Line;
        var (left, right) = (new List<PdfSegment> { first.Segments[0] }, new List<PdfSegment> { first.Segments[1] });
        double leftEnd = first.Segments[0].X1, rightStart = first.Segments[1].X0; // how far each column's text reaches so far
        int i = start + 1;
        for (; i < flow.Count && flow[i].Page == flow[start].Page; i++)
        {
            var line = flow[i].Line;
            var segment = line.Segments[0];
            if (line.Segments.Count == 2 && segment.X1 < rightStart && line.Segments[1].X0 > leftEnd)
            {
                left.Add(segment);
                right.Add(line.Segments[1]);
            }
            else if (line.Segments.Count != 1) break;
            else if (segment.X0 > leftEnd && !geometry.Centred(line)) right.Add(segment);
            else if (segment.X1 < rightStart && left.Any(l => LinedUp(l, segment)) && flow[i - 1].Line.Baseline - line.Baseline <= 2.5 * geometry.Pitch)
                left.Add(segment);
            else break;
            leftEnd = left.Max(l => l.X1);
            rightStart = right.Min(r => r.X0);
        }
        foreach (var segment in left.Concat(right)) text.Append(segment.Text).Append('\n');
        return i;

        // Centred on the same middle (a header's cells), or a list item starting at the same edge (the recipients).
        static bool LinedUp(PdfSegment a, PdfSegment b) =>
            Math.Abs((a.X0 + a.X1) / 2 - (b.X0 + b.X1) / 2) <= 0.5 * Math.Max(a.Size, b.Size)
            || (Math.Abs(a.X0 - b.X0) <= Align && StartsLikeItem(b.Text));
    }

    /// <summary>The measures of the document's body text that paragraph breaks are judged by.</summary>
    private sealed record Geometry(double Left, double Right, double Pitch, double? FirstLineIndent)
    {
        public static Geometry Of(IReadOnlyList<PdfLine> lines)
        {
            var single = lines.Where(l => l.Segments.Count == 1).ToList();
            if (single.Count == 0) single = [.. lines];
            double left = Quantile(single.Select(l => l.X0), 0.05);
            // Not the widest line (a table or a long link may stand out): the line 2 % from the widest.
            double right = Quantile(single.Select(l => l.X1), 0.98);
            var pitches = new List<double>();
            for (int i = 1; i < lines.Count; i++)
            {
                double d = lines[i - 1].Baseline - lines[i].Baseline;
                if (d > 0 && d < 3 * lines[i].Size) pitches.Add(Math.Round(d * 2) / 2);
            }
            double pitch = pitches.Count > 0 ? Mode(pitches) : 1.2 * Quantile(lines.Select(l => l.Size), 0.5);
            var geometry = new Geometry(left, right, pitch, null);
            // Where the lines that surely start a paragraph (the line before them ended early) start, if most start indented.
            var starts = new List<double>();
            for (int i = 1; i < single.Count; i++)
                if (geometry.WouldHaveFitted(single[i - 1], single[i])) starts.Add(Math.Round(single[i].X0 - left));
            var indented = starts.Where(s => s >= 0.5 * single[0].Size).ToList();
            return indented.Count >= Math.Max(3, 0.3 * starts.Count) ? geometry with { FirstLineIndent = Mode(indented) } : geometry;
        }

        /// <summary>Whether <paramref name="line"/> goes on with the paragraph <paramref name="previous"/> is in.</summary>
        public bool Continues(PdfLine previous, PdfLine line, bool samePage)
        {
            if (ClosesPrevious(line.Segments[0].Text)) return true; // "tiêu thụ," / "… tiến đến": broken inside a token
            if (samePage && previous.Baseline - line.Baseline > 1.3 * Pitch) return false; // space between paragraphs
            if (Math.Abs(line.Size - previous.Size) > 0.15 * previous.Size) return false;
            if (WouldHaveFitted(previous, line)) return false;
            if (FirstLineIndent is { } indent && Math.Abs(line.X0 - Left - indent) <= 1.5) return false; // continuation lines start at the left edge
            if (Capitals(previous.Text) != Capitals(line.Text)) return false; // a heading in capitals is a paragraph of its own
            return !(StartsLikeItem(line.Segments[0].Text) && EndsClause(previous.Segments[^1].Text));
        }

        /// <summary>Written in capitals: two words or more and six letters or more, none lower case (not "GRDP." alone).</summary>
        private static bool Capitals(string text) =>
            text.Count(char.IsLetter) >= 6 && !text.Any(char.IsLower) && text.Split(' ').Count(w => w.Any(char.IsLetter)) >= 2;

        public bool WouldHaveFitted(PdfLine previous, PdfLine line) =>
            previous.X1 + 0.25 * previous.Size + line.Segments[0].FirstWordWidth < Right - 0.5 * line.Size;

        /// <summary>Centred on the body: as far from the left edge as from the right, and away from the left edge.</summary>
        public bool Centred(PdfLine line) => line.X0 > Left + 2 * line.Size && Math.Abs((line.X0 - Left) - (Right - line.X1)) < 1.5 * line.Size;

        private static bool EndsClause(string text) =>
            text.Length > 0 && (".:;!?".Contains(text[^1]) || text.Any(char.IsLetter) && !text.Any(char.IsLower));
    }

    private static double Quantile(IEnumerable<double> values, double q)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[(int)Math.Clamp(Math.Round(q * (sorted.Count - 1)), 0, sorted.Count - 1)];
    }

    /// <summary>The most frequent value, the smallest of equally frequent ones (a fixed answer).</summary>
    private static double Mode(IEnumerable<double> values) =>
        values.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
}

/// <summary>
/// What a page prints around its text: page numbers ("2", "- 2 -", "Trang 2/7") and running headers or footers (the
/// same words, numbers aside, on the first or last line of most pages). Only a page's first and last lines are looked at.
/// </summary>
internal static partial class PageFurniture
{
    [GeneratedRegex(@"^(?:trang|page)?\s*[-–—]?\s*\d{1,4}\s*(?:(?:/|of|trên)\s*\d{1,4})?\s*[-–—]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PageNumber();

    public static IReadOnlyList<PdfPage> Remove(IReadOnlyList<PdfPage> pages)
    {
        static string Key(PdfLine line) => new string(line.Text.Where(c => !char.IsDigit(c)).ToArray()).Trim().ToLowerInvariant();
        var edges = pages.SelectMany(p => p.Lines.Count == 0 ? [] : p.Lines.Count == 1 ? new[] { p.Lines[0] } : [p.Lines[0], p.Lines[^1]]).ToList();
        var running = edges.GroupBy(Key).Where(g => g.Key.Length > 0 && pages.Count >= 3 && g.Count() >= Math.Max(3, pages.Count / 2))
            .Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        bool Furniture(PdfLine line) => PageNumber().IsMatch(line.Text.Trim()) || running.Contains(Key(line));
        return pages.Select(p =>
        {
            var lines = p.Lines.ToList();
            if (lines.Count > 0 && Furniture(lines[^1])) lines.RemoveAt(lines.Count - 1);
            if (lines.Count > 0 && Furniture(lines[0])) lines.RemoveAt(0);
            return p with { Lines = lines };
        }).ToList();
    }
}

/// <summary>
/// Footnotes, left out as the Word readers leave them out: a page's notes are the lines from the first one in its lower
/// half, in smaller type or led by a raised number, that starts with the number of a reference mark met earlier on the
/// page (a small raised number) to the foot of the page. The marks pointing to them are dropped; other raised digits (m², 10⁶) are kept as digits, as a .docx gives them.
/// </summary>
internal static class Footnotes
{
    /// <summary>Around a raised number in a segment's text (private-use characters: a glyph's own are read as "•").</summary>
    public const char MarkStart = '\uE000', MarkEnd = '\uE001';

    /// <param name="pagesWithNotes">The pages whose notes were left out.</param>
    public static IReadOnlyList<PdfPage> Remove(IReadOnlyList<PdfPage> pages, out IReadOnlyList<int> pagesWithNotes)
    {
        var withNotes = new List<int>();
        var result = new List<PdfPage>(pages.Count);
        foreach (var page in pages)
        {
            var marks = new HashSet<string>(StringComparer.Ordinal);
            int foot = page.Lines.Count;
            double bodySize = page.Lines.Count > 0 ? page.Lines.Select(l => l.Size).Order().ElementAt(page.Lines.Count / 2) : 0;
            for (int k = 0; k < page.Lines.Count; k++)
            {
                var line = page.Lines[k];
                var first = line.Segments[0].Text;
                // A note is set in smaller type or starts with its raised number: a body line that merely starts with a
                // number ("2 năm tới") after an exponent (m²) is no note.
                bool noteLike = (first.Length > 0 && first[0] == MarkStart) || line.Size <= 0.9 * bodySize;
                if (k > 0 && noteLike && line.Baseline < page.Height / 2 && LeadingNumber(first) is { } n && marks.Contains(n))
                {
                    foot = k;
                    break;
                }
                foreach (var segment in line.Segments) marks.UnionWith(Marks(segment.Text));
            }
            var notes = new HashSet<string>(StringComparer.Ordinal);
            for (int k = foot; k < page.Lines.Count; k++)
                if (LeadingNumber(page.Lines[k].Segments[0].Text) is { } n) notes.Add(n);
            if (foot < page.Lines.Count) withNotes.Add(page.Number);
            var lines = page.Lines.Take(foot).Select(l => l with { Segments = l.Segments.Select(s => s with { Text = WithoutMarks(s.Text, notes) }).ToList() }).ToList();
            result.Add(page with { Lines = lines });
        }
        pagesWithNotes = withNotes;
        return result;
    }

    private static IEnumerable<string> Marks(string text)
    {
        for (int at = text.IndexOf(MarkStart); at >= 0; at = text.IndexOf(MarkStart, at + 1))
        {
            int end = text.IndexOf(MarkEnd, at);
            if (end > at) yield return text[(at + 1)..end];
        }
    }

    /// <summary>The number a note starts with (raised or not), followed by its text: "¹Ghi chú", "1 Ghi chú"; not "1. Mục tiêu".</summary>
    private static string? LeadingNumber(string text)
    {
        int at = text.Length > 0 && text[0] == MarkStart ? 1 : 0, start = at;
        while (at < text.Length && char.IsAsciiDigit(text[at])) at++;
        if (at == start || at - start > 3) return null;
        bool followed = at < text.Length && (text[at] == MarkEnd || text[at] == ' ' || char.IsLetter(text[at]));
        return followed ? text[start..at] : null;
    }

    /// <summary>The text with the marks of <paramref name="notes"/> dropped and any other raised number kept as its digits.</summary>
    private static string WithoutMarks(string text, HashSet<string> notes)
    {
        if (text.IndexOf(MarkStart) < 0) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != MarkStart) { if (text[i] != MarkEnd) sb.Append(text[i]); continue; }
            int end = text.IndexOf(MarkEnd, i);
            if (end < 0) continue;
            var number = text[(i + 1)..end];
            if (!notes.Contains(number)) sb.Append(number);
            i = end;
        }
        return sb.ToString();
    }
}
