using System.Text;

namespace Atlas.Search.Export;

/// <summary>
/// Non-negative integers as base64url characters, 5 value bits per character, the sixth bit meaning "more follows"
/// (low bits first). Postings stay plain JS strings: no binary fetch is possible from file://.
/// </summary>
public static class Base64Varint
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static void Write(StringBuilder sb, long value)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value));
        while (value >= 32)
        {
            sb.Append(Alphabet[(int)(32 | (value & 31))]);
            value >>= 5;
        }
        sb.Append(Alphabet[(int)value]);
    }

    /// <summary><see cref="Write(StringBuilder, long)"/> into a <see cref="CharSink"/>.</summary>
    internal static void Write(ref CharSink sink, long value)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(nameof(value));
        var into = sink.Reserve(13);
        int n = 0;
        while (value >= 32)
        {
            into[n++] = Alphabet[(int)(32 | (value & 31))];
            value >>= 5;
        }
        into[n++] = Alphabet[(int)value];
        sink.Advance(n);
    }

    /// <summary>Characters <see cref="Write(StringBuilder, long)"/> writes for <paramref name="value"/> (non-negative).</summary>
    internal static int Length(long value)
    {
        int n = 1;
        for (; value >= 32; value >>= 5) n++;
        return n;
    }

    public static List<long> Read(string s)
    {
        var values = new List<long>();
        long value = 0;
        int shift = 0;
        foreach (var ch in s)
        {
            int d = Alphabet.IndexOf(ch);
            value |= (long)(d & 31) << shift;
            if ((d & 32) != 0) { shift += 5; continue; }
            values.Add(value);
            value = 0;
            shift = 0;
        }
        return values;
    }
}
