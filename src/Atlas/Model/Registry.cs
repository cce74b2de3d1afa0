namespace Atlas.Model;

/// <summary>A province of the registry (content/provinces.yml).</summary>
/// <param name="MergedInto">Slug of the province this unit belongs to since the 2025 reorganisation, null if unchanged.</param>
public sealed record Province(
    string Name,
    string Slug,
    string Region,
    string Capital,
    double Latitude,
    double Longitude,
    string? MergedInto);

/// <summary>A theme of the taxonomy (content/themes.yml).</summary>
public sealed record Theme(
    string Id,
    string NameVi,
    string NameEn,
    string Description,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> HeadingKeywords)
{
    /// <summary>
    /// Phrases inside which this theme's keywords do not count, e.g. "công nghiệp hóa" for the industry theme
    /// (the programmes' subject, not industry as a sector). From the optional <c>exclude</c> list of themes.yml.
    /// </summary>
    public IReadOnlyList<string> Excludes { get; init; } = [];
}

/// <summary>An indicator of content/indicators.yml, the normalised name of a quantitative target.</summary>
public sealed record Indicator(
    string Id,
    string NameVi,
    string NameEn,
    string Definition,
    IReadOnlyList<string> Patterns);
