using System.ComponentModel;
using Atlas.Verify;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Atlas.Cli.Commands;

[Description("Check the built site: broken links or anchors, missing title/h1/lang, duplicate ids.")]
public sealed class CheckCommand : Command<CommonSettings>
{
    public override int Execute(CommandContext context, CommonSettings settings, CancellationToken cancellationToken)
    {
        var site = settings.ToOptions().SiteDir;
        if (!Directory.Exists(site))
        {
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(site)}[/]: không tồn tại (no such folder); run ./build.sh first.");
            return ExitCodes.DocumentFailed;
        }
        var problems = new SiteChecker(thorough: true).Check(site);
        foreach (var p in problems) AnsiConsole.MarkupLine($"[red]{Markup.Escape(p.Page)}[/]: {Markup.Escape(p.Problem)}");
        AnsiConsole.MarkupLine($"{problems.Count} problem(s).");
        return problems.Count == 0 ? ExitCodes.Ok : ExitCodes.DocumentFailed;
    }
}
