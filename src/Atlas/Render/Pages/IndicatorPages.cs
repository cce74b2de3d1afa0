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

    /// <summary>One row per province (more programmes set targets than <see cref="PageBudget.TargetRows"/>): each cell is
    /// the range of the province's targets, with how many, linked to the highest; every target is in data/targets.csv.</summary>
    public bool ByProvince { get; init; }
}

public sealed record IndicatorTargetRow(string Programme, string ProgrammeHref, string? Province, TargetCell Target, string? Subject);

public sealed record IndicatorChart(string Unit, HtmlString Svg);

/// <summary>One province on a summarised indicator page: the range its programmes' targets span, and a link to each.</summary>
public sealed record ProvinceTargets(string Province, string? ProvinceHref, string Range, int Count, IReadOnlyList<LinkView> Targets, int More);

public sealed record IndicatorView(string Id, string Name, string NameOther, string Definition, IReadOnlyList<IndicatorChart> Charts,
    IReadOnlyList<IndicatorTargetRow> Rows, IReadOnlyList<string> Wordings, IReadOnlyList<string> Units, string IndexHref)
{
    /// <summary>
    /// Set when there are more targets than a reader can scan one by one (<see cref="PageBudget.TargetRows"/>): the chart
    /// and the table then have one row per province, from its lowest to its highest target, each target still linked
    /// (<see cref="Rows"/> is then empty; every target is in data/targets.csv).
    /// </summary>
    public IReadOnlyList<ProvinceTargets>? ByProvince { get; init; }

    public string CsvHref { get; init; } = "";

    /// <summary>This indicator's rows of the targets table as CSV (Data/DataDownloads); null when no programme sets it.</summary>
    public string? IndicatorCsvHref { get; init; }

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
        // Each indicator's targets (not past achievements), programmes in reading order, each programme's in its order:
        // gathered in one pass rather than one pass over every target per indicator, page and language.
        var targetsOf = TargetsByIndicator(programmes);
        var withCsv = Data.DataDownloads.IndicatorsWithCsv(site.Model);
        var used = indicators.Where(i => targetsOf.Contains(i.Id)).ToList();
        var maps = site.IndicatorMaps;
        foreach (var lang in site.Languages)
        {
            var at = site.Links(lang, "indicators/index.html");
            var withTargets = programmes.Where(p => p.Analysis.Targets.Any(t => !t.IsAchievement && t.IndicatorId is not null)).ToList();
            var byProvince = withTargets.Count > PageBudget.TargetRows;
            // Past the budget the table has one row per province: the row per programme is not made at all.
            var rows = byProvince ? ProvinceMatrix(programmes, used, at, lang) : withTargets
                .Select(p => new IndicatorMatrixRow(Views.Label(p.Programme), at.Programme(p.Programme.Slug), p.Programme.Metadata.Province,
                    used.Select(i => (IReadOnlyList<TargetCell>)p.Analysis.Targets.Where(t => !t.IsAchievement && t.IndicatorId == i.Id)
                        .Select(t => Cell(t, p.Programme.Slug, at, lang)).ToList()).ToList()))
                .ToList();
            var all = programmes.SelectMany(p => p.Analysis.Targets).Where(t => !t.IsAchievement).ToList();
            var view = new IndicatorsView(used.Select(i => new IndicatorColumn(i.Id, lang.Name(i), at.To($"indicators/{i.Id}.html"))).ToList(),
                rows, all.Count, all.Count(t => t.IndicatorId is null), at.Shared("data/targets.csv"), at.Shared("data/targets.json"))
            {
                Tooltips = rows.Count <= PageBudget.FullColumns,
                ByProvince = byProvince,
            };
            site.WritePage(at, "indicators", view, new PageMeta(lang["indicators_title"], lang["indicators_description"],
                [new Crumb(lang["nav_indicators"], null)]));

            site.ForEach(used, indicator =>
            {
                var page = site.Links(lang, $"indicators/{indicator.Id}.html");
                var targets = targetsOf[indicator.Id].ToList();
                var byProvince = targets.Count > PageBudget.TargetRows;
                // Past the budget the table has one row per province: the row per target is not made at all.
                var tableRows = byProvince ? [] : targets.OrderByDescending(x => Mid(x.T) ?? decimal.MinValue).ThenBy(x => x.P.Slug, StringComparer.Ordinal)
                    .Select(x => new IndicatorTargetRow(Views.Label(x.P), page.Programme(x.P.Slug), x.P.Metadata.Province, Cell(x.T, x.P.Slug, page, lang), x.T.Subject))
                    .ToList();
                var charts = targets.Where(x => x.T.Low is not null).GroupBy(x => UnitFamily(x.T.Unit))
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select((g, k) =>
                    {
                        var chartRows = byProvince
                            ? ProvinceRows(g.ToList(), g.Key, page)
                            : g.OrderByDescending(x => Mid(x.T)).ThenBy(x => x.P.Slug, StringComparer.Ordinal)
                                .Select(x => new ChartRow(ChartLabel(x.P, x.T), x.T.Low, x.T.High, x.T.Comparator, Value(x.T, lang), page.Programme(x.P.Slug, x.T.PassageId)))
                                .ToList();
                        var title = $"{lang.Name(indicator)} ({g.Key})";
                        var desc = string.Format(CultureInfo.InvariantCulture, lang[byProvince ? "indicator_chart_desc_provinces" : "indicator_chart_desc"], chartRows.Count, g.Key);
                        return new IndicatorChart(g.Key, new HtmlString(RangeChart.Svg($"chart-{k}", title, desc, g.Key, chartRows)));
                    }).ToList();
                var wordings = targets.Select(x => x.T.Subject).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)
                    .Order(StringComparer.Ordinal).ToList();
                var units = targets.Select(x => x.T.Unit).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var other = lang.IsEnglish ? indicator.NameVi : indicator.NameEn;
                var iv = new IndicatorView(indicator.Id, lang.Name(indicator), other, indicator.Definition, charts, tableRows, wordings, units, page.To("indicators/index.html"))
                {
                    ByProvince = byProvince ? ProvinceTable(targets, page, lang) : null,
                    CsvHref = page.Shared("data/targets.csv"),
                    IndicatorCsvHref = withCsv.Contains(indicator.Id) ? page.Shared(Data.DataDownloads.IndicatorCsv(indicator.Id)) : null,
                    Map = site.Map is { } vn && maps[indicator.Id].WithValue > 0 ? IndicatorMapViews.ForIndicatorPage(vn, maps[indicator.Id], page) : null,
                };
                site.WritePage(page, "indicator", iv, new PageMeta(lang.Name(indicator),
                    string.Format(CultureInfo.InvariantCulture, lang["indicator_description"], lang.Name(indicator), targets.Count),
                    [new Crumb(lang["nav_indicators"], page.To("indicators/index.html")), new Crumb(lang.Name(indicator), null)]));
            });
        }
    }

    /// <summary>The provinces × indicators table: per province and indicator, the range its programmes' targets span.</summary>
    private static List<IndicatorMatrixRow> ProvinceMatrix(IReadOnlyList<AnalysedProgramme> programmes, IReadOnlyList<Indicator> used, PageLinks at, Language lang) =>
        programmes.Where(p => p.Analysis.Targets.Any(t => !t.IsAchievement && t.IndicatorId is not null))
            .GroupBy(p => p.Programme.Metadata.Province ?? p.Programme.Slug, StringComparer.Ordinal)
            .Select(g =>
            {
                var slug = PageLinks.ProvinceSlug(g.First().Programme);
                var byIndicator = TargetsByIndicator(g);
                var cells = used.Select(i =>
                {
                    var targets = byIndicator[i.Id].ToList();
                    if (targets.Count == 0) return (IReadOnlyList<TargetCell>)[];
                    var top = targets.OrderByDescending(x => Mid(x.T) ?? decimal.MinValue).ThenBy(x => x.P.Slug, StringComparer.Ordinal).First();
                    var numeric = targets.Where(x => x.T.Low is not null).ToList();
                    var value = numeric.Count == 0 ? lang["indicator_qualitative"]
                        : string.Join("; ", numeric.GroupBy(x => UnitFamily(x.T.Unit)).OrderBy(u => u.Key, StringComparer.Ordinal)
                            .Select(u => Span(u.Min(x => x.T.Low!.Value), u.Max(x => x.T.High ?? x.T.Low!.Value), u.Key)));
                    return [new TargetCell(value, targets.Count.ToString(CultureInfo.InvariantCulture), at.Programme(top.P.Slug, top.T.PassageId), "", numeric.Count == 0)];
                }).ToList();
                return new IndicatorMatrixRow(g.Key, slug.Length > 0 ? at.Province(slug) : at.Provinces(), g.Key, cells);
            })
            .OrderBy(r => Slugs.From(r.Label), StringComparer.Ordinal)
            .ToList();

    /// <summary>One chart row per province: from the lowest to the highest value its programmes set, linked to the highest.</summary>
    private static List<ChartRow> ProvinceRows(List<(Programme P, Target T)> targets, string unit, PageLinks at) =>
        targets.GroupBy(x => x.P.Metadata.Province ?? x.P.Slug, StringComparer.Ordinal)
            .Select(g =>
            {
                var top = g.OrderByDescending(x => Mid(x.T)).ThenBy(x => x.P.Slug, StringComparer.Ordinal).First();
                var low = g.Min(x => x.T.Low!.Value);
                var high = g.Max(x => x.T.High ?? x.T.Low!.Value);
                var single = g.Count() == 1;
                return (Mid: (low + high) / 2, Row: new ChartRow(
                    $"{g.Key} ({g.Count()})",
                    single ? top.T.Low : low, single ? top.T.High : high == low ? null : high,
                    single ? top.T.Comparator : high == low ? Comparator.Exact : Comparator.Range,
                    single ? Value(top.T, at.Language) : Span(low, high, unit),
                    at.Programme(top.P.Slug, top.T.PassageId)));
            })
            .OrderByDescending(r => r.Mid).ThenBy(r => r.Row.Label, StringComparer.Ordinal)
            .Select(r => r.Row).ToList();

    private static string Span(decimal low, decimal high, string unit) =>
        (high == low ? RangeChart.Number(low) : $"{RangeChart.Number(low)}–{RangeChart.Number(high)}") + (unit.StartsWith('%') || unit == "‰" ? "" : " ") + unit;

    /// <summary>The table beside a per-province chart: each province's range and its targets, linked by programme.</summary>
    private static IReadOnlyList<ProvinceTargets> ProvinceTable(List<(Programme P, Target T)> targets, PageLinks at, Language lang) =>
        targets.GroupBy(x => x.P.Metadata.Province ?? x.P.Slug, StringComparer.Ordinal)
            .OrderBy(g => Slugs.From(g.Key), StringComparer.Ordinal)
            .Select(g =>
            {
                var sorted = g.OrderByDescending(x => Mid(x.T) ?? decimal.MinValue).ThenBy(x => x.P.Slug, StringComparer.Ordinal).ToList();
                var numeric = sorted.Where(x => x.T.Low is not null).ToList();
                var range = numeric.Count == 0 ? lang["indicator_qualitative"]
                    : numeric.GroupBy(x => UnitFamily(x.T.Unit)).Select(u => Span(u.Min(x => x.T.Low!.Value), u.Max(x => x.T.High ?? x.T.Low!.Value), u.Key))
                        .Aggregate((a, b) => a + "; " + b);
                var slug = PageLinks.ProvinceSlug(sorted[0].P);
                var links = sorted.Select(x => new LinkView($"{Value(x.T, lang)}{(x.T.Period ?? x.T.Year?.ToString(CultureInfo.InvariantCulture)) switch { null => "", var time => " (" + time + ")" }}",
                    at.Programme(x.P.Slug, x.T.PassageId))).ToList();
                return new ProvinceTargets(g.Key, slug.Length > 0 ? at.Province(slug) : null, range, sorted.Count,
                    links.Take(PageBudget.RowLinks).ToList(), Math.Max(0, links.Count - PageBudget.RowLinks));
            }).ToList();

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

    /// <summary>The targets (not past achievements) of these programmes by indicator id, programmes in the given order.</summary>
    private static ILookup<string, (Programme P, Target T)> TargetsByIndicator(IEnumerable<AnalysedProgramme> programmes) =>
        programmes.SelectMany(p => p.Analysis.Targets.Where(t => !t.IsAchievement && t.IndicatorId is not null).Select(t => (P: p.Programme, T: t)))
            .ToLookup(x => x.T.IndicatorId!, StringComparer.Ordinal);
}
