using Atlas.Build;
using Atlas.Ingest;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build;

public class SourceGateSpec
{
    [Fact]
    public void A_file_above_the_size_limit_is_refused_without_being_read()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t["sources"]);
        using (var f = File.Create(t["sources/huge.txt"])) f.SetLength(50L * 1024 * 1024);
        var source = SourceFolder.Read(t["sources"]).Single();

        var before = GC.GetAllocatedBytesForCurrentThread();
        var outcome = SourceGate.Ingest(new ProgrammeIngester(), source);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        var rejected = Assert.IsType<Rejected>(outcome);
        Assert.Equal("huge.txt", rejected.Report.Source);
        Assert.Equal("failed", rejected.Report.Status);
        Assert.Contains("file too large", rejected.Report.Error);
        Assert.Contains("50.0 MB", rejected.Report.Error);
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes for a refused 50 MB file");
    }

    [Fact]
    public void An_oversized_override_file_fails_its_document_with_a_message_naming_it()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t["sources"]);
        File.WriteAllText(t["sources/a.txt"], "CHƯƠNG TRÌNH HÀNH ĐỘNG");
        File.WriteAllText(t["sources/a.yml"], "title: " + new string('x', 300 * 1024));
        var source = SourceFolder.Read(t["sources"]).Single();

        var rejected = Assert.IsType<Rejected>(SourceGate.Ingest(new ProgrammeIngester(), source));
        Assert.Contains("a.yml", rejected.Report.Error);
        Assert.Contains("override file larger than", rejected.Report.Error);
    }

    [Fact]
    public void Sidecar_overrides_are_not_listed_as_sources()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t["sources"]);
        File.WriteAllText(t["sources/b.txt"], "x");
        File.WriteAllText(t["sources/b.yml"], "title: X");
        File.WriteAllText(t["sources/.hidden.txt"], "x");
        var sources = SourceFolder.Read(t["sources"]);
        var only = Assert.Single(sources);
        Assert.Equal("b.txt", only.FileName);
        Assert.Equal("title: X", only.OverridesYaml);
    }

    [Fact]
    public void A_symbolic_link_is_refused_without_following_it()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t["sources"]);
        File.WriteAllText(t["secret"], "CHƯƠNG TRÌNH HÀNH ĐỘNG\n\nMột đoạn văn không được công bố.");
        File.CreateSymbolicLink(t["sources/link.txt"], t["secret"]);
        var source = SourceFolder.Read(t["sources"]).Single();

        var rejected = Assert.IsType<Rejected>(SourceGate.Ingest(new ProgrammeIngester(), source));
        Assert.Equal("link.txt", rejected.Report.Source);
        Assert.Contains("symbolic link", rejected.Report.Error);
        Assert.DoesNotContain(t["secret"], rejected.Report.Error);
    }
}
