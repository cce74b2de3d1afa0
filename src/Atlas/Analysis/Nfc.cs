using System.Numerics;
using System.Runtime.InteropServices;
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
        // Vectorised: Vietnamese text has a U+1Exx letter every few chars, too often to hop from one to the next.
        int i = 0;
        if (Vector.IsHardwareAccelerated && text.Length >= Vector<ushort>.Count)
        {
            var chars = MemoryMarshal.Cast<char, ushort>(text);
            var marks = new Vector<ushort>(0x0300);
            var (letters, lettersSpan) = (new Vector<ushort>(0x1E00), new Vector<ushort>(0x1EFF - 0x1E00));
            var (punctuation, punctuationSpan) = (new Vector<ushort>(0x2010), new Vector<ushort>(0x205F - 0x2010));
            for (; i <= chars.Length - Vector<ushort>.Count; i += Vector<ushort>.Count)
            {
                var v = new Vector<ushort>(chars[i..]);
                // Unsigned: c - lo > hi - lo exactly when c is outside [lo, hi].
                var doubtful = Vector.GreaterThanOrEqual(v, marks) & Vector.GreaterThan(v - letters, lettersSpan)
                    & Vector.GreaterThan(v - punctuation, punctuationSpan);
                if (doubtful != Vector<ushort>.Zero) return false;
            }
        }
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= '\u0300' && c is not (>= '\u1E00' and <= '\u1EFF') && c is not (>= '\u2010' and <= '\u205F')) return false;
        }
        return true;
    }

    /// <summary>Whether the text holds a decimal digit (ASCII or another script's): no number, no citation or value.</summary>
    public static bool HasDigit(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
            if (IsDigit(c)) return true;
        return false;
    }

    /// <summary>A decimal digit of any script, as the patterns' <c>\d</c> reads it; ASCII told apart without a lookup.</summary>
    public static bool IsDigit(char c) => c <= '9' ? c >= '0' : c > '\u007f' && char.IsDigit(c);
}
