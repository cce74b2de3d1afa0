using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>Decoded text, or why the bytes cannot be read as a programme. Exactly one of Text/Error is set.</summary>
/// <param name="Encoding">What was detected: "utf-8", "utf-8-bom", "utf-16le-bom", "windows-1258", "tcvn3"… (for the report).</param>
public sealed record DecodedText(string? Text, string Encoding, string? Error)
{
    /// <summary>What the decoder changed or noticed that a reviewer should know (a conversion, removed control characters).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>
/// Bytes → text. Refuses what it cannot decode with certainty rather than guessing:
/// a wrong guess would silently corrupt every Vietnamese word.
/// Accepts UTF-8 (with or without BOM), UTF-16/UTF-32 with BOM, UTF-16 without BOM when the zero-byte
/// pattern is unmistakable, UTF-7, and Windows-1258 / TCVN3 (VN3 or VN1) / VISCII / VNI when the converted text reads as
/// Vietnamese; UTF-8 that was misread as Latin-1 or as a legacy font's text and saved again is repaired the same way.
/// Line endings are left as they are (ingest normalises them).
/// </summary>
public static class SourceDecoder
{
    /// <summary>
    /// Largest source accepted: 16 MiB. Real programmes are well under 1 MB; the limit keeps memory bounded
    /// against a wrong file (a scan, an archive) and is checked from the file length before reading.
    /// </summary>
    public const long MaxBytes = 16L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UnicodeEncoding StrictUtf16Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
    private static readonly UTF32Encoding StrictUtf32Le = new(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
    private static readonly UTF32Encoding StrictUtf32Be = new(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);

    public static string TooLargeMessage(long length) =>
        $"tệp quá lớn: {length / (1024.0 * 1024):F1} MB, giới hạn {MaxBytes / (1024 * 1024)} MB (file too large: a programme is a text file well under this limit)";

    public static DecodedText Decode(byte[] bytes) => Decode(bytes.AsSpan());

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes) return Fail("too-large", TooLargeMessage(bytes.Length));
        if (bytes.Length == 0) return Fail("empty", "tệp rỗng (empty file)");

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return FromUnicode(bytes[3..], StrictUtf8, "utf-8-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return FromUnicode(bytes[4..], StrictUtf32Le, "utf-32le-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return FromUnicode(bytes[4..], StrictUtf32Be, "utf-32be-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return FromUnicode(bytes[2..], StrictUtf16Le, "utf-16le-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return FromUnicode(bytes[2..], StrictUtf16Be, "utf-16be-bom");

        if (FileSignatures.Identify(bytes) is { } kind)
            return Fail("binary", $"tệp nhị phân, không phải văn bản (binary file: {kind}); hãy lưu dưới dạng văn bản thuần UTF-8 (save it as plain UTF-8 text)");

        switch (BomlessUtf16.Detect(bytes))
        {
            case BomlessUtf16.Order.LittleEndian: return FromUnicode(bytes, StrictUtf16Le, "utf-16le");
            case BomlessUtf16.Order.BigEndian: return FromUnicode(bytes, StrictUtf16Be, "utf-16be");
        }

        if (ControlCharacters.LooksBinary(bytes))
            return Fail("binary", "tệp nhị phân, không phải văn bản (binary file: contains NUL or many control bytes); hãy lưu dưới dạng văn bản thuần UTF-8 (save it as plain UTF-8 text)");

        if (StrictUtf8Text(bytes) is not { } utf8) return FromLegacy(bytes);
        if (Utf7Text.TryDecode(bytes) is { } utf7)
            return Finish(utf7.Text, Utf7Text.Name, [$"chuyển từ UTF-7 sang Unicode (converted from UTF-7): {utf7.Score.Valid}/{utf7.Score.Words} accented words are valid Vietnamese syllables"], mayBeMisread: false);
        return Finish(utf8, "utf-8", [], mayBeMisread: true);
    }

    /// <summary>
    /// The bytes as strict UTF-8 (what <see cref="StrictUtf8"/> accepts), or null if any sequence is ill-formed. One
    /// transcoding pass into a scratch buffer (UTF-8 never yields more chars than bytes): GetString counted the chars in a
    /// pass of its own first, and the sources of a build are tens of megabytes.
    /// </summary>
    private static string? StrictUtf8Text(ReadOnlySpan<byte> bytes)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes, buffer, out _, out int written, replaceInvalidSequences: false, isFinalBlock: true);
            return status == System.Buffers.OperationStatus.Done ? new string(buffer, 0, written) : null;
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static DecodedText FromUnicode(ReadOnlySpan<byte> body, Encoding encoding, string name)
    {
        string text;
        try
        {
            text = encoding.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Fail(name, $"không phải {name.ToUpperInvariant()} hợp lệ dù có dấu BOM (invalid {name} despite its byte order mark)");
        }
        // A BOM-led text can still be a disguised binary: check the characters, not the bytes.
        if (text.Contains('\0') || ControlCharacters.LooksBinary(text))
            return Fail("binary", $"tệp nhị phân, không phải văn bản (binary file: control characters after a {name} mark)");
        return Finish(text, name, [], mayBeMisread: name.StartsWith("utf-8", StringComparison.Ordinal));
    }

    private static DecodedText FromLegacy(ReadOnlySpan<byte> bytes)
    {
        if (Utf8Damage.Describe(bytes) is { } damage) return Fail("utf-8-damaged", damage);
        var candidates = LegacyEncodings.Candidates(bytes);
        if (LegacyEncodings.Certain(candidates) is { } c)
        {
            return Finish(c.Text, c.Name, [$"chuyển từ {c.Label} sang Unicode (converted from {c.Label}): {c.Score.Valid}/{c.Score.Words} accented words are valid Vietnamese syllables"], mayBeMisread: false);
        }
        var best = candidates.OrderByDescending(c => c.Score.Ratio).First();
        var looksLike = best.Score.Ratio >= 0.6 ? best.Label : LegacyEncodings.LooksLike(bytes);
        var hint = looksLike is null
            ? "không nhận ra bảng mã (unknown encoding)"
            : $"có vẻ là {looksLike} nhưng không chắc chắn để chuyển đổi (looks like {looksLike}, but not certainly enough to convert: {best.Score.Valid}/{best.Score.Words} accented words read as Vietnamese)";
        return Fail(looksLike is null ? "unknown" : best.Name,
            $"không phải UTF-8 hợp lệ (not valid UTF-8); {hint}; hãy mở tệp và lưu lại dưới dạng Unicode UTF-8 (open it and save it as Unicode UTF-8, e.g. with Unikey's converter)");
    }

    /// <summary>Joins a legacy font's name to the Unicode form its text was saved in: "tcvn3-in-utf-8", "vni-in-docx".</summary>
    public const string FontInUnicode = "-in-";

    private static DecodedText Finish(string text, string encoding, List<string> warnings, bool mayBeMisread)
    {
        if (string.IsNullOrWhiteSpace(text)) return Fail("empty", "tệp chỉ có khoảng trắng (whitespace-only file)");
        if (mayBeMisread && MisreadUtf8.TryRepair(text) is { } utf8)
        {
            text = utf8.Text;
            warnings.Add($"văn bản UTF-8 đã bị đọc nhầm thành Latin-1/Windows-1252 rồi lưu lại; đã sửa (UTF-8 text misread as Latin-1/Windows-1252 and saved again; repaired): {utf8.Score.Valid}/{utf8.Score.Words} accented words are valid Vietnamese syllables");
            encoding = "utf-8-misread-in-" + encoding;
        }
        else if (mayBeMisread && MisreadFontText.TryRepair(text) is { } repaired)
        {
            text = repaired.Text;
            warnings.Add($"văn bản {repaired.Label} đã bị lưu lại dưới dạng {encoding}; đã chuyển sang Unicode ({repaired.Label} text re-saved as {encoding}; converted): {repaired.Score.Valid}/{repaired.Score.Words} accented words are valid Vietnamese syllables");
            encoding = repaired.Name + FontInUnicode + encoding;
        }
        var (clean, removed) = ControlCharacters.Clean(text);
        if (removed > 0) warnings.Add($"đã bỏ {removed} ký tự điều khiển (removed {removed} control character(s))");
        return new DecodedText(clean, encoding, null) { Warnings = warnings };
    }

    private static DecodedText Fail(string encoding, string error) => new(null, encoding, error);
}
