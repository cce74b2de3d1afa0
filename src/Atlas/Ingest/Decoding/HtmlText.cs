using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// A programme saved from a web page: its text, one line per block (paragraph, heading, list item, table cell), read
/// with a full HTML5 parser, without scripts, styles, menus or forms; an ordered list's items numbered as a browser
/// numbers them ("I.", "2.", "b.": type, start and value honoured), since a page saved from Word or LibreOffice keeps
/// its numbered headings as such lists. Ingest then reads the lines as it reads any text file. Only a whole HTML
/// document is read so (by its extension or its opening tag): markup inside a plain-text source is text, shown escaped.
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
        // An item's number waits for the item's first text: saved from Word or LibreOffice, that text is in a <p> of its own.
        string? label = null;
        void EndLine()
        {
            var done = line.ToString().Trim();
            if (done.Length > 0) text.Append(done).Append('\n');
            line.Clear();
        }

        // Iterative, not recursive: a hostile page nests elements a hundred thousand deep.
        var stack = new Stack<(INode Node, bool Leaving, bool Pre)>();
        var nextNumber = new Dictionary<IElement, int>(); // per ordered list, the number of its next item
        stack.Push((document.Body ?? (INode)document.DocumentElement, false, false));
        while (stack.Count > 0)
        {
            var (node, leaving, pre) = stack.Pop();
            if (node is IText t)
            {
                if (label is not null && !string.IsNullOrWhiteSpace(t.Data))
                {
                    EndLine();
                    line.Append(label).Append(' ');
                    label = null;
                }
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
            if (name == "li" && element.ParentElement is { LocalName: "ol" } list) label = ItemNumber(element, list, nextNumber);
            stack.Push((element, true, pre));
            var children = element.ChildNodes;
            for (int i = children.Length - 1; i >= 0; i--) stack.Push((children[i], false, pre || name == "pre"));
        }
        EndLine();
        return text.ToString();
    }

    /// <summary>An ordered list item's number as a browser shows it: the list's type ("1", "I", "i", "A", "a") and start,
    /// the item's own type and value, then a period.</summary>
    private static string ItemNumber(IElement item, IElement list, Dictionary<IElement, int> nextNumber)
    {
        static int? Parse(string? value) => int.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        int number = Parse(item.GetAttribute("value")) ?? (nextNumber.TryGetValue(list, out var next) ? next : Parse(list.GetAttribute("start")) ?? 1);
        nextNumber[list] = number + 1;
        return ListLabels.Format(number, ListLabels.FormatOf(item.GetAttribute("type") ?? list.GetAttribute("type")) ?? "decimal") + ".";
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
