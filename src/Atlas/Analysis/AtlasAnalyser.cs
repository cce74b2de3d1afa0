using Atlas.Analysis.Themes;
using Atlas.Model;

namespace Atlas.Analysis;

/// <summary>
/// Runs every analysis over the ingested programmes. Per-programme analyses (themes, targets,
/// assignments, references) run independently; cross-programme ones (similarity, shared language)
/// see the whole corpus. Output order is the input order (sorted by slug).
/// </summary>
public sealed class AtlasAnalyser(IReadOnlyList<Theme> themes, IReadOnlyList<Indicator> indicators, ThemeOverrides? themeOverrides = null)
{
    public IReadOnlyList<AnalysedProgramme> Analyse(IReadOnlyList<Programme> programmes)
    {
        _ = indicators;
        var themeClassifier = new ThemeClassifier(themes, themeOverrides);
        return programmes.Select(p => new AnalysedProgramme(p, ProgrammeAnalysis.Empty with { Themes = themeClassifier.Classify(p) })).ToList();
    }
}
