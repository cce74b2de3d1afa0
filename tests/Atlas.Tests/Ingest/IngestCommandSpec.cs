using System.Diagnostics;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Ingest;

/// <summary>`atlas ingest` writes the content folder and exits 0 when every document ingested, 1 when one failed.</summary>
public class IngestCommandSpec
{
    private static (int Exit, string Output) RunAtlas(string workingDir, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "atlas.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    [Fact]
    public void Exits_0_when_every_document_ingested()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp["content/sources"]);
        File.Copy(Repo.Source(Seeds.ThaiBinh), temp["content/sources/" + Seeds.ThaiBinh]);
        var (exit, output) = RunAtlas(temp.Path, "ingest", "--content", temp["content"]);
        Assert.Equal(0, exit);
        Assert.Contains("thai-binh-nq29-2023", output);
        Assert.True(File.Exists(temp["content/programmes/thai-binh-nq29-2023.md"]));
        Assert.True(File.Exists(temp["content/ingest-report.json"]));
    }

    [Fact]
    public void Exits_1_when_a_document_failed_and_still_ingests_the_others()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp["content/sources"]);
        File.Copy(Repo.Source(Seeds.TienGiang), temp["content/sources/" + Seeds.TienGiang]);
        File.WriteAllBytes(temp["content/sources/empty.txt"], []);
        var (exit, output) = RunAtlas(temp.Path, "ingest", "--content", temp["content"]);
        Assert.Equal(1, exit);
        Assert.Contains("empty.txt", output);
        Assert.True(File.Exists(temp["content/programmes/tien-giang-38-ctr-tu-2023.md"]));
        Assert.False(File.Exists(temp["content/programmes/empty.md"]));
        Assert.Contains("\"status\": \"failed\"", File.ReadAllText(temp["content/ingest-report.json"]));
    }
}
