using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>A legacy single-byte reading of bytes that are not UTF-8, with how Vietnamese it reads.</summary>
public sealed record LegacyCandidate(string Name, string Label, string Text, SyllableScore Score);

/// <summary>
/// The two legacy Vietnamese encodings staff still receive: Windows-1258 (Word "Vietnamese (Windows)",
/// tones as combining marks after the vowel) and TCVN3/ABC (font-encoded, precomposed lowercase in 0xA1–0xFF).
/// Both are decoded and scored; the caller converts only a reading that is certain.
/// </summary>
public static class LegacyEncodings
{
    // Taken from the provider directly rather than registered process-wide: no global state to set up.
    private static readonly Encoding Windows1258 = CodePagesEncodingProvider.Instance.GetEncoding(1258)
        ?? throw new InvalidOperationException("Windows-1258 is not available from CodePagesEncodingProvider");

    public const string Windows1258Name = "windows-1258";
    public const string Tcvn3Name = "tcvn3";

    public static IReadOnlyList<LegacyCandidate> Candidates(ReadOnlySpan<byte> bytes)
    {
        var cp1258 = Windows1258.GetString(bytes).Normalize(NormalizationForm.FormC);
        var tcvn3 = Tcvn3.Decode(bytes);
        return
        [
            new LegacyCandidate(Windows1258Name, "Windows-1258 (Vietnamese Windows)", cp1258, VietnameseSyllables.Score(cp1258)),
            new LegacyCandidate(Tcvn3Name, "TCVN3 (ABC, .VnTime fonts)", tcvn3, VietnameseSyllables.Score(tcvn3)),
        ];
    }

    /// <summary>
    /// Which encoding the bytes resemble from byte statistics alone, for the refusal message when no reading is certain:
    /// Windows-1258 puts tone bytes (0xCC 0xEC 0xD2 0xDE 0xF2) right after vowels; TCVN3 uses its precomposed-letter bytes.
    /// </summary>
    public static string? LooksLike(ReadOnlySpan<byte> bytes)
    {
        long tonesAfterVowel = 0, tcvnLetters = 0, high = 0;
        for (int i = 0; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x80) continue;
            high++;
            if (b is 0xCC or 0xEC or 0xD2 or 0xDE or 0xF2 && i > 0 && IsCp1258Vowel(bytes[i - 1])) tonesAfterVowel++;
            if (Tcvn3.IsSignatureByte(b)) tcvnLetters++;
        }
        if (high == 0) return null;
        if (tonesAfterVowel * 5 >= high) return "Windows-1258 (Vietnamese Windows)";
        if (tcvnLetters * 2 >= high) return "TCVN3 (ABC, .VnTime fonts)";
        return null;
    }

    private static bool IsCp1258Vowel(byte b) =>
        "aeiouyAEIOUY"u8.Contains(b) || b is 0xE2 or 0xE3 or 0xEA or 0xF4 or 0xF5 or 0xFD or 0xC2 or 0xC3 or 0xCA or 0xD4 or 0xD5 or 0xDD;
}
