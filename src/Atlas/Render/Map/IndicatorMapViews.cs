using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Atlas.Model;
using Atlas.Render.Charts;
using Atlas.Render.Pages;
using Atlas.Render.Templates;

namespace Atlas.Render.Map;

/// <summary>One entry of a map legend: a class ("7–7,5%") or "no target", drawn as the markers are.</summary>
public sealed record LegendEntry(string Label, string Fill, string Stroke, bool Dashed, int Count);

/// <summary>A row of the map's text alternative: the province, its value and year, and where the value comes from.</summary>
/// <param name="OtherYear">True when the province sets no target for the map's reference year and its nearest year is shown.</param>
public sealed record MapRow(string Province, string? ProvinceHref, string? Value, string? Time, string? ClassLabel,
    string Programme, string ProgrammeHref, string? SourceHref, string? Verbatim, bool OtherYear)
{
    /// <summary>The marker colour of the row's class (null for "no target"), for the swatch beside the class.</summary>
    public string? ClassFill { get; init; }
}

/// <summary>An indicator the home map can switch to; <see cref="Data"/> holds its colouring for the script (JSON).</summary>
public sealed record MapOption(string Id, string Name, string Href, bool Selected, string Data);

/// <param name="Caption">"Tăng trưởng GRDP (%) — mốc 2030".</param>
/// <param name="Options">Indicators to switch between (home page); empty on an indicator page.</param>
public sealed record IndicatorMapView(
    HtmlString Svg,
    string Id,
    string Caption,
    string Note,
    IReadOnlyList<LegendEntry> Legend,
    IReadOnlyList<MapRow> Rows,
    IReadOnlyList<MapOption> Options,
    string MoreHref,
    string MethodHref)
{
    /// <summary>Outline of coloured markers, for swatches drawn by the template.</summary>
    public string Stroke => IndicatorClasses.Stroke;
}

/// <summary>
/// Turns <see cref="IndicatorMap"/>s into what the templates show: the SVG (markers coloured in C#), legend, table
/// rows and, for the home page, one option per indicator with its colouring as data for the switching script.
/// </summary>
public static class IndicatorMapViews
{
    /// <summary>An indicator appears in the home page's selector when at least this many provinces set a numeric target for it.</summary>
    public const int MinProvincesToCompare = 2;

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>The map of one indicator page: markers link to the programme passage the value comes from.</summary>
    public static IndicatorMapView ForIndicatorPage(VietnamMap map, IndicatorMap data, PageLinks at)
    {
        var lang = at.Language;
        var markers = data.Provinces.Where(p => p.Registered is not null).ToDictionary(p => p.Slug, StringComparer.Ordinal);
        var svg = map.Render(markers.Values.Select(p => p.Registered!), at.To(""), Caption(data, lang), province =>
        {
            var v = markers[province.Slug];
            var href = v.Target is null ? at.Programme(v.Programme.Programme.Slug) : at.Programme(v.Programme.Programme.Slug, v.Target.PassageId);
            return Style(data, v, href, lang);
        });
        return new IndicatorMapView(new HtmlString(svg), "map-" + data.Indicator.Id, Caption(data, lang), Note(data, lang), Legend(data, lang),
            Rows(data, at), [], at.To($"indicators/{data.Indicator.Id}.html"), at.To("method.html#map"));
    }

    /// <summary>
    /// The home page map: coloured by <paramref name="maps"/>[0]'s indicator unless another is the default; markers
    /// keep linking to province pages. Null when no indicator is set by enough provinces to compare.
    /// </summary>
    public static IndicatorMapView? ForHome(VietnamMap map, IReadOnlyList<IndicatorMap> maps, PageLinks at)
    {
        var lang = at.Language;
        var comparable = maps.Where(m => m.WithValue >= MinProvincesToCompare).ToList();
        if (comparable.Count == 0) return null;
        var first = comparable.OrderByDescending(m => m.WithValue).First(); // stable: registry order among equals
        var provinces = first.Provinces.Where(p => p.Registered is not null).Select(p => p.Registered!).ToList();
        string ProvinceHref(string slug) => at.Province(slug);
        var byDefault = first.Provinces.ToDictionary(p => p.Slug, StringComparer.Ordinal);
        var svg = map.Render(provinces, at.To(""), Caption(first, lang), province => Style(first, byDefault[province.Slug], ProvinceHref(province.Slug), lang));
        var options = comparable.Select(m => new MapOption(m.Indicator.Id, lang.Name(m.Indicator) + $" ({m.Unit})",
            at.To($"indicators/{m.Indicator.Id}.html"), m == first, OptionData(m, lang))).ToList();
        return new IndicatorMapView(new HtmlString(svg), "map-home", Caption(first, lang), Note(first, lang), Legend(first, lang),
            [], options, at.To($"indicators/{first.Indicator.Id}.html"), at.To("method.html#map"));
    }

    private static VietnamMap.MarkerStyle Style(IndicatorMap data, ProvinceValue v, string href, Language lang) =>
        v.Class is int c
            ? new VietnamMap.MarkerStyle(href, MarkerTitle(data, v, lang), data.Classes[c].Fill, IndicatorClasses.Stroke, false)
            : new VietnamMap.MarkerStyle(href, MarkerTitle(data, v, lang), IndicatorClasses.NoTargetFill, IndicatorClasses.NoTargetStroke, true);

    /// <summary>"Tiền Giang: 8–9%/năm (2026–2030)" or "Kiên Giang: không đặt chỉ tiêu".</summary>
    private static string MarkerTitle(IndicatorMap data, ProvinceValue v, Language lang) =>
        v.Target is null
            ? $"{v.Name}: {string.Format(CultureInfo.InvariantCulture, lang["map_no_target"], data.Unit)}"
            : $"{v.Name}: {IndicatorPages.Value(v.Target, lang)}" + (Time(v.Target) is { } time ? $" ({time})" : "");

    public static string Caption(IndicatorMap data, Language lang) =>
        data.ReferenceYear is int year
            ? string.Format(CultureInfo.InvariantCulture, lang["map_caption_year"], lang.Name(data.Indicator), data.Unit, year)
            : string.Format(CultureInfo.InvariantCulture, lang["map_caption"], lang.Name(data.Indicator), data.Unit);

    private static string Note(IndicatorMap data, Language lang) =>
        data.ReferenceYear is int year ? string.Format(CultureInfo.InvariantCulture, lang["map_note_year"], year) : lang["map_note"];

    public static IReadOnlyList<LegendEntry> Legend(IndicatorMap data, Language lang)
    {
        var entries = data.Classes
            .Select(c => new LegendEntry(ClassLabel(c, data.Unit), c.Fill, IndicatorClasses.Stroke, false, c.Count))
            .ToList();
        int none = data.Provinces.Count(p => p.Target is null);
        // "No target" only when some province is drawn that way (marked dashed, which is how the script finds it).
        if (none > 0)
            entries.Add(new LegendEntry(string.Format(CultureInfo.InvariantCulture, lang["map_no_target"], data.Unit),
                IndicatorClasses.NoTargetFill, IndicatorClasses.NoTargetStroke, true, none));
        return entries;
    }

    /// <summary>"7–7,5%", "13,4%", "140–150 triệu đồng": the class's lowest and highest value, as the tables write numbers.</summary>
    public static string ClassLabel(ValueClass c, string unit)
    {
        var number = c.Low == c.High ? RangeChart.Number(c.Low) : $"{RangeChart.Number(c.Low)}–{RangeChart.Number(c.High)}";
        return unit == "—" ? number : number + (unit.StartsWith('%') || unit == "‰" ? "" : " ") + unit;
    }

    private static IReadOnlyList<MapRow> Rows(IndicatorMap data, PageLinks at) =>
        data.Provinces
            .OrderByDescending(p => p.Value ?? decimal.MinValue).ThenBy(p => p.Slug, StringComparer.Ordinal)
            .Select(p => new MapRow(
                p.Name,
                p.Registered is null ? null : at.Province(p.Slug),
                p.Target is null ? null : IndicatorPages.Value(p.Target, at.Language),
                p.Target is null ? null : Time(p.Target),
                p.Class is int c ? ClassLabel(data.Classes[c], data.Unit) : null,
                Views.Label(p.Programme.Programme),
                at.Programme(p.Programme.Programme.Slug),
                p.Target is null ? null : at.Programme(p.Programme.Programme.Slug, p.Target.PassageId),
                p.Target?.Verbatim,
                p.Target is not null && data.ReferenceYear is int y && p.Year != y)
            {
                ClassFill = p.Class is int k ? data.Classes[k].Fill : null,
            })
            .ToList();

    private static string? Time(Target t) => t.Period ?? t.Year?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The colouring of one indicator for the home page script: caption, legend and each province's fill and title.</summary>
    private static string OptionData(IndicatorMap data, Language lang)
    {
        var legend = Legend(data, lang);
        var markers = data.Provinces.Where(p => p.Registered is not null).ToDictionary(
            p => p.Slug,
            p => new[] { p.Class?.ToString(CultureInfo.InvariantCulture) ?? "", MarkerTitle(data, p, lang) },
            StringComparer.Ordinal);
        var payload = new
        {
            caption = Caption(data, lang),
            note = Note(data, lang),
            legend = legend.Select(l => new[] { l.Label, l.Fill, l.Stroke, l.Dashed ? "1" : "", l.Count.ToString(CultureInfo.InvariantCulture) }),
            markers = markers.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value),
        };
        return JsonSerializer.Serialize(payload, Json);
    }
}
