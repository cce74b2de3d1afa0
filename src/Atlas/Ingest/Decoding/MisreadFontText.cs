namespace Atlas.Ingest.Decoding;

/// <summary>A legacy font's text read back as Unicode: which font encoding, and how well it reads.</summary>
public sealed record FontTextRepair(string Text, SyllableScore Score, string Name, string Label);

/// <summary>
/// Text typed in a legacy Vietnamese font that went through a Unicode save without conversion (a .txt saved as
/// Unicode, a Word document keeping the font's characters): TCVN3 reads "Ch­¬ng tr×nh hµnh ®éng", VNI reads
/// "Chöông trình haønh ñoäng". Valid UTF-8, every Vietnamese letter replaced by Latin-1 symbols and no
/// Vietnamese-only letter (ă đ ơ ư ạ…) anywhere. Repaired only when a font's reading is Vietnamese with certainty.
/// </summary>
public static class MisreadFontText
{
    public static FontTextRepair? TryRepair(string text)
    {
        long latin1 = 0, vietnamese = 0;
        foreach (var c in text)
        {
            if (c is >= '\u00A0' and <= '\u00FF') latin1++;
            else if (IsVietnameseOnly(c))
            {
                // Enough Vietnamese-only letters that no count of Latin-1 symbols could outweigh them: real Unicode text.
                if (++vietnamese * 100 > text.Length) return null;
            }
        }
        // Real Vietnamese Unicode uses both ranges; the misread text only the Latin-1 one.
        if (latin1 < 20 || vietnamese * 100 > latin1) return null;
        if (VietnameseSyllables.Score(text).Ratio >= 0.5) return null;
        FontTextRepair? best = null;
        foreach (var (name, label, read) in Fonts)
        {
            var repaired = read(text);
            var score = VietnameseSyllables.Score(repaired);
            if (score.IsCertain && (best is null || score.Ratio > best.Score.Ratio)) best = new FontTextRepair(repaired, score, name, label);
        }
        return best;
    }

    private static readonly (string Name, string Label, Func<string, string> Read)[] Fonts =
    [
        (LegacyEncodings.Tcvn3Name, "TCVN3 (ABC)", Tcvn3.DecodeMisreadChars),
        (LegacyEncodings.VniName, "VNI", Vni.DecodeChars),
    ];

    private static bool IsVietnameseOnly(char c) =>
        c is '\u0102' or '\u0103' or '\u0110' or '\u0111' or '\u0128' or '\u0129' or '\u0168' or '\u0169'
        or '\u01A0' or '\u01A1' or '\u01AF' or '\u01B0' or (>= '\u1EA0' and <= '\u1EF9') or (>= '\u0300' and <= '\u0323');
}
