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
        var wrap = WrapWidth(lines);
        var blocks = new List<Block>();
        var text = new StringBuilder();
        int first = -1, last = -1, lastRaw = 0;
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
            if (first >= 0 && Continues(text, lastRaw, styled, line, blankBefore, wrap))
            {
                text.Append(' ').Append(line.Text);
                last = i;
                lastRaw = line.RawLength;
            }
            else
            {
                Flush();
                text.Append(line.Text);
                first = last = i;
                styled = line.Styled;
                lastRaw = line.RawLength;
            }
            blankBefore = false;
        }
        Flush();
        return blocks;
    }

    private static bool Continues(StringBuilder previous, int previousRawLength, bool previousStyled, SourceLine line, bool blankBefore, int wrap)
    {
        var next = line.Text;
        var ends = EndsSentence(previous);
        bool full = wrap > 0 && !blankBefore && previousRawLength + 1 + FirstWordLength(next) > wrap;
        var marker = MarkerReader.Read(next);
        if (marker is not null || FieldLabel.Read(next) is not null)
        {
            // A re-wrap can put "- 2025" (from "2021 - 2025") at the start of a line; only a full, unfinished line lets it continue.
            return full && !ends && marker is { Kind: MarkerKind.Bullet } && char.IsDigit(marker.Rest[0]);
        }
        if (previousStyled != line.Styled) return false;
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

    private static int FirstWordLength(string text)
    {
        int i = text.IndexOf(' ');
        return i < 0 ? text.Length : i;
    }

    /// <summary>
    /// The column a hard-wrapped copy was wrapped at, or 0 when lines are not hard-wrapped. A wrapped text has no long lines
    /// and many lines close to the longest one.
    /// </summary>
    public static int WrapWidth(IReadOnlyList<SourceLine> lines)
    {
        var lengths = lines.Where(l => !l.IsBlank && !l.IsRule).Select(l => l.RawLength).ToList();
        if (lengths.Count < 8) return 0;
        int max = lengths.Max();
        if (max > 120 || max < 30) return 0;
        int nearFull = lengths.Count(l => l >= max * 0.8);
        return nearFull >= lengths.Count * 0.3 ? max : 0;
    }
}
