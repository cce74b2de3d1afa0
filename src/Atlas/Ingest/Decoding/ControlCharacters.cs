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
        // Hops from control byte to control byte (a text has one or two per line) instead of testing every byte.
        long strays = 0;
        for (int at = 0; ;)
        {
            int k = bytes[at..].IndexOfAnyInRange((byte)0, (byte)0x1F);
            if (k < 0) break;
            at += k;
            var b = bytes[at];
            if (b == 0) return true;
            if (IsStrayControl(b)) strays++;
            at++;
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
        int first = FirstToClean(text);
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

    /// <summary>The first C0/C1 control or DEL <see cref="NeedsWork"/> accepts, or -1. C0 controls are searched by range, hopping
    /// over the line breaks a text holds on every line; DEL and C1 are one range. (A set search over these chars ran per char.)</summary>
    private static int FirstToClean(string text)
    {
        var span = text.AsSpan();
        int first = span.IndexOfAnyInRange('\u007F', '\u009F');
        var c0 = first < 0 ? span : span[..first];
        for (int at = 0; ;)
        {
            int k = c0[at..].IndexOfAnyInRange('\0', '\u001F');
            if (k < 0) break;
            at += k;
            if (NeedsWork(c0[at])) return at;
            at++;
        }
        return first;
    }

    private static bool NeedsWork(char c) =>
        c < 0x20 && c is not ('\t' or '\n' or '\r')
        || c is >= '\u007F' and <= '\u009F'
        || c is '\uFEFF' or '\uFFFE' or '\uFFFF';
}
