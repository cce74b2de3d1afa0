using System.Collections.Concurrent;
using Atlas.Verify;

namespace Atlas.Build.Cache;

/// <summary>What the site checks read from one page made from <see cref="Inputs"/>.</summary>
public sealed record CheckedPage(string Inputs, PageFacts Facts);

/// <summary>The pages of one published site as the checks read them: <c>.cache/verify/&lt;key of the site folder&gt;.bin</c>
/// (<see cref="CheckedPagesFormat"/>).</summary>
public sealed record CheckedPagesFile(string Site, IReadOnlyDictionary<string, CheckedPage> Pages);

/// <summary>
/// Incremental verify (<see cref="IKnownPageFacts"/>): a page carried over by <see cref="PageCarryOver"/> has the bytes it had
/// when it was last read, so its facts (ids, links, title…) are taken from the cache instead of reading it again; every
/// link of every page is still resolved against the new site, so a link to a page that is gone is still reported.
/// </summary>
public sealed class CheckedPages : IKnownPageFacts
{
    public const string Stage = "verify";

    private readonly BuildCache cache;
    private readonly PageCarryOver pages;
    private readonly string siteDir;
    private readonly string key;
    private readonly IReadOnlyDictionary<string, CheckedPage> previous;
    private readonly ConcurrentDictionary<string, CheckedPage> current = new(StringComparer.Ordinal);
    private int known;

    public CheckedPages(BuildCache cache, PageCarryOver pages, string siteDir)
    {
        this.cache = cache;
        this.pages = pages;
        this.siteDir = Path.GetFullPath(siteDir);
        key = BuildCache.Key("checked pages", this.siteDir);
        previous = Load();
    }

    /// <summary>Pages whose facts came from the cache (not read again) so far.</summary>
    public int KnownCount => known;

    public PageFacts? Known(string relative)
    {
        if (pages.CarriedOver(relative) is not { } inputs || !previous.TryGetValue(relative, out var was) || was.Inputs != inputs) return null;
        current[relative] = was;
        Interlocked.Increment(ref known);
        return was.Facts;
    }

    public void Read(string relative, PageFacts facts)
    {
        if (pages.InputsOf(relative) is { } inputs) current[relative] = new CheckedPage(inputs, facts);
    }

    /// <summary>Keeps the facts of the pages now in site/; call only once the build replaced site/.</summary>
    public void Save()
    {
        var file = new CheckedPagesFile(siteDir, current.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal));
        cache.WriteWith(Stage, key, ".bin", stream => CheckedPagesFormat.Write(file, stream));
        cache.Prune(Stage, new HashSet<string>([key], StringComparer.Ordinal));
    }

    /// <summary>The facts recorded for this site folder; none when the file is absent or corrupt (every page is read).</summary>
    private IReadOnlyDictionary<string, CheckedPage> Load() =>
        cache.Read(Stage, key, ".bin") is { } bytes && CheckedPagesFormat.Read(bytes) is { } file && file.Site == siteDir
            ? file.Pages
            : new Dictionary<string, CheckedPage>();
}
