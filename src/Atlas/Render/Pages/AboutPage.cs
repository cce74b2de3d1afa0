namespace Atlas.Render.Pages;

public sealed record AboutView(int Programmes, int Themes, string SourcesHref, string ThemesHref, string? ReportErrorsTo, string ExampleCitation);

/// <summary>about.html: what the atlas holds, how it is made and where it can be wrong, how to cite, how to report errors.</summary>
public sealed class AboutPage : ISitePage
{
    public void Write(SiteWriter site)
    {
        var example = site.Model.Programmes.FirstOrDefault() is { } first
            ? Citation.For(first.Programme.Metadata, first.Programme.Sections.FirstOrDefault()?.Citation)
            : "Tỉnh ủy Tiền Giang, Chương trình số 38-CTr/TU ngày 31/3/2023, mục III.2";
        foreach (var lang in site.Languages)
        {
            var at = site.Links(lang, "about.html");
            var view = new AboutView(site.Model.Programmes.Count, site.Model.Themes.Count, at.Sources(), at.Themes(),
                site.Settings.ReportErrorsTo.Length > 0 ? site.Settings.ReportErrorsTo : null, example);
            site.WritePage(at, "about", view, new PageMeta(lang["about_title"], lang["about_description"], [new Crumb(lang["nav_about"], null)]));
        }
    }
}
