namespace Atlas.Render;

/// <summary>One step of the breadcrumb trail; the current page has no href.</summary>
/// <param name="Lang">Set when the label is in another language than the page (a province or document name on en/ pages).</param>
public sealed record Crumb(string Label, string? Href, string? Lang = null);

/// <summary>What the layout needs to know about a page besides its body: title, description, trail, OpenGraph type.</summary>
/// <param name="Title">The page's own title; the layout appends the site name.</param>
/// <param name="Description">One or two plain sentences for &lt;meta name="description"&gt; and og:description.</param>
/// <param name="Breadcrumbs">Trail below home (home is added by the layout).</param>
/// <param name="OgType">"website" or "article".</param>
public sealed record PageMeta(string Title, string Description, IReadOnlyList<Crumb> Breadcrumbs, string OgType = "website");
