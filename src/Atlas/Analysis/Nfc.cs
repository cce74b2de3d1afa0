using System.Text;

namespace Atlas.Analysis;

/// <summary>
/// NFC for the analyses' inputs. Ingest already gives NFC text, and asking ICU for every passage of a thousand
/// programmes is costly, so text made only of chars that are always NFC (Latin up to U+02FF, the precomposed
/// Vietnamese letters U+1E00–U+1EFF, general punctuation U+2010–U+205F) is taken as it is; anything else is checked.
/// </summary>
internal static class Nfc
{
    public static string Of(string text) => IsSurelyNfc(text) || text.IsNormalized() ? text : text.Normalize(NormalizationForm.FormC);

    private static bool IsSurelyNfc(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c >= '\u0300' && c is not (>= '\u1E00' and <= '\u1EFF') && c is not (>= '\u2010' and <= '\u205F')) return false;
        return true;
    }

    /// <summary>Whether the text holds a decimal digit (ASCII or another script's): no number, no citation or value.</summary>
    public static bool HasDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (c <= '9' ? c >= '0' : c > '\u007f' && char.IsDigit(c)) return true;
        return false;
    }
}
