using System.Text;

namespace Atlas.Tests.Robustness;

/// <summary>
/// Deterministic mutations of a source's bytes, the kinds of damage real files show: lost, doubled or swapped lines,
/// truncation, stray bytes, odd Unicode, markup-looking text, very long lines.
/// </summary>
public sealed class SeedMutator(int seed)
{
    private readonly Random random = new(seed);

    private static readonly string[] Fragments =
    [
        "\u0301", "\u0323\u0323\u0309", "\u200B", "\u200D", "\u202E", "\uFEFF", "\uFFFD", "\u00A0", "\u3000", "😀", "👩🏽‍💻", "\t\t",
        "𝐈𝐈.", "Ⅲ.", "I.", "II. ", "1.", "1.1.", "a)", "(3)", "- ", "+ ", "• ", "* ", "# ", "## ", "**", "_", "|", "> ",
        "[x](javascript:alert(1))", "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "{{ 1+1 }}", "{% if %}", "&amp;", "&#x3c;",
        "Nơi nhận:", "TM. BAN THƯỜNG VỤ", "BÍ THƯ", "Số 12-CTr/TU", "ngày 31 tháng 02 năm 2023", "ngày 99/99/9999", "năm 2030",
        "Cơ quan chủ trì:", "Thời gian thực hiện: năm 2025", "đạt 120%", "trên 9.999.999.999.999.999.999 tỷ đồng", "tăng 7,5 - 8%/năm",
        "\r", "\r\n", "\n\n\n", "\u0085", "\u2028", "\u001B[31m",
    ];

    public byte[] Mutate(byte[] original)
    {
        var bytes = original;
        int count = 1 + random.Next(3);
        for (int i = 0; i < count; i++) bytes = MutateOnce(bytes);
        return bytes;
    }

    public string Describe { get; private set; } = "";

    private byte[] MutateOnce(byte[] bytes)
    {
        var kind = random.Next(9);
        Describe += kind + ",";
        switch (kind)
        {
            case 0: return EditLines(bytes, lines => { if (lines.Count > 0) lines.RemoveAt(random.Next(lines.Count)); });
            case 1: return EditLines(bytes, lines => { if (lines.Count > 0) { var i = random.Next(lines.Count); lines.Insert(i, lines[i]); } });
            case 2:
                return EditLines(bytes, lines =>
                {
                    if (lines.Count < 2) return;
                    int a = random.Next(lines.Count), b = random.Next(lines.Count);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                });
            case 3: return bytes.Length == 0 ? bytes : bytes[..random.Next(bytes.Length)];
            case 4:
            {
                var junk = new byte[1 + random.Next(16)];
                random.NextBytes(junk);
                return Insert(bytes, junk);
            }
            case 5: return Insert(bytes, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]));
            case 6:
                return EditLines(bytes, lines =>
                {
                    // A block of lines lost (a page missing from the copy).
                    if (lines.Count == 0) return;
                    int start = random.Next(lines.Count);
                    lines.RemoveRange(start, Math.Min(lines.Count - start, 1 + random.Next(20)));
                });
            case 7:
                return EditLines(bytes, lines =>
                {
                    // Many lines joined into one very long line (a file that lost its line breaks).
                    if (lines.Count < 2) return;
                    int start = random.Next(lines.Count), n = Math.Min(lines.Count - start, 50 + random.Next(200));
                    var joined = string.Join(' ', lines.GetRange(start, n));
                    lines.RemoveRange(start, n);
                    lines.Insert(start, joined);
                });
            default:
            {
                // Random Unicode scalar values, including unassigned and private-use ones.
                var sb = new StringBuilder();
                for (int i = 0; i < 1 + random.Next(8); i++)
                {
                    int cp;
                    do cp = random.Next(0x20, 0x30000); while (cp is >= 0xD800 and <= 0xDFFF);
                    sb.Append(char.ConvertFromUtf32(cp));
                }
                return Insert(bytes, Encoding.UTF8.GetBytes(sb.ToString()));
            }
        }
    }

    private byte[] Insert(byte[] bytes, byte[] insert)
    {
        int at = random.Next(bytes.Length + 1);
        return [.. bytes.AsSpan(0, at), .. insert, .. bytes.AsSpan(at)];
    }

    /// <summary>Line edits work on Latin-1 so that invalid UTF-8 bytes from earlier mutations survive byte for byte.</summary>
    private static byte[] EditLines(byte[] bytes, Action<List<string>> edit)
    {
        var lines = Encoding.Latin1.GetString(bytes).Split('\n').ToList();
        edit(lines);
        return Encoding.Latin1.GetBytes(string.Join('\n', lines));
    }
}
