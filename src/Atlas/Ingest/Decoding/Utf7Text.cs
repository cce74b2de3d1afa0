using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// UTF-7 (RFC 2152), the 7-bit Unicode of old mail gateways, still one of Python's standard codecs: every Vietnamese
/// letter becomes a "+…" run of base64 ("Th+HvE-c hi+Hsc-n"), so the file is valid ASCII and would otherwise be
/// ingested as that gibberish. Read only when the decoded text is certainly Vietnamese.
/// </summary>
public static class Utf7Text
{
    public const string Name = "utf-7";

    /// <summary>The decoded text and its score, or null when the ASCII text is not Vietnamese in UTF-7.</summary>
    public static (string Text, SyllableScore Score)? TryDecode(ReadOnlySpan<byte> bytes)
    {
        // Cheap refusals first: UTF-7 is pure ASCII, and Vietnamese in it has a shift ('+') in most lines.
        if (!Ascii.IsValid(bytes) || bytes.Count((byte)'+') < 20) return null;
#pragma warning disable SYSLIB0001 // UTF-7 is obsolete as an encoding to write; reading it is this class's purpose
        var text = Encoding.UTF7.GetString(bytes).Normalize(NormalizationForm.FormC);
#pragma warning restore SYSLIB0001
        var score = VietnameseSyllables.Score(text);
        return score.IsCertain ? (text, score) : null;
    }
}
