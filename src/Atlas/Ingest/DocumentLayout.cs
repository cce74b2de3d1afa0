using Atlas.Ingest.Closing;
using Atlas.Ingest.Header;
using Atlas.Ingest.Structure;
using Atlas.Ingest.Text;

namespace Atlas.Ingest;

/// <summary>The three zones of a programme: header (organ, number, date, title), body, closing (recipients, signature).</summary>
public sealed record DocumentLayout(IReadOnlyList<Block> Header, IReadOnlyList<Block> Body, IReadOnlyList<Block> Closing)
{
    /// <summary>How far into the document the header may reach, in blocks.</summary>
    private const int HeaderLimit = 40;

    /// <summary>
    /// The header ends at the first rule (<c>-----</c>) after the title has begun, at the first Roman part, or just before
    /// the first paragraph that reads like prose (long, or ending a sentence) — whichever comes first. Without any of these
    /// there is no header. A rule before the title is the line drawn under the organ's name or the motto.
    /// </summary>
    /// <param name="lines">The physical lines, when known: a line laid out as table columns ("*" under the organ in one
    /// column, "Đồng Tháp, ngày …" in the other) is a row of the header table, never the start of the body.</param>
    public static DocumentLayout Split(IReadOnlyList<Block> blocks, IReadOnlyList<SourceLine>? lines = null)
    {
        int bodyStart = 0;
        bool titleBegun = false;
        for (int i = 0; i < blocks.Count && i < HeaderLimit; i++)
        {
            var b = blocks[i];
            if (b.IsRule)
            {
                if (titleBegun) { bodyStart = i + 1; break; }
                continue;
            }
            titleBegun |= HeaderReader.OpensTitle(b.Text);
            var marker = MarkerReader.Read(b.Text);
            if (marker is not null && marker.Kind != MarkerKind.Bullet) { bodyStart = i; break; }
            if (lines is not null && IsTableRow(b, lines)) continue;
            // The "*" printed under the organ's name, flattened onto one line with the other column ("* Đồng Tháp, ngày …").
            if (i > 0 && marker is { Kind: MarkerKind.Bullet, Printed: "*" } && b.FirstLine == b.LastLine && !IsProse(b.Text)) continue;
            if (marker is { Kind: MarkerKind.Bullet } || IsProse(b.Text)) { bodyStart = i; break; }
        }
        int closingStart = ClosingReader.FindStart(blocks, bodyStart);
        int appendixStart = AppendixStart(blocks, closingStart);
        // An appendix after the signature ("PHỤ LỤC", a table of targets or tasks) is the programme's text: it joins the
        // body, after the rest; the closing is only the recipients and the signature before it.
        return new DocumentLayout(
            blocks.Take(bodyStart).ToList(),
            blocks.Skip(bodyStart).Take(closingStart - bodyStart).Concat(blocks.Skip(appendixStart)).ToList(),
            blocks.Skip(closingStart).Take(appendixStart - closingStart).ToList());
    }

    /// <summary>Where an appendix opens after the closing ("PHỤ LỤC", "Phụ lục 1", "PHỤ LỤC II"), or the end.</summary>
    private static int AppendixStart(IReadOnlyList<Block> blocks, int closingStart)
    {
        for (int i = closingStart; i < blocks.Count; i++)
            if (UnnumberedHeading.IsAppendix(blocks[i].Text)) return i;
        return blocks.Count;
    }

    private static bool IsTableRow(Block b, IReadOnlyList<SourceLine> lines) =>
        b.FirstLine == b.LastLine && b.FirstLine < lines.Count && lines[b.FirstLine].Cells.Count > 1 && b.Text.Length < 200;

    private static bool IsProse(string text) =>
        text.Length >= 400 || (text.Length >= 100 && BlockJoiner.EndsSentence(text));
}
