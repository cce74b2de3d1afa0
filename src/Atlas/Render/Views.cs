using Atlas.Model;

namespace Atlas.Render;

/// <summary>A link as templates show it.</summary>
public sealed record LinkView(string Label, string Href);

/// <summary>One programme in a table (home, province, resolution pages): its key facts, each already linked.</summary>
public sealed record ProgrammeRow(
    string Slug,
    string Href,
    string Label,
    string? Title,
    string? Province,
    string? ProvinceHref,
    string? Number,
    string? Date,
    string? IsoDate,
    IReadOnlyList<LinkView> Implements,
    int PassageCount)
{
    /// <summary>Whole percent of the programme's words that are its own (not shared with other programmes); null when unknown.</summary>
    public int? OwnPercent { get; init; }
}

/// <summary>View-model builders shared by several pages.</summary>
public static class Views
{
    /// <summary>"Tiền Giang · 38-CTr/TU" — how a programme is named in lists and column heads.</summary>
    public static string Label(Programme p)
    {
        var province = p.Metadata.Province ?? p.Slug;
        return p.Metadata.Number is { Length: > 0 } n ? $"{province} · {n}" : province;
    }

    /// <summary>The row with the programme's own-wording share (from its analysis).</summary>
    public static ProgrammeRow Row(AnalysedProgramme ap, PageLinks at) =>
        Row(ap.Programme, at) with { OwnPercent = Pages.OwnershipView.Percent(ap.Analysis.OwnShare) };

    public static ProgrammeRow Row(Programme p, PageLinks at)
    {
        var m = p.Metadata;
        var provinceSlug = PageLinks.ProvinceSlug(p);
        return new ProgrammeRow(
            p.Slug,
            at.Programme(p.Slug),
            Label(p),
            m.Title,
            m.Province,
            provinceSlug.Length > 0 ? at.Province(provinceSlug) : null,
            m.Number,
            Dates.Display(m.Date, at.Language),
            m.Date,
            Implements(m, at),
            p.Passages.Count);
    }

    public static IReadOnlyList<LinkView> Implements(ProgrammeMetadata m, PageLinks at) =>
        m.Implements.Where(d => d.Id.Length > 0)
            .Select(d => new LinkView(d.Number ?? d.Label, at.Resolution(d.Id)))
            .ToList();

    /// <summary>Programmes sorted for reading: by province (folded, so Đ sorts with D), then date, then slug.</summary>
    public static IEnumerable<AnalysedProgramme> ForReading(IEnumerable<AnalysedProgramme> programmes) =>
        programmes.OrderBy(p => p.Programme.Metadata.Province is { } n ? Slugs.From(n) : "\uffff", StringComparer.Ordinal)
            .ThenBy(p => p.Programme.Metadata.Date ?? "", StringComparer.Ordinal)
            .ThenBy(p => p.Programme.Slug, StringComparer.Ordinal);
}
