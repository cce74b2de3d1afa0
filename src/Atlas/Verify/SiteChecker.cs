using System.Collections.Concurrent;
using AngleSharp.Html.Parser;

namespace Atlas.Verify;

/// <summary>Pages whose facts the caller already knows (unchanged since a build that read them), and a place to keep the rest.</summary>
public interface IKnownPageFacts
{
    /// <summary>The facts of the page at this site-relative path, or null to read it. Thread-safe.</summary>
    PageFacts? Known(string relative);

    /// <summary>Called with the facts of each page that was read. Thread-safe.</summary>
    void Read(string relative, PageFacts facts);
}

/// <summary>A problem found in a built page: broken link, missing anchor, missing title/h1/lang, duplicate id.</summary>
public sealed record SiteProblem(string Page, string Problem);

/// <summary>
/// Reads every built page and reports what a reader would trip over: a link to a file that is not there, a #anchor
/// the target page lacks, a page without lang, &lt;title&gt; or &lt;h1&gt;, an id used twice, a link that leaves the
/// site's folder or depends on the server root (the site must work from file:// and any sub-path).
/// Problems are ordered by page, then page-level problems, then links (grouped by element kind, in page order).
/// By default pages are read with <see cref="MarkupScanner"/> (the build's verify stage, thousands of pages);
/// <c>thorough</c> parses each with AngleSharp instead (<c>atlas check</c>).
/// </summary>
public sealed class SiteChecker(bool thorough = false)
{
    /// <summary>One page after its own checks: its ids (for anchors into it), its problems so far, and the links whose
    /// #fragment points into another page, checked once every page is read.</summary>
    private sealed record PageScan(string Relative, HashSet<string> Ids, (int Index, string Problem)[] Problems,
        (int Index, PageLink Link, string Target, string Fragment)[] Deferred);

    /// <param name="known">The facts of pages known to be unchanged since a checked build (incremental build): those pages
    /// are not read again, their links are still resolved against this site. Null reads every page.</param>
    public IReadOnlyList<SiteProblem> Check(string siteDir, IKnownPageFacts? known = null)
    {
        var root = Path.GetFullPath(siteDir);
        if (!Directory.Exists(root)) return [new SiteProblem(siteDir, "site folder does not exist")];
        var files = Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        var targets = new Targets(root);

        // Pages are read in parallel, each into its own slot, then merged in ordinal order: the problem list is the same
        // whatever the scheduling. Only ids and cross-page anchors are kept, so memory stays small at thousands of pages.
        var scans = new PageScan[files.Length];
        Parallel.For(0, files.Length, () => new Reader(thorough ? new HtmlParser() : null), (i, _, reader) =>
        {
            var relative = Path.GetRelativePath(root, files[i]).Replace('\\', '/');
            var facts = known?.Known(relative);
            if (facts is null)
            {
                if (reader.Parser is not null)
                {
                    using var stream = File.OpenRead(files[i]);
                    facts = DomScanner.Scan(reader.Parser, stream);
                }
                else facts = MarkupScanner.Scan(reader.Read(files[i]), reader.Strings);
                known?.Read(relative, facts);
            }
            scans[i] = Scan(relative, facts, targets, reader);
            return reader;
        }, _ => { });

        var pages = new Dictionary<string, PageScan>(scans.Length, StringComparer.Ordinal);
        foreach (var scan in scans) pages[scan.Relative] = scan;
        // Cross-page anchors are checked in parallel too (millions at thousands of pages), each page's problems in its own slot.
        var perPage = new List<SiteProblem>?[scans.Length];
        Parallel.For(0, scans.Length, i =>
        {
            var page = scans[i];
            List<SiteProblem>? problems = null;
            List<(int Index, string Problem)>? linkProblems = null;
            foreach (var (index, problem) in page.Problems)
                if (index < 0) (problems ??= []).Add(new SiteProblem(page.Relative, problem));
                else (linkProblems ??= []).Add((index, problem));
            foreach (var (index, link, target, fragment) in page.Deferred)
                if (pages.TryGetValue(target, out var other) && !other.Ids.Contains(fragment)) // anchors only checked in pages
                    (linkProblems ??= []).Add((index, $"{link.Element} → {link.Url}: no element with id \"{fragment}\" in {target}"));
            if (linkProblems is not null)
                foreach (var (_, problem) in linkProblems.OrderBy(p => p.Index)) (problems ??= []).Add(new SiteProblem(page.Relative, problem));
            perPage[i] = problems;
        });
        var all = new List<SiteProblem>();
        foreach (var problems in perPage) if (problems is not null) all.AddRange(problems);
        return all;
    }

    /// <summary>
    /// One worker's means of reading pages: the DOM parser (thorough) or one byte buffer reused page after page. Pages
    /// run from 10 KB to megabytes; a new array per page put most of them on the large-object heap (85 KB and up),
    /// hundreds of megabytes per build, each batch of it a full collection. Also the worker's string pool and the
    /// lists a page's scan fills, reused page after page.
    /// </summary>
    private sealed class Reader(HtmlParser? parser)
    {
        private byte[] buffer = new byte[1 << 16];

        public HtmlParser? Parser => parser;

        public StringPool Strings { get; } = new();

        /// <summary>A page's links resolved so far, by URL (a page links to the same file many times).</summary>
        public Dictionary<string, (string? Problem, string? Target, string? Fragment)> Resolved { get; } = new(StringComparer.Ordinal);

        public List<(int Index, string Problem)> Problems { get; } = [];

        public List<(int Index, PageLink Link, string Target, string Fragment)> Deferred { get; } = [];

        /// <summary>The whole file; valid until the next call.</summary>
        public ReadOnlySpan<byte> Read(string path)
        {
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length > buffer.Length) buffer = new byte[Math.Max(length, (long)buffer.Length * 2)];
            var read = 0;
            while (read < length)
            {
                var n = RandomAccess.Read(handle, buffer.AsSpan(read, (int)(length - read)), read);
                if (n == 0) break;
                read += n;
            }
            return buffer.AsSpan(0, read);
        }
    }

    private static PageScan Scan(string relative, PageFacts facts, Targets targets, Reader reader)
    {
        var problems = reader.Problems;
        problems.Clear();
        if (string.IsNullOrWhiteSpace(facts.Lang)) problems.Add((-1, "missing lang on <html>"));
        if (string.IsNullOrWhiteSpace(facts.Title)) problems.Add((-1, "missing <title>"));
        if (string.IsNullOrWhiteSpace(facts.H1)) problems.Add((-1, "missing <h1>"));

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in facts.Ids)
            if (!ids.Add(id)) problems.Add((-1, $"duplicate id \"{id}\""));
        // <a name="…"> is also a fragment target.
        foreach (var name in facts.Names) ids.Add(name);

        var folder = targets.Folder(relative);
        var deferred = reader.Deferred;
        deferred.Clear();
        var resolved = reader.Resolved;
        resolved.Clear();
        for (var i = 0; i < facts.Links.Count; i++)
        {
            var link = facts.Links[i];
            // A page links to the same file many times (permalinks, resolution links): resolve each URL once.
            if (!resolved.TryGetValue(link.Url, out var r)) resolved[link.Url] = r = Resolve(folder, relative, link.Url, reader.Strings);
            if (r.Problem is not null) problems.Add((i, $"{link.Element} → {link.Url}: {r.Problem}"));
            else if (r.Target == relative) { if (!ids.Contains(r.Fragment!)) problems.Add((i, $"{link.Element} → {link.Url}: no element with id \"{r.Fragment}\" in {relative}")); }
            else if (r.Target is not null) deferred.Add((i, link, r.Target, r.Fragment!));
        }
        // Kept until every page is read: exact-size copies, not the growing lists.
        return new PageScan(relative, ids, problems.Count == 0 ? [] : problems.ToArray(), deferred.Count == 0 ? [] : deferred.ToArray());
    }

    private enum PathKind { Missing, File, Folder }

    /// <summary>
    /// What a link's path (without query or fragment) points to, from each folder of the site: worked out once per folder
    /// and path, not once per page — a thousand programme pages link the same few thousand files. Thread-safe.
    /// </summary>
    private sealed class Targets(string root)
    {
        private readonly ConcurrentDictionary<string, PathKind> kinds = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, LinkFolder> folders = new(StringComparer.Ordinal);

        /// <summary>The folder of the page at <paramref name="relative"/> (site-relative, '/'-separated).</summary>
        public LinkFolder Folder(string relative)
        {
            var dir = relative[..(relative.LastIndexOf('/') + 1)];
            return folders.GetOrAdd(dir, d => new LinkFolder(this, Path.GetDirectoryName(Path.Combine(root, relative))!));
        }

        /// <summary>A problem with the path, or the site-relative file it names.</summary>
        public (string? Problem, string? Target) Resolve(string pageDir, string pathPart)
        {
            var full = Path.GetFullPath(Path.Combine(pageDir, Uri.UnescapeDataString(pathPart)));
            if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)) return ("leaves the site folder", null);
            var kind = kinds.GetOrAdd(full, f => Directory.Exists(f) ? PathKind.Folder : File.Exists(f) ? PathKind.File : PathKind.Missing);
            if (kind == PathKind.Folder) return ("links to a folder (no index page from file://); link the .html file", null);
            if (kind == PathKind.Missing) return ("file missing", null);
            return (null, Path.GetRelativePath(root, full).Replace('\\', '/'));
        }
    }

    /// <summary>The paths resolved from one folder of the site.</summary>
    private sealed class LinkFolder(Targets targets, string dir)
    {
        private readonly Targets targets = targets;
        private readonly string dir = dir;
        private readonly ConcurrentDictionary<string, (string? Problem, string? Target)> paths = new(StringComparer.Ordinal);

        public (string? Problem, string? Target) Resolve(string pathPart) =>
            paths.GetOrAdd(pathPart, static (path, folder) => folder.targets.Resolve(folder.dir, path), this);
    }

    /// <summary>A problem with the link itself, or the page (site-relative) and fragment to look for once every page is read.</summary>
    private static (string? Problem, string? Target, string? Fragment) Resolve(LinkFolder folder, string relative, string url, StringPool strings)
    {
        if (url.Length == 0) return ("empty link", null, null);
        if (url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return (null, null, null);
        if (url.StartsWith("//", StringComparison.Ordinal) || Uri.TryCreate(url, UriKind.Absolute, out var abs) && abs.Scheme.Length > 1 && !url.StartsWith('/'))
            return ("absolute URL: the site must not depend on anything outside itself", null, null);
        if (url.StartsWith('/')) return ("root-relative link: breaks when the site is opened from disk or a sub-path", null, null);

        var hash = url.IndexOf('#');
        // Fragments repeat across pages (the same anchors of the same pages) and wait until every page is read: pooled.
        var fragment = hash < 0 ? null : url.AsSpan(hash + 1).Contains('%') ? Uri.UnescapeDataString(url[(hash + 1)..]) : strings.Of(url.AsSpan(hash + 1));
        var pathPart = hash >= 0 ? url[..hash] : url;
        var query = pathPart.IndexOf('?');
        if (query >= 0) pathPart = pathPart[..query];

        string targetRelative;
        if (pathPart.Length == 0) targetRelative = relative;
        else
        {
            var (problem, target) = folder.Resolve(pathPart);
            if (problem is not null) return (problem, null, null);
            targetRelative = target!;
        }
        return string.IsNullOrEmpty(fragment) ? (null, null, null) : (null, targetRelative, fragment);
    }
}
