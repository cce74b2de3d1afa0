using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>Decoded text, or why the bytes cannot be read as a programme. Exactly one of Text/Error is set.</summary>
/// <param name="Encoding">What was detected: "utf-8", "utf-8-bom", … (for the report).</param>
public sealed record DecodedText(string? Text, string Encoding, string? Error);

/// <summary>
/// Bytes → text. Refuses what it cannot decode with certainty rather than guessing:
/// a wrong guess would silently corrupt every Vietnamese word.
/// </summary>
public static class SourceDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static DecodedText Decode(byte[] bytes)
    {
        // SCAFFOLD (minimal): UTF-8 with or without BOM; the robustness issue adds UTF-16, binary, legacy encodings and size limits.
        if (bytes.Length == 0) return new DecodedText(null, "empty", "tệp rỗng (empty file)");
        var hasBom = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF;
        try
        {
            var text = StrictUtf8.GetString(bytes, hasBom ? 3 : 0, bytes.Length - (hasBom ? 3 : 0));
            if (string.IsNullOrWhiteSpace(text)) return new DecodedText(null, "empty", "tệp chỉ có khoảng trắng (whitespace-only file)");
            return new DecodedText(text, hasBom ? "utf-8-bom" : "utf-8", null);
        }
        catch (DecoderFallbackException)
        {
            return new DecodedText(null, "unknown", "không phải UTF-8 hợp lệ (not valid UTF-8)");
        }
    }
}
