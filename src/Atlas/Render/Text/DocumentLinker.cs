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
        // Every match replaced left to right, as Regex.Replace does, but without a callback and its closure per text or a
        // Match per number: most passages name no known document and keep their escaped string as is.
        System.Text.StringBuilder? linked = null;
        var done = 0;
        foreach (var m in NumberPattern().EnumerateMatches(escaped))
        {
            var number = escaped.Substring(m.Index, m.Length);
            var id = Slugs.From(number);
            if (!known.Contains(id)) continue;
            linked ??= new System.Text.StringBuilder(escaped.Length + 64);
            linked.Append(escaped, done, m.Index - done)
                .Append("<a class=\"doc-ref\" href=\"").Append(Html.Escape(from.Resolution(id))).Append("\">").Append(number).Append("</a>");
            done = m.Index + m.Length;
        }
        if (linked is null) return new HtmlString(escaped);
        return new HtmlString(linked.Append(escaped, done, escaped.Length - done).ToString());
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
