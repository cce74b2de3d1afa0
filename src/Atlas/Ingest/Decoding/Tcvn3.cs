using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// TCVN 5712:1993 "VN3" (the ABC fonts: .VnTime, .VnTimeH…), the legacy Vietnamese font encoding of many
/// provincial documents typed before Unicode. Lowercase precomposed letters live in 0xA1–0xFF; VN3 has no
/// uppercase toned letters (they were typed in the "H" uppercase fonts with the lowercase codes).
/// Table checked against two independent references (the X.Org TCVN 5712 table and a Unicode↔TCVN3 converter).
/// </summary>
public static partial class Tcvn3
{
    /// <summary>Unicode for bytes 0xA0–0xFF; the rest is ASCII, and 0x80–0x9F is read as Windows-1252 punctuation
    /// (smart quotes, dashes) because TCVN3 texts saved from Word keep those there.</summary>
    private static readonly string High =
        // A0     A1      A2      A3      A4      A5      A6      A7      A8      A9      AA      AB      AC      AD      AE      AF
        "\u00A0\u0102\u00C2\u00CA\u00D4\u01A0\u01AF\u0110\u0103\u00E2\u00EA\u00F4\u01A1\u01B0\u0111\u1EB0" +
        // B0: the five combining tone marks of TCVN 5712, then à ả ã á ạ, Ẳ ằ ẳ ẵ ắ Ẵ
        "\u0300\u0309\u0303\u0301\u0323\u00E0\u1EA3\u00E3\u00E1\u1EA1\u1EB2\u1EB1\u1EB3\u1EB5\u1EAF\u1EB4" +
        // C0
        "\u1EAE\u1EA6\u1EA8\u1EAA\u1EA4\u1EC0\u1EB7\u1EA7\u1EA9\u1EAB\u1EA5\u1EAD\u00E8\u1EC2\u1EBB\u1EBD" +
        // D0
        "\u00E9\u1EB9\u1EC1\u1EC3\u1EC5\u1EBF\u1EC7\u00EC\u1EC9\u1EC4\u1EBE\u1ED2\u0129\u00ED\u1ECB\u00F2" +
        // E0
        "\u1ED4\u1ECF\u00F5\u00F3\u1ECD\u1ED3\u1ED5\u1ED7\u1ED1\u1ED9\u1EDD\u1EDF\u1EE1\u1EDB\u1EE3\u00F9" +
        // F0
        "\u1ED6\u1EE7\u0169\u00FA\u1EE5\u1EEB\u1EED\u1EEF\u1EE9\u1EF1\u1EF3\u1EF7\u1EF9\u00FD\u1EF5\u1ED0";

    /// <summary>Bytes that only TCVN3 text uses often: đ ư ơ ô ê â ă à á ạ ả ì í ị ộ ố ờ ớ ợ ủ ứ ự.</summary>
    public static bool IsSignatureByte(byte b) => b is 0xAE or 0xAD or 0xAC or 0xAB or 0xAA or 0xA9 or 0xA8
        or 0xB5 or 0xB8 or 0xB9 or 0xB6 or 0xD7 or 0xDD or 0xDE or 0xE9 or 0xE8 or 0xEA or 0xED or 0xEE or 0xF1 or 0xF8 or 0xF9;

    public static char Map(int code) => code switch
    {
        < 0x80 => (char)code,
        < 0xA0 => SingleByte.Windows1252C1[code - 0x80],
        <= 0xFF => High[code - 0xA0],
        _ => (char)code,
    };

    /// <summary>
    /// The toned capitals of TCVN 5712:1993 "VN1" (what <c>iconv -t TCVN5712-1</c> writes): VN3 plus capitals in
    /// 0x80–0x9F, where VN3 texts saved from Word keep Windows punctuation, and in twelve C0 positions. Checked against
    /// glibc's iconv TCVN5712-1 converter.
    /// </summary>
    private static readonly string Vn1Capitals =
        // 80
        "\u00C0\u1EA2\u00C3\u00C1\u1EA0\u1EB6\u1EAC\u00C8\u1EBA\u1EBC\u00C9\u1EB8\u1EC6\u00CC\u1EC8\u0128" +
        // 90
        "\u00CD\u1ECA\u00D2\u1ECE\u00D5\u00D3\u1ECC\u1ED8\u1EDC\u1EDE\u1EE0\u1EDA\u1EE2\u00D9\u1EE6\u0168";

    /// <summary>C0 positions of VN1 capitals: 0x01 Ú, 0x02 Ụ, 0x04 Ừ, 0x05 Ử, 0x06 Ữ, 0x11 Ứ … 0x17 Ỵ (0 elsewhere).</summary>
    private static readonly string Vn1Controls =
        "\0\u00DA\u1EE4\0\u1EEA\u1EEC\u1EEE\0\0\0\0\0\0\0\0\0" +
        "\0\u1EE8\u1EF0\u1EF2\u1EF6\u1EF8\u00DD\u1EF4\0\0\0\0\0\0\0\0";

    /// <summary>Whether any byte is a VN1 capital (a reading as VN1 differs from one as VN3).</summary>
    public static bool HasVn1Capitals(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            if (b is >= 0x80 and < 0xA0 || b < 0x20 && Vn1Controls[b] != '\0') return true;
        return false;
    }

    /// <summary>
    /// TCVN 5712 VN1 bytes → NFC Unicode. No case restoring: VN1 has its own toned capitals, so the text's case is
    /// the author's.
    /// </summary>
    public static string DecodeVn1(ReadOnlySpan<byte> bytes) => SingleByte.Decode(bytes, b => b switch
    {
        < 0x20 when Vn1Controls[b] != '\0' => Vn1Controls[b],
        >= 0x80 and < 0xA0 => Vn1Capitals[b - 0x80],
        _ => Map(b),
    }).Normalize(NormalizationForm.FormC);

    /// <summary>TCVN3 bytes → NFC Unicode, with the case of all-capital words restored (see <see cref="RestoreCapitals"/>).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) =>
        RestoreCapitals(SingleByte.Decode(bytes, b => Map(b)).Normalize(NormalizationForm.FormC));

    /// <summary>The same conversion for TCVN3 text that was later re-saved as UTF-8 or Latin-1 ("Ch­¬ng tr×nh"):
    /// every char ≤ U+00FF stands for the byte of the same value.</summary>
    public static string DecodeMisreadChars(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(c <= '\u00FF' ? Map(c) : c);
        return RestoreCapitals(sb.ToString().Normalize(NormalizationForm.FormC));
    }

    /// <summary>
    /// Headings typed in the uppercase "H" fonts store toned capitals with the lowercase codes, so
    /// "CHƯƠNG TRÌNH" arrives as "CHƯƠNG TRìNH". A word with a capital after its first letter, no ASCII small letter
    /// and a small toned letter is such a word and is capitalised. A word that could be either ("ở", "Tổ") is
    /// capitalised only when its neighbours on the same line are capital words and at least one of them shows the pattern.
    /// </summary>
    public static string RestoreCapitals(string text)
    {
        var chars = text.ToCharArray();
        var words = new List<Word>();
        int i = 0, line = 0, lineStart = 0;
        while (i < chars.Length)
        {
            if (chars[i] == '\n') { line++; lineStart = i + 1; }
            if (!char.IsLetter(chars[i])) { i++; continue; }
            int start = i;
            while (i < chars.Length && (char.IsLetter(chars[i]) || char.GetUnicodeCategory(chars[i]) == UnicodeCategory.NonSpacingMark)) i++;
            words.Add(new Word(start, i, line, lineStart, Classify(chars, start, i)));
        }
        // Ambiguous words next to capitalised ones can become capitals in turn ("TỔ CHỨC"): sweep both ways,
        // a bounded number of times so that no input makes this quadratic.
        for (int sweep = 0; sweep < 4; sweep++)
        {
            bool changed = false;
            for (int k = 0; k < words.Count; k++)
            {
                int w = sweep % 2 == 0 ? k : words.Count - 1 - k;
                if (words[w].Case == WordCase.Ambiguous && NeighboursAreHFontCapitals(words, w, chars))
                {
                    words[w] = words[w] with { Case = WordCase.HFont };
                    changed = true;
                }
            }
            if (!changed && sweep > 0) break;
        }
        foreach (var word in words)
        {
            if (word.Case == WordCase.HFont)
                for (int k = word.Start; k < word.End; k++) chars[k] = char.ToUpperInvariant(chars[k]);
            else if (char.IsLower(chars[word.Start]) && chars[word.Start] >= 0x80 && !IsListLetter(text, word) && StartsSentence(text, word.LineStart, word.Start))
                chars[word.Start] = char.ToUpperInvariant(chars[word.Start]);
        }
        return new string(chars);
    }

    [GeneratedRegex(@"^[ \t]*([-+•*–]|\d+(\.\d+)*[.)/]|[a-zđ][)/]|\(\d+\)|[IVXLC]+[./])[ \t]*$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePrefix();

    /// <summary>"đ)" or "đ/" opening a line is the fifth letter of a list ("a) b) c) d) đ)"), always written in lower case.</summary>
    private static bool IsListLetter(string text, Word word) =>
        word.End - word.Start == 1 && word.End < text.Length && text[word.End] is ')' or '/'
        && text.AsSpan(word.LineStart, word.Start - word.LineStart).Trim(" \t(").IsEmpty;

    /// <summary>
    /// A normal TCVN3 font has no toned capitals, so "Ủy ban" at the start of a sentence arrives as "ủy ban".
    /// A sentence starts after a full stop (not an ellipsis), after a list marker or numbering at the start of a line,
    /// or at the start of a line whose previous non-blank line ends a sentence (a paragraph broken mid-sentence is left alone).
    /// </summary>
    private static bool StartsSentence(string text, int lineStart, int at)
    {
        var before = text.AsSpan(lineStart, at - lineStart);
        var trimmed = before.TrimEnd(" \t");
        if (trimmed.Length > 0)
        {
            if (before.Length <= 24 && LinePrefix().IsMatch(before)) return true;
            return trimmed.Length < before.Length && trimmed[^1] is '.' or '!' or '?' && !trimmed.EndsWith("..");
        }
        // Only the few characters before this line matter; bounded so that no input makes this quadratic.
        var previous = text.AsSpan(Math.Max(0, lineStart - 4096), Math.Min(lineStart, 4096)).TrimEnd("\r\n \t");
        if (previous.Length == 0) return true;
        return previous[^1] is ':' or '!' or '?' || previous[^1] == '.' && !previous.EndsWith("..");
    }

    private sealed record Word(int Start, int End, int Line, int LineStart, WordCase Case);

    /// <remarks>A title-case candidate such as "Bí" also accepts a plain capital word of three letters or more
    /// as the tell ("BÍ THƯ"); a lowercase one such as "ở" needs the H-font pattern itself ("UBND ở HĐND" stays).</remarks>
    private static bool NeighboursAreHFontCapitals(List<Word> words, int w, char[] chars)
    {
        bool tell = false, titleCase = chars[words[w].Start] is >= 'A' and <= 'Z';
        foreach (var n in new[] { w - 1, w + 1 })
        {
            if (n < 0 || n >= words.Count || words[n].Line != words[w].Line) continue;
            if (words[n].Case is not (WordCase.Capitals or WordCase.HFont or WordCase.Ambiguous)) return false;
            tell |= words[n].Case == WordCase.HFont
                || titleCase && words[n].Case == WordCase.Capitals && words[n].End - words[n].Start >= 3;
        }
        return tell;
    }

    /// <summary>Lower: normal text. Capitals: already all capitals. HFont: capitals with lowercase-coded toned letters.</summary>
    private enum WordCase { Lower, Capitals, HFont, Ambiguous }

    private static WordCase Classify(char[] chars, int start, int end)
    {
        bool laterAsciiUpper = false, asciiLower = false, nonAsciiLower = false;
        for (int k = start; k < end; k++)
        {
            var c = chars[k];
            if (c is >= 'A' and <= 'Z') laterAsciiUpper |= k > start;
            else if (c is >= 'a' and <= 'z') asciiLower = true;
            else if (char.IsLower(c)) nonAsciiLower = true;
        }
        if (asciiLower) return WordCase.Lower;
        if (!nonAsciiLower) return char.IsUpper(chars[start]) ? WordCase.Capitals : WordCase.Ambiguous;
        return laterAsciiUpper ? WordCase.HFont : WordCase.Ambiguous;
    }
}
