namespace Atlas.Analysis.Targets;

/// <summary>A target year ("đến năm 2030") or period ("giai đoạn 2021 – 2025") found in folded text.</summary>
/// <param name="Start">Start of the introducing word ("giai đoạn", "năm", "đến") or of the year.</param>
/// <param name="IsBase">A base of comparison ("so với năm 2020"), not the time of a target.</param>
internal sealed record TimeMention(int Start, int End, string? Period, int? Year, int LastYear, bool IsBase);

/// <summary>Finds years and periods in folded text; dates ("17/11/2022", "ngày 19 tháng 5 năm 2023") are not times of targets.</summary>
internal static class TimeScanner
{
    private static readonly string[] Introducers =
        ["ca giai doan", "trong giai doan", "giai doan", "thoi ky", "nhiem ky", "den het nam", "den nam", "vao nam", "trong nam", "nam", "den", "toi"];

    public static List<TimeMention> Scan(string f)
    {
        var found = new List<TimeMention>();
        int i = 0;
        while (i < f.Length)
        {
            // A year starts with a digit: hop to the next one.
            int digit = f.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (digit < 0) break;
            i += digit;
            if (!IsYearAt(f, i) || (i > 0 && (char.IsLetterOrDigit(f[i - 1]) || f[i - 1] is '/' or '.' or ',')))
            {
                i++;
                continue;
            }
            int year = int.Parse(f.AsSpan(i, 4));
            int end = i + 4;
            int? second = null;
            // Period: "2021 - 2025", "2021-2030", "2021 đến 2025", "2021 đến năm 2025".
            int k = QuantityScanner.SkipSpaces(f, end);
            int n = -1;
            if (k < f.Length && f[k] == '-') n = QuantityScanner.SkipSpaces(f, k + 1);
            else if (QuantityScanner.StartsWord(f, k, "den")) n = QuantityScanner.SkipSpaces(f, k + 3);
            if (n >= 0 && QuantityScanner.StartsWord(f, n, "nam")) n = QuantityScanner.SkipSpaces(f, n + 3);
            if (n >= 0 && IsYearAt(f, n))
            {
                int y2 = int.Parse(f.AsSpan(n, 4));
                if (y2 > year) { second = y2; end = n + 4; }
            }

            int start = i;
            int before = i;
            while (before > 0 && f[before - 1] == ' ') before--;
            if (before > 0 && f[before - 1] == '/') start = before - 1; // "85%/năm 2025" — handled by the caller as "/"
            foreach (var w in Introducers)
            {
                if (QuantityScanner.EndsWithWord(f, before, w)) { start = before - w.Length; break; }
            }
            bool isDate = IsDateContext(f, start);
            bool isBase = IsBase(f, start);
            if (!isDate)
                found.Add(new TimeMention(start, end, second is int y ? $"{year}–{y}" : null, second is null ? year : null, second ?? year, isBase));
            i = end;
        }
        return found;
    }

    private static bool IsYearAt(string f, int i)
    {
        if (i + 4 > f.Length) return false;
        for (int j = 0; j < 4; j++) if (f[i + j] is < '0' or > '9') return false;
        if (i + 4 < f.Length && (char.IsLetterOrDigit(f[i + 4]) || f[i + 4] == '%')) return false;
        if (i + 5 < f.Length && f[i + 4] is '.' or ',' && char.IsDigit(f[i + 5])) return false;
        int y = (f[i] - '0') * 1000 + (f[i + 1] - '0') * 100 + (f[i + 2] - '0') * 10 + (f[i + 3] - '0');
        return y is >= 1945 and <= 2100;
    }

    /// <summary>"ngày 19 tháng 5 năm 2023" is a date, not a target year.</summary>
    private static bool IsDateContext(string f, int start)
    {
        int from = Math.Max(0, start - 14);
        return f.AsSpan(from, start - from).IndexOf("thang ", StringComparison.Ordinal) >= 0;
    }

    /// <summary>"so với năm 2020", "so với giai đoạn 2016 - 2020", "từ năm 2015": a base or a starting point, not a target time.</summary>
    private static bool IsBase(string f, int start)
    {
        int k = start;
        while (k > 0 && f[k - 1] == ' ') k--;
        return QuantityScanner.EndsWithWord(f, k, "so voi") || QuantityScanner.EndsWithWord(f, k, "tu")
            || QuantityScanner.EndsWithWord(f, k, "gia so sanh") || QuantityScanner.EndsWithWord(f, k, "nam goc");
    }
}
