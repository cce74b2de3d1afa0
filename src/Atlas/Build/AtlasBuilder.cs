using System.Diagnostics;
using Atlas.Analysis;
using Atlas.Content;
using Atlas.Ingest;
using Atlas.Model;
using Atlas.Render;
using Atlas.Search;
using Atlas.Verify;

namespace Atlas.Build;

/// <summary>How long one stage took; printed by the CLI and read by the benchmark.</summary>
public sealed record StageTiming(string Stage, TimeSpan Elapsed)
{
    /// <summary>Processor time of the whole process (all threads, GC included) during the stage: unlike
    /// <see cref="Elapsed"/>, barely changed by other work on a shared machine.</summary>
    public TimeSpan Cpu { get; init; }
}

/// <summary>The outcome of a build: what was ingested, what failed, whether site/ was replaced.</summary>
public sealed record BuildResult(
    IngestReport Report,
    IReadOnlyList<StageTiming> Timings,
    IReadOnlyList<SiteProblem> SiteProblems,
    bool Published,
    string? FatalError)
{
    public bool AnyDocumentFailed => Report.Documents.Any(d => d.Status != "ok");
}

/// <summary>
/// The pipeline, stage by stage: ingest → analyse → content → render → index/export → verify → publish.
/// Each stage takes the previous stage's records; only this class knows the order.
/// </summary>
public sealed class AtlasBuilder(BuildOptions options, IProgress<string>? progress = null)
{
    private readonly List<StageTiming> timings = [];

    /// <summary>Ingest every source and write content/programmes/*.md and the report; no site output.</summary>
    public (IReadOnlyList<AnalysedProgramme> Programmes, IngestReport Report) IngestAll()
    {
        var (analysed, report, _) = IngestWithRegistries();
        return (analysed, report);
    }

    /// <summary>Ingest, analyse and write content; also returns the registries the analysis used, so the build reads them once.</summary>
    private (IReadOnlyList<AnalysedProgramme> Programmes, IngestReport Report, Registries Registries) IngestWithRegistries()
    {
        var sources = Time("read sources", () => SourceFolder.Read(options.SourcesDir));
        var outcomes = DuplicateSources.Mark(Time("ingest", () => SlugConflicts.Resolve(IngestInParallel(sources))));
        var report = new IngestReport(outcomes.Select(o => o.Report).ToList());
        var programmes = outcomes.OfType<Ingested>().Select(o => o.Programme).OrderBy(p => p.Slug, StringComparer.Ordinal).ToList();
        var registries = Time("registries", () => Registries.Load(options.ContentDir));
        var analysed = Time("analyse", () => new AtlasAnalyser(registries.Themes, registries.Indicators, registries.ThemeOverrides).Analyse(programmes));
        Time("content", () => ContentFolder.Write(options.ContentDir, analysed, report));
        return (analysed, report, registries);
    }

    /// <summary>The whole build. site/ is replaced only if every stage succeeded and the site checks pass.</summary>
    public BuildResult Build()
    {
        IReadOnlyList<AnalysedProgramme> analysed;
        IngestReport report;
        Registries registries;
        try
        {
            (analysed, report, registries) = IngestWithRegistries();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A malformed registry or an unwritable content/ folder: nothing to publish, site/ untouched.
            return new BuildResult(new IngestReport([]), timings, [], false, ex.Message);
        }
        var model = new AtlasModel(analysed, registries.Provinces, registries.Themes, registries.Indicators, report);

        var staging = options.SiteDir.TrimEnd('/', '\\') + ".staging";
        try
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            Directory.CreateDirectory(staging);
            Time("render", () => new SiteRenderer(options).Render(model, staging));
            Time("index+export", () => new SearchExporter(options.TemplatesDir).Export(model, staging));
            var problems = Time("verify", () => new SiteChecker().Check(staging));
            if (problems.Count > 0)
            {
                Directory.Delete(staging, recursive: true);
                return new BuildResult(report, timings, problems, false, $"{problems.Count} problem(s) in the built site; site/ left unchanged");
            }
            Time("publish", () => Publisher.Replace(staging, options.SiteDir));
            return new BuildResult(report, timings, [], true, null);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            return new BuildResult(report, timings, [], false, ex.Message);
        }
    }

    private IReadOnlyList<IngestOutcome> IngestInParallel(IReadOnlyList<SourceFile> sources)
    {
        var ingester = new ProgrammeIngester();
        var results = new IngestOutcome[sources.Count];
        // Parallel for speed; results land at their source's index, so the order is the sorted file order.
        Parallel.For(0, sources.Count, i => results[i] = SourceGate.Ingest(ingester, sources[i]));
        return results;
    }

    private T Time<T>(string stage, Func<T> work)
    {
        progress?.Report(stage + "…");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = work();
        timings.Add(new StageTiming(stage, sw.Elapsed) { Cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu });
        return result;
    }

    private void Time(string stage, Action work) => Time(stage, () => { work(); return 0; });
}
