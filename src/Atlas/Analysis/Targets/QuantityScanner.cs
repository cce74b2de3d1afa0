using System.Globalization;
using Atlas.Model;

namespace Atlas.Analysis.Targets;

/// <summary>A number (or range) with its comparator and unit, found in folded text.</summary>
/// <param name="Start">Where the comparator word (or the number) starts.</param>
/// <param name="NumberStart">Where the first number starts.</param>
/// <param name="End">End of the unit or trailing words ("trở lên").</param>
internal sealed record Quantity(int Start, int NumberStart, int End, decimal Low, decimal? High, Comparator Comparator, string? Unit);

/// <summary>
/// Finds Vietnamese quantities in folded text (see <see cref="TextFold"/>): decimal comma and thousands dot
/// ("7.700 - 7.900 usd", "13,4%/nam"), ranges with any dash or "đến", comparator words before
/// ("trên", "dưới", "khoảng", "tối thiểu"…) and after ("trở lên"), units (%, ‰, USD, triệu đồng, lần…).
/// A hand-written scanner: linear in the input, no regular expressions to backtrack.
/// Years, dates, document numbers ("29-nq/tw"), durations ("10 năm") and counted things that are not units
/// ("04 khu") are not quantities.
/// </summary>
internal static class QuantityScanner
{
    // Folded unit words → how the unit is printed. Longest first where one is a prefix of another.
    private static readonly (string Folded, string Unit)[] Units =
    [
        ("nghin ty dong", "nghìn tỷ đồng"), ("ngan ty dong", "nghìn tỷ đồng"), ("ty dong", "tỷ đồng"),
        ("trieu dong", "triệu đồng"), ("nghin dong", "nghìn đồng"), ("dong", "đồng"),
        ("trieu usd", "triệu USD"), ("ty usd", "tỷ USD"), ("nghin usd", "nghìn USD"), ("usd", "USD"), ("do la my", "USD"),
        ("trieu nguoi", "triệu người"), ("nghin nguoi", "nghìn người"), ("lan", "lần"), ("ha", "ha"), ("km", "km"), ("mw", "MW"), ("kwh", "kWh"), ("tan", "tấn"),
        ("nguoi", "người"), ("lao dong", "lao động"), ("doanh nghiep", "doanh nghiệp"), ("hop tac xa", "hợp tác xã"),
        ("sinh vien", "sinh viên"), ("bac si", "bác sĩ"), ("giuong benh", "giường bệnh"), ("giuong", "giường"),
        ("luot khach", "lượt khách"), ("luot", "lượt"), ("diem", "điểm"),
    ];

    // Comparator words before a number, folded, longest first.
    private static readonly (string Words, Comparator Comparator)[] Before =
    [
        ("khong thap hon", Comparator.AtLeast), ("khong duoi", Comparator.AtLeast), ("toi thieu", Comparator.AtLeast),
        ("it nhat", Comparator.AtLeast), ("khong vuot qua", Comparator.AtMost), ("khong qua", Comparator.AtMost),
        ("khong cao hon", Comparator.AtMost), ("toi da", Comparator.AtMost), ("trong khoang", Comparator.About),
        ("khoang", Comparator.About), ("xap xi", Comparator.About), ("gan", Comparator.About), ("chung", Comparator.About),
        ("cao hon", Comparator.Above), ("hon", Comparator.Above), ("tren", Comparator.Above), ("vuot", Comparator.Above),
        ("thap hon", Comparator.Below), ("duoi", Comparator.Below), ("tu", Comparator.Exact),
    ];

    public static List<Quantity> Scan(string f)
    {
        var found = new List<Quantity>();
        int i = 0;
        while (i < f.Length)
        {
            // A quantity starts with a digit: hop to the next one.
            int digit = f.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (digit < 0) break;
            i += digit;
            if (!IsDigit(f[i]) || (i > 0 && (char.IsLetterOrDigit(f[i - 1]) || f[i - 1] is '.' or ',' or '/' or '-' && i > 1 && IsDigit(f[i - 2]))))
            {
                i++;
                continue;
            }
            var q = TryRead(f, i, out int next);
            if (q is not null) found.Add(q);
            i = Math.Max(next, i + 1);
        }
        return found;
    }

    private static Quantity? TryRead(string f, int start, out int next)
    {
        var (low, lowEnd, lowIsInteger) = ReadNumber(f, start);
        next = lowEnd;
        if (lowEnd < f.Length && (char.IsLetter(f[lowEnd]) || f[lowEnd] == '_')) return null; // "237a-ctr", "5g"
        if (lowEnd + 1 < f.Length && f[lowEnd] is '/' or '-' && char.IsLetter(f[lowEnd + 1])) return null; // "29-nq/tw"
        if (lowEnd + 1 < f.Length && f[lowEnd] == '/' && IsDigit(f[lowEnd + 1])) { next = SkipDate(f, lowEnd); return null; } // 17/11/2022

        int pos = lowEnd;
        string? unit = ReadPercent(f, ref pos);
        decimal? high = null;
        int afterRange = pos;
        if (TrySeparator(f, pos, out int secondStart) && IsDigit(f[secondStart]))
        {
            var (h, hEnd, hIsInteger) = ReadNumber(f, secondStart);
            bool bothYears = lowIsInteger && hIsInteger && IsYear(low) && IsYear(h);
            if (!bothYears && h > low && (hEnd >= f.Length || !char.IsLetter(f[hEnd]) || unit is null))
            {
                int p2 = hEnd;
                var unit2 = ReadPercent(f, ref p2);
                if (unit is null || unit2 is not null || unit == "%")
                {
                    high = h;
                    unit = unit2 ?? unit;
                    afterRange = p2;
                }
            }
        }
        pos = afterRange;
        if (unit is null)
        {
            unit = ReadWordUnit(f, ref pos);
            // "5.500 USD — 6.000 USD": a range whose ends both carry the unit.
            if (unit is not null && high is null && TrySeparator(f, pos, out int s2) && IsDigit(f[s2]))
            {
                var (h, hEnd, _) = ReadNumber(f, s2);
                int p2 = hEnd;
                if (h > low && ReadWordUnit(f, ref p2) == unit) { high = h; pos = p2; }
            }
        }
        else if (unit == "%") unit = ReadPerYear(f, ref pos) ? "%/năm" : "%";

        if (unit is null)
        {
            // A bare number: only a value when nothing countable follows ("duy trì trên 0,7."; "icor từ 5,5 - 6,").
            if (lowIsInteger && high is null && IsYear(low)) return null;
            int k = SkipSpaces(f, pos);
            if (k < f.Length && char.IsLetterOrDigit(f[k]) && !StartsWord(f, k, "tro len") && !StartsWord(f, k, "tro xuong")
                && !StartsWord(f, k, "va ") && !StartsWord(f, k, "hoac ")) return null;
        }

        var comparator = high is null ? Comparator.Exact : Comparator.Range;
        int qStart = start;
        var before = WordBefore(f, start);
        foreach (var (words, c) in Before)
        {
            if (!EndsWithWord(f, before, words)) continue;
            qStart = before - words.Length;
            if (high is null) comparator = c;
            break;
        }
        if (EndsWithWord(f, before, "tren") && unit is "người" && Follows(f, pos, "dan")) return null; // "trên 10.000 người dân" is a denominator
        if (start > 0 && f[start - 1] == '/') return null; // "/10.000 dân"

        int end = pos;
        int after = SkipSpaces(f, pos);
        if (StartsWord(f, after, "tro len")) { end = after + 7; if (high is null) comparator = Comparator.AtLeast; }
        else if (StartsWord(f, after, "tro xuong")) { end = after + 9; if (high is null) comparator = Comparator.AtMost; }

        next = end;
        return new Quantity(qStart, start, end, low, high, comparator, unit);
    }

    private static (decimal Value, int End, bool IsInteger) ReadNumber(string f, int i)
    {
        int start = i;
        while (i < f.Length && IsDigit(f[i])) i++;
        var integer = f[start..i];
        string fraction = "";
        // Thousands groups: ".ddd" not followed by another digit (Vietnamese "7.700", "300.000").
        while (i + 3 < f.Length + 0 && f[i] == '.' && Digits(f, i + 1) == 3)
        {
            integer += f.Substring(i + 1, 3);
            i += 4;
        }
        if (i + 1 < f.Length && f[i] == ',' && IsDigit(f[i + 1]))
        {
            int j = i + 1;
            while (j < f.Length && IsDigit(f[j])) j++;
            // "1,600" after a thousands dot would be odd; a comma followed by digits is the decimal comma.
            fraction = f[(i + 1)..j];
            i = j;
        }
        else if (i + 1 < f.Length && f[i] == '.' && IsDigit(f[i + 1]) && Digits(f, i + 1) != 3)
        {
            int j = i + 1;
            while (j < f.Length && IsDigit(f[j])) j++;
            fraction = f[(i + 1)..j]; // English decimal point ("7.5%")
            i = j;
        }
        if (integer.Length > 18) integer = integer[..18]; // hostile input: keep decimal.Parse in range
        if (fraction.Length > 10) fraction = fraction[..10];
        var value = decimal.Parse(fraction.Length > 0 ? integer + "." + fraction : integer, CultureInfo.InvariantCulture);
        return (value, i, fraction.Length == 0);
    }

    private static int Digits(string f, int i)
    {
        int n = 0;
        while (i + n < f.Length && IsDigit(f[i + n])) n++;
        return n;
    }

    private static string? ReadPercent(string f, ref int pos)
    {
        int k = pos;
        while (k < f.Length && f[k] == ' ') k++;
        if (k < f.Length && f[k] == '‰') { pos = k + 1; return "‰"; }
        if (k < f.Length && f[k] == '%')
        {
            if (k + 1 < f.Length && f[k + 1] == 'o' && (k + 2 >= f.Length || !char.IsLetter(f[k + 2]))) { pos = k + 2; return "‰"; }
            pos = k + 1;
            return "%";
        }
        return null;
    }

    /// <summary>"/năm", "/ năm", " hàng năm", " mỗi năm" — but not "/năm 2025", which names the year.</summary>
    private static bool ReadPerYear(string f, ref int pos)
    {
        int k = SkipSpaces(f, pos);
        int afterWord;
        if (k < f.Length && f[k] == '/')
        {
            int w = SkipSpaces(f, k + 1);
            if (!StartsWord(f, w, "nam")) return false;
            afterWord = w + 3;
        }
        else if (StartsWord(f, k, "hang nam") || StartsWord(f, k, "moi nam")) afterWord = k + 8;
        else return false;
        int y = SkipSpaces(f, afterWord);
        if (y + 4 <= f.Length && Digits(f, y) == 4) return false;
        pos = afterWord;
        return true;
    }

    // "25 triệu lượt khách", "220 triệu tấn": a multiplier before any unit of the list is part of the unit.
    private static readonly (string Folded, string Printed)[] Multipliers = [("trieu", "triệu"), ("nghin", "nghìn"), ("ngan", "nghìn"), ("ty", "tỷ")];

    private static string? ReadWordUnit(string f, ref int pos)
    {
        int k = SkipSpaces(f, pos);
        var listed = ReadListedUnit(f, k, ref pos);
        if (listed is not null) return listed;
        foreach (var (folded, printed) in Multipliers)
        {
            if (!StartsWord(f, k, folded)) continue;
            int p = k + folded.Length;
            var unit = ReadListedUnit(f, SkipSpaces(f, p), ref p);
            if (unit is null || Multipliers.Any(m => unit.StartsWith(m.Printed + " ", StringComparison.Ordinal))) return null;
            pos = p;
            return printed + " " + unit;
        }
        return null;
    }

    private static string? ReadListedUnit(string f, int k, ref int pos)
    {
        foreach (var (folded, unit) in Units)
        {
            if (!StartsWord(f, k, folded)) continue;
            pos = k + folded.Length;
            if (unit is "USD")
            {
                // "USD/người/năm", "USD/người": per head, still USD.
                int p = pos;
                while (p + 1 < f.Length && f[p] == '/' && char.IsLetter(f[p + 1]))
                {
                    p++;
                    while (p < f.Length && char.IsLetter(f[p])) p++;
                }
                pos = p;
            }
            return unit;
        }
        return null;
    }

    private static bool TrySeparator(string f, int pos, out int next)
    {
        int k = SkipSpaces(f, pos);
        next = k;
        if (k >= f.Length) return false;
        if (f[k] is '-' or '~' or '÷')
        {
            next = SkipSpaces(f, k + 1);
            return next < f.Length;
        }
        foreach (var w in new[] { "den", "toi" })
        {
            if (StartsWord(f, k, w))
            {
                next = SkipSpaces(f, k + w.Length);
                return next < f.Length;
            }
        }
        return false;
    }

    private static int SkipDate(string f, int i)
    {
        while (i < f.Length && (IsDigit(f[i]) || f[i] == '/')) i++;
        return i;
    }

    private static int WordBefore(string f, int i)
    {
        int k = i;
        while (k > 0 && f[k - 1] == ' ') k--;
        return k;
    }

    /// <summary>Does the text ending at <paramref name="end"/> end with the whole word(s) <paramref name="words"/>?</summary>
    internal static bool EndsWithWord(string f, int end, string words)
    {
        int s = end - words.Length;
        if (s < 0 || string.CompareOrdinal(f, s, words, 0, words.Length) != 0) return false;
        return s == 0 || !char.IsLetterOrDigit(f[s - 1]);
    }

    internal static bool StartsWord(string f, int i, string words)
    {
        if (i < 0 || i + words.Length > f.Length || string.CompareOrdinal(f, i, words, 0, words.Length) != 0) return false;
        int e = i + words.Length;
        return words.EndsWith(' ') || e >= f.Length || !char.IsLetterOrDigit(f[e]);
    }

    private static bool Follows(string f, int pos, string word) => StartsWord(f, SkipSpaces(f, pos), word);

    internal static int SkipSpaces(string f, int i)
    {
        while (i < f.Length && f[i] == ' ') i++;
        return i;
    }

    internal static bool IsYear(decimal v) => v >= 1900 && v <= 2100 && v == decimal.Truncate(v);

    private static bool IsDigit(char c) => c is >= '0' and <= '9';
}
