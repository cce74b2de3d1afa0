using System.Globalization;

namespace Atlas.Ingest.Header;

/// <summary>Dates as programmes write them: "ngày 31 tháng 3 năm 2023", "17/11/2022", "03-6-2017"; returned as ISO yyyy-MM-dd.</summary>
public static class VietnameseDate
{
    /// <summary>Reads "ngày D tháng M năm Y" or "D/M/Y" starting at <paramref name="start"/> (after optional "ngày").</summary>
    public static string? ReadAt(string s, int start, out int end)
    {
        end = start;
        int i = Skip(s, start);
        if (StartsWithWord(s, i, "ngày")) i = Skip(s, i + 4);
        if (!Number(s, ref i, 2, out var day)) return null;
        int afterDay = i;
        i = Skip(s, i);
        int month, year;
        if (StartsWithWord(s, i, "tháng"))
        {
            i = Skip(s, i + 5);
            if (!Number(s, ref i, 2, out month)) return null;
            i = Skip(s, i);
            if (!StartsWithWord(s, i, "năm")) return null;
            i = Skip(s, i + 3);
            if (!Number(s, ref i, 4, out year)) return null;
        }
        else
        {
            i = afterDay;
            if (i >= s.Length || s[i] is not ('/' or '-' or '.')) return null;
            var sep = s[i++];
            if (!Number(s, ref i, 2, out month)) return null;
            if (i >= s.Length || s[i] != sep) return null;
            i++;
            if (!Number(s, ref i, 4, out year)) return null;
        }
        if (year < 1900 || year > 2100) return null;
        if (!DateOnly.TryParseExact($"{year:D4}-{month:D2}-{day:D2}", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
        end = i;
        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    /// <summary>"Tiền Giang, ngày 31 tháng 3 năm 2023" → place and ISO date. The place is at most a few words before the comma.</summary>
    public static (string Place, string Date)? ReadPlaceAndDate(string s)
    {
        int comma = s.IndexOf(',');
        if (comma <= 0 || comma > 40) return null;
        int i = comma + 1;
        while (i < s.Length && s[i] == ' ') i++;
        if (!StartsWithWord(s, i, "ngày")) return null;
        var date = ReadAt(s, i, out _);
        if (date is null) return null;
        var place = s[..comma].Trim();
        if (place.Length == 0 || place.Any(char.IsDigit)) return null;
        return (place, date);
    }

    public static bool IsIsoDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    private static bool Number(string s, ref int i, int maxDigits, out int value)
    {
        value = 0;
        int start = i;
        while (i < s.Length && i - start < maxDigits && char.IsAsciiDigit(s[i])) value = value * 10 + (s[i++] - '0');
        if (i == start || (i < s.Length && char.IsAsciiDigit(s[i]))) return false;
        return true;
    }

    private static bool StartsWithWord(string s, int i, string word) =>
        i + word.Length <= s.Length && string.Compare(s, i, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i + word.Length == s.Length || !char.IsLetter(s[i + word.Length]));

    private static int Skip(string s, int i)
    {
        while (i < s.Length && s[i] == ' ') i++;
        return i;
    }
}
