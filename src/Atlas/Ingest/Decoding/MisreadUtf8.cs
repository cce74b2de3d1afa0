using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// UTF-8 text that a tool read as Latin-1 or Windows-1252 and saved again as UTF-8 ("Tiá»n Giang" for "Tiền Giang"):
/// every byte of every Vietnamese letter became a character of its own. Such text is again valid UTF-8, so it would be
/// ingested as gibberish. Mapping each character back to its byte and reading the bytes as UTF-8 undoes it; the repair
/// is kept only when that succeeds and the result reads as Vietnamese with certainty.
/// </summary>
public static class MisreadUtf8
{
    /// <summary>Windows-1252's characters for bytes 0x80–0x9F, back to their bytes (U+0080–U+009F stand for themselves:
    /// Latin-1 readers).</summary>
    private static readonly Dictionary<char, byte> Windows1252 = SingleByte.Windows1252C1.Select((c, i) => (c, i))
        .ToDictionary(x => x.c, x => (byte)(0x80 + x.i));

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string Text, SyllableScore Score)? TryRepair(string text)
    {
        // First only look: real Vietnamese returns at its first letter, which no single-byte reading makes.
        int leads = 0;
        foreach (var c in text)
        {
            if (c > '\u00FF' && !Windows1252.ContainsKey(c)) return null;
            if (c is >= '\u00C2' and <= '\u00EF') leads++;
        }
        if (leads < 20) return null; // too few multi-byte leads to be misread Vietnamese (or to be sure of it)
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++) bytes[i] = text[i] <= '\u00FF' ? (byte)text[i] : Windows1252[text[i]];
        string repaired;
        try
        {
            repaired = StrictUtf8.GetString(bytes).Normalize(NormalizationForm.FormC);
        }
        catch (DecoderFallbackException)
        {
            return null; // Latin-1 text of its own ("café", "Genève"), or a legacy font misread (MisreadFontText): not UTF-8 bytes
        }
        var score = VietnameseSyllables.Score(repaired);
        return score.IsCertain ? (repaired, score) : null;
    }
}
