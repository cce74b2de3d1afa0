namespace Atlas.Verify;

/// <summary>A link a page makes the browser fetch or follow: the attribute value (entity-decoded, trimmed) and its element.</summary>
public sealed record PageLink(string Url, string Element);

/// <summary>
/// What the site checks need from one page, however it was read (the fast markup scanner or a full DOM parse):
/// the &lt;html lang&gt;, the text of &lt;title&gt; in the head and of the first &lt;h1&gt;, every id in document order
/// (duplicates kept, so they can be reported), &lt;a name&gt; targets, and the links.
/// </summary>
public sealed record PageFacts(
    string? Lang,
    string? Title,
    string? H1,
    IReadOnlyList<string> Ids,
    IReadOnlyList<string> Names,
    IReadOnlyList<PageLink> Links)
{
    /// <summary>Elements and attributes that make the browser fetch or navigate, in the order links are reported.</summary>
    public static readonly (string Element, string Attribute)[] LinkAttributes =
    [
        ("a", "href"), ("area", "href"), ("link", "href"), ("script", "src"), ("img", "src"),
        ("source", "src"), ("iframe", "src"), ("form", "action"),
    ];
}
