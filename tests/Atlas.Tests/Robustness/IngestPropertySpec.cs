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
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(5);

    [Fact]
    public void Mutated_seeds_always_give_a_programme_or_a_clear_rejection()
    {
        var seeds = Directory.EnumerateFiles(Repo.Sources, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList();
        var registries = Registries.Load(Repo.Content);
        var analyser = new AtlasAnalyser(registries.Themes, registries.Indicators, registries.ThemeOverrides);
        var ingester = new ProgrammeIngester();
        var failures = new List<string>();
        int ingested = 0, rejected = 0;

        for (int i = 0; i < Cases && failures.Count < 10; i++)
        {
            var mutator = new SeedMutator(RandomSeed + i);
            var bytes = mutator.Mutate(seeds[i % seeds.Count]);
            var name = $"case-{i}.txt";
            var work = Task.Run(() =>
            {
                var outcome = ingester.Ingest(new SourceDocument(name, bytes));
                if (outcome is Ingested ok) analyser.Analyse([ok.Programme]);
                return outcome;
            });
            string? problem;
            try
            {
                problem = !work.Wait(PerCase) ? $"did not finish within {PerCase.TotalSeconds} s (hang?)" : Check(work.Result);
            }
            catch (AggregateException ex)
            {
                problem = "crashed: " + ex.InnerException;
            }
            if (problem is not null) failures.Add($"case {i} (seed {i % seeds.Count}, mutations {mutator.Describe}): {problem}");
            else if (work.Result is Ingested) ingested++;
            else rejected++;
        }

        output.WriteLine($"{ingested} ingested, {rejected} rejected, {failures.Count} failures");
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
