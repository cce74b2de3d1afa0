using System.Text;

namespace Atlas.Render;

/// <summary>
/// A writer that drops the templates' indentation as a page streams through it: every run of whitespace that holds a
/// line break, outside tags, becomes one "\n". A browser shows such a run as one space either way, so the page reads the
/// same; at scale the indentation and blank lines the template loops leave were a tenth of every page. Inside
/// whitespace-preserving elements (&lt;pre&gt;, &lt;textarea&gt;) and inside tags (attribute values) nothing changes;
/// runs without a line break (a space between words) stay. Source text and attribute values are escaped, so every
/// '&lt;' and '&gt;' the writer sees is markup.
/// </summary>
public sealed class HtmlWhitespace(TextWriter inner) : TextWriter
{
    private readonly StringBuilder pending = new(); // a whitespace run not yet written
    // The tag's name as read so far (at most ten chars): a fixed buffer, as a string per tag was most of the writer's garbage.
    private readonly char[] tagName = new char[10];
    private int tagLength;
    private bool pendingBreak, inTag, readingName, preserve;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>The compacted page as a string (tests, and callers that need it in memory).</summary>
    public static string Compact(string html)
    {
        var text = new StringWriter();
        using (var writer = new HtmlWhitespace(text)) writer.Write(html);
        return text.ToString();
    }

    public override void Write(char c) => Write(new ReadOnlySpan<char>(in c));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <summary>
    /// Tags, attribute values and plain text pass through in bulk (one write per run, never char by char): only a
    /// whitespace run outside tags is held back until it is known whether it holds a line break.
    /// </summary>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            if (inTag)
            {
                // The rest of the tag, up to and including its '>', goes out as written; only its name is read.
                var end = buffer.IndexOf('>');
                var tag = end < 0 ? buffer : buffer[..(end + 1)];
                if (readingName) ReadName(end < 0 ? tag : tag[..^1]);
                inner.Write(tag);
                buffer = buffer[tag.Length..];
                if (end >= 0) CloseTag();
                continue;
            }
            if (preserve)
            {
                // Inside <pre>/<textarea> text is kept as is, up to the next tag.
                var lt = buffer.IndexOf('<');
                if (lt < 0) { inner.Write(buffer); return; }
                inner.Write(buffer[..lt]);
                buffer = OpenTag(buffer[lt..]);
                continue;
            }
            if (pending.Length > 0)
            {
                // A whitespace run goes on until the next other character.
                var run = buffer.IndexOfAnyExcept(Whitespace);
                var blank = run < 0 ? buffer : buffer[..run];
                // Once the run holds a line break it becomes one "\n" whatever else it holds: its chars need not be kept.
                if (!pendingBreak && blank.ContainsAny(LineBreaks)) pendingBreak = true;
                else if (!pendingBreak) pending.Append(blank);
                if (run < 0) return;
                buffer = buffer[run..];
                FlushPending();
                if (buffer[0] == '<') buffer = OpenTag(buffer);
                continue;
            }
            // Text up to the next line break or tag goes out in bulk, spaces between words included; only the spaces
            // right before that break are held back, as they may belong to a run that collapses.
            var stop = buffer.IndexOfAny(Special);
            var text = stop < 0 ? buffer : buffer[..stop];
            var kept = text.TrimEnd(Blank).Length;
            if (kept > 0) inner.Write(text[..kept]);
            if (kept < text.Length) pending.Append(text[kept..]);
            if (stop < 0) return;
            buffer = buffer[stop..];
            if (buffer[0] == '<')
            {
                FlushPending();
                buffer = OpenTag(buffer);
            }
            else
            {
                pendingBreak = true;
                pending.Append(buffer[0]);
                buffer = buffer[1..];
            }
        }
    }

    /// <summary>Writes the '&lt;' that opens a tag and returns what follows it.</summary>
    private ReadOnlySpan<char> OpenTag(ReadOnlySpan<char> buffer)
    {
        inner.Write('<');
        inTag = true;
        readingName = true;
        tagLength = 0;
        return buffer[1..];
    }

    /// <summary>The tag's name, lower-cased, at most ten characters, with a leading '/' for an end tag.</summary>
    private void ReadName(ReadOnlySpan<char> chars)
    {
        foreach (var c in chars)
        {
            if (c == '<') tagLength = 0; // "<<p": the tag is the last '<''s
            else if (c == '/' && tagLength == 0) tagName[tagLength++] = '/';
            else if (c is ' ' or '\t' or '\n' or '\r' or '/') { readingName = false; return; }
            // ASCII (every tag the templates write) lower-cased in place; anything else as before.
            else if (tagLength < 10) tagName[tagLength++] = c < 128 ? (c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
        }
    }

    private void CloseTag()
    {
        inTag = false;
        readingName = false;
        if (tagLength is < 3 or > 9) return;
        var name = tagName.AsSpan(0, tagLength);
        if (name is "pre" or "textarea") preserve = true;
        else if (name is "/pre" or "/textarea") preserve = false;
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\n\r<");
    private static readonly System.Buffers.SearchValues<char> Whitespace = System.Buffers.SearchValues.Create(" \t\n\r");
    private static readonly System.Buffers.SearchValues<char> LineBreaks = System.Buffers.SearchValues.Create("\n\r");
    private static readonly char[] Blank = [' ', '\t'];

    private void FlushPending()
    {
        if (pending.Length == 0) return;
        if (pendingBreak && !preserve) inner.Write('\n');
        else foreach (var chunk in pending.GetChunks()) inner.Write(chunk.Span);
        pending.Clear();
        pendingBreak = false;
    }

    public override void Flush()
    {
        FlushPending();
        inner.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}
