namespace Atlas.Build.Preview;

/// <summary>
/// Watches folders and runs a rebuild once changes stop arriving for a short while (editors save in bursts).
/// Rebuilds never overlap: a change during a rebuild schedules exactly one more.
/// </summary>
public sealed class RebuildWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly Func<string, bool> ignore;
    private readonly Action rebuild;
    private readonly TimeSpan debounce;
    private readonly Timer timer;
    private readonly object gate = new();
    private bool running, pending, disposed;

    /// <param name="ignore">Paths whose changes do not count (the build's own output, editor swap files).</param>
    public RebuildWatcher(IEnumerable<string> folders, Func<string, bool> ignore, Action rebuild, TimeSpan debounce)
    {
        this.ignore = ignore;
        this.rebuild = rebuild;
        this.debounce = debounce;
        timer = new Timer(_ => Run(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var w = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            w.Changed += (_, e) => Signal(e.FullPath);
            w.Created += (_, e) => Signal(e.FullPath);
            w.Deleted += (_, e) => Signal(e.FullPath);
            w.Renamed += (_, e) => { Signal(e.OldFullPath); Signal(e.FullPath); };
            // Too many changes at once overflow the watcher's buffer: rebuild rather than miss one.
            w.Error += (_, _) => Signal(null);
            w.EnableRaisingEvents = true;
            watchers.Add(w);
        }
    }

    /// <summary>Paths the atlas build writes itself under content/, and common editor temporary files.</summary>
    public static Func<string, bool> DefaultIgnore(BuildOptions options) => path =>
    {
        var name = Path.GetFileName(path);
        if (name.StartsWith(".#", StringComparison.Ordinal) || name.EndsWith('~') || name is "4913"
            || name.EndsWith(".swp", StringComparison.Ordinal) || name.EndsWith(".swx", StringComparison.Ordinal)
            || name.EndsWith(".tmp", StringComparison.Ordinal)) return true;
        var full = Path.GetFullPath(path);
        return IsUnder(full, options.ProgrammesDir) || full == Path.GetFullPath(options.ReportPath);
    };

    private static bool IsUnder(string path, string folder)
    {
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal) || path == root.TrimEnd(Path.DirectorySeparatorChar);
    }

    private void Signal(string? path)
    {
        if (path is not null && ignore(path)) return;
        lock (gate)
        {
            if (disposed) return;
            if (running) pending = true;
            else timer.Change(debounce, Timeout.InfiniteTimeSpan);
        }
    }

    private void Run()
    {
        lock (gate)
        {
            if (running || disposed) return;
            running = true;
        }
        while (true)
        {
            try
            {
                rebuild();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The rebuild reports its own failures; an escape here must not kill the watcher thread.
                Console.Error.WriteLine($"rebuild failed: {ex.Message}");
            }
            lock (gate)
            {
                if (!pending || disposed)
                {
                    running = false;
                    return;
                }
                pending = false;
            }
        }
    }

    public void Dispose()
    {
        lock (gate) disposed = true;
        foreach (var w in watchers) w.Dispose();
        timer.Dispose();
    }
}
