using System.Collections.Concurrent;
using System.Security.Cryptography;
using Atlas.Model;
using Atlas.Render;

namespace Atlas.Build.Cache;

/// <summary>
/// Incremental rendering (<see cref="IPageReuse"/>): a page's inputs are digested (<see cref="ObjectDigest"/> of its view
/// model — or, for a page written with a builder, of the records the view model is made from — meta, path and language,
/// plus the templates folder and the generator version); when the published site holds that page made from the same
/// inputs and as published (<see cref="WrittenFiles"/>), its file is hard-linked into the staging folder instead of
/// rendered again. The site/ folder is only read, so the atomic publish still holds: a failing build leaves it as it
/// was. After a successful publish, <see cref="Save"/> records what site/ now holds for the next build.
/// </summary>
public sealed class PageCarryOver : IPageReuse
{
    public const string Stage = "render";

    private readonly WrittenFiles published; // the pages of site/, as the last build published them
    private readonly string outDir;
    private readonly string global;
    private readonly ConcurrentDictionary<string, string> carried = new(StringComparer.Ordinal);
    private readonly ObjectDigest digest;
    // Digests of what many pages hold (a passage is shown as related on hundreds of pages, a programme and what its page is
    // made of are read by its page and its English companion, the registries by every page): each is digested once per
    // build and stands for itself after, so a page's own digest walks little more than its path and meta.
    private readonly ConcurrentDictionary<object, string> known = new(ReferenceEqualityComparer.Instance);
    private int reused, rendered;

    public PageCarryOver(BuildCache cache, string templatesDir, string siteDir, string outDir)
    {
        published = new WrittenFiles(cache, Stage, siteDir);
        this.outDir = outDir;
        digest = new ObjectDigest(o => o is Language l ? LanguageCode(l) : Known(o), shortcutTypes: StandsForItself);
        global = BuildCache.Key("page inputs", FolderDigest(templatesDir));
    }

    /// <summary>Pages carried over from the published site so far.</summary>
    public int Reused => reused;

    /// <summary>Pages rendered so far (new, changed, or not digestible).</summary>
    public int Rendered => rendered;

    /// <summary>The inputs digest of a page written by this build; null for a file that is not a digested page.</summary>
    public string? InputsOf(string sitePath) => published.InputsOf(sitePath);

    /// <summary>The inputs digest of a page carried over unchanged by this build; null when it was rendered (or is no page).</summary>
    public string? CarriedOver(string sitePath) => carried.GetValueOrDefault(sitePath);

    public bool TryReuse(PageLinks at, string template, object page, PageMeta meta)
    {
        string inputs;
        try
        {
            inputs = digest.Of(global, at.SitePath, template, page, meta, at);
        }
        catch (NotDigestibleException)
        {
            Interlocked.Increment(ref rendered); // never recorded, so always rendered
            return false;
        }
        if (published.Unchanged(at.SitePath, inputs)
            && FileLink.LinkOrCopy(Path.Combine(published.Folder, at.SitePath), Path.Combine(outDir, at.SitePath)))
        {
            carried[at.SitePath] = inputs;
            Interlocked.Increment(ref reused);
            return true;
        }
        Interlocked.Increment(ref rendered);
        return false;
    }

    // The UI strings of a language come from the templates folder, already in the global digest: its code stands for it.
    private static string LanguageCode(Language l) => "language:" + l.Code + ":" + l.Prefix;

    /// <summary>What stands for itself in a page's digest: a language by its code, the records many pages hold by their digest.</summary>
    private static bool StandsForItself(Type type) =>
        type == typeof(Language) || type == typeof(Passage) || type == typeof(Programme) || type == typeof(ProgrammeAnalysis)
        || type == typeof(AtlasInputs) || typeof(ISharedPageInputs).IsAssignableFrom(type);

    // The record's own fields are walked (OfContents), what it holds may stand for itself in turn: a programme's passages.
    private string Known(object record) => known.GetOrAdd(record, static (r, self) => self.digest.OfContents(r), this);

    /// <summary>Records the pages of this build as published in site/; call only once the build replaced site/.</summary>
    public void Save() => published.Save();

    /// <summary>Every file under the folder (relative path and bytes, in ordinal order): templates, strings, assets.</summary>
    public static string FolderDigest(string dir)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (Directory.Exists(dir))
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                         .Select(f => (Full: f, Relative: Path.GetRelativePath(dir, f).Replace('\\', '/')))
                         .OrderBy(f => f.Relative, StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(BuildCache.Key(file.Relative, BuildCache.Digest(File.ReadAllBytes(file.Full)))));
            }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
