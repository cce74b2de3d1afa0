using Atlas.Analysis.Assignments;
using Atlas.Analysis.References;
using Atlas.Analysis.Similarity;
using Atlas.Analysis.Targets;
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
    public IReadOnlyList<AnalysedProgramme> Analyse(IReadOnlyList<Programme> programmes) => Analyse(programmes, null);

    /// <param name="known">Per programme (same index), its own analysis from the build cache, or null to compute it;
    /// cross-programme parts (related passages, shared language) are always computed over the whole corpus.</param>
    public IReadOnlyList<AnalysedProgramme> Analyse(IReadOnlyList<Programme> programmes, IReadOnlyList<ProgrammeAnalysis?>? known)
    {
        var themeClassifier = new ThemeClassifier(themes, themeOverrides);
        var targets = new TargetExtractor(indicators);
        var referencesByText = new TextMemo<Reference[]>();
        var results = new ProgrammeAnalysis[programmes.Count];
        // Across programmes: related passages and shared language see the whole corpus. They start first and run beside the
        // per-programme analyses, which fill the cores while their sequential steps (numbering terms, merging) run.
        var relatedTask = Task.Run(() => RelatedPassages.Analyse(programmes));
        var sharedTask = Task.Run(() => SharedLanguage.Analyse(programmes));
        // Per programme in parallel; each result lands at its programme's index, so the order is fixed.
        Parallel.For(0, programmes.Count, i =>
        {
            var p = programmes[i];
            if (known?[i] is { } cached)
            {
                results[i] = cached;
                return;
            }
            results[i] = ProgrammeAnalysis.Empty with
            {
                Themes = themeClassifier.Classify(p),
                Targets = targets.Extract(p),
                Assignments = AssignmentExtractor.Extract(p),
                References = ReferenceExtractor.Extract(p, referencesByText),
            };
        });
        var related = relatedTask.GetAwaiter().GetResult();
        var shared = sharedTask.GetAwaiter().GetResult();
        for (int i = 0; i < results.Length; i++)
            results[i] = results[i] with { Related = related[i], SharedShare = shared[i].Share, SharedSpans = shared[i].Spans, OwnShare = shared[i].OwnShare };
        return programmes.Select((p, i) => new AnalysedProgramme(p, results[i])).ToList();
    }

    /// <summary>The programme's own analysis without the cross-programme parts set above: what a cache may keep for it.</summary>
    public static ProgrammeAnalysis OwnPart(ProgrammeAnalysis analysis) => analysis with
    {
        Related = ProgrammeAnalysis.Empty.Related,
        SharedShare = ProgrammeAnalysis.Empty.SharedShare,
        SharedSpans = ProgrammeAnalysis.Empty.SharedSpans,
        OwnShare = ProgrammeAnalysis.Empty.OwnShare,
    };
}
