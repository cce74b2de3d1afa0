using System.ComponentModel;
using Atlas.Build;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Atlas.Cli.Commands;

[Description("Ingest content/sources into content/programmes/*.md and content/ingest-report.json.")]
public sealed class IngestCommand : Command<ReportSettings>
{
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var builder = new AtlasBuilder(settings.ToOptions(), new Progress<string>(s => AnsiConsole.MarkupLine($"[grey]{Markup.Escape(s)}[/]")));
        var (_, report) = builder.IngestAll();
        ReportPrinter.Print(report, settings.Details);
        return report.Documents.Any(d => d.Status != "ok") ? ExitCodes.DocumentFailed : ExitCodes.Ok;
    }
}
