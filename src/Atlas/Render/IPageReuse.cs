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

/// <summary>
/// Marks the inputs several pages are made from (a programme page and its English companion share one such object): an
/// <see cref="IPageReuse"/> may digest it once per build and let that digest stand for it on each page. So it must not
/// change once made, like the model records it holds.
/// </summary>
public interface ISharedPageInputs;
