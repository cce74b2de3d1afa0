using System.Globalization;
using System.Text.RegularExpressions;

namespace Atlas.Bench;

/// <summary>
/// Changes the figures a target or a situation report states (percentages, amounts with a unit) by up to ±15%,
/// keeping their printed shape (decimal comma, thousands dots, number of decimals). Section numbers, years,
/// dates and resolution numbers are left alone: they carry the document's structure and references.
/// </summary>
internal static partial class NumberVariation
{
    // "7,62%", "12 %", "5.314 tỷ", "1.200 ha", "26 dự án". The look-behind keeps "2021-2025" and "17/11/2022" out.
    [GeneratedRegex(@"(?<![\d.,/\-])(\d{1,3}(?:\.\d{3})*(?:,\d+)?)(?=\s?%|\s(?:tỷ|triệu|nghìn|ha|km|USD|dự án|doanh nghiệp|lao động|cụm|khu)\b)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Figure();

    public static string Vary(string text, ref SplitMix64 random)
    {
        // One factor per line, so a range ("7% - 7,5%") keeps its order and a line stays self-consistent.
        var rng = random;
        int line = -2;
        double factor = 1;
        var result = Figure().Replace(text, m =>
        {
            var start = text.LastIndexOf('\n', m.Index);
            if (start != line) (line, factor) = (start, rng.Between(0.85, 1.15));
            return Change(m.Value, IsPercent(text, m.Index + m.Length), factor);
        });
        random = rng;
        return result;
    }

    private static bool IsPercent(string text, int after) =>
        after < text.Length && (text[after] == '%' || after + 1 < text.Length && text[after + 1] == '%');

    private static string Change(string printed, bool percent, double factor)
    {
        var comma = printed.IndexOf(',');
        var decimals = comma < 0 ? 0 : printed.Length - comma - 1;
        var grouped = printed.Contains('.');
        var value = decimal.Parse(printed.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);
        var changed = Math.Round(value * (decimal)factor, decimals, MidpointRounding.AwayFromZero);
        // A share cannot pass 100%: "đạt 100%" stays a plausible target.
        if (percent && value <= 100 && changed > 100) changed = 100;
        var text = changed.ToString("F" + decimals, CultureInfo.InvariantCulture);
        var (whole, fraction) = comma < 0 ? (text, "") : (text[..text.IndexOf('.')], text[(text.IndexOf('.') + 1)..]);
        if (grouped) whole = Group(whole);
        return fraction.Length > 0 ? whole + "," + fraction : whole;
    }

    private static string Group(string digits)
    {
        var parts = new List<string>();
        for (int end = digits.Length; end > 0; end -= 3) parts.Insert(0, digits[Math.Max(0, end - 3)..end]);
        return string.Join('.', parts);
    }
}
