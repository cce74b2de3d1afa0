using System.Globalization;
using System.Text;

namespace Atlas.Search;

/// <summary>One word of analysed text: its normalised form, its position and where it sits in the normalised string.</summary>
/// <param name="Term">NFC, lower case, canonical tone placement.</param>
/// <param name="Position">Token position; a skipped over-long token leaves a gap so phrases never match across it.</param>
/// <param name="Start">Offset (UTF-16) in the normalised string; equal to the offset in the NFC input, because
/// lower-casing and tone canonicalisation replace characters one for one.</param>
public readonly record struct WordToken(string Term, int Position, int Start, int End);

/// <summary>Where one word sits in normalised text (<see cref="VietnameseText.Spans"/>), and its token position.</summary>
public readonly record struct WordSpan(int Start, int End, int Position);

/// <summary>
/// The Vietnamese text rules shared by the Lucene analyzer and the browser client (templates/assets/search/atlas-search.js
/// implements exactly the same steps, so both sides produce the same terms):
/// <list type="number">
/// <item>NFC;</item>
/// <item>lower case, one UTF-16 unit at a time (<see cref="char.ToLowerInvariant"/>);</item>
/// <item>one tone-mark placement: the "new" style, tone on the main vowel (hóa → hoá, thủy → thuỷ, khỏe → khoẻ),
/// see <see cref="CanonicalTones"/>;</item>
/// <item>words: maximal runs of letters (L*), decimal digits (Nd) and combining marks (M*); a word longer than
/// <see cref="MaxWordLength"/> UTF-16 units is skipped (it is noise such as a pasted hash) but keeps its position.</item>
/// </list>
/// <see cref="Fold"/> gives the second, diacritic-free form (marks removed, đ → d).
/// </summary>
public static class VietnameseText
{
    public const int MaxWordLength = 64;

    // Old-style placement (tone on the glide o/u) → new style (tone on the main vowel a/e/y). Only these pairs are
    // ambiguous in practice; the target side is the one "quý", "quỳnh", "khuya" already use, so q/gi words never change.
    private static readonly (string Old, string New)[] TonePairs =
    [
        ("òa", "oà"), ("óa", "oá"), ("ỏa", "oả"), ("õa", "oã"), ("ọa", "oạ"),
        ("òe", "oè"), ("óe", "oé"), ("ỏe", "oẻ"), ("õe", "oẽ"), ("ọe", "oẹ"),
        ("ùy", "uỳ"), ("úy", "uý"), ("ủy", "uỷ"), ("ũy", "uỹ"), ("ụy", "uỵ"),
    ];

    /// <summary>The lowest first character of an old-style pair (ò).</summary>
    private const char TonePairStart = '\u00F2';

    /// <summary>The pairs (old placement, canonical placement), lower case NFC; exported for the browser client.</summary>
    public static IReadOnlyList<(string Old, string New)> ToneTable => TonePairs;

    /// <summary>
    /// Moves the tone mark of oa/oe/uy from the glide to the main vowel ("hóa" → "hoá", "thủy" → "thuỷ").
    /// Expects NFC lower case (see <see cref="Normalize"/>); other text is returned unchanged.
    /// </summary>
    public static string CanonicalTones(string lowerNfc)
    {
        var chars = lowerNfc.ToCharArray();
        return Retone(chars) ? new string(chars) : lowerNfc;
    }

    /// <summary><see cref="CanonicalTones"/> in place; true when something moved.</summary>
    private static bool Retone(Span<char> chars)
    {
        bool changed = false;
        for (int i = 0; i + 1 < chars.Length; i++)
        {
            // Every pair starts with a toned o or u (U+00F2 and above): one comparison skips almost every character
            // before the table is searched (this runs over the text of every passage of the atlas).
            if (chars[i] < TonePairStart) continue;
            foreach (var (old, canonical) in TonePairs)
            {
                if (chars[i] == old[0] && chars[i + 1] == old[1])
                {
                    chars[i] = canonical[0];
                    chars[i + 1] = canonical[1];
                    changed = true;
                    i++;
                    break;
                }
            }
        }
        return changed;
    }

    /// <summary>NFC → lower case → canonical tones. Keeps the length of the NFC string (one-for-one replacements).</summary>
    public static string Normalize(string text)
    {
        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        // One new string, lowered and re-toned in place (the export normalises the text of every passage).
        return string.Create(nfc.Length, nfc, static (chars, source) =>
        {
            for (int i = 0; i < chars.Length; i++) chars[i] = char.ToLowerInvariant(source[i]);
            Retone(chars);
        });
    }

    /// <summary>
    /// The diacritic-free form: NFD, combining diacritics U+0300–U+036F removed, đ → d, back to NFC.
    /// "Điện gió" → "Dien gio"; apply to normalised (lower case) text to get index terms.
    /// </summary>
    public static string Fold(string text)
    {
        var nfd = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(nfd.Length);
        foreach (var ch in nfd)
        {
            if (ch is >= '\u0300' and <= '\u036F') continue;
            sb.Append(ch switch { 'đ' => 'd', 'Đ' => 'D', _ => ch });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The words of <paramref name="text"/>, normalised, with positions and offsets in the normalised string.</summary>
    public static List<WordToken> Words(string text)
    {
        var norm = Normalize(text);
        var spans = new List<WordSpan>();
        Spans(norm, spans);
        var words = new List<WordToken>(spans.Count);
        foreach (var w in spans) words.Add(new WordToken(norm[w.Start..w.End], w.Position, w.Start, w.End));
        return words;
    }

    /// <summary>
    /// The words of already normalised text (<see cref="Normalize"/>) as places in it, without a string per word
    /// (the export reads millions of words and only needs each one's number): appended to <paramref name="spans"/>.
    /// </summary>
    public static void Spans(string norm, List<WordSpan> spans)
    {
        int position = 0, i = 0;
        while (i < norm.Length)
        {
            if (!IsWordChar(norm, i, out int width)) { i += width; continue; }
            int start = i;
            while (i < norm.Length && IsWordChar(norm, i, out width)) i += width;
            if (i - start <= MaxWordLength) spans.Add(new WordSpan(start, i, position));
            position++;
        }
    }

    private static bool IsWordChar(string s, int i, out int width)
    {
        // ASCII (most characters of the text): its only letters, digits and marks are a–z, A–Z and 0–9.
        if (s[i] < 128)
        {
            width = 1;
            return char.IsAsciiLetterOrDigit(s[i]);
        }
        width = char.IsSurrogatePair(s, i) ? 2 : 1;
        var category = width == 2 ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(s, i)) : CharUnicodeInfo.GetUnicodeCategory(s[i]);
        return category switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
                or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
            _ => false,
        };
    }
}
