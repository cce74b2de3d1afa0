using System.Diagnostics;
using Atlas.Bench;
using Atlas.Cli.Commands;
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
        start.Environment["COLUMNS"] = "400"; // one report line per document, unwrapped
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

    [Fact]
    public void Prints_every_extraction_table_for_a_few_documents()
    {
        using var temp = new TempDir();
        Directory.CreateDirectory(temp["content/sources"]);
        File.Copy(Repo.Source(Seeds.KienGiang), temp["content/sources/" + Seeds.KienGiang]);
        var (_, output) = RunAtlas(temp.Path, "ingest", "--content", temp["content"]);
        Assert.Contains("evidence", output); // the table's header
        Assert.Contains("inferred", output); // Kiên Giang's province is inferred from the body
        Assert.Contains("1 ingested (1 to check", output);
    }

    [Fact]
    public void With_many_documents_lists_only_those_to_check_one_line_each_unless_details_are_asked_for()
    {
        using var temp = new TempDir();
        ScaleCorpus.Write(Repo.Content, temp.Path, ReportPrinter.DetailLimit + 1);
        File.WriteAllBytes(temp["content/sources/zz-empty.txt"], []);
        var (exit, output) = RunAtlas(temp.Path, "ingest", "--content", temp["content"]);
        Assert.Equal(1, exit);
        Assert.DoesNotContain("evidence", output);
        Assert.Contains("✗ zz-empty.txt", output);
        var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(temp["content/ingest-report.json"])).RootElement;
        // Every document with a missing or inferred field or a warning has its line, naming what to check; no other does.
        var toCheck = report.GetProperty("documents").EnumerateArray()
            .Where(d => d.GetProperty("status").GetString() == "ok")
            .Where(d => d.GetProperty("warnings").GetArrayLength() > 0
                || d.GetProperty("fields").EnumerateArray().Any(f => f.GetProperty("state").GetString() is "missing" or "inferred"))
            .Select(d => d.GetProperty("source").GetString()!).ToList();
        Assert.NotEmpty(toCheck);
        var lines = output.Split('\n').Where(l => l.StartsWith("! ", StringComparison.Ordinal)).ToList();
        Assert.Equal(toCheck.Order(StringComparer.Ordinal), lines.Select(l => l[2..l.IndexOf(' ', 2)]).Order(StringComparer.Ordinal));
        Assert.Contains("missing", output);
        Assert.Contains($"{ReportPrinter.DetailLimit + 1} ingested ({toCheck.Count} to check", output);

        var (_, detailed) = RunAtlas(temp.Path, "ingest", "--content", temp["content"], "--details");
        Assert.Contains("evidence", detailed);
    }
}
