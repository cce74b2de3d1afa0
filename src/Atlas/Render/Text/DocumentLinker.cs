using System.Text.RegularExpressions;
using Atlas.Model;
using Atlas.Render.Templates;

namespace Atlas.Render;

/// <summary>
/// Turns source text into safe markup: the text is HTML-escaped first, then each document number the atlas knows
/// (one a programme implements, e.g. 29-NQ/TW) becomes a link to its resolution page. Numbers contain no character
/// that escaping changes, so they are found in the escaped text exactly as printed. Unknown numbers stay plain text.
/// </summary>
public sealed partial class DocumentLinker(IEnumerable<string> knownIds)
{
    private readonly HashSet<string> known = new(knownIds, StringComparer.Ordinal);

    // Party style "29-NQ/TW", "123-CTr/TU", and government style "52/NQ-CP", "1234/QĐ-UBND"; typed sources sometimes
    // put a space after a separator ("13- KH/TW"). Only numbers the atlas knows are linked, so a loose match is harmless.
    [GeneratedRegex(@"(?<![\p{L}\p{N}/-])\d+(?:\s?[-/]\s?[\p{Lu}][\p{L}]*)+(?![\p{L}\p{N}])")]
    private static partial Regex NumberPattern();

    public HtmlString Link(string? text, PageLinks from)
    {
        var escaped = Html.Escape(text);
        if (known.Count == 0) return new HtmlString(escaped);
        var result = NumberPattern().Replace(escaped, m =>
        {
            var id = Slugs.From(m.Value);
            return known.Contains(id)
                ? $"<a class=\"doc-ref\" href=\"{Html.Escape(from.Resolution(id))}\">{m.Value}</a>"
                : m.Value;
        });
        return new HtmlString(result);
    }

    /// <summary>The known document ids mentioned in <paramref name="text"/>, in order of first mention.</summary>
    public IReadOnlyList<string> Mentions(string? text)
    {
        if (string.IsNullOrEmpty(text) || known.Count == 0) return [];
        var ids = new List<string>();
        foreach (Match m in NumberPattern().Matches(text))
        {
            var id = Slugs.From(m.Value);
            if (known.Contains(id) && !ids.Contains(id)) ids.Add(id);
        }
        return ids;
    }
}
