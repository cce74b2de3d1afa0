using System.Globalization;
using Atlas.Analysis.Similarity;
using Atlas.Render.Map;

namespace Atlas.Render.Pages;

/// <summary>A programme in the comparison of own versus shared wording.</summary>
public sealed record OwnershipRow(string Label, string Href, string? Province, string? ProvinceHref, OwnershipView Ownership);

/// <summary>
/// The figures the method page explains, read from the code's own constants so the page can never disagree with
/// what the build does. Decimal numbers are pre-formatted for the page's language (0,2 / 0.2).
/// </summary>
public sealed record MethodView(
    int ShingleWords,
    int Window,
    int GuaranteedRun,
    int MostlySharedPercent,
    int MaxRelated,
    string MinScore,
    int MinWords,
    int MaxClasses,
    int MinProvincesToCompare,
    int Indicators,
    IReadOnlyList<OwnershipRow> Programmes,
    string IndicatorsHref,
    string SourcesHref,
    string AboutHref,
    string ProgrammesJsonHref,
    string TargetsCsvHref);

/// <summary>
/// method.html (Phương pháp / Method): how targets are extracted, how related passages, shared wording and the map
/// classes are computed (with the thresholds in force), the limits, how to correct the results, and the table of
/// each programme's own versus shared wording.
/// </summary>
public sealed class MethodPage : ISitePage
{
    public const string Path = "method.html";

    public void Write(SiteWriter site)
    {
        // Most original first; equal shares by province then slug, so the order never depends on the run.
        var ordered = Views.ForReading(site.Model.Programmes)
            .Select(ap => (Ap: ap, Own: OwnershipView.Of(ap)))
            .OrderByDescending(x => x.Ap.Analysis.OwnShare)
            .ToList();
        foreach (var lang in site.Languages)
        {
            var at = site.Links(lang, Path);
            var culture = CultureInfo.GetCultureInfo(lang.IsEnglish ? "en-GB" : "vi-VN");
            var rows = ordered.Select(x => new OwnershipRow(
                Views.Label(x.Ap.Programme),
                at.Programme(x.Ap.Programme.Slug),
                x.Ap.Programme.Metadata.Province,
                PageLinks.ProvinceSlug(x.Ap.Programme) is { Length: > 0 } slug ? at.Province(slug) : null,
                x.Own)).ToList();
            var view = new MethodView(
                SharedLanguage.ShingleWords,
                SharedLanguage.Window,
                SharedLanguage.GuaranteedRun,
                OwnershipView.Percent(SharedLanguage.MostlySharedThreshold),
                RelatedPassages.MaxRelated,
                RelatedPassages.MinScore.ToString("0.0##", culture),
                RelatedPassages.MinWords,
                IndicatorClasses.MaxClasses,
                IndicatorMapViews.MinProvincesToCompare,
                site.Model.Indicators.Count,
                rows,
                at.To("indicators/index.html"),
                at.Sources(),
                at.About(),
                at.Shared(Data.DataDownloads.ProgrammesJson),
                at.Shared(Data.DataDownloads.TargetsCsv));
            site.WritePage(at, "method", view, new PageMeta(lang["method_title"], lang["method_description"],
                [new Crumb(lang["nav_method"], null)]));
        }
    }
}
