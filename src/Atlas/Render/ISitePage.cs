namespace Atlas.Render;

/// <summary>
/// One page type of the site (home, programme, theme…): builds its view models from <see cref="SiteWriter.Model"/> and
/// writes its pages through <see cref="SiteWriter.WritePage"/>, once per language. Adding a page type = one class in
/// Render/Pages/, one template in templates/, one line in <see cref="SiteRenderer.Pages"/>.
/// </summary>
public interface ISitePage
{
    void Write(SiteWriter site);
}
