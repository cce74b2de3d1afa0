namespace Atlas.Render;

/// <summary>
/// Writes a rendered page without the templates' indentation: every run of whitespace that holds a line break, outside
/// tags, becomes one "\n". A browser shows such a run as one space either way, so the page reads the same; at scale the
/// indentation and blank lines the template loops leave were a tenth of every page. Pages with whitespace-preserving
/// elements (&lt;pre&gt;, &lt;textarea&gt;) are written untouched. Runs without a line break (a space between words) stay.
/// </summary>
public static class HtmlWhitespace
{
    public static void Write(string html, TextWriter writer)
    {
        if (html.Contains("<pre", StringComparison.OrdinalIgnoreCase) || html.Contains("<textarea", StringComparison.OrdinalIgnoreCase))
        {
            writer.Write(html.Contains('\r') ? html.Replace("\r\n", "\n") : html);
            return;
        }
        var text = html.AsSpan();
        int start = 0, i = 0;
        var inTag = false; // inside a tag's attributes, values keep their whitespace (text and values are escaped, so '<' and '>' are tags)
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '<') inTag = true;
            else if (c == '>') inTag = false;
            else if (!inTag && IsSpace(c))
            {
                var j = i;
                var lineBreak = false;
                while (j < text.Length && IsSpace(text[j]))
                {
                    if (text[j] is '\n' or '\r') lineBreak = true;
                    j++;
                }
                if (lineBreak)
                {
                    writer.Write(text[start..i]);
                    writer.Write('\n');
                    start = j;
                }
                i = j;
                continue;
            }
            i++;
        }
        writer.Write(text[start..]);
    }

    /// <summary>The compacted page as a string (tests, and callers that need the bytes in memory).</summary>
    public static string Compact(string html)
    {
        using var writer = new StringWriter();
        Write(html, writer);
        return writer.ToString();
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r';
}
