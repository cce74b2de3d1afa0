using System.ComponentModel;
using Atlas.Build;
using Atlas.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Atlas.Cli.Commands;

[Description("Add a newly received programme: copy it into content/sources/ under a readable name, ingest it, print what was understood and the override file to write for missing fields.")]
public sealed class AddCommand : Command<AddCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("Tệp văn bản nhận được (the received text file).")]
        public string File { get; init; } = "";
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var result = SourceAdder.Add(settings.ToOptions(), settings.File);
        if (result.Outcome is not null) ReportPrinter.Print(new IngestReport([result.Outcome.Report]));
        if (result.AddedPath is null)
        {
            AnsiConsole.MarkupLine($"[red]Không thêm (not added):[/] {Markup.Escape(result.Error ?? "")}");
            return ExitCodes.DocumentFailed;
        }
        AnsiConsole.MarkupLine($"[green]Đã thêm (added):[/] {Markup.Escape(Path.GetRelativePath(Directory.GetCurrentDirectory(), result.AddedPath))}");
        if (result.OverrideTemplate is not null)
        {
            AnsiConsole.MarkupLine("[yellow]Một số trường còn thiếu (some fields are missing).[/] Ghi tệp sau (write this file):");
            Console.Write(result.OverrideTemplate);
        }
        AnsiConsole.MarkupLine("Tiếp theo (next): [bold]./build.sh serve[/] để xem trước (to preview), rồi [bold]./build.sh[/] để xuất bản (then publish).");
        return result.Outcome is { Report.Status: "ok" } ? ExitCodes.Ok : ExitCodes.DocumentFailed;
    }
}
