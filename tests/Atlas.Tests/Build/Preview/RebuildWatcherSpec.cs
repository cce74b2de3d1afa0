using Atlas.Build;
using Atlas.Build.Preview;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build.Preview;

public class RebuildWatcherSpec
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_burst_of_saves_triggers_one_rebuild()
    {
        using var t = new TempDir();
        var options = BuildOptions.ForRoot(t.Path);
        Directory.CreateDirectory(options.SourcesDir);
        Directory.CreateDirectory(options.TemplatesDir);
        int rebuilds = 0;
        var first = new TaskCompletionSource();
        using var watcher = new RebuildWatcher([options.ContentDir, options.TemplatesDir], RebuildWatcher.DefaultIgnore(options),
            () => { Interlocked.Increment(ref rebuilds); first.TrySetResult(); }, TimeSpan.FromMilliseconds(500));

        for (int i = 0; i < 5; i++) File.WriteAllText(Path.Combine(options.SourcesDir, "a.txt"), "version " + i);

        await first.Task.WaitAsync(Bound);
        await Task.Delay(1000);
        Assert.InRange(rebuilds, 1, 2);
    }

    [Fact]
    public async Task A_template_change_triggers_a_rebuild()
    {
        using var t = new TempDir();
        var options = BuildOptions.ForRoot(t.Path);
        Directory.CreateDirectory(options.ContentDir);
        Directory.CreateDirectory(options.TemplatesDir);
        var rebuilt = new TaskCompletionSource();
        using var watcher = new RebuildWatcher([options.ContentDir, options.TemplatesDir], RebuildWatcher.DefaultIgnore(options),
            () => rebuilt.TrySetResult(), TimeSpan.FromMilliseconds(100));

        File.WriteAllText(Path.Combine(options.TemplatesDir, "page.scriban-html"), "<p>{{ x }}</p>");

        await rebuilt.Task.WaitAsync(Bound);
    }

    [Fact]
    public void What_the_build_writes_itself_is_ignored_so_a_rebuild_does_not_trigger_another()
    {
        var options = BuildOptions.ForRoot("/atlas");
        var ignore = RebuildWatcher.DefaultIgnore(options);
        Assert.True(ignore("/atlas/content/programmes/a.md"));
        Assert.True(ignore("/atlas/content/ingest-report.json"));
        Assert.True(ignore("/atlas/content/sources/.a.txt.swp"));
        Assert.True(ignore("/atlas/content/sources/a.txt~"));
        Assert.False(ignore("/atlas/content/sources/a.txt"));
        Assert.False(ignore("/atlas/content/sources/a.yml"));
        Assert.False(ignore("/atlas/content/themes.yml"));
        Assert.False(ignore("/atlas/templates/layout.html"));
    }
}
