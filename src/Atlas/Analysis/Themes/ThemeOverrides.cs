namespace Atlas.Analysis.Themes;

/// <summary>
/// content/theme-overrides.yml: the rule settings of the theme classifier that staff may tune, and hand
/// corrections for single passages or sections. Loaded by <see cref="Atlas.Content.Registries"/>.
/// </summary>
/// <param name="SkipHeadings">A section whose heading starts with one of these (folded) is not classified,
/// nor anything under it: reviews of past results and forecasts ("Tình hình…", "Đánh giá…") commit to nothing.</param>
/// <param name="PurposeMarkers">Heading keywords count only before the first of these words in a heading:
/// "… nguồn nhân lực đáp ứng yêu cầu công nghiệp hóa" is about human resources, not industry.</param>
/// <param name="Overrides">Hand corrections, applied after the rules in file order.</param>
public sealed record ThemeOverrides(
    IReadOnlyList<string> SkipHeadings,
    IReadOnlyList<string> PurposeMarkers,
    IReadOnlyList<ThemeOverride> Overrides)
{
    public static ThemeOverrides None { get; } = new([], [], []);
}

/// <summary>One hand correction: add or remove themes for one passage, or for every passage of a section (and its subsections).</summary>
/// <param name="Programme">Programme slug.</param>
/// <param name="PassageId">The passage's anchor id; null when <paramref name="SectionId"/> is given.</param>
/// <param name="SectionId">The section's anchor id; null when <paramref name="PassageId"/> is given.</param>
/// <param name="Note">Why, as the editor wrote it; shown as the evidence of an added theme.</param>
/// <param name="Origin">"theme-overrides.yml:LINE", so a reader can find the entry.</param>
public sealed record ThemeOverride(
    string Programme,
    string? PassageId,
    string? SectionId,
    IReadOnlyList<string> Add,
    IReadOnlyList<string> Remove,
    string? Note,
    string Origin);
