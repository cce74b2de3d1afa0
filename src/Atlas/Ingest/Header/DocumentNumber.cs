using System.Text;

namespace Atlas.Ingest.Header;

/// <summary>
/// Party and State document numbers, scanned by hand (linear, no backtracking) and normalised:
/// "38-CTr/TU", "13- KH/TW" → "13-KH/TW", "237a-CTr/TU", the government style "124/NQ-CP", and with the year
/// "10/2020/NĐ-CP", "202/2025/QH15".
/// </summary>
public static class DocumentNumber
{
    /// <summary>Reads a number starting exactly at <paramref name="start"/>; <paramref name="end"/> is just after it.</summary>
    public static string? ReadAt(string s, int start, out int end)
    {
        end = start;
        int i = start;
        int d = i;
        while (i < s.Length && i - d < 5 && char.IsAsciiDigit(s[i])) i++;
        if (i == d || (d > 0 && char.IsLetterOrDigit(s[d - 1]))) return null;
        var digits = s[d..i];
        int l = i;
        while (i < s.Length && i - l < 2 && s[i] is >= 'a' and <= 'z') i++;
        var suffix = s[l..i];
        int j = SkipSpaces(s, i);
        if (j < s.Length && s[j] is '-' or '–')
        {
            // Party style: 29-NQ/TW
            j = SkipSpaces(s, j + 1);
            var type = Code(s, ref j, allowLower: true);
            if (type is null) return null;
            j = SkipSpaces(s, j);
            if (j >= s.Length || s[j] != '/') return null;
            j = SkipSpaces(s, j + 1);
            var issuer = Code(s, ref j, allowLower: false);
            if (issuer is null) return null;
            end = j;
            return $"{digits}{suffix}-{type}/{issuer}";
        }
        if (j < s.Length && s[j] == '/')
        {
            // State style: 124/NQ-CP, 1234/QĐ-UBND; with the year: 10/2020/NĐ-CP, and the National Assembly's 202/2025/QH15.
            j = SkipSpaces(s, j + 1);
            if (j + 5 <= s.Length && s.AsSpan(j, 4).ContainsAnyExceptInRange('0', '9') == false && s[j + 4] == '/')
            {
                var year = s.Substring(j, 4);
                int k = j + 5;
                var body = Code(s, ref k, allowLower: false, trailingDigits: true);
                if (body is not null && body.Any(char.IsDigit) && (k >= s.Length || !char.IsLetterOrDigit(s[k]) && s[k] is not ('-' or '–')))
                {
                    end = k;
                    return $"{digits}{suffix}/{year}/{body}";
                }
                k = j + 5;
                var kind = Code(s, ref k, allowLower: true);
                if (kind is null || k >= s.Length || s[k] is not ('-' or '–')) return null;
                k++;
                var by = Code(s, ref k, allowLower: false);
                if (by is null) return null;
                end = k;
                return $"{digits}{suffix}/{year}/{kind}-{by}";
            }
            var type = Code(s, ref j, allowLower: true);
            if (type is null || j >= s.Length || s[j] is not ('-' or '–')) return null;
            j++;
            var issuer = Code(s, ref j, allowLower: false);
            if (issuer is null) return null;
            end = j;
            return $"{digits}{suffix}/{type}-{issuer}";
        }
        return null;
    }

    /// <summary>Every number in the text with its position, in order.</summary>
    public static IEnumerable<(string Number, int Start, int End)> FindAll(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]) || (i > 0 && char.IsLetterOrDigit(s[i - 1]))) continue;
            var n = ReadAt(s, i, out var end);
            if (n is not null)
            {
                yield return (n, i, end);
                i = end - 1;
            }
        }
    }

    /// <summary>An upper-case code such as NQ, CTr, TW, QĐ-UBND's parts: 1–8 letters starting with a capital.</summary>
    private static string? Code(string s, ref int i, bool allowLower, bool trailingDigits = false)
    {
        int start = i;
        if (i >= s.Length || !char.IsUpper(s[i])) return null;
        var sb = new StringBuilder();
        while (i < s.Length && i - start < 8 && char.IsLetter(s[i]) && (allowLower || char.IsUpper(s[i]))) sb.Append(s[i++]);
        if (i < s.Length && char.IsLetter(s[i])) return null;
        // "QH15": the National Assembly's code carries its term.
        if (trailingDigits) for (int n = 0; n < 3 && i < s.Length && char.IsAsciiDigit(s[i]); n++) sb.Append(s[i++]);
        return sb.ToString();
    }

    private static int SkipSpaces(string s, int i)
    {
        while (i < s.Length && s[i] == ' ') i++;
        return i;
    }
}
