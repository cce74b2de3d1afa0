using System.Globalization;
using Atlas.Model;
using Atlas.Render.Charts;
using Atlas.Render.Map;
using Atlas.Render.Templates;

namespace Atlas.Render.Pages;

/// <summary>One target as a table cell or row shows it: "≥ 85 %" with its time, linked to its source passage.</summary>
public sealed record TargetCell(string Value, string? Time, string Href, string Verbatim, bool Qualitative);

public sealed record IndicatorColumn(string Id, string Name, string Href);

public sealed record IndicatorMatrixRow(string Label, string Href, string? Province, IReadOnlyList<IReadOnlyList<TargetCell>> Cells);

public sealed record IndicatorsView(IReadOnlyList<IndicatorColumn> Columns, IReadOnlyList<IndicatorMatrixRow> Rows, int Targets, int Unclassified, string CsvHref, string JsonHref)
{
    /// <summary>Each cell carries its sentence as a tooltip; dropped when the table has more rows than
    /// <see cref="PageBudget.FullColumns"/> (the sentences were most of a page of megabytes; each cell still links to its sentence).</summary>
    public bool Tooltips { get; init; } = true;
}

public sealed record IndicatorTargetRow(string Programme, string ProgrammeHref, string? Province, TargetCell Target, string? Subject);

public sealed record IndicatorChart(string Unit, HtmlString Svg);

public sealed record IndicatorView(string Id, string Name, string NameOther, string Definition, IReadOnlyList<IndicatorChart> Charts,
    IReadOnlyList<IndicatorTargetRow> Rows, IReadOnlyList<string> Wordings, IReadOnlyList<string> Units, string IndexHref)
{
    /// <summary>Provinces coloured by their target (Render/Map); null without a vendored outline or a numeric target.</summary>
    public IndicatorMapView? Map { get; init; }
}

/// <summary>indicators/index.html (programmes × indicators) and indicators/&lt;id&gt;.html (chart, table, wordings).</summary>
public sealed class IndicatorPages : ISitePage
{
    public void Write(SiteWriter site)
    {
        var indicators = site.Model.Indicators;
        var programmes = Views.ForReading(site.Model.Programmes).ToList();
        var used = indicators.Where(i => programmes.Any(p => p.Analysis.Targets.Any(t => !t.IsAchievement && t.IndicatorId == i.Id))).ToList();
        var maps = used.ToDictionary(i => i.Id, i => IndicatorClasses.Build(i, programmes, site.Lookup), StringComparer.Ordinal);
        foreach (var lang in site.Languages)
        {
            var at = site.Links(lang, "indicators/index.html");
            var rows = programmes.Where(p => p.Analysis.Targets.Any(t => !t.IsAchievement && t.IndicatorId is not null))
                .Select(p => new IndicatorMatrixRow(Views.Label(p.Programme), at.Programme(p.Programme.Slug), p.Programme.Metadata.Province,
                    used.Select(i => (IReadOnlyList<TargetCell>)p.Analysis.Targets.Where(t => !t.IsAchievement && t.IndicatorId == i.Id)
                        .Select(t => Cell(t, p.Programme.Slug, at, lang)).ToList()).ToList()))
                .ToList();
            var all = programmes.SelectMany(p => p.Analysis.Targets).Where(t => !t.IsAchievement).ToList();
            var view = new IndicatorsView(used.Select(i => new IndicatorColumn(i.Id, lang.Name(i), at.To($"indicators/{i.Id}.html"))).ToList(),
                rows, all.Count, all.Count(t => t.IndicatorId is null), at.Shared("data/targets.csv"), at.Shared("data/targets.json"))
            {
                Tooltips = rows.Count <= PageBudget.FullColumns,
            };
            site.WritePage(at, "indicators", view, new PageMeta(lang["indicators_title"], lang["indicators_description"],
                [new Crumb(lang["nav_indicators"], null)]));

            site.ForEach(used, indicator =>
            {
                var page = site.Links(lang, $"indicators/{indicator.Id}.html");
                var targets = programmes.SelectMany(p => p.Analysis.Targets.Where(t => !t.IsAchievement && t.IndicatorId == indicator.Id)
                    .Select(t => (P: p.Programme, T: t))).ToList();
                var tableRows = targets.OrderByDescending(x => Mid(x.T) ?? decimal.MinValue).ThenBy(x => x.P.Slug, StringComparer.Ordinal)
                    .Select(x => new IndicatorTargetRow(Views.Label(x.P), page.Programme(x.P.Slug), x.P.Metadata.Province, Cell(x.T, x.P.Slug, page, lang), x.T.Subject))
                    .ToList();
                var charts = targets.Where(x => x.T.Low is not null).GroupBy(x => UnitFamily(x.T.Unit))
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select((g, k) =>
                    {
                        var chartRows = g.OrderByDescending(x => Mid(x.T)).ThenBy(x => x.P.Slug, StringComparer.Ordinal)
                            .Select(x => new ChartRow(ChartLabel(x.P, x.T), x.T.Low, x.T.High, x.T.Comparator, Value(x.T, lang), page.Programme(x.P.Slug, x.T.PassageId)))
                            .ToList();
                        var title = $"{lang.Name(indicator)} ({g.Key})";
                        var desc = string.Format(CultureInfo.InvariantCulture, lang["indicator_chart_desc"], chartRows.Count, g.Key);
                        return new IndicatorChart(g.Key, new HtmlString(RangeChart.Svg($"chart-{k}", title, desc, g.Key, chartRows)));
                    }).ToList();
                var wordings = targets.Select(x => x.T.Subject).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)
                    .Order(StringComparer.Ordinal).ToList();
                var units = targets.Select(x => x.T.Unit).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var other = lang.IsEnglish ? indicator.NameVi : indicator.NameEn;
                var iv = new IndicatorView(indicator.Id, lang.Name(indicator), other, indicator.Definition, charts, tableRows, wordings, units, page.To("indicators/index.html"))
                {
                    Map = site.Map is { } vn && maps[indicator.Id].WithValue > 0 ? IndicatorMapViews.ForIndicatorPage(vn, maps[indicator.Id], page) : null,
                };
                site.WritePage(page, "indicator", iv, new PageMeta(lang.Name(indicator),
                    string.Format(CultureInfo.InvariantCulture, lang["indicator_description"], lang.Name(indicator), targets.Count),
                    [new Crumb(lang["nav_indicators"], page.To("indicators/index.html")), new Crumb(lang.Name(indicator), null)]));
            });
        }
    }

    private static string ChartLabel(Programme p, Target t) =>
        (p.Metadata.Province ?? p.Slug) + (t.Period ?? t.Year?.ToString(CultureInfo.InvariantCulture)) switch { null => "", var time => " · " + time };

    private static decimal? Mid(Target t) => t.Low is null ? null : (t.Low + (t.High ?? t.Low)) / 2;

    /// <summary>"%" and "%/năm" chart together; other units chart apart.</summary>
    public static string UnitFamily(string? unit) => unit switch { null => "—", "%/năm" => "%", _ => unit };

    public static TargetCell Cell(Target t, string slug, PageLinks at, Language lang) =>
        new(Value(t, lang), t.Period ?? t.Year?.ToString(CultureInfo.InvariantCulture), at.Programme(slug, t.PassageId), t.Verbatim,
            t.Comparator == Comparator.Qualitative);

    /// <summary>"≥ 85 %", "7,0–7,5 %/năm", "≈ 4,3 lần"; qualitative targets read "so sánh" (the sentence says what with).</summary>
    public static string Value(Target t, Language lang)
    {
        if (t.Comparator == Comparator.Qualitative || t.Low is null) return lang["indicator_qualitative"];
        var number = t.High is decimal h ? $"{RangeChart.Number(t.Low.Value)}–{RangeChart.Number(h)}" : RangeChart.Number(t.Low.Value);
        var sign = t.Comparator switch
        {
            Comparator.Above => "> ", Comparator.AtLeast => "≥ ", Comparator.Below => "< ", Comparator.AtMost => "≤ ", Comparator.About => "≈ ", _ => "",
        };
        return sign + number + (t.Unit is { } u ? (u.StartsWith('%') || u == "‰" ? "" : " ") + u : "");
    }
}
