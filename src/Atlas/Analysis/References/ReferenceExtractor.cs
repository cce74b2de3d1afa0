using System.Text.RegularExpressions;
using Atlas.Model;

namespace Atlas.Analysis.References;

/// <summary>
/// Finds every numbered document a programme cites — "Nghị quyết số 29-NQ/TW, ngày 17/11/2022 của Ban Chấp hành
/// Trung ương về …", "Kế hoạch 13-KH/TW ngày 28/11/2022 của Bộ Chính trị", "Nghị quyết số 124/NQ-CP", "Nghị quyết số
/// 202/2025/QH15", "Nghị định số 10/2020/NĐ-CP" — with its
/// kind, number, date (ISO), issuer and subject where the citation gives them. When the citation names no issuer,
/// the issuer the number's suffix stands for (/TW, -CP, /TU, -TTg…) is given, as the number itself says it.
/// Unnumbered mentions ("các nghị quyết của Đảng") are not references.
/// </summary>
public static partial class ReferenceExtractor
{
    private const int TimeoutMs = 10_000;

    // Bounded quantifiers only: the pattern cannot backtrack catastrophically on hostile text. The timeout is a last
    // resort set far above any real match time, so output never depends on machine load. Generated at compile time:
    // compiled speed without emitting and JIT-compiling the matchers in every build.
    [GeneratedRegex(
        @"(?<kind>Nghị quyết liên tịch|Nghị quyết|Kế hoạch|Chương trình hành động|Chương trình|Kết luận|Quyết định|Chỉ thị|Nghị định|Thông tư|Thông báo|Hướng dẫn|Quy định|Đề án|Luật|Công văn)" +
        @"(?:\s{1,3}số)?\s{1,3}(?<num>\d{1,5}[a-zđ]?(?:/\d{4})?[-/][\p{L}]{1,12}\d{0,3}(?:[-/][\p{L}\d]{1,12}){0,3})(?![\p{L}\d])",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex CitationRegex();

    private static readonly Regex Citation = CitationRegex();

    [GeneratedRegex(
        @"\G\s{0,3},?\s{0,3}(?:ngày|ban hành ngày)\s{1,3}(?:(?<d>\d{1,2})\s{0,2}[/.-]\s{0,2}(?<m>\d{1,2})\s{0,2}[/.-]\s{0,2}(?<y>\d{4})|(?<d>\d{1,2})\s{1,3}tháng\s{1,3}(?<m>\d{1,2})\s{1,3}năm\s{1,3}(?<y>\d{4}))",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex DateAfterRegex();

    private static readonly Regex DateAfter = DateAfterRegex();

    [GeneratedRegex(
        @"\G\s{0,3},?\s{0,3}(?:của|do)\s{1,3}(?<issuer>[^,;.()]{3,90}?)(?=\s{1,3}(?:về|khóa|khoá|nhiệm kỳ|và|ngày|tại|để|nhằm)\s|[,;.()]|$)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeoutMs)]
    private static partial Regex IssuerAfterRegex();

    private static readonly Regex IssuerAfter = IssuerAfterRegex();

    [GeneratedRegex(
        @"\G[^.;()]{0,40}?\s(?<subject>về\s[^;()]{3,240}?)(?=[;()]|\.\s|\.$|$)",
        RegexOptions.CultureInvariant, TimeoutMs)]
    private static partial Regex SubjectAfterRegex();

    private static readonly Regex SubjectAfter = SubjectAfterRegex();

    public static IReadOnlyList<Reference> Extract(Programme programme) => Extract(programme, null);

    /// <param name="byText">References found so far by passage text, shared by the programmes of one analysis, or null: a
    /// text copied word for word cites the same documents wherever it stands (its passage id aside).</param>
    public static IReadOnlyList<Reference> Extract(Programme programme, TextMemo<Reference[]>? byText)
    {
        var result = new List<Reference>();
        foreach (var passage in programme.Passages)
        {
            // Most passages cite nothing, and the checks that tell are cheaper than looking their text up: only a passage
            // that may cite is looked up and remembered (in an atlas without copies, remembering every text cost more than
            // the pattern it spared).
            if (Citable(passage.Text) is not { } text) continue;
            if (byText is null)
            {
                result.AddRange(Cite(passage.Id, text));
                continue;
            }
            if (!byText.TryGet(passage.Text, out var known))
            {
                known = Cite(passage.Id, text).ToArray();
                byText.Remember(passage.Text, known);
            }
            foreach (var reference in known) result.Add(reference.PassageId == passage.Id ? reference : reference with { PassageId = passage.Id });
        }
        return result;
    }

    public static IEnumerable<Reference> Extract(string passageId, string text) =>
        Citable(text) is { } nfc ? Cite(passageId, nfc) : [];

    /// <summary>The citations of a text in NFC that <see cref="Citable"/> let through.</summary>
    private static List<Reference> Cite(string passageId, string text)
    {
        var found = new List<Reference>();
        try
        {
            for (var m = Citation.Match(text); m.Success; m = m.NextMatch())
            {
                int end = m.Index + m.Length;
                string? date = null, issuer = null, subject = null;
                var d = DateAfter.Match(text, end);
                if (d.Success)
                {
                    date = Iso(d.Groups["y"].Value, d.Groups["m"].Value, d.Groups["d"].Value);
                    end = d.Index + d.Length;
                }
                var i = IssuerAfter.Match(text, end);
                if (i.Success)
                {
                    issuer = i.Groups["issuer"].Value.Trim();
                    end = i.Groups["issuer"].Index + i.Groups["issuer"].Length;
                }
                var s = SubjectAfter.Match(text, end);
                if (s.Success)
                {
                    subject = s.Groups["subject"].Value.Trim().TrimEnd(',', ' ');
                    end = s.Groups["subject"].Index + s.Groups["subject"].Length;
                }
                var number = m.Groups["num"].Value;
                var kind = Capitalise(m.Groups["kind"].Value);
                found.Add(new Reference(passageId, kind, number, date, issuer ?? IssuerFromNumber(number), text[m.Index..end].Trim()) { Subject = subject });
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Hostile text: keep what was found before the timeout.
        }
        return found;
    }

    /// <summary>The text in NFC when it may cite a document, null when it cannot: a citation always carries a number (most
    /// passages have no digit at all), and a number of the shape <see cref="MayHoldNumber"/> tells.</summary>
    private static string? Citable(string text) =>
        Nfc.HasDigit(text) && Nfc.Of(text) is var nfc && MayHoldNumber(nfc) ? nfc : null;

    /// <summary>
    /// A document number has a '-' or '/' one or two characters after a digit and a letter right after it ("29-NQ/TW",
    /// "124/NQ-CP", "13a-KH/TU", "202/2025/QH15"): a passage whose figures are only percentages, ranges, amounts, years
    /// or dates ("17/11/2022", "50-60%") cannot cite one, and is spared the citation pattern, which tries every position
    /// of the text (in an atlas without copied passages, every passage is new to it). A superset of what the pattern's
    /// number accepts: any character past ASCII counts as a letter, in case the ignore-case letter class holds one.
    /// </summary>
    private static bool MayHoldNumber(string text)
    {
        for (int i = 1; i + 1 < text.Length; i++)
        {
            if (text[i] is not ('-' or '/')) continue;
            char next = text[i + 1];
            if (!(char.IsLetter(next) || next > '\u007f')) continue;
            if (Nfc.IsDigit(text[i - 1]) || i >= 2 && Nfc.IsDigit(text[i - 2])) return true;
        }
        return false;
    }

    /// <summary>The issuer a document number's suffix stands for, e.g. "29-NQ/TW" → Trung ương Đảng.</summary>
    public static string? IssuerFromNumber(string number)
    {
        var n = number.ToUpperInvariant();
        if (n.EndsWith("/TW", StringComparison.Ordinal)) return "Trung ương Đảng";
        if (n.EndsWith("-CP", StringComparison.Ordinal)) return "Chính phủ";
        if (n.EndsWith("-TTG", StringComparison.Ordinal)) return "Thủ tướng Chính phủ";
        if (n.EndsWith("/TU", StringComparison.Ordinal)) return "Tỉnh ủy";
        if (n.EndsWith("/TƯ", StringComparison.Ordinal)) return "Trung ương Đảng";
        if (n.Contains("/QH", StringComparison.Ordinal)) return "Quốc hội";
        if (n.EndsWith("-HĐND", StringComparison.Ordinal)) return "Hội đồng nhân dân";
        if (n.EndsWith("-UBND", StringComparison.Ordinal)) return "Ủy ban nhân dân";
        return null;
    }

    private static string? Iso(string y, string m, string d)
    {
        if (!int.TryParse(y, out var yy) || !int.TryParse(m, out var mm) || !int.TryParse(d, out var dd)) return null;
        if (mm is < 1 or > 12 || dd is < 1 or > 31 || yy is < 1900 or > 2100) return null;
        return $"{yy:D4}-{mm:D2}-{dd:D2}";
    }

    private static string Capitalise(string kind) => kind.Length == 0 ? kind : char.ToUpperInvariant(kind[0]) + kind[1..].ToLowerInvariant();
}
