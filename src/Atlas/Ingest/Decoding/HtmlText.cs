using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// A programme saved from a web page: its text, one line per block (paragraph, heading, list item, table cell), read
/// with a full HTML5 parser, without scripts, styles, menus or forms. Ingest then reads the lines as it reads any text
/// file. Only a whole HTML document is read so (by its extension or its opening tag): markup inside a plain-text source
/// is text, shown escaped.
/// </summary>
public static class HtmlText
{
    private static readonly string[] Extensions = [".html", ".htm", ".xhtml"];

    /// <summary>Elements whose content is not the document's text.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "head", "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas", "nav",
        "form", "button", "select", "input", "textarea", "audio", "video",
    };

    /// <summary>Elements that start and end a line of text.</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "tr", "td", "th", "caption", "table", "ul", "ol",
        "dl", "section", "article", "main", "header", "footer", "aside", "blockquote", "pre", "figure", "figcaption",
        "address", "center", "body",
    };

    public static bool IsHtml(string fileName, string text)
    {
        if (Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase)) return true;
        var start = text.AsSpan().TrimStart();
        return start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    public static string ToText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var text = new StringBuilder();
        var line = new StringBuilder();
        void EndLine()
        {
            var done = line.ToString().Trim();
            if (done.Length > 0) text.Append(done).Append('\n');
            line.Clear();
        }

        // Iterative, not recursive: a hostile page nests elements a hundred thousand deep.
        var stack = new Stack<(INode Node, bool Leaving, bool Pre)>();
        stack.Push((document.Body ?? (INode)document.DocumentElement, false, false));
        while (stack.Count > 0)
        {
            var (node, leaving, pre) = stack.Pop();
            if (node is IText t)
            {
                AppendText(t.Data, pre, line, EndLine);
                continue;
            }
            if (node is not IElement element) continue;
            var name = element.LocalName;
            if (leaving)
            {
                if (Blocks.Contains(name)) EndLine();
                continue;
            }
            if (Dropped.Contains(name)) continue;
            if (name == "br") { EndLine(); continue; }
            if (name == "hr") { EndLine(); text.Append("-----\n"); continue; }
            if (Blocks.Contains(name)) EndLine();
            stack.Push((element, true, pre));
            var children = element.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], false, pre || name == "pre"));
        }
        EndLine();
        return text.ToString();
    }

    /// <summary>Runs of white space are one space (as a browser shows them), except in <c>pre</c>, where lines are kept.</summary>
    private static void AppendText(string data, bool pre, StringBuilder line, Action endLine)
    {
        foreach (var c in data)
        {
            if (pre && c == '\n') endLine();
            else if (char.IsWhiteSpace(c)) { if (line.Length > 0 && line[^1] != ' ') line.Append(' '); }
            else line.Append(c);
        }
    }
}
