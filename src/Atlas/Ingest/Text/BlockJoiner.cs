using System.Text;
using Atlas.Ingest.Structure;

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
        LineWidth lastWidth = LineWidth.Of("", "");
        bool styled = false, blankBefore = false;

        void Flush()
        {
            if (first >= 0) blocks.Add(new Block(text.ToString(), styled, false, first, last));
            text.Clear();
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
            if (first >= 0 && Continues(text, lastWidth, line, blankBefore, wrap))
            {
                text.Append(' ').Append(line.Text);
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
        var marker = MarkerReader.Read(next);
        if (marker is not null || FieldLabel.Read(next) is not null)
        {
            // A re-wrap can put "- 2025" (from "2021 - 2025") or "- xã hội" (from "kinh tế - xã hội") at the start of a line;
            // only a full, unfinished line lets such a "bullet" continue it.
            // "- Trà Vinh" (from "Bến Tre - Trà Vinh") too: a real bullet follows a finished line, not a full unfinished one.
            return full && !ends && marker is { Kind: MarkerKind.Bullet, Number: "-" };
        }
        if (!ends && StartsContinuation(next, blankBefore)) return true;
        return full;
    }

    /// <summary>Lower-case letters and digits continue a sentence; an opening parenthesis only on the very next line.</summary>
    private static bool StartsContinuation(string next, bool blankBefore)
    {
        var c = next[0];
        return char.IsLower(c) || char.IsDigit(c) || (!blankBefore && c is '(' or ',' or ';' or '%');
    }

    /// <summary>True when the text ends a sentence or a clause that introduces what follows (".", "!", "?", ";", ":", "…").</summary>
    public static bool EndsSentence(StringBuilder text) => EndsSentence(text.ToString());

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
        return nearFull >= lengths.Count * 0.3 ? max : 0;
    }
}
