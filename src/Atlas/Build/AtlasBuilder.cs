using System.Diagnostics;
using Atlas.Analysis;
using Atlas.Build.Cache;
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
    /// <see cref="Elapsed"/>, barely changed by other work on a shared machine. Null for a stage run beside another,
    /// whose share of the process's time cannot be told apart.</summary>
    public TimeSpan? Cpu { get; init; }
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

    /// <summary>Pages rendered by this build; null when every page was (no cache, or no published site to carry pages from).</summary>
    public int? PagesRendered { get; init; }

    /// <summary>Pages carried over unchanged from the previously published site (incremental build).</summary>
    public int PagesReused { get; init; }

    /// <summary>Pages the site checks did not read again: carried over, with their facts from the last check (incremental build).</summary>
    public int PagesCheckedFromCache { get; init; }

    /// <summary>Search files written over in the folder of the site replaced last time instead of created (<see cref="RecycledFiles"/>).</summary>
    public int SearchFilesRecycled { get; init; }

    /// <summary>content/programmes files left as they were, made from the same inputs as last time (<see cref="ContentCarryOver"/>).</summary>
    public int MarkdownReused { get; init; }
}

/// <summary>
/// The pipeline, stage by stage: ingest → analyse → content → render → index/export → verify → publish.
/// Each stage takes the previous stage's records; only this class knows the order.
/// </summary>
public sealed class AtlasBuilder(BuildOptions options, IProgress<string>? progress = null)
{
    private readonly List<StageTiming> timings = [];
    private GcLog? gcLog;

    /// <summary>Ingest every source and write content/programmes/*.md and the report; no site output.</summary>
    public (IReadOnlyList<AnalysedProgramme> Programmes, IngestReport Report) IngestAll()
    {
        var (analysed, report, _, writeBack) = IngestWithRegistries();
        writeBack.Run(Time);
        return (analysed, report);
    }

    /// <summary>
    /// Ingest and analyse; also returns the registries the analysis used, so the build reads them once, and the write-back
    /// of what was ingested and analysed.
    /// </summary>
    private (IReadOnlyList<AnalysedProgramme> Programmes, IngestReport Report, Registries Registries, WriteBack WriteBack) IngestWithRegistries()
    {
        // The registries do not depend on the sources: they are read (and the YAML reader JIT-compiled) beside ingest.
        Registries? loaded = null;
        var registriesRead = Task.Run(() => TimeBeside("registries (beside ingest)", () => loaded = Registries.Load(options.ContentDir)));
        var sources = Time("read sources", () => SourceFolder.Read(options.SourcesDir));
        var cache = new ProgrammeCache(options.UseCache ? new BuildCache(options.CacheDir) : BuildCache.Disabled,
            options.UseCache ? ProgrammeCache.RegistriesDigest(options.ContentDir) : "");
        var ingested = Time("ingest", () => IngestInParallel(sources, cache));
        var outcomes = DuplicateSources.Mark(SlugConflicts.Resolve(ingested.Select(i => i.Outcome).ToList()));
        var report = new IngestReport(outcomes.Select(o => o.Report).ToList());
        var programmes = outcomes.OfType<Ingested>().Select(o => o.Programme).OrderBy(p => p.Slug, StringComparer.Ordinal).ToList();
        timings.Add(registriesRead.GetAwaiter().GetResult());
        var registries = loaded!;
        // A cached programme is the very object cached with its analysis (slug clashes and duplicates only reject or warn).
        var known = new Dictionary<Programme, ProgrammeAnalysis>(ReferenceEqualityComparer.Instance);
        foreach (var i in ingested) if (i.Cached?.Analysis is { } a && i.Outcome is Ingested ok) known[ok.Programme] = a;
        var analysed = Time("analyse", () => new AtlasAnalyser(registries.Themes, registries.Indicators, registries.ThemeOverrides)
            .Analyse(programmes, programmes.Select(p => known.GetValueOrDefault(p)).ToList()));
        // A programme's Markdown is left as it is when its ingest key and file are those of the last write (ContentCarryOver).
        var unchanged = options.UseCache
            ? new ContentCarryOver(new BuildCache(options.CacheDir), options.ProgrammesDir,
                ingested.Where(i => i.Key is not null && i.Outcome is Ingested).Select(i => (((Ingested)i.Outcome).Programme, i.Key!)))
            : null;
        return (analysed, report, registries, new WriteBack(options.ContentDir, cache, ingested, analysed, report, unchanged));
    }

    /// <summary>What ingest and analysis leave on disk: the build cache, then content/programmes and the report.</summary>
    private sealed record WriteBack(string ContentDir, ProgrammeCache Cache, IReadOnlyList<SourceIngest> Ingested,
        IReadOnlyList<AnalysedProgramme> Analysed, IngestReport Report, ContentCarryOver? Unchanged)
    {
        /// <summary>Writes both, each timed as a stage by <paramref name="time"/>.</summary>
        public void Run(Action<string, Action> time)
        {
            SaveToCache(Cache, Ingested, Analysed, time);
            time("content", () =>
            {
                ContentFolder.Write(ContentDir, Analysed, Report, Unchanged);
                Unchanged?.Save();
            });
        }
    }

    /// <summary>The whole build. site/ is replaced only if every stage succeeded and the site checks pass.</summary>
    public BuildResult Build()
    {
        using var log = gcLog = Environment.GetEnvironmentVariable("ATLAS_MEMLOG") == "gc" ? new GcLog() : null;
        try { return BuildLogged(); }
        finally { log?.Print(Console.Error); }
    }

    private BuildResult BuildLogged()
    {
        // The site the last incremental build replaced is deleted while ingest and analysis work (disk work beside CPU
        // stages); render waits for it, because unlinking and creating tens of thousands of files at once contend in the
        // file system (its journal and directory locks), which made the export of an incremental build slower than a full one's.
        // Its search folder is not deleted but written over by this build's export (RecycledFiles says why).
        var trash = options.UseCache ? Path.Combine(options.CacheDir, "trash") : null;
        var recycled = trash is not null ? RecycledFiles.TakeFromTrash(trash, "search", Path.Combine(options.CacheDir, "recycled", "search")) : null;
        var sweep = trash is not null && Directory.Exists(trash) ? Task.Run(() => Publisher.EmptyTrash(trash)) : Task.CompletedTask;
        try
        {
            return BuildAll(trash, sweep, recycled);
        }
        finally
        {
            sweep.Wait();
        }
    }

    private BuildResult BuildAll(string? trash, Task sweep, RecycledFiles? recycled)
    {
        IReadOnlyList<AnalysedProgramme> analysed;
        IngestReport report;
        Registries registries;
        WriteBack writeBack;
        try
        {
            (analysed, report, registries, writeBack) = IngestWithRegistries();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A malformed registry: nothing to publish, site/ untouched.
            return new BuildResult(new IngestReport([]), timings, [], false, ex.Message);
        }
        var model = new AtlasModel(analysed, registries.Provinces, registries.Themes, registries.Indicators, report);

        var staging = options.SiteDir.TrimEnd('/', '\\') + ".staging";
        var written = Task.CompletedTask;
        Task<StageTiming>? exported = null;
        try
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            Directory.CreateDirectory(staging);
            sweep.Wait();
            // Incremental: pages made from unchanged inputs are carried over from the published site (hard links).
            var reuse = options.UseCache
                ? new PageCarryOver(new BuildCache(options.CacheDir), options.TemplatesDir, options.SiteDir, staging) : null;
            // The build cache, content/ and the search export are written beside render: each reads the finished model
            // and writes its own folder, and alone each leaves part of the processor idle (render's aggregate pages and
            // file writes, the exporter's single-threaded indexing). A failure in any still fails the build before anything
            // is published. ATLAS_SEQUENTIAL=1 runs them one after another, to measure each stage's processor time.
            var sequential = Environment.GetEnvironmentVariable("ATLAS_SEQUENTIAL") is { Length: > 0 };
            var besideRender = new List<StageTiming>();
            written = Task.Run(() => writeBack.Run((stage, work) => besideRender.Add(TimeBeside(stage + " (beside render)", work))));
            void ExportSearch()
            {
                void Export() => new SearchExporter(options.TemplatesDir).Export(model, staging);
                if (recycled is null) Export();
                else recycled.WriteInto(Path.Combine(staging, "search"), Export);
            }
            if (!sequential) exported = Task.Run(() => TimeBeside("index+export (beside render)", ExportSearch));
            Time("render", () => new SiteRenderer(options).Render(model, staging, reuse));
            written.GetAwaiter().GetResult();
            timings.AddRange(besideRender);
            if (exported is null) Time("index+export", ExportSearch);
            else timings.Add(exported.GetAwaiter().GetResult());
            if (reuse is not null) progress?.Report($"pages: {reuse.Rendered} rendered, {reuse.Reused} carried over");
            // Pages carried over keep the facts read from them before; every link is still resolved in the new site.
            var checkedPages = reuse is null ? null : new CheckedPages(new BuildCache(options.CacheDir), reuse, options.SiteDir);
            var problems = Time("verify", () => new SiteChecker().Check(staging, checkedPages));
            if (problems.Count > 0)
            {
                Directory.Delete(staging, recursive: true);
                return new BuildResult(report, timings, problems, false, $"{problems.Count} problem(s) in the built site; site/ left unchanged");
            }
            Time("publish", () =>
            {
                Publisher.Replace(staging, options.SiteDir, trash);
            });
            // What the next build needs to carry pages over and to skip reading them: only now, as it describes site/.
            // The two records are separate files of separate cache folders: written side by side.
            if (reuse is not null) Time("cache (pages)", () => Parallel.Invoke(reuse.Save, () => checkedPages?.Save()));
            return new BuildResult(report, timings, [], true, null) {
                PagesRendered = reuse?.Rendered, PagesReused = reuse?.Reused ?? 0, PagesCheckedFromCache = checkedPages?.KnownCount ?? 0,
                SearchFilesRecycled = recycled?.Reused ?? 0, MarkdownReused = writeBack.Unchanged?.Reused ?? 0,
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // An unwritable content/ folder fails here too; whatever failed, the work beside render is over before staging goes.
            Task.WhenAll(written, exported ?? Task.CompletedTask).ContinueWith(_ => { }, TaskScheduler.Default).Wait();
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            return new BuildResult(report, timings, [], false, Reason(ex));
        }
    }

    /// <summary>
    /// What failed, for the person running the build: pages are written in parallel, so a template error arrives wrapped
    /// in one AggregateException per level of parallelism, whose own message only says that "one or more errors occurred".
    /// </summary>
    private static string Reason(Exception ex)
    {
        while (ex is AggregateException { InnerExceptions.Count: > 0 } aggregate) ex = aggregate.InnerExceptions[0];
        return ex.Message;
    }

    /// <summary>One source's raw ingest outcome, its cache key (null: not cacheable) and the entry it came from (null: ingested now).</summary>
    private sealed record SourceIngest(IngestOutcome Outcome, string? Key, ProgrammeCacheEntry? Cached);

    private static IReadOnlyList<SourceIngest> IngestInParallel(IReadOnlyList<SourceFile> sources, ProgrammeCache cache)
    {
        var ingester = new ProgrammeIngester();
        var results = new SourceIngest[sources.Count];
        if (results.Length == 0) return results; // a range partitioner refuses an empty range
        // Parallel for speed; results land at their source's index, so the order is the sorted file order.
        // Small chunks rather than Parallel.For's ranges: one large document must not leave the other core idle.
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, sources.Count, 4), range =>
        {
            for (int i = range.Item1; i < range.Item2; i++) results[i] = IngestOne(ingester, sources[i], cache);
        });
        return results;
    }

    private static SourceIngest IngestOne(ProgrammeIngester ingester, SourceFile source, ProgrammeCache cache)
    {
        string? key = null;
        byte[]? bytes = null;
        if (cache.Enabled && source.Problem is null)
        {
            try
            {
                if (new FileInfo(source.Path).Length <= Ingest.Decoding.SourceDecoder.MaxBytes)
                    key = cache.KeyOf(source, bytes = File.ReadAllBytes(source.Path));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                (key, bytes) = (null, null); // SourceGate reports the problem
            }
            if (key is not null && cache.Read(key) is { } entry) return new SourceIngest(entry.ToOutcome(), key, entry);
        }
        return new SourceIngest(SourceGate.Ingest(ingester, source, bytes), key, null);
    }

    /// <summary>Stores what was ingested or analysed now, and drops entries no source uses any more.</summary>
    private static void SaveToCache(ProgrammeCache cache, IReadOnlyList<SourceIngest> ingested, IReadOnlyList<AnalysedProgramme> analysed,
        Action<string, Action> time)
    {
        if (!cache.Enabled) return;
        var analysisOf = analysed.ToDictionary(a => (object)a.Programme, a => a.Analysis, ReferenceEqualityComparer.Instance);
        time("cache", () =>
        {
            Parallel.ForEach(ingested.Where(i => i.Key is not null), i =>
            {
                var programme = (i.Outcome as Ingested)?.Programme;
                var analysis = programme is not null && analysisOf.TryGetValue(programme, out var a) ? AtlasAnalyser.OwnPart(a) : null;
                if (i.Cached is not null && (analysis is null || i.Cached.Analysis is not null)) return; // nothing new to keep
                cache.Write(i.Key!, new ProgrammeCacheEntry(programme, i.Outcome.Report, analysis));
            });
            cache.Prune(ingested.Where(i => i.Key is not null).Select(i => i.Key!).ToHashSet(StringComparer.Ordinal));
        });
    }

    private T Time<T>(string stage, Func<T> work)
    {
        progress?.Report(stage + "…");
        gcLog?.Enter(stage);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = work();
        timings.Add(new StageTiming(stage, sw.Elapsed) { Cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu });
        if (Environment.GetEnvironmentVariable("ATLAS_MEMLOG") is { Length: > 0 }) LogMemory(stage);
        return result;
    }

    /// <summary>
    /// ATLAS_MEMLOG=1: after each stage, on stderr, the figures that explain a stage's cost apart from its own code and
    /// that, unlike times, barely move with the machine's load: the GC heap and the process's memory, bytes allocated so
    /// far, collections per generation and their total pause, and methods JIT-compiled. Nothing is collected to take them,
    /// so the run behaves as a normal build. ATLAS_MEMLOG=live also forces a full collection to report the live heap
    /// (what holds the peak), which changes the collection figures.
    /// </summary>
    private static void LogMemory(string stage)
    {
        var info = GC.GetGCMemoryInfo();
        var process = Process.GetCurrentProcess();
        var live = Environment.GetEnvironmentVariable("ATLAS_MEMLOG") == "live" ? $", live {GC.GetTotalMemory(true) >> 20} MB" : "";
        Console.Error.WriteLine($"mem {stage}: heap {info.HeapSizeBytes >> 20} MB, committed {info.TotalCommittedBytes >> 20} MB, " +
            $"rss {process.WorkingSet64 >> 20} MB, peak rss {process.PeakWorkingSet64 >> 20} MB{live}, allocated {GC.GetTotalAllocatedBytes() >> 20} MB, " +
            $"collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, pause {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, " +
            $"jit {System.Runtime.JitInfo.GetCompiledMethodCount()} methods in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
    }

    private void Time(string stage, Action work) => Time(stage, () => { work(); return 0; });

    /// <summary>A stage run beside another: its wall time only, as the process's processor time is shared with the other.</summary>
    private static StageTiming TimeBeside(string stage, Action work)
    {
        var sw = Stopwatch.StartNew();
        work();
        return new StageTiming(stage, sw.Elapsed);
    }
}
