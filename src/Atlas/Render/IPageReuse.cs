namespace Atlas.Render;

/// <summary>
/// Lets the build carry a page over from the published site instead of rendering it again, when everything the page
/// is rendered from (its view model, meta, path, language, the templates and the generator) is unchanged: the bytes
/// would be the same. Set on <see cref="SiteWriter.Reuse"/>; without it every page is rendered.
/// </summary>
public interface IPageReuse
{
    /// <summary>True when the page's file is now at <c>OutDir/at.SitePath</c>, unchanged; false: render it.</summary>
    bool TryReuse(PageLinks at, string template, object page, PageMeta meta);
}
