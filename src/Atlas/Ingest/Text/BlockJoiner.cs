using System.Text;
using Atlas.Ingest.Structure;
using Atlas.Model;

namespace Atlas.Ingest.Text;

/// <summary>
/// Physical lines → logical blocks. Joins what a page break or a hard wrap split:
/// a line that does not end a sentence, followed (across blank lines or not) by one that starts in lower case, continues it
/// (Thái Bình: "…quyết định thành" / "lập từ năm 2017…"). In a hard-wrapped copy (every line at most ~70–100 columns)
/// a line that was full — the next word would not have fitted — also continues, whatever the next word's case.
/// A numbering, bullet or assignment-label line always starts a new block.
/// </summary>
public static class BlockJoiner
{
    public static IReadOnlyList<Block> Join(IReadOnlyList<SourceLine> lines)
    {
        var wrap = (Raw: WrapWidth(lines.Select(l => l.Width.Raw), lines), Composed: WrapWidth(lines.Select(l => l.Width.Composed), lines));
        var blocks = new List<Block>();
        var text = new StringBuilder();
        int first = -1, last = -1;
        List<int>? joins = null;
        LineWidth lastWidth = LineWidth.Of("", "");
        bool styled = false, blankBefore = false, blockIsRow = false;

        void Flush()
        {
            if (first >= 0) blocks.Add(new Block(text.ToString(), styled, false, first, last) { Joins = (IReadOnlyList<int>?)joins ?? [] });
            text.Clear();
            joins = null;
            first = -1;
        }

        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.IsBlank) { blankBefore = true; continue; }
            if (line.IsRule)
            {
                Flush();
                blocks.Add(new Block("", false, true, i, i));
                blankBefore = false;
                continue;
            }
            // A table row ("1 | Xây dựng Đề án … | Sở Công Thương | 2024") is a block of its own: its cells are complete.
            bool row = TableRow.Is(line.Text);
            if (first >= 0 && !row && !blockIsRow && Continues(text, lastWidth, line, blankBefore, wrap))
            {
                text.Append(' ');
                (joins ??= []).Add(text.Length);
                text.Append(line.Text);
                last = i;
                lastWidth = line.Width;
            }
            else
            {
                Flush();
                text.Append(line.Text);
                first = last = i;
                styled = line.Styled;
                lastWidth = line.Width;
                blockIsRow = row;
            }
            blankBefore = false;
        }
        Flush();
        return blocks;
    }

    private static bool Continues(StringBuilder previous, LineWidth previousWidth, SourceLine line, bool blankBefore, (int Raw, int Composed) wrap)
    {
        var next = line.Text;
        var ends = EndsSentence(previous);
        // Full: the next line's first word would not have fitted after the previous line, in either way of counting.
        bool full = !blankBefore
            && ((wrap.Raw > 0 && previousWidth.Raw + 1 + line.Width.RawFirstWord > wrap.Raw)
                || (wrap.Composed > 0 && previousWidth.Composed + 1 + line.Width.ComposedFirstWord > wrap.Composed));
        // "Nơi nhận:" and "T/M TỈNH ỦY" open the closing matter even right after a full line.
        if (Closing.ClosingReader.IsRecipientsHeading(next) || Closing.ClosingReader.IsOnBehalfLine(next)) return false;
        bool marked = MarkerReader.Starts(next, out int dashRest);
        if (marked || FieldLabel.Read(next) is not null)
        {
            // A re-wrap can put "- 2025" (from "2021 - 2025") or "- xã hội" (from "kinh tế - xã hội") at the start of a line;
            // only a full, unfinished line lets such a "bullet" continue it.
            // "- Trà Vinh" (from "Bến Tre - Trà Vinh") too: a real bullet follows a finished line, not a full unfinished one.
            return full && !ends && dashRest > 0 && ContinuesWithDash(previous, next.AsSpan(dashRest));
        }
        // A heading in capitals is not continued by a sentence that opens with a number ("I. MỤC TIÊU", then "1.500 doanh
        // nghiệp …"): a wrapped capital heading continues in capitals ("… ĐẾN NĂM" + "2030, TẦM NHÌN …").
        if (char.IsDigit(next[0]) && next.Any(char.IsLower) && IsAllCaps(previous)) return false; // the line first: the block may be long
        if (!ends && StartsContinuation(next, blankBefore)) return true;
        // A heading in capitals ends where the capitals end: "II- QUAN ĐIỂM … VÀ TẦM NHÌN" then "Quan điểm …" is a new block
        // even when the capitals filled the line. A heading wrapped in capitals continues in capitals.
        if (full && IsAllCaps(previous) && !IsAllCaps(next)) return false;
        return full;
    }

    /// <summary>Three or more letters and none of them lower case: a heading typed in capitals.</summary>
    /// <summary>The same test on the block being joined, read in place: a long paragraph is tested once per line it joins.</summary>
    public static bool IsAllCaps(StringBuilder text)
    {
        int letters = 0;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (!char.IsLetter(c)) continue;
                if (char.IsLower(c)) return false;
                letters++;
            }
        }
        return letters >= 3;
    }

    public static bool IsAllCaps(string text)
    {
        int letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            if (char.IsLower(c)) return false;
            letters++;
        }
        return letters >= 3;
    }

    /// <summary>
    /// "kinh tế" + "- xã hội", "2021" + "- 2025", "10%" + "- 12%", "Bến Tre" + "- Trà Vinh": a dash joining two words, so the
    /// line before ends in a word or number (not "(b/c)," closing a recipient) and the word after is lower case or a number — or a name after a name.
    /// "… kinh tế - xã hội" + "- Về cải thiện …" is a new item: a capital after a lower-case word.
    /// </summary>
    private static bool ContinuesWithDash(StringBuilder previous, ReadOnlySpan<char> after)
    {
        int end = previous.Length - 1;
        while (end >= 0 && previous[end] == ' ') end--;
        if (end < 0 || after.Length == 0) return false;
        char last = previous[end];
        if (!(char.IsLetterOrDigit(last) || char.IsNumber(last) || last is '%' or '‰')) return false;
        if (!char.IsUpper(after[0])) return true;
        int start = end;
        while (start > 0 && previous[start - 1] != ' ') start--;
        return char.IsUpper(previous[start]);
    }

    /// <summary>Lower-case letters and digits continue a sentence; an opening parenthesis only on the very next line.</summary>
    private static bool StartsContinuation(string next, bool blankBefore)
    {
        var c = next[0];
        return char.IsLower(c) || char.IsDigit(c) || (!blankBefore && c is '(' or ',' or ';' or '%');
    }

    /// <summary>True when the text ends a sentence or a clause that introduces what follows (".", "!", "?", ";", ":", "…").</summary>
    /// <remarks>Read from the end in place: a copy of the block per joined line made long paragraphs quadratic.</remarks>
    public static bool EndsSentence(StringBuilder text)
    {
        int i = text.Length - 1;
        while (i >= 0 && text[i] is '"' or '”' or '’' or '\'' or '*' or ' ') i--;
        return i >= 0 && text[i] is '.' or '!' or '?' or ';' or ':' or '…';
    }

    public static bool EndsSentence(string text)
    {
        int i = text.Length - 1;
        while (i >= 0 && text[i] is '"' or '”' or '’' or '\'' or '*' or ' ') i--;
        return i >= 0 && text[i] is '.' or '!' or '?' or ';' or ':' or '…';
    }

    /// <summary>
    /// The column a hard-wrapped copy was wrapped at, or 0 when lines are not hard-wrapped. A wrapped text has no long lines
    /// and many lines close to the longest one.
    /// </summary>
    public static int WrapWidth(IEnumerable<int> widths, IReadOnlyList<SourceLine> lines)
    {
        var lengths = widths.Where((_, i) => !lines[i].IsBlank && !lines[i].IsRule).ToList();
        if (lengths.Count < 8) return 0;
        int max = lengths.Max();
        if (max > 120 || max < 30) return 0;
        int nearFull = lengths.Count(l => l >= max * 0.8);
        if (nearFull >= lengths.Count * 0.3) return max;
        // A short programme is mostly headings and one-line items; its wrapped paragraphs still show the width: the lines
        // that run on into the next line (no blank line between) are then mostly close to the longest one (header and signature lines aside).
        var runOn = widths.Where((_, i) => i + 1 < lines.Count && !lines[i].IsBlank && !lines[i].IsRule && !lines[i + 1].IsBlank && !lines[i + 1].IsRule).ToList();
        return runOn.Count >= 6 && runOn.Count(l => l >= max * 0.8) >= runOn.Count * 0.5 ? max : 0;
    }
}
