using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// VISCII (RFC 1456), the 8-bit Vietnamese encoding of early Unix and web tools, still produced by <c>iconv -t VISCII</c>:
/// all 134 precomposed letters, capitals included, in 0x80–0xFF plus six C0 positions (so it has no room for
/// Windows punctuation). Table checked against glibc's iconv VISCII converter, byte by byte.
/// </summary>
public static class Viscii
{
    /// <summary>Unicode for bytes 0x80–0xFF. Letters shared with Latin-1 (à á â ã è é ê ì í ò ó ô õ ù ú ý and their
    /// capitals) keep their Latin-1 positions.</summary>
    private static readonly string High =
        "\u1EA0\u1EAE\u1EB0\u1EB6\u1EA4\u1EA6\u1EA8\u1EAC\u1EBC\u1EB8\u1EBE\u1EC0\u1EC2\u1EC4\u1EC6\u1ED0" +
        "\u1ED2\u1ED4\u1ED6\u1ED8\u1EE2\u1EDA\u1EDC\u1EDE\u1ECA\u1ECE\u1ECC\u1EC8\u1EE6\u0168\u1EE4\u1EF2" +
        "\u00D5\u1EAF\u1EB1\u1EB7\u1EA5\u1EA7\u1EA9\u1EAD\u1EBD\u1EB9\u1EBF\u1EC1\u1EC3\u1EC5\u1EC7\u1ED1" +
        "\u1ED3\u1ED5\u1ED7\u1EE0\u01A0\u1ED9\u1EDD\u1EDF\u1ECB\u1EF0\u1EE8\u1EEA\u1EEC\u01A1\u1EDB\u01AF" +
        "\u00C0\u00C1\u00C2\u00C3\u1EA2\u0102\u1EB3\u1EB5\u00C8\u00C9\u00CA\u1EBA\u00CC\u00CD\u0128\u1EF3" +
        "\u0110\u1EE9\u00D2\u00D3\u00D4\u1EA1\u1EF7\u1EEB\u1EED\u00D9\u00DA\u1EF9\u1EF5\u00DD\u1EE1\u01B0" +
        "\u00E0\u00E1\u00E2\u00E3\u1EA3\u0103\u1EEF\u1EAB\u00E8\u00E9\u00EA\u1EBB\u00EC\u00ED\u0129\u1EC9" +
        "\u0111\u1EF1\u00F2\u00F3\u00F4\u00F5\u1ECF\u1ECD\u1EE5\u00F9\u00FA\u0169\u1EE7\u00FD\u1EE3\u1EEE";

    public static char Map(byte b) => b switch
    {
        0x02 => '\u1EB2', // Ẳ
        0x05 => '\u1EB4', // Ẵ
        0x06 => '\u1EAA', // Ẫ
        0x14 => '\u1EF6', // Ỷ
        0x19 => '\u1EF8', // Ỹ
        0x1E => '\u1EF4', // Ỵ
        < 0x80 => (char)b,
        _ => High[b - 0x80],
    };

    public static string Decode(ReadOnlySpan<byte> bytes) => SingleByte.Decode(bytes, Map).Normalize(NormalizationForm.FormC);
}
