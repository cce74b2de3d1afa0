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
    private readonly StringBuilder tagName = new();
    private bool pendingBreak, inTag, readingName, preserve;

    public override Encoding Encoding => inner.Encoding;

    /// <summary>The compacted page as a string (tests, and callers that need it in memory).</summary>
    public static string Compact(string html)
    {
        var text = new StringWriter();
        using (var writer = new HtmlWhitespace(text)) writer.Write(html);
        return text.ToString();
    }

    public override void Write(char c)
    {
        if (preserve && !inTag && c != '<') { inner.Write(c); return; }
        if (!inTag && c is ' ' or '\t' or '\n' or '\r')
        {
            pending.Append(c);
            if (c is '\n' or '\r') pendingBreak = true;
            return;
        }
        FlushPending();
        inner.Write(c);
        if (c == '<')
        {
            inTag = true;
            readingName = true;
            tagName.Clear();
        }
        else if (inTag)
        {
            if (c == '>')
            {
                inTag = false;
                var name = tagName.ToString();
                if (name is "pre" or "textarea") preserve = true;
                else if (name is "/pre" or "/textarea") preserve = false;
            }
            else if (readingName)
            {
                if (c == '/' && tagName.Length == 0) tagName.Append('/');
                else if (c is ' ' or '\t' or '\n' or '\r' or '/') readingName = false;
                else if (tagName.Length < 10) tagName.Append(char.ToLowerInvariant(c));
            }
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    /// <summary>Plain text and attribute values pass through in bulk; only whitespace and tag boundaries go char by char.</summary>
    public override void Write(ReadOnlySpan<char> buffer)
    {
        var i = 0;
        while (i < buffer.Length)
        {
            int run;
            if (inTag && !readingName) run = buffer[i..].IndexOf('>');
            else if (!inTag && !preserve && pending.Length == 0)
            {
                // Text up to the next line break or tag goes out in bulk, spaces between words included; only the
                // spaces right before that break are held back, as they may belong to a run that collapses.
                run = buffer[i..].IndexOfAny(Special);
                if (run < 0) run = buffer.Length - i;
                var text = buffer.Slice(i, run);
                var kept = text.TrimEnd(Blank).Length;
                if (kept > 0) inner.Write(text[..kept]);
                if (kept < run)
                {
                    pending.Append(text[kept..]);
                }
                i += run;
                if (run > 0) continue;
            }
            else run = 0;
            if (run < 0) run = buffer.Length - i;
            if (run > 0)
            {
                inner.Write(buffer.Slice(i, run));
                i += run;
                continue;
            }
            Write(buffer[i]);
            i++;
        }
    }

    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\n\r<");
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
