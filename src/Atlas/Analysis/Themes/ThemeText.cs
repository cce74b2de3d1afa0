using System.Globalization;
using System.Text;

namespace Atlas.Analysis.Themes;

/// <summary>
/// The matching form of Vietnamese text for theme rules: lowercase ASCII words separated by single spaces,
/// padded with one space at each end so a phrase matches whole words only (" cong nghiep ").
/// Marks are removed after NFD decomposition, so NFC/NFD input and old/new tone placement ("hoá"/"hóa") fold
/// alike; đ and ð become d; y becomes i, so spelling variants "kỹ/kĩ", "quy/qui", "lý/lí" match.
/// Everything else (punctuation, dashes, quotes) separates words: "khoa học - công nghệ" = "khoa học, công nghệ".
/// Folding is character-local, so the fold of a prefix of a text is a prefix of the fold of the text.
/// Kept apart from the search stage's folding on purpose (its own rules, its own owner); both agree on marks and đ.
/// </summary>
internal static class ThemeText
{
    public static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append(' ');
        foreach (var ch in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark) continue;
            var c = ch switch
            {
                'đ' or 'Đ' or 'ð' or 'Ð' => 'd',
                _ => char.ToLowerInvariant(ch),
            };
            if (c == 'y') c = 'i';
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                sb.Append(c);
            else if (sb[^1] != ' ')
                sb.Append(' ');
        }
        if (sb[^1] != ' ') sb.Append(' ');
        return sb.ToString();
    }

    /// <summary>The folded words of a text, in order.</summary>
    public static string[] Words(string text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
