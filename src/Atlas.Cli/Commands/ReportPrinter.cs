using Atlas.Build;
using Atlas.Model;
using Spectre.Console;

namespace Atlas.Cli.Commands;

/// <summary>Prints the per-document ingest report and the stage timings.</summary>
public static class ReportPrinter
{
    /// <summary>
    /// Up to this many documents, every document's extraction is printed as a table. Above it the tables would bury
    /// what needs a human (and laying out a thousand tables takes seconds), so only the documents that failed or need a
    /// look are listed, one line each; the full report stays in content/ingest-report.json and on sources/index.html.
    /// </summary>
    public const int DetailLimit = 20;

    public static void Print(IngestReport report, bool details = false)
    {
        if (details || report.Documents.Count <= DetailLimit) PrintTables(report);
        else PrintAttention(report);
        var failed = report.Documents.Count(d => d.Status != "ok");
        var look = report.Documents.Count(NeedsALook);
        AnsiConsole.MarkupLine($"{report.Documents.Count - failed} ingested ({look} to check: missing or inferred fields, warnings), {failed} failed.");
    }

    private static void PrintTables(IngestReport report)
    {
        foreach (var doc in report.Documents)
        {
            if (doc.Status != "ok")
            {
                PrintFailed(doc);
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
    }

    /// <summary>One line per document that failed or needs a look: what is missing, what was inferred, its warnings.</summary>
    private static void PrintAttention(IngestReport report)
    {
        foreach (var doc in report.Documents)
        {
            if (doc.Status != "ok")
            {
                PrintFailed(doc);
                continue;
            }
            if (!NeedsALook(doc)) continue;
            var parts = new List<string>();
            foreach (var state in new[] { "missing", "inferred" })
            {
                var fields = doc.Fields.Where(f => f.State == state).Select(f => f.Field).ToList();
                if (fields.Count > 0) parts.Add($"{state} {string.Join(", ", fields)}");
            }
            parts.AddRange(doc.Warnings);
            AnsiConsole.MarkupLine($"[yellow]! {Markup.Escape(doc.Source)}[/] → {Markup.Escape(doc.Slug ?? "")}: {Markup.Escape(string.Join("; ", parts))}");
        }
        AnsiConsole.MarkupLine("[grey]Báo cáo đầy đủ (full report): content/ingest-report.json, site/sources/index.html; --details prints every table.[/]");
    }

    private static bool NeedsALook(DocumentReport doc) =>
        doc.Status == "ok" && (doc.Warnings.Count > 0 || doc.Fields.Any(f => f.State is "missing" or "inferred"));

    private static void PrintFailed(DocumentReport doc) =>
        AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(doc.Source)}[/]: {Markup.Escape(doc.Error ?? "failed")}");

    public static void Print(IReadOnlyList<StageTiming> timings)
    {
        foreach (var t in timings)
            AnsiConsole.MarkupLine($"[grey]stage {Markup.Escape(t.Stage)}: {t.Elapsed.TotalMilliseconds:F0} ms" +
                (t.Cpu is { } cpu ? $" (cpu {cpu.TotalMilliseconds:F0} ms)[/]" : "[/]"));
    }

    private static string Trim(string? s) => s is null ? "" : s.Length > 70 ? s[..70] + "…" : s;
}
