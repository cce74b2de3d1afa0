using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Atlas.Ingest.Decoding;

/// <summary>How much of a text reads as Vietnamese, counted over the words that carry non-ASCII characters
/// (ASCII words read the same in every encoding, so they say nothing about the encoding).</summary>
/// <param name="Words">Words with at least one non-ASCII character.</param>
/// <param name="Valid">Of those, how many are well-formed Vietnamese syllables.</param>
public sealed record SyllableScore(int Words, int Valid)
{
    public double Ratio => Words == 0 ? 0 : (double)Valid / Words;

    /// <summary>Enough evidence to convert without asking: at least 20 such words and 97% of them valid.
    /// A wrong table garbles most accented words, so real mis-detections score far lower.</summary>
    public bool IsCertain => Words >= 20 && Ratio >= 0.97;
}

/// <summary>
/// Checks words against the shape of a Vietnamese syllable: optional initial consonant, a vowel group,
/// optional final consonant, at most one tone mark. Cheap and strict enough to tell a right decoding from mojibake.
/// </summary>
public static partial class VietnameseSyllables
{
    [GeneratedRegex("^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?[aăâeêioôơuưy]{1,3}(ch|ng|nh|c|m|n|p|t)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Syllable();

    /// <summary>Scores at most <paramref name="maxWords"/> candidate words (enough for a verdict, bounded work).</summary>
    public static SyllableScore Score(string text, int maxWords = 5000)
    {
        int words = 0, valid = 0, i = 0;
        while (i < text.Length && words < maxWords)
        {
            if (IsSeparator(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && !IsSeparator(text[i])) i++;
            var word = TrimPunctuation(text.AsSpan(start, i - start));
            if (!HasNonAscii(word)) continue;
            words++;
            if (IsSyllable(word)) valid++;
        }
        return new SyllableScore(words, valid);
    }

    public static bool IsSyllable(ReadOnlySpan<char> word)
    {
        if (word.Length is 0 or > 12) return false;
        var decomposed = word.ToString().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var bare = new StringBuilder(decomposed.Length);
        int tones = 0;
        foreach (var c in decomposed)
        {
            if (c is '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323') tones++;
            else bare.Append(c);
        }
        return tones <= 1 && Syllable().IsMatch(bare.ToString().Normalize(NormalizationForm.FormC));
    }

    // Words are split on ASCII spaces and punctuation; non-ASCII symbols stay inside the word so that
    // mojibake such as "tr×nh" counts as one invalid word rather than two valid halves.
    private static bool IsSeparator(char c) => c < 0x80 ? !char.IsAsciiLetter(c) : char.IsWhiteSpace(c);

    private static ReadOnlySpan<char> TrimPunctuation(ReadOnlySpan<char> w)
    {
        int a = 0, b = w.Length;
        while (a < b && IsEdgePunctuation(w[a])) a++;
        while (b > a && IsEdgePunctuation(w[b - 1])) b--;
        return w[a..b];
    }

    private static bool IsEdgePunctuation(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.DashPunctuation or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation
        or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;

    private static bool HasNonAscii(ReadOnlySpan<char> w)
    {
        foreach (var c in w) if (c >= 0x80) return true;
        return false;
    }
}
