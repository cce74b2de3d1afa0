using Atlas.Ingest.Text;
using Atlas.Model;

namespace Atlas.Ingest.Structure;

/// <summary>
/// Headings the document does not number: a short line in capitals ("MỤC TIÊU VÀ NHIỆM VỤ") or a Markdown heading
/// ("## Mục tiêu chung"). A sentence is never one: it ends with a full stop, runs long, or is mixed case without heading
/// typography. The section's id comes from its words (s-muc-tieu-va-nhiem-vu), so it is stable.
/// </summary>
public static class UnnumberedHeading
{
    private const int MaxLength = 150;
    private const int MaxTokenLength = 40;

    /// <summary>True when block <paramref name="i"/> is an unnumbered heading with something after it.</summary>
    public static bool Reads(IReadOnlyList<Block> content, int i)
    {
        var block = content[i];
        if (i + 1 >= content.Count || !IsTitle(block.Text) || FieldLabel.Read(block.Text) is not null) return false;
        if (BlockJoiner.IsAllCaps(block.Text) && Words(block.Text) >= 2) return true;
        // Typography alone (bold or "##") marks a heading only on a short line: a bold sentence stays a paragraph.
        return block.Styled && Words(block.Text) <= 15;
    }

    /// <summary>Reads as a title: not long, not a sentence (a closing colon is fine), and has letters.</summary>
    public static bool IsTitle(string text)
    {
        if (text.Length is < 4 or > MaxLength) return false;
        if (BlockJoiner.EndsSentence(text) && !text.EndsWith(':')) return false;
        int letters = 0;
        foreach (var c in text) if (char.IsLetter(c)) letters++;
        return letters >= 4;
    }

    /// <summary>
    /// An appendix's heading: "PHỤ LỤC", "PHỤ LỤC II", "Phụ lục 1", "**PHỤ LỤC** …" in capitals — not a sentence or a
    /// recipient that names one ("Phụ lục kèm theo Kế hoạch số …").
    /// </summary>
    public static bool IsAppendix(string text)
    {
        var t = text.Trim('*', '#', ' ');
        if (t.Length is 0 or > 40 || !char.IsLetter(t[0])) return false;
        var folded = Slugs.From(t);
        if (folded != "phu-luc" && !folded.StartsWith("phu-luc-", StringComparison.Ordinal)) return false;
        var rest = folded.Length > 8 ? folded[8..] : "";
        return BlockJoiner.IsAllCaps(t) || rest.All(c => char.IsAsciiDigit(c) || "ivxlc-".Contains(c));
    }

    /// <summary>The id segment: the heading's words folded, cut at a word boundary.</summary>
    public static string Token(string heading)
    {
        var slug = Slugs.From(heading);
        if (slug.Length > MaxTokenLength)
        {
            int cut = slug.LastIndexOf('-', MaxTokenLength);
            slug = slug[..(cut > 0 ? cut : MaxTokenLength)];
        }
        return slug.Length == 0 ? "h" : slug;
    }

    /// <summary>How the section is named in a citation path, since it has no number: its heading, shortened.</summary>
    public static string PathName(string heading)
    {
        var name = heading.TrimEnd(':', ' ');
        if (name.Length <= 60) return name;
        int cut = name.LastIndexOf(' ', 60);
        return name[..(cut > 20 ? cut : 60)] + "…";
    }

    private static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
}
