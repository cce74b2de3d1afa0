using Atlas.Model;

namespace Atlas.Ingest.Structure;

/// <summary>Unnumbered: a heading without numbering (capitals, Markdown heading); made by the body parser, never read from a line.
/// Capital: a division lettered in capitals ("A. MỤC TIÊU", "B- NHIỆM VỤ"), between the Roman parts and the numbered sections.</summary>
public enum MarkerKind { Part, Numbered, Lettered, Enumerated, Bullet, Unnumbered, Capital }

/// <summary>
/// The numbering or bullet a line starts with, as the document prints it.
/// </summary>
/// <param name="Number">Canonical number: "III", "2.1", "a", "3"; the bullet character for bullets.</param>
/// <param name="Printed">The marker exactly as printed ("I-", "2.1.", "a)", "(3).", "-").</param>
/// <param name="Rest">The line's text after the marker.</param>
public sealed record Marker(MarkerKind Kind, string Number, string Printed, string Rest)
{
    /// <summary>Nesting rank: a heading closes every open heading of the same or a deeper rank.</summary>
    public int Rank => FixedRank ?? Kind switch
    {
        MarkerKind.Part => 0,
        MarkerKind.Capital => 1,
        MarkerKind.Numbered => 2 * (Number.AsSpan().Count('.') + 1),
        MarkerKind.Lettered => 40,
        MarkerKind.Enumerated => 60,
        _ => 80,
    };

    /// <summary>The rank of "1.": an unnumbered heading under Roman parts stands level with it.</summary>
    public const int FirstNumberedRank = 2;

    /// <summary>The rank of an unnumbered heading, which depends on the document (top level, or under its Roman parts).</summary>
    public int? FixedRank { get; init; }

    /// <summary>An unnumbered heading that opens an appendix ("PHỤ LỤC").</summary>
    public bool OpensAppendix { get; init; }

    public SectionKind SectionKind => OpensAppendix ? SectionKind.Appendix : Kind switch
    {
        MarkerKind.Part or MarkerKind.Capital => SectionKind.Part,
        MarkerKind.Numbered => SectionKind.Numbered,
        MarkerKind.Lettered => SectionKind.Lettered,
        MarkerKind.Unnumbered => SectionKind.Unnumbered,
        _ => SectionKind.Enumerated,
    };

    /// <summary>How the marker is shown on a passage that is a list item rather than a heading.</summary>
    public string PassageMarker => Kind switch
    {
        MarkerKind.Enumerated => "(" + Number + ")",
        MarkerKind.Lettered => Number + ")",
        MarkerKind.Numbered => Number + ".",
        MarkerKind.Part or MarkerKind.Capital => Number + ".",
        MarkerKind.Unnumbered => "",
        _ => Number,
    };
}

/// <summary>
/// Recognises the numbering schemes of Vietnamese Party documents with a hand-written linear scanner:
/// Roman parts (<c>I-</c>, <c>II.</c>, <c>I/</c>, <c>PHẦN I</c>), numbered (<c>1.</c>, <c>1.2.</c>, <c>2.2.1</c>, <c>1/</c>),
/// lettered (<c>a)</c>, <c>đ.</c>, <c>a/</c>), capital-lettered divisions (<c>A.</c>, <c>B-</c>),
/// enumerated (<c>(1)</c>, <c>(1).</c>) and bullets (<c>-</c>, <c>+</c>, <c>•</c>…).
/// Numbered, lettered and Roman markers must be followed by a capital letter, so "30.583 ha" or "2023." inside a
/// re-wrapped sentence are not taken for numbering.
/// </summary>
public static class MarkerReader
{
    private const string Bullets = "-+•–—*·▪○●◦►❖✓➢";

    public static Marker? Read(string text)
    {
        if (text.Length < 2) return null;
        return ReadBullet(text) ?? ReadEnumerated(text) ?? ReadPart(text) ?? ReadNumbered(text) ?? ReadLettered(text) ?? ReadCapital(text);
    }

    /// <summary>
    /// Whether <see cref="Read"/> finds a marker, without making it for a bullet (the block joiner asks of every physical
    /// line, and most lines of a programme are bullets: each answer copied the rest of its line).
    /// </summary>
    /// <param name="dashRest">For a "-" bullet, where its text starts; otherwise -1.</param>
    internal static bool Starts(string text, out int dashRest)
    {
        dashRest = -1;
        if (text.Length < 2) return false;
        if (BulletRest(text) is > 0 and var rest)
        {
            if (BulletNumber(text[0]) == "-") dashRest = rest;
            return true;
        }
        return (ReadEnumerated(text) ?? ReadPart(text) ?? ReadNumbered(text) ?? ReadLettered(text) ?? ReadCapital(text)) is not null;
    }

    private static Marker? ReadBullet(string s) =>
        BulletRest(s) is > 0 and var i ? new Marker(MarkerKind.Bullet, BulletNumber(s[0]), s[..1], s[i..]) : null;

    /// <summary>Where the text of a bullet item starts, or -1 when the line does not start with a bullet.</summary>
    private static int BulletRest(string s)
    {
        if (Bullets.IndexOf(s[0]) < 0) return -1;
        int i = 1;
        while (i < s.Length && s[i] == ' ') i++;
        if (i >= s.Length) return -1;
        // "-5%" or "+3" is a number, not a bullet; "*" needs a space (otherwise it was emphasis).
        if (i == 1 && (char.IsDigit(s[i]) || s[0] == '*')) return -1;
        if (Bullets.IndexOf(s[i]) >= 0 && s[i] == s[0]) return -1;
        return i;
    }

    private static string BulletNumber(char bullet) => bullet is '–' or '—' ? "-" : bullet == '*' ? "•" : bullet.ToString();

    private static Marker? ReadEnumerated(string s)
    {
        if (s[0] != '(') return null;
        int i = 1;
        while (i < s.Length && i <= 4 && char.IsAsciiDigit(s[i])) i++;
        if (i == 1 || i >= s.Length || s[i] != ')') return null;
        var number = s[1..i].TrimStart('0');
        if (number.Length == 0) number = "0";
        int j = i + 1;
        if (j < s.Length && s[j] is '.' or ':') j++;
        var printedEnd = j;
        while (j < s.Length && s[j] == ' ') j++;
        if (j >= s.Length || !StartsLikeText(s[j])) return null;
        return new Marker(MarkerKind.Enumerated, number, s[..printedEnd], s[j..]);
    }

    /// <summary>Words that introduce a part: "PHẦN I", "Phần thứ hai", "Chương III".</summary>
    private static readonly string[] PartWords = ["PHẦN ", "Phần ", "CHƯƠNG ", "Chương "];

    /// <summary>"thứ nhất" … "thứ mười": ordinal words after "Phần", read as the Roman number they stand for.</summary>
    private static readonly (string Word, string Roman)[] Ordinals =
    [
        ("nhất", "I"), ("hai", "II"), ("ba", "III"), ("tư", "IV"), ("bốn", "IV"), ("năm", "V"), ("sáu", "VI"), ("bảy", "VII"),
        ("tám", "VIII"), ("chín", "IX"), ("mười", "X"),
    ];

    private static Marker? ReadPart(string s)
    {
        int i = 0;
        foreach (var word in PartWords)
            if (s.StartsWith(word, StringComparison.Ordinal)) { i = word.Length; break; }
        if (i > 0 && ReadOrdinal(s, i) is { } ordinal) return ordinal;
        int start = i;
        while (i < s.Length && i - start < 7 && "IVXLC".IndexOf(s[i]) >= 0) i++;
        if (i == start || !IsRoman(s[start..i])) return null;
        if (start == 0 && s[start..i] is "C" or "L") return null; // "C. NHIỆM VỤ": a capital letter (ReadCapital), not part 100
        if (i < s.Length && char.IsLetter(s[i])) return null; // "PHẦN LÝ DO", "XÂY DỰNG": a word, not a numeral
        int j = i;
        while (j < s.Length && s[j] == ' ') j++;
        if (j < s.Length && s[j] is '.' or '-' or '–' or '—' or ')' or ':' or '/') j++;
        else if (start == 0) return null; // a bare "I " is a pronoun or a typo, not a part
        int printedEnd = j;
        while (j < s.Length && s[j] == ' ') j++;
        // "PHẦN I" alone on its line: the part's title follows on the next line.
        if (j >= s.Length && start > 0) return new Marker(MarkerKind.Part, s[start..i], s[..printedEnd].TrimEnd(), "");
        if (j >= s.Length || !char.IsUpper(s[j])) return null;
        return new Marker(MarkerKind.Part, s[start..i], s[..printedEnd].TrimEnd(), s[j..]);
    }

    /// <summary>"Phần thứ nhất", "PHẦN THỨ HAI: …": the part numbered in words.</summary>
    private static Marker? ReadOrdinal(string s, int i)
    {
        var rest = s[i..];
        if (!rest.StartsWith("thứ ", StringComparison.OrdinalIgnoreCase)) return null;
        var after = rest[4..];
        foreach (var (word, roman) in Ordinals)
        {
            if (!after.StartsWith(word, StringComparison.OrdinalIgnoreCase)) continue;
            int j = i + 4 + word.Length;
            if (j < s.Length && char.IsLetter(s[j])) continue; // "thứ hai" is not "thứ hain…"
            if (j < s.Length && s[j] is '.' or '-' or '–' or '—' or ')' or ':' or '/') j++;
            int printedEnd = j;
            while (j < s.Length && s[j] == ' ') j++;
            if (j < s.Length && !char.IsUpper(s[j])) return null;
            return new Marker(MarkerKind.Part, roman, s[..printedEnd].TrimEnd(), s[j..]);
        }
        return null;
    }

    private static Marker? ReadNumbered(string s)
    {
        // "Mục 1.", "MỤC 2 -": a numbered section introduced by a word.
        int i = s.StartsWith("Mục ", StringComparison.Ordinal) || s.StartsWith("MỤC ", StringComparison.Ordinal) ? 4 : 0;
        int numberStart = i;
        var parts = 0;
        while (true)
        {
            int d = i;
            while (i < s.Length && i - d < 3 && char.IsAsciiDigit(s[i])) i++;
            if (i == d) return null;
            if (i < s.Length && char.IsAsciiDigit(s[i])) return null; // four digits: a year, not numbering
            // "7.900 USD", "30.000 người": three digits after a dot group thousands; a numbering part has one or two.
            if (parts > 0 && i - d == 3) return null;
            parts++;
            if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]) && parts < 5) { i++; continue; }
            break;
        }
        var number = s[numberStart..i];
        int j = i;
        bool terminated = numberStart > 0;
        if (j < s.Length && s[j] is '.' or ')' or '/') { j++; terminated = true; } // "1.", "1)", "1/"
        else
        {
            int k = j;
            while (k < s.Length && s[k] == ' ') k++;
            if (k < s.Length && s[k] is '-' or '–' && k + 1 < s.Length && s[k + 1] == ' ') { j = k + 1; terminated = true; }
        }
        // "1 Heading" is not numbering; "1.2 Heading" is.
        if (!terminated && parts == 1) return null;
        int printedEnd = j;
        if (j >= s.Length || s[j] != ' ' && !UnspacedTitle(s, j)) return null;
        while (j < s.Length && s[j] == ' ') j++;
        if (j >= s.Length || !char.IsUpper(s[j])) return null;
        return new Marker(MarkerKind.Numbered, number, s[..printedEnd], s[j..]);
    }

    private static Marker? ReadLettered(string s)
    {
        int i = 0;
        bool paren = s[0] == '(';
        if (paren) i++;
        if (i >= s.Length || !(s[i] is >= 'a' and <= 'z' or 'đ')) return null;
        i++;
        if (i >= s.Length || !(s[i] == ')' || (!paren && s[i] is '.' or '/'))) return null; // "a)", "a.", "a/", "(a)"
        i++;
        int printedEnd = i;
        if (i >= s.Length || s[i] != ' ' && !UnspacedTitle(s, i)) return null;
        while (i < s.Length && s[i] == ' ') i++;
        if (i >= s.Length || !char.IsUpper(s[i])) return null;
        return new Marker(MarkerKind.Lettered, s[paren ? 1 : 0].ToString(), s[..printedEnd], s[i..]);
    }

    /// <summary>
    /// "A. MỤC TIÊU", "B- NHIỆM VỤ, GIẢI PHÁP", "C/ TỔ CHỨC THỰC HIỆN": one capital letter and its punctuation, then a
    /// capitalised title. I, V and X stay Roman parts (ReadPart reads them first).
    /// </summary>
    private static Marker? ReadCapital(string s)
    {
        if (s.Length < 4 || !(s[0] is >= 'A' and <= 'Z' or 'Đ') || s[1] is not ('.' or '-' or '–' or '/' or ')') || s[2] != ' ') return null;
        int i = 2;
        while (i < s.Length && s[i] == ' ') i++;
        if (i >= s.Length || !char.IsUpper(s[i])) return null;
        return new Marker(MarkerKind.Capital, s[..1], s[..2], s[i..]);
    }

    /// <summary>
    /// "1.Mục tiêu", "a)Nội dung": numbering typed without its space, the title's capital right after the "." or ")"
    /// (a Roman part reads the same way): a word of two letters or more, "2.Đến năm 2030", "1.MỤC TIÊU"; never "1.5" or "1.A".
    /// </summary>
    private static bool UnspacedTitle(string s, int at) =>
        at > 0 && s[at - 1] is '.' or ')' && char.IsUpper(s[at]) && at + 1 < s.Length && char.IsLetter(s[at + 1]);

    private static bool StartsLikeText(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '"' or '“' or '\'';

    private static bool IsRoman(string r)
    {
        int value = RomanValue(r);
        return value is >= 1 and <= 50 && ToRoman(value) == r;
    }

    private static int RomanValue(string r)
    {
        int total = 0, prev = 0;
        for (int i = r.Length - 1; i >= 0; i--)
        {
            int v = r[i] switch { 'I' => 1, 'V' => 5, 'X' => 10, 'L' => 50, 'C' => 100, _ => 0 };
            total += v < prev ? -v : v;
            prev = Math.Max(prev, v);
        }
        return total;
    }

    private static string ToRoman(int n)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var (v, sym) in new[] { (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I") })
            while (n >= v) { sb.Append(sym); n -= v; }
        return sb.ToString();
    }
}
