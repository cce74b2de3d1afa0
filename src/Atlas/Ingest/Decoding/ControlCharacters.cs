using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// Control characters: many of them (or any NUL) mean a binary file; a few strays (Word's vertical tab line break,
/// a form feed, an odd escape) are cleaned so that no later output (HTML, XML feed, JSON) carries them.
/// </summary>
public static class ControlCharacters
{
    /// <summary>Tab, line feed, carriage return, form feed, vertical tab: what text files legitimately hold.</summary>
    private static bool IsTextControl(int c) => c is '\t' or '\n' or '\r' or '\f' or '\v';

    private static bool IsStrayControl(int c) => c < 0x20 && !IsTextControl(c);

    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        long strays = 0;
        foreach (var b in bytes)
        {
            if (b == 0) return true;
            if (IsStrayControl(b)) strays++;
        }
        return IsTooMany(strays, bytes.Length);
    }

    public static bool LooksBinary(string text)
    {
        long strays = 0;
        foreach (var c in text)
            if (IsStrayControl(c)) strays++;
        return IsTooMany(strays, text.Length);
    }

    // More than 8 and more than 0.5% of the file: a handful of strays is debris, more is not text.
    private static bool IsTooMany(long strays, long length) => strays > 8 && strays * 200 > length;

    /// <summary>Removes stray C0/C1 controls, DEL, stray byte order marks and non-characters; vertical tab and
    /// form feed become line breaks. Returns the text unchanged (same instance) when there is nothing to do.</summary>
    public static (string Text, int Removed) Clean(string text)
    {
        // Controls are all below U+0100 (a fast bitmap search); the three non-characters are looked for apart.
        int first = text.AsSpan().IndexOfAny(WorkChars);
        int special = text.AsSpan().IndexOfAny('\uFEFF', '\uFFFE', '\uFFFF');
        if (special >= 0 && (first < 0 || special < first)) first = special;
        if (first < 0) return (text, 0);

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, first);
        int removed = 0;
        for (int i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\f' or '\v') sb.Append('\n');
            else if (NeedsWork(c)) removed++;
            else sb.Append(c);
        }
        return (sb.ToString(), removed);
    }

    /// <summary>The characters <see cref="NeedsWork"/> accepts, for a vectorised search of the (usually clean) text.</summary>
    private static readonly System.Buffers.SearchValues<char> WorkChars = System.Buffers.SearchValues.Create(
        Enumerable.Range(0, 0x100).Select(c => (char)c).Where(NeedsWork).ToArray());

    private static bool NeedsWork(char c) =>
        c < 0x20 && c is not ('\t' or '\n' or '\r')
        || c is >= '\u007F' and <= '\u009F'
        || c is '\uFEFF' or '\uFFFE' or '\uFFFF';
}
