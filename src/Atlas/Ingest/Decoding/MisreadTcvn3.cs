namespace Atlas.Ingest.Decoding;

/// <summary>
/// TCVN3 text that went through a Unicode save without conversion reads as "Ch­¬ng tr×nh hµnh ®éng": valid UTF-8,
/// every Vietnamese letter replaced by a Latin-1 symbol and no Vietnamese-only letter (ă đ ơ ư ạ…) anywhere.
/// It is repaired only when the converted text reads as Vietnamese with certainty.
/// </summary>
public static class MisreadTcvn3
{
    public static (string Text, SyllableScore Score)? TryRepair(string text)
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
        var repaired = Tcvn3.DecodeMisreadChars(text);
        var score = VietnameseSyllables.Score(repaired);
        if (!score.IsCertain || VietnameseSyllables.Score(text).Ratio >= 0.5) return null;
        return (repaired, score);
    }

    private static bool IsVietnameseOnly(char c) =>
        c is '\u0102' or '\u0103' or '\u0110' or '\u0111' or '\u0128' or '\u0129' or '\u0168' or '\u0169'
        or '\u01A0' or '\u01A1' or '\u01AF' or '\u01B0' or (>= '\u1EA0' and <= '\u1EF9') or (>= '\u0300' and <= '\u0323');
}
