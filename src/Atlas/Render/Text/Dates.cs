using System.Globalization;

namespace Atlas.Render;

/// <summary>Dates as readers write them: Vietnamese d/M/yyyy ("31/3/2023"), English "31 March 2023".</summary>
public static class Dates
{
    public static DateOnly? Parse(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>"31/3/2023"; the original string when it is not an ISO date; null when absent.</summary>
    public static string? Vietnamese(string? iso) =>
        Parse(iso) is { } d ? d.ToString("d/M/yyyy", CultureInfo.InvariantCulture) : iso;

    public static string? Display(string? iso, Language language) =>
        language.IsEnglish && Parse(iso) is { } d ? d.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : Vietnamese(iso);
}
