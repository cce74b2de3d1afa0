// Blocking waits with a timeout are the point here: a hang must fail the case, not stall the run.
#pragma warning disable xUnit1031
using Atlas.Analysis;
using Atlas.Content;
using Atlas.Ingest;
using Atlas.Model;
using Atlas.Tests.TestSupport;
using Xunit.Abstractions;

namespace Atlas.Tests.Robustness;

/// <summary>
/// Property: whatever damage a source has suffered, ingest and the analysers finish (no crash, no hang) and give
/// either a programme or a rejection that says why. Mutations are seeded, so a failure names a reproducible case.
/// </summary>
public class IngestPropertySpec(ITestOutputHelper output)
{
    private const int Cases = 1000;
    private const int RandomSeed = 20261125;
    /// <summary>Far above a normal ingest (tens of milliseconds): only a hang or runaway work reaches it, even on a busy machine.</summary>
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(10);

    /// <summary>The analysers run on every <see cref="AnalyseEvery"/>th ingested case (they cost far more than ingest), with their own bound.</summary>
    private const int AnalyseEvery = 50;
    private static readonly TimeSpan PerAnalysis = TimeSpan.FromSeconds(60);

    [Fact]
    public void Mutated_seeds_always_give_a_programme_or_a_clear_rejection()
    {
        var seeds = Directory.EnumerateFiles(Repo.Sources, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var registries = Registries.Load(Repo.Content);
        var analyser = new AtlasAnalyser(registries.Themes, registries.Indicators, registries.ThemeOverrides);
        var ingester = new ProgrammeIngester();
        var failures = new List<string>();
        int ingested = 0, rejected = 0;
        var reasons = new SortedDictionary<string, int>(StringComparer.Ordinal);

        for (int i = 0; i < Cases && failures.Count < 10; i++)
        {
            var mutator = new SeedMutator(RandomSeed + i);
            var bytes = mutator.Mutate(seeds[i % seeds.Count]);
            var name = $"case-{i}.txt";
            var work = Task.Run(() => ingester.Ingest(new SourceDocument(name, bytes)));
            string? problem;
            try
            {
                problem = !work.Wait(PerCase) ? $"ingest did not finish within {PerCase.TotalSeconds} s (hang?)" : Check(work.Result);
                if (problem is null && work.Result is Ingested ok && ingested % AnalyseEvery == 0)
                {
                    var analysis = Task.Run(() => analyser.Analyse([ok.Programme]));
                    if (!analysis.Wait(PerAnalysis)) problem = $"analysis did not finish within {PerAnalysis.TotalSeconds} s (hang?)";
                }
            }
            catch (AggregateException ex)
            {
                problem = "crashed: " + ex.InnerException;
            }
            if (problem is not null) failures.Add($"case {i} (seed {i % seeds.Count}, mutations {mutator.Describe}): {problem}");
            else if (work.Result is Ingested) ingested++;
            else
            {
                rejected++;
                var reason = work.Result.Report.Error!.Replace(name + ": ", "");
                reason = reason[..Math.Min(30, reason.Length)];
                reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            }
        }

        output.WriteLine($"{ingested} ingested, {rejected} rejected, {failures.Count} failures");
        foreach (var (reason, n) in reasons) output.WriteLine($"  {n,4} × {reason}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(ingested > Cases / 2, $"only {ingested} of {Cases} mutated seeds were ingested: mutations should mostly leave a readable programme");
    }

    private static string? Check(IngestOutcome outcome)
    {
        switch (outcome)
        {
            case Rejected r:
                if (r.Report.Status != "failed") return $"rejected with status {r.Report.Status}";
                if (string.IsNullOrWhiteSpace(r.Report.Error)) return "rejected without a message";
                return null;
            case Ingested { Programme: var p } ok:
                if (ok.Report.Status != "ok") return $"ingested with status {ok.Report.Status}";
                if (string.IsNullOrEmpty(p.Slug)) return "ingested without a slug";
                if (p.Passages.Count == 0) return "ingested with no passage";
                var ids = p.Passages.Select(x => x.Id).Concat(Flatten(p.Sections).Select(s => s.Id)).ToList();
                if (ids.Distinct(StringComparer.Ordinal).Count() != ids.Count)
                    return "duplicate anchor ids: " + string.Join(", ", ids.GroupBy(x => x).Where(g => g.Count() > 1).Select(g => g.Key).Take(5));
                if (p.Passages.FirstOrDefault(x => x.Text.Any(c => char.IsControl(c))) is { } bad)
                    return $"passage {bad.Id} holds a control character";
                return null;
            default:
                return "no outcome";
        }
    }

    private static IEnumerable<Section> Flatten(IEnumerable<Section> sections) =>
        sections.SelectMany(s => Flatten(s.Children).Prepend(s));
}
