using Atlas.Ingest.Structure;
using Atlas.Ingest.Text;
using Atlas.Model;

namespace Atlas.Ingest.Closing;

/// <summary>What the closing matter says: the recipients, the signature lines and what they tell about the signatory.</summary>
/// <param name="OnBehalfOf">The body the signatory signs for ("T/M TỈNH ỦY" → "TỈNH ỦY"), as printed.</param>
public sealed record ClosingReading(ClosingMatter Matter, string? Name, string? Role, string? OnBehalfOf);

/// <summary>
/// Finds where the body ends (the "Nơi nhận" distribution list or the signature block) and reads the closing matter.
/// </summary>
public static class ClosingReader
{
    /// <summary>Index of the first closing block in <paramref name="blocks"/> at or after <paramref name="bodyStart"/>; blocks.Count if none.</summary>
    public static int FindStart(IReadOnlyList<Block> blocks, int bodyStart)
    {
        int count = blocks.Count;
        for (int i = bodyStart; i < count; i++)
        {
            if (blocks[i].IsRule) continue;
            if (IsRecipientsHeading(blocks[i].Text)) return i;
            // A signature block ("T/M TỈNH ỦY") ends the body only in the last part of the document.
            if (IsOnBehalfLine(blocks[i].Text) && i >= bodyStart + (count - bodyStart) / 2) return i;
        }
        // No list and no "T/M": a trailing name (and role) still is a signature, not a paragraph.
        int start = count;
        while (start - 1 > bodyStart && IsSignatureLike(blocks[start - 1])) start--;
        return start;
    }

    /// <summary>
    /// Reads the closing blocks. A converter often flattens the two-column table at the end of a programme (recipients on
    /// the left, signature on the right) into lines like "- Như trên,&#9;BÍ THƯ"; such lines are read cell by cell.
    /// </summary>
    public static ClosingReading Read(IReadOnlyList<Block> closing, IReadOnlyList<SourceLine> lines)
    {
        var recipients = new List<string>();
        var signature = new List<string>();
        bool listOpened = false;
        foreach (var text in Items(closing, lines))
        {
            if (IsRecipientsHeading(text))
            {
                listOpened = true;
                var rest = text[(text.IndexOf(':') is var c && c >= 0 ? c + 1 : text.Length)..].Trim();
                if (rest.Length > 0) recipients.Add(StripBullet(rest));
                continue;
            }
            var marker = MarkerReader.Read(text);
            if (marker is { Kind: MarkerKind.Bullet })
            {
                recipients.Add(marker.Rest);
                listOpened = true;
                continue;
            }
            // "đảng ủy trực thuộc Tỉnh ủy," continues the recipient above it.
            if (recipients.Count > 0 && char.IsLower(text[0]))
            {
                recipients[^1] += " " + text;
                continue;
            }
            if (listOpened && !IsSignatureText(text)) recipients.Add(text);
            else signature.Add(text);
        }

        string? name = signature.FirstOrDefault(IsPersonName);
        string? onBehalf = null;
        string? role = null;
        foreach (var line in signature)
        {
            if (IsOnBehalfLine(line))
            {
                onBehalf ??= AfterOnBehalfPrefix(line);
                continue;
            }
            if (IsAllCaps(line) && line.Length <= 60) role = RoleName(line);
        }
        return new ClosingReading(new ClosingMatter(recipients, signature), name, role, onBehalf);
    }

    private static IEnumerable<string> Items(IReadOnlyList<Block> closing, IReadOnlyList<SourceLine> lines)
    {
        foreach (var block in closing)
        {
            if (block.IsRule || block.Text.Length == 0) continue;
            bool tabular = false;
            for (int i = block.FirstLine; i <= block.LastLine && i < lines.Count; i++) if (lines[i].Cells.Count > 1) tabular = true;
            if (!tabular) { yield return block.Text; continue; }
            for (int i = block.FirstLine; i <= block.LastLine && i < lines.Count; i++)
                foreach (var cell in lines[i].Cells) yield return cell;
        }
    }

    public static bool IsRecipientsHeading(string text)
    {
        var folded = Slugs.From(text.Length > 20 ? text[..20] : text);
        return folded == "noi-nhan" || folded.StartsWith("noi-nhan-", StringComparison.Ordinal);
    }

    /// <summary>"T/M TỈNH ỦY", "TM. BAN THƯỜNG VỤ", "K/T BÍ THƯ", "KT. BÍ THƯ": the signatory acts for a body or a superior.</summary>
    public static bool IsOnBehalfLine(string text) =>
        text.StartsWith("T/M ", StringComparison.OrdinalIgnoreCase) || text.StartsWith("TM. ", StringComparison.Ordinal)
        || text.StartsWith("TM ", StringComparison.Ordinal) || text.StartsWith("K/T ", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("KT. ", StringComparison.Ordinal);

    private static string AfterOnBehalfPrefix(string line)
    {
        int space = line.IndexOf(' ');
        return line[(space + 1)..].Trim();
    }

    private static bool IsSignatureLike(Block block) => !block.IsRule && IsSignatureText(block.Text);

    /// <summary>A name, a "T/M …" line or a short upper-case title such as "BÍ THƯ".</summary>
    private static bool IsSignatureText(string text) =>
        text.Length <= 60 && MarkerReader.Read(text) is null
        && (IsPersonName(text) || IsOnBehalfLine(text) || (IsAllCaps(text) && text.Length <= 40));

    /// <summary>2–6 capitalised words of letters only, like "Nguyễn Văn Danh" (not ALL CAPS).</summary>
    public static bool IsPersonName(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 6 || text.Length > 40) return false;
        foreach (var w in words)
        {
            if (!char.IsUpper(w[0])) return false;
            for (int i = 1; i < w.Length; i++) if (!char.IsLower(w[i])) return false;
        }
        return true;
    }

    public static bool IsAllCaps(string text)
    {
        // Called on every line of a document: a loop, not LINQ over the string (an enumerator boxed per call).
        bool letter = false;
        foreach (var c in text)
        {
            if (char.IsLower(c)) return false;
            letter |= char.IsLetter(c);
        }
        return letter;
    }

    private static string StripBullet(string text) =>
        MarkerReader.Read(text) is { Kind: MarkerKind.Bullet } m ? m.Rest : text;

    /// <summary>"PHÓ BÍ THƯ THƯỜNG TRỰC" → "Phó Bí thư Thường trực": the usual capitalisation of Party titles.</summary>
    public static string RoleName(string caps)
    {
        var words = caps.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // Two-syllable titles capitalise their first syllable only: Bí thư, Thường trực, Chủ tịch, Ủy viên.
        var firstSyllables = new HashSet<string>(StringComparer.Ordinal) { "bí", "thường", "chủ", "ủy", "uỷ", "trưởng", "giám" };
        var result = new List<string>();
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            bool capitalise = i == 0 || w == "phó" || firstSyllables.Contains(w);
            result.Add(capitalise ? char.ToUpperInvariant(w[0]) + w[1..] : w);
        }
        return string.Join(' ', result);
    }
}
