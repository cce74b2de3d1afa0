using System.ComponentModel;
using Atlas.Build;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Atlas.Cli.Commands;

[Description("Build the whole atlas from content/ into site/; site/ is replaced only when everything succeeded.")]
public sealed class BuildCommand : Command<BuildCommand.Settings>
{
    public sealed class Settings : ReportSettings
    {
        [CommandOption("-q|--quiet")]
        [Description("Chỉ in lỗi và tóm tắt (errors and summary only).")]
        public bool Quiet { get; init; }

        [CommandOption("--no-cache")]
        [Description("Không dùng bộ nhớ đệm (ignore and do not write the build cache, .cache/ next to content/).")]
        public bool NoCache { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var progress = new Progress<string>(s => { if (!settings.Quiet) AnsiConsole.MarkupLine($"[grey]{Markup.Escape(s)}[/]"); });
        var result = new AtlasBuilder(settings.ToOptions() with { UseCache = !settings.NoCache }, progress).Build();
        if (!settings.Quiet) ReportPrinter.Print(result.Report, settings.Details);
        ReportPrinter.Print(result.Timings);
        foreach (var p in result.SiteProblems.Take(50))
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(p.Page)}[/]: {Markup.Escape(p.Problem)}");
        if (result.FatalError is not null)
        {
            AnsiConsole.MarkupLine($"[red]Build failed:[/] {Markup.Escape(result.FatalError)}");
            return ExitCodes.DocumentFailed;
        }
        var failed = result.Report.Documents.Where(d => d.Status != "ok").ToList();
        foreach (var d in failed) AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(d.Source)}[/]: {Markup.Escape(d.Error ?? "")}");
        AnsiConsole.MarkupLine($"site/ published: {result.Report.Documents.Count - failed.Count} programme(s), {failed.Count} failed.");
        return failed.Count > 0 ? ExitCodes.DocumentFailed : ExitCodes.Ok;
    }
}
