using Atlas.Ingest.Closing;
using Atlas.Ingest.Structure;
using Atlas.Ingest.Text;

namespace Atlas.Ingest;

/// <summary>The three zones of a programme: header (organ, number, date, title), body, closing (recipients, signature).</summary>
public sealed record DocumentLayout(IReadOnlyList<Block> Header, IReadOnlyList<Block> Body, IReadOnlyList<Block> Closing)
{
    /// <summary>How far into the document the header may reach, in blocks.</summary>
    private const int HeaderLimit = 40;

    /// <summary>
    /// The header ends at the first rule (<c>-----</c>), at the first Roman part, or just before the first paragraph that
    /// reads like prose (long, or ending a sentence) — whichever comes first. Without any of these there is no header.
    /// </summary>
    public static DocumentLayout Split(IReadOnlyList<Block> blocks)
    {
        int bodyStart = 0;
        for (int i = 0; i < blocks.Count && i < HeaderLimit; i++)
        {
            var b = blocks[i];
            if (b.IsRule) { bodyStart = i + 1; break; }
            var marker = MarkerReader.Read(b.Text);
            if (marker is not null && marker.Kind != MarkerKind.Bullet) { bodyStart = i; break; }
            if (marker is { Kind: MarkerKind.Bullet } || IsProse(b.Text)) { bodyStart = i; break; }
        }
        int closingStart = ClosingReader.FindStart(blocks, bodyStart);
        return new DocumentLayout(
            blocks.Take(bodyStart).ToList(),
            blocks.Skip(bodyStart).Take(closingStart - bodyStart).ToList(),
            blocks.Skip(closingStart).ToList());
    }

    private static bool IsProse(string text) =>
        text.Length >= 400 || (text.Length >= 100 && BlockJoiner.EndsSentence(text));
}
