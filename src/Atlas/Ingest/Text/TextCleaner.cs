using System.Text;

namespace Atlas.Ingest.Text;

/// <summary>
/// Decoded text → clean lines: any line ending, NFC, and the debris that Word/Markdown conversion leaves
/// (tabs, emphasis and heading marks used as typography, rules, escapes) removed without dropping a word.
/// A linear scanner: no regular expressions, so hostile input cannot make it backtrack.
/// </summary>
public static class TextCleaner
{
    public static IReadOnlyList<SourceLine> Clean(string text)
    {
        var lines = new List<SourceLine>();
        // Most files are composed already: checked once for the whole text instead of line by line.
        bool composedAlready = IsPlainlyComposed(text);
        foreach (var raw in SplitLines(text))
        {
            var composed = composedAlready || IsPlainlyComposed(raw) || raw.IsNormalized(NormalizationForm.FormC) ? raw : raw.Normalize(NormalizationForm.FormC);
            lines.Add(CleanLine(composed, LineWidth.Of(raw, composed)));
        }
        return lines;
    }

    /// <summary>
    /// True when no character can change under NFC: ASCII, Latin-1 and Latin Extended-A/B letters below the combining marks
    /// (U+0300), and the precomposed Vietnamese letters (U+1EA0–U+1EF9). A cheap sufficient test; anything else is checked
    /// properly line by line.
    /// </summary>
    private static bool IsPlainlyComposed(string text)
    {
        // Vectorised: Vietnamese text has a U+1Exx letter every few chars, too often to hop from one to the next.
        var span = text.AsSpan();
        int i = 0;
        if (System.Numerics.Vector.IsHardwareAccelerated && span.Length >= System.Numerics.Vector<ushort>.Count)
        {
            var chars = System.Runtime.InteropServices.MemoryMarshal.Cast<char, ushort>(span);
            var marks = new System.Numerics.Vector<ushort>(0x0300);
            var vietnamese = new System.Numerics.Vector<ushort>(0x1EA0);
            var vietnameseSpan = new System.Numerics.Vector<ushort>(0x1EF9 - 0x1EA0);
            int width = System.Numerics.Vector<ushort>.Count;
            for (; i <= chars.Length - width; i += width)
            {
                var v = new System.Numerics.Vector<ushort>(chars[i..]);
                // Unsigned: c - 0x1EA0 <= 0x59 exactly when c is in U+1EA0–U+1EF9.
                var doubtful = System.Numerics.Vector.GreaterThanOrEqual(v, marks) & System.Numerics.Vector.GreaterThan(v - vietnamese, vietnameseSpan);
                if (doubtful != System.Numerics.Vector<ushort>.Zero) return false;
            }
        }
        for (; i < span.Length; i++)
            if (span[i] >= '\u0300' && span[i] is not (>= '\u1EA0' and <= '\u1EF9')) return false;
        return true;
    }

    /// <summary>CRLF, CR, LF and the Unicode line/paragraph separators all end a line.</summary>
    public static IEnumerable<string> SplitLines(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            int k = text.AsSpan(i).IndexOfAny(LineBreaks); // vectorised: lines run to hundreds of chars
            if (k < 0) break;
            i += k;
            char c = text[i];
            yield return text[start..i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) yield return text[start..];
    }

    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\r\n\u2028\u2029\f\v");

    public static SourceLine CleanLine(string raw) => CleanLine(raw, LineWidth.Of(raw, raw));

    private static SourceLine CleanLine(string raw, LineWidth width)
    {
        raw = SymbolFontBullet(raw);
        var text = CleanText(raw, out var styled);
        // Only a line laid out in columns (a tab or a wide gap) has cells worth cleaning separately.
        IReadOnlyList<string> cells = raw.Contains('\t') || raw.Contains("   ", StringComparison.Ordinal)
            ? SplitCells(raw).Select(c => CleanText(c, out _)).Where(c => c.Length > 0).ToList()
            : text.Length > 0 ? [text] : [];
        var isRule = IsRuleLine(raw);
        if (isRule) text = "";
        return new SourceLine(text, cells, styled && text.Length > 0, isRule, width);
    }

    /// <summary>
    /// Word's list bullets copied as text keep their Symbol or Wingdings code, a private-use character (U+F0B7 "",
    /// U+F0A7, U+F0D8 …) that shows as an empty box without the font: at the start of a line, before a space or tab, it is
    /// the bullet "•".
    /// </summary>
    private static string SymbolFontBullet(string raw)
    {
        int i = 0;
        while (i < raw.Length && raw[i] is ' ' or '\t') i++;
        if (i + 1 >= raw.Length || raw[i] is < '\uF000' or > '\uF0FF' || raw[i + 1] is not (' ' or '\t')) return raw;
        return string.Concat(raw.AsSpan(0, i), "• ", raw.AsSpan(i + 2));
    }

    /// <summary>True for <c>-----</c>, <c>***</c>, <c>___</c>, <c>* * *</c>, <c>=====</c>: three or more rule characters and nothing else;
    /// also a Markdown table's delimiter row (<c>|---|:---:|</c>), which says nothing either.</summary>
    private static bool IsRuleLine(string raw) => IsUniformRule(raw) || IsTableDelimiter(raw);

    private static bool IsTableDelimiter(string raw)
    {
        int pipes = 0, dashes = 0;
        foreach (var c in raw)
        {
            if (c == '|') pipes++;
            else if (c == '-') dashes++;
            else if (c is not (':' or ' ' or '\t')) return false;
        }
        return pipes > 0 && dashes >= 3;
    }

    private static bool IsUniformRule(string raw)
    {
        int count = 0;
        char kind = '\0';
        foreach (var c in raw)
        {
            if (char.IsWhiteSpace(c)) continue;
            if (c is not ('-' or '*' or '_' or '=' or '—' or '–')) return false;
            if (kind == '\0') kind = c;
            else if (c != kind) return false;
            count++;
        }
        return count >= 3;
    }

    /// <summary>Table cells as a converter lays them out: separated by tabs or by three or more spaces.</summary>
    private static IEnumerable<string> SplitCells(string raw)
    {
        var sb = new StringBuilder();
        int i = 0;
        while (i < raw.Length)
        {
            char c = raw[i];
            if (c == '\t')
            {
                yield return sb.ToString();
                sb.Clear();
                i++;
                continue;
            }
            if (c == ' ')
            {
                int j = i;
                while (j < raw.Length && raw[j] == ' ') j++;
                if (j - i >= 3)
                {
                    yield return sb.ToString();
                    sb.Clear();
                }
                else sb.Append(' ', j - i);
                i = j;
                continue;
            }
            sb.Append(c);
            i++;
        }
        yield return sb.ToString();
    }

    /// <summary>Cleans one line's text. <paramref name="styled"/>: it was a Markdown heading or wholly emphasised.</summary>
    public static string CleanText(string raw, out bool styled)
    {
        styled = false;
        var s = RemoveInvisible(raw).Trim();

        // Blockquote and Markdown heading marks: typography, not words.
        while (s.StartsWith('>')) s = s[1..].TrimStart();
        int hashes = 0;
        while (hashes < s.Length && s[hashes] == '#') hashes++;
        if (hashes is >= 1 and <= 6 && (hashes == s.Length || s[hashes] == ' '))
        {
            styled = true;
            s = s[hashes..].Trim();
            // Closing hashes of an ATX heading ("## Title ##").
            var end = s.Length;
            while (end > 0 && s[end - 1] == '#') end--;
            if (end < s.Length && (end == 0 || s[end - 1] == ' ')) s = s[..end].TrimEnd();
        }

        s = DropTrailingEmphasisedFragment(s);
        // A line wholly wrapped in emphasis (**…**, *…*, ***…***) — or one end of a bold run split over lines — is a heading style.
        if (WhollyEmphasised(s) || OpensUnclosedBold(s) || EndsWithEmphasis(s)) styled = true;
        s = RemoveEmphasis(s);
        s = RemoveEscapes(s);
        if (s.Contains('<'))
            s = s.Replace("<br>", " ", StringComparison.OrdinalIgnoreCase)
                 .Replace("<br/>", " ", StringComparison.OrdinalIgnoreCase)
                 .Replace("<br />", " ", StringComparison.OrdinalIgnoreCase);
        s = CollapseSpaces(s);
        // A line reduced to emphasis marks only (Tiền Giang's lone "*") carries nothing.
        if (s.Length > 0 && !s.AsSpan().ContainsAnyExcept('*', '_', '#')) s = "";
        return s;
    }

    /// <summary>"**I- TÌNH HÌNH**", "*c) Định hướng*", "***2.2. …***": the emphasis opened at the start closes at the very end.</summary>
    private static bool WhollyEmphasised(string s)
    {
        int open = 0;
        while (open < s.Length && s[open] == '*') open++;
        if (open == 0 || open >= s.Length || s[open] == ' ') return false;
        int close = s.IndexOf('*', open);
        if (close < 0) return false;
        int end = close;
        while (end < s.Length && s[end] == '*') end++;
        return end == s.Length;
    }

    /// <summary>"**T/M TỈNH ỦY" whose closing "**" is on a later line: the first line of a bold run.</summary>
    private static bool OpensUnclosedBold(string s) =>
        s.StartsWith("**", StringComparison.Ordinal) && s.Length > 2 && s[2] != ' ' && s.IndexOf("**", 2, StringComparison.Ordinal) < 0;

    /// <summary>Only a bold close ("…**") marks the end of a heading; a single '*' closes an inline italic.</summary>
    private static bool EndsWithEmphasis(string s) =>
        s.Length >= 3 && s[^1] == '*' && s[^2] == '*' && s[^3] != ' ';

    /// <summary>
    /// Converter debris after the last sentence of a line, such as Kiên Giang's "… Tỉnh ủy. *nel*": a short emphasised run of
    /// ASCII letters that is not Vietnamese and follows a full stop. Real words are never emphasised alone after the full stop.
    /// </summary>
    private static string DropTrailingEmphasisedFragment(string s)
    {
        if (s.Length < 6 || s[^1] != '*') return s;
        int close = s.Length - 1;
        while (close > 0 && s[close - 1] == '*') close--;
        int start = close;
        while (start > 0 && s[start - 1] is >= 'a' and <= 'z' or >= 'A' and <= 'Z') start--;
        int word = close - start;
        if (word is < 1 or > 6) return s;
        int open = start;
        while (open > 0 && s[open - 1] == '*') open--;
        if (open == start || open < 2 || s[open - 1] != ' ') return s;
        var before = s[..(open - 1)].TrimEnd();
        return before.Length > 0 && before[^1] is '.' or ';' or '!' or '?' ? before : s;
    }

    private static bool IsInvisibleOrSpace(char c) =>
        c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' or '\u00A0' or '\u2007' or '\u202F' or '\u3000'
        || (c >= '\u2000' && c <= '\u200A') || char.IsControl(c);

    /// <summary>Every character <see cref="IsInvisibleOrSpace"/> accepts, for a vectorised search of the (usually clean) line.</summary>
    private static readonly System.Buffers.SearchValues<char> InvisibleOrSpace = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(IsInvisibleOrSpace).ToArray());

    private static string RemoveInvisible(string s)
    {
        if (s.AsSpan().IndexOfAny(InvisibleOrSpace) < 0) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD') continue;
            // Tabs, no-break and typographic spaces, stray control characters: all just a space.
            if (c is '\u00A0' or '\u2007' or '\u202F' or '\u3000' || (c >= '\u2000' && c <= '\u200A') || char.IsControl(c)) sb.Append(' ');
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Drops emphasis delimiters: runs of two or more '*' anywhere, "__" runs, and a single '*' that touches a word on one side
    /// only (an opening or closing delimiter). Keeps "(*)" footnote marks and a '*' inside a word.
    /// </summary>
    private static string RemoveEmphasis(string s)
    {
        if (s.IndexOf('*') < 0 && s.IndexOf("__", StringComparison.Ordinal) < 0) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '*')
            {
                int j = i;
                while (j < s.Length && s[j] == '*') j++;
                int run = j - i;
                char before = i > 0 ? s[i - 1] : ' ';
                char after = j < s.Length ? s[j] : ' ';
                bool keep = run == 1 && ((before == '(' && after == ')') || (IsWordChar(before) && IsWordChar(after)));
                // A leading "* " is a list bullet, not emphasis.
                if (run == 1 && i == 0 && after == ' ') keep = true;
                if (keep) sb.Append('*');
                i = j - 1;
                continue;
            }
            if (c == '_' && i + 1 < s.Length && s[i + 1] == '_')
            {
                int j = i;
                while (j < s.Length && s[j] == '_') j++;
                i = j - 1;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>Markdown backslash escapes ("1\.", "\-") left by converters: the backslash goes, the character stays.</summary>
    private static string RemoveEscapes(string s)
    {
        if (s.IndexOf('\\') < 0) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && "\\`*_{}[]()#+-.!|~<>\"'".IndexOf(s[i + 1]) >= 0) continue;
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static string CollapseSpaces(string s)
    {
        if (s.Length == 0 || (s[0] != ' ' && s[^1] != ' ' && !s.Contains("  ", StringComparison.Ordinal))) return s;
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (c == ' ') { space = true; continue; }
            if (space && sb.Length > 0) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
