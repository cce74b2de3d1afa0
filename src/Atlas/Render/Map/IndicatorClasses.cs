using System.Text.RegularExpressions;
using Atlas.Model;

namespace Atlas.Render.Map;

/// <summary>A value class of an indicator map: the lowest and highest value it holds and its colour.</summary>
/// <param name="Index">0 for the lowest values.</param>
public sealed record ValueClass(int Index, decimal Low, decimal High, string Fill, int Count);

/// <summary>
/// What one province shows on an indicator map: the target chosen for it (null = no numeric target in the map's unit)
/// and its class. <paramref name="Registered"/> is null for a province the registry does not know (no map marker).
/// </summary>
public sealed record ProvinceValue(
    string Name,
    string Slug,
    Province? Registered,
    AnalysedProgramme Programme,
    Target? Target,
    int? Year,
    int? Class)
{
    public decimal? Value => Target is null ? null : IndicatorClasses.Midpoint(Target);
}

/// <summary>An indicator's map: the unit compared, the reference year, the classes and every province with a programme.</summary>
public sealed record IndicatorMap(Indicator Indicator, string Unit, int? ReferenceYear, IReadOnlyList<ValueClass> Classes, IReadOnlyList<ProvinceValue> Provinces)
{
    public int WithValue => Provinces.Count(p => p.Target is not null);
}

/// <summary>
/// Classes for colouring provinces by an indicator, computed once at build time so every page and both languages show
/// the same thing. Rules, in order (each is explained on the method page):
/// <list type="number">
/// <item>Only numeric targets (not achievements of the past, not qualitative comparisons) in the indicator's most
/// used unit family (<see cref="Pages.IndicatorPages.UnitFamily"/>): a map never mixes % with USD.</item>
/// <item>The reference year is the end year most provinces set a target for (ties: the later year). Each province
/// shows its target for that year, else for the nearest year it has (ties: the later); the table says which.</item>
/// <item>Among a province's targets for its year: the newest programme, then the first stated in the document.
/// The value is the middle of a range ("7,0–7,5%" → 7,25); "≥ 85%" counts as 85.</item>
/// <item>Classes split the distinct values, sorted, into at most <see cref="MaxClasses"/> groups of near-equal size
/// (quantiles on distinct values), so equal values always share a class and every class is used.</item>
/// </list>
/// </summary>
public static class IndicatorClasses
{
    public const int MaxClasses = 5;

    /// <summary>A sequential blue scale (ColorBrewer "Blues", readable for colour-blind readers), light = low.</summary>
    public static readonly IReadOnlyList<string> Palette = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];

    /// <summary>Marker outline of coloured markers: dark enough to stand out on land and sea (3:1 and more).</summary>
    public const string Stroke = "#1d3557";

    /// <summary>"No target": a hollow marker with a dashed grey outline, distinct from every class.</summary>
    public const string NoTargetFill = "#ffffff";
    public const string NoTargetStroke = "#6b6b6b";

    public static IndicatorMap Build(Indicator indicator, IReadOnlyList<AnalysedProgramme> programmes, AtlasLookup lookup) =>
        Build(indicator, programmes, lookup, ProvinceSlugs(programmes));

    /// <summary>A numeric target a map may show, with its place among its programme's such targets for the same indicator.</summary>
    public readonly record struct Candidate(AnalysedProgramme Programme, Target Target, int Order);

    /// <summary>
    /// The targets every indicator's map chooses from, by indicator id, in one pass over the programmes (programme order,
    /// then document order): only numeric targets (no achievements of the past, no qualitative comparisons). Going over every
    /// target of every programme again for each indicator was most of the maps' time, spent before the home page is written.
    /// </summary>
    public static IReadOnlyDictionary<string, List<Candidate>> Candidates(IEnumerable<AnalysedProgramme> programmes)
    {
        var byIndicator = new Dictionary<string, List<Candidate>>(StringComparer.Ordinal);
        foreach (var ap in programmes)
            foreach (var t in ap.Analysis.Targets)
            {
                if (t.IndicatorId is not { } id || !IsNumeric(t)) continue;
                if (!byIndicator.TryGetValue(id, out var list)) byIndicator[id] = list = [];
                // Its order among this programme's candidates for the indicator: they are the list's last entries.
                var order = 0;
                for (var i = list.Count - 1; i >= 0 && ReferenceEquals(list[i].Programme, ap); i--) order++;
                list.Add(new Candidate(ap, t, order));
            }
        return byIndicator;
    }

    private static bool IsNumeric(Target t) => !t.IsAchievement && t.Comparator != Comparator.Qualitative && t.Low is not null;

    /// <summary>Province slugs once per programme: slugging folds diacritics, too slow to repeat per target (or per
    /// indicator) on a thousand programmes.</summary>
    public static IReadOnlyDictionary<AnalysedProgramme, string> ProvinceSlugs(IEnumerable<AnalysedProgramme> programmes)
    {
        var slugOf = new Dictionary<AnalysedProgramme, string>(ReferenceEqualityComparer.Instance);
        foreach (var ap in programmes) slugOf[ap] = PageLinks.ProvinceSlug(ap.Programme);
        return slugOf;
    }

    /// <summary>
    /// The map of <paramref name="indicator"/>. It does not depend on the order of <paramref name="programmes"/> (every
    /// choice below is by value, ties by slug), so the home page and the indicator pages share one map per indicator.
    /// </summary>
    public static IndicatorMap Build(Indicator indicator, IReadOnlyList<AnalysedProgramme> programmes, AtlasLookup lookup,
        IReadOnlyDictionary<AnalysedProgramme, string> slugOf) =>
        Build(indicator, programmes, lookup, slugOf, Candidates(programmes).GetValueOrDefault(indicator.Id) ?? []);

    /// <param name="numeric">The indicator's <see cref="Candidates"/> among <paramref name="programmes"/>.</param>
    public static IndicatorMap Build(Indicator indicator, IReadOnlyList<AnalysedProgramme> programmes, AtlasLookup lookup,
        IReadOnlyDictionary<AnalysedProgramme, string> slugOf, IReadOnlyList<Candidate> numeric)
    {
        var unit = numeric.GroupBy(x => Pages.IndicatorPages.UnitFamily(x.Target.Unit))
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? "—";
        var inUnit = numeric.Where(x => Pages.IndicatorPages.UnitFamily(x.Target.Unit) == unit && slugOf[x.Programme].Length > 0)
            .ToLookup(x => slugOf[x.Programme], StringComparer.Ordinal);

        // Every province with a programme, by slug; programmes without a province are left off (nowhere to draw them).
        var byProvince = programmes
            .Where(ap => slugOf[ap].Length > 0)
            .GroupBy(ap => slugOf[ap], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();

        var referenceYear = inUnit
            .SelectMany(g => g.Select(x => EndYear(x.Target)).OfType<int>().Distinct())
            .GroupBy(year => year)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key)
            .Select(g => (int?)g.Key).FirstOrDefault();

        var chosen = new List<(string Slug, AnalysedProgramme Programme, Target? Target, int? Year)>();
        foreach (var group in byProvince)
        {
            var mine = inUnit[group.Key].ToList();
            // The programme shown when there is no target: the newest one of the province.
            var newest = group.OrderByDescending(ap => ap.Programme.Metadata.Date ?? "", StringComparer.Ordinal)
                .ThenBy(ap => ap.Programme.Slug, StringComparer.Ordinal).First();
            if (mine.Count == 0)
            {
                chosen.Add((group.Key, newest, null, null));
                continue;
            }
            var best = mine
                .OrderBy(x => referenceYear is null || EndYear(x.Target) is null ? int.MaxValue : Math.Abs(EndYear(x.Target)!.Value - referenceYear.Value))
                .ThenByDescending(x => EndYear(x.Target) ?? int.MinValue)
                .ThenByDescending(x => x.Programme.Programme.Metadata.Date ?? "", StringComparer.Ordinal)
                .ThenBy(x => x.Programme.Programme.Slug, StringComparer.Ordinal)
                .ThenBy(x => x.Order)
                .First();
            chosen.Add((group.Key, best.Programme, best.Target, EndYear(best.Target)));
        }

        var classes = Classify(chosen.Where(c => c.Target is not null).Select(c => Midpoint(c.Target!)));
        var provinces = chosen.Select(c =>
        {
            var registered = lookup.Province(c.Slug);
            int? cls = c.Target is null ? null : ClassOf(classes, Midpoint(c.Target));
            return new ProvinceValue(registered?.Name ?? c.Programme.Programme.Metadata.Province ?? c.Slug, c.Slug, registered, c.Programme, c.Target, c.Year, cls);
        }).ToList();
        return new IndicatorMap(indicator, unit, referenceYear, classes, provinces);
    }

    /// <summary>Quantile classes over the distinct values: at most <see cref="MaxClasses"/>, each non-empty, colours spread over the palette.</summary>
    public static IReadOnlyList<ValueClass> Classify(IEnumerable<decimal> values)
    {
        var all = values.ToList();
        var distinct = all.Distinct().Order().ToList();
        int k = Math.Min(MaxClasses, distinct.Count);
        var classes = new List<ValueClass>(k);
        for (int i = 0; i < k; i++)
        {
            int from = i * distinct.Count / k, to = (i + 1) * distinct.Count / k - 1;
            var (low, high) = (distinct[from], distinct[to]);
            classes.Add(new ValueClass(i, low, high, Colour(i, k), all.Count(v => v >= low && v <= high)));
        }
        return classes;
    }

    /// <summary>The palette colour of class <paramref name="index"/> of <paramref name="count"/>: spread so 2 classes are light and dark.</summary>
    public static string Colour(int index, int count) =>
        count <= 1 ? Palette[Palette.Count / 2 + 1] : Palette[(int)Math.Round(index * (Palette.Count - 1) / (double)(count - 1), MidpointRounding.AwayFromZero)];

    public static int? ClassOf(IReadOnlyList<ValueClass> classes, decimal value) =>
        classes.FirstOrDefault(c => value >= c.Low && value <= c.High)?.Index;

    public static decimal Midpoint(Target t) => t.High is decimal h ? (t.Low!.Value + h) / 2 : t.Low!.Value;

    /// <summary>The year a target is for: its year ("đến năm 2030"), else the end of its period ("2021–2025" → 2025).</summary>
    public static int? EndYear(Target t)
    {
        if (t.Year is int y) return y;
        if (t.Period is null) return null;
        var years = YearPattern.Matches(t.Period);
        return years.Count == 0 ? null : int.Parse(years[^1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly Regex YearPattern = new(@"(?<!\d)(?:19|20)\d\d(?!\d)", RegexOptions.CultureInvariant);
}
