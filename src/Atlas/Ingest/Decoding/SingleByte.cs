namespace Atlas.Ingest.Decoding;

/// <summary>The single-byte encodings' common ground: a byte is one character, looked up in the encoding's table.</summary>
internal static class SingleByte
{
    /// <summary>Windows-1252's characters for 0x80–0x9F (the smart quotes, dashes and ellipsis Word writes there); the five
    /// codes it leaves undefined stand for themselves, as Latin-1 readers take them. Legacy Vietnamese texts saved from
    /// Word keep this punctuation (TCVN3), or are made of Windows-1252 characters altogether (VNI).</summary>
    public const string Windows1252C1 =
        "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
        "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

    /// <summary>A Windows-1252 byte's character.</summary>
    public static char Windows1252(byte b) => b is >= 0x80 and < 0xA0 ? Windows1252C1[b - 0x80] : (char)b;

    /// <summary>Each byte through <paramref name="map"/>; not yet normalised (a table may give combining marks).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, Func<byte, char> map)
    {
        var chars = new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++) chars[i] = map(bytes[i]);
        return new string(chars);
    }
}
