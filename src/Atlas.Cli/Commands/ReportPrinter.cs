using Atlas.Build;
using Atlas.Model;
using Spectre.Console;

namespace Atlas.Cli.Commands;

/// <summary>Prints the per-document ingest report and the stage timings.</summary>
public static class ReportPrinter
{
    public static void Print(IngestReport report)
    {
        foreach (var doc in report.Documents)
        {
            if (doc.Status != "ok")
            {
                AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(doc.Source)}[/]: {Markup.Escape(doc.Error ?? "failed")}");
                continue;
            }
            AnsiConsole.MarkupLine($"[green]✓ {Markup.Escape(doc.Source)}[/] → {Markup.Escape(doc.Slug ?? "")}");
            var table = new Table().Border(TableBorder.Minimal).AddColumns("field", "state", "value", "evidence");
            foreach (var f in doc.Fields)
            {
                var colour = f.State switch { "found" => "green", "missing" => "yellow", "inferred" => "blue", _ => "magenta" };
                table.AddRow(Markup.Escape(f.Field), $"[{colour}]{f.State}[/]", Markup.Escape(Trim(f.Value)), Markup.Escape(Trim(f.Evidence)));
            }
            AnsiConsole.Write(table);
            foreach (var w in doc.Warnings) AnsiConsole.MarkupLine($"  [yellow]! {Markup.Escape(w)}[/]");
        }
        var failed = report.Documents.Count(d => d.Status != "ok");
        AnsiConsole.MarkupLine($"{report.Documents.Count - failed} ingested, {failed} failed.");
    }

    public static void Print(IReadOnlyList<StageTiming> timings)
    {
        foreach (var t in timings)
            AnsiConsole.MarkupLine($"[grey]stage {Markup.Escape(t.Stage)}: {t.Elapsed.TotalMilliseconds:F0} ms (cpu {t.Cpu.TotalMilliseconds:F0} ms)[/]");
    }

    private static string Trim(string? s) => s is null ? "" : s.Length > 70 ? s[..70] + "…" : s;
}
