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
            // ... and every pair ends with a, e or y (Vietnamese text has many characters above U+00F2).
            char next = chars[i + 1];
            if (next is not ('a' or 'e' or 'y')) continue;
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
        return string.Create(nfc.Length, nfc, static (chars, source) => LowerAndRetone(source, chars));
    }

    /// <summary>
    /// <see cref="Normalize"/> of NFC text (<see cref="ToNfc"/>) into <paramref name="into"/> (as long as the text): the
    /// export reads the words of every passage from a buffer of its own, without a string per passage.
    /// </summary>
    internal static void LowerAndRetone(ReadOnlySpan<char> nfc, Span<char> into)
    {
        into = into[..nfc.Length];
        for (int i = 0; i < into.Length; i++)
        {
            char c = nfc[i];
            // ASCII first (most of the text); the same result as char.ToLowerInvariant.
            into[i] = c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
        }
        Retone(into);
    }

    /// <summary>The text in NFC (itself when it already is).</summary>
    internal static string ToNfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

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
    /// The words of already normalised text (<see cref="Normalize"/>) as places in it, without a string per word:
    /// appended to <paramref name="spans"/>.
    /// </summary>
    public static void Spans(string norm, List<WordSpan> spans)
    {
        int at = 0, position = 0;
        while (NextWord(norm, ref at, ref position, out var word)) spans.Add(word);
    }

    /// <summary>
    /// The next word of normalised text from <paramref name="at"/> on (false at the end), skipping over-long words;
    /// <paramref name="position"/> counts the words seen, skipped ones included. The export reads millions of words with it.
    /// </summary>
    internal static bool NextWord(ReadOnlySpan<char> norm, ref int at, ref int position, out WordSpan word)
    {
        int i = at;
        while (i < norm.Length)
        {
            if (!IsWordChar(norm, i, out int width)) { i += width; continue; }
            int start = i;
            while (i < norm.Length && IsWordChar(norm, i, out width)) i += width;
            int wordPosition = position++;
            if (i - start <= MaxWordLength)
            {
                at = i;
                word = new WordSpan(start, i, wordPosition);
                return true;
            }
        }
        at = i;
        word = default;
        return false;
    }

    /// <summary>
    /// Whether each UTF-16 unit below U+2000 is a word character on its own (letters, digits and marks by
    /// <see cref="CharUnicodeInfo"/>): Vietnamese letters sit there, so a table answers for nearly every character.
    /// </summary>
    private static readonly bool[] WordChars = Enumerable.Range(0, 0x2000).Select(c => IsWordCategory(CharUnicodeInfo.GetUnicodeCategory((char)c))).ToArray();

    private static bool IsWordChar(ReadOnlySpan<char> s, int i, out int width)
    {
        char c = s[i];
        if (c < 0x2000)
        {
            width = 1;
            return WordChars[c];
        }
        width = char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
        return IsWordCategory(width == 2 ? CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1])) : CharUnicodeInfo.GetUnicodeCategory(c));
    }

    private static bool IsWordCategory(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        _ => false,
    };
}
