namespace Atlas.Ingest.Decoding;

/// <summary>Recognises the formats staff most often drop in by mistake, so the message can say what the file is.</summary>
public static class FileSignatures
{
    private static readonly (byte[] Magic, string Kind)[] Known =
    [
        ([0x89, (byte)'P', (byte)'N', (byte)'G'], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        ("GIF8"u8.ToArray(), "GIF image"),
        ("%PDF"u8.ToArray(), "PDF document"),
        ([(byte)'P', (byte)'K', 0x03, 0x04], "ZIP archive or Word .docx/.odt"),
        ([0xD0, 0xCF, 0x11, 0xE0], "Word .doc / Excel .xls (OLE2)"),
        (@"{\rtf"u8.ToArray(), "RTF document"),
        ([0x1F, 0x8B], "gzip archive"),
        ([(byte)'7', (byte)'z', 0xBC, 0xAF], "7-Zip archive"),
        ("Rar!"u8.ToArray(), "RAR archive"),
        ([0x7F, (byte)'E', (byte)'L', (byte)'F'], "executable"),
    ];

    /// <returns>A human name for the format, or null if the bytes do not start like a known binary format.</returns>
    public static string? Identify(ReadOnlySpan<byte> bytes)
    {
        foreach (var (magic, kind) in Known)
            if (bytes.StartsWith(magic)) return kind;
        return null;
    }
}
