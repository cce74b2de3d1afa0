using System.Text;

namespace Atlas.Verify;

/// <summary>
/// One worker's strings met before: ids, link URLs and fragments repeat from page to page (every programme page has
/// the ids s-i-p1…, links the same assets and the same anchors), and the checker keeps every page's ids and cross-page
/// anchors until all pages are read. A string seen again is the same instance, found from its chars without making a
/// new one. Not thread-safe (one per worker); bounded, so a hostile site cannot make it grow without end.
/// </summary>
internal sealed class StringPool
{
    private const int MaxStrings = 1 << 20;
    private readonly Dictionary<string, string> strings = new(StringComparer.Ordinal);
    private char[] chars = new char[256];

    /// <summary>The text, as a pooled string.</summary>
    public string Of(ReadOnlySpan<char> text)
    {
        if (text.Length == 0) return "";
        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(text, out var known)) return known;
        var s = new string(text);
        if (strings.Count < MaxStrings) strings[s] = s;
        return s;
    }

    /// <summary>UTF-8 bytes decoded (invalid bytes as U+FFFD, as <see cref="Encoding.UTF8"/> does), optionally trimmed of white space.</summary>
    public string Utf8(ReadOnlySpan<byte> utf8, bool trim)
    {
        if (chars.Length < utf8.Length) chars = new char[Math.Max(utf8.Length, chars.Length * 2)];
        var text = chars.AsSpan(0, Encoding.UTF8.GetChars(utf8, chars));
        return Of(trim ? text.Trim() : text);
    }
}
