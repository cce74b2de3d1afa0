using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>A legacy single-byte reading of bytes that are not UTF-8, with how Vietnamese it reads.</summary>
public sealed record LegacyCandidate(string Name, string Label, string Text, SyllableScore Score);

/// <summary>
/// The legacy Vietnamese encodings staff still receive: Windows-1258 (Word "Vietnamese (Windows)", tones as
/// combining marks after the vowel), TCVN3/ABC (font-encoded, precomposed lowercase in 0xA1–0xFF), its VN1 form with
/// toned capitals (TCVN 5712-1, as iconv writes it), VISCII (RFC 1456) and VNI (letters as a base and mark characters). Each is decoded and scored; the caller
/// converts only a reading that is certain.
/// </summary>
public static class LegacyEncodings
{
    // Taken from the provider directly rather than registered process-wide: no global state to set up.
    private static readonly Encoding Windows1258 = CodePagesEncodingProvider.Instance.GetEncoding(1258)
        ?? throw new InvalidOperationException("Windows-1258 is not available from CodePagesEncodingProvider");

    public const string Windows1258Name = "windows-1258";
    public const string Tcvn3Name = "tcvn3";
    public const string Tcvn5712Vn1Name = "tcvn5712-1";
    public const string VisciiName = "viscii";
    public const string VniName = "vni";

    /// <summary>The readings, in order of preference when two score alike (the commoner encoding first).</summary>
    public static IReadOnlyList<LegacyCandidate> Candidates(ReadOnlySpan<byte> bytes)
    {
        var candidates = new List<LegacyCandidate>(4);
        void Add(string name, string label, string text) => candidates.Add(new LegacyCandidate(name, label, text, VietnameseSyllables.Score(text)));
        Add(Windows1258Name, "Windows-1258 (Vietnamese Windows)", Windows1258.GetString(bytes).Normalize(NormalizationForm.FormC));
        Add(Tcvn3Name, "TCVN3 (ABC, .VnTime fonts)", Tcvn3.Decode(bytes));
        // Without a VN1 capital byte the VN1 reading is the VN3 one less its case restoring: not a reading of its own.
        if (Tcvn3.HasVn1Capitals(bytes)) Add(Tcvn5712Vn1Name, "TCVN 5712 VN1 (TCVN3 with toned capitals)", Tcvn3.DecodeVn1(bytes));
        Add(VisciiName, "VISCII", Viscii.Decode(bytes));
        Add(VniName, "VNI (VNI-Times fonts)", Vni.Decode(bytes));
        return candidates;
    }

    /// <summary>
    /// The reading to convert: the certain one that reads best (ties: the earlier candidate), or null. A wrong table
    /// garbles most accented words, so two certain readings only arise from tables that agree on nearly every letter
    /// (VN3 and VN1 outside the capitals), and the better one is the one whose differing letters read as Vietnamese.
    /// </summary>
    public static LegacyCandidate? Certain(IReadOnlyList<LegacyCandidate> candidates)
    {
        LegacyCandidate? best = null;
        foreach (var c in candidates)
            if (c.Score.IsCertain && (best is null || c.Score.Ratio > best.Score.Ratio)) best = c;
        return best;
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
