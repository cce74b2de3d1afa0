using System.ComponentModel;
using System.Net.Sockets;
using Atlas.Build;
using Atlas.Build.Preview;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Atlas.Cli.Commands;

[Description("Preview site/ on http://127.0.0.1 (this computer only), rebuilding and reloading the page when content/ or templates/ change.")]
public sealed class ServeCommand : Command<ServeCommand.Settings>
{
    public sealed class Settings : CommonSettings
    {
        [CommandOption("-p|--port <PORT>")]
        [Description("Cổng (port) on 127.0.0.1; 0 picks a free one. Default: 8000")]
        public int Port { get; init; } = 8000;

        [CommandOption("--no-build")]
        [Description("Không xây dựng lại khi khởi động (serve the existing site/ without building first).")]
        public bool NoBuild { get; init; }

        public override ValidationResult Validate() =>
            Port is < 0 or > 65535 ? ValidationResult.Error("--port must be between 0 and 65535") : ValidationResult.Success();
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
        Console.CancelKeyPress += onCancel;
        try
        {
            if (!settings.NoBuild || !Directory.Exists(options.SiteDir)) Rebuild(options);

            var server = new PreviewServer(options.SiteDir, settings.Port);
            try
            {
                server.Start();
            }
            catch (SocketException ex)
            {
                AnsiConsole.MarkupLine($"[red]Không mở được cổng {settings.Port} (cannot listen on port {settings.Port}):[/] {Markup.Escape(ex.Message)} — try --port 0");
                return ExitCodes.Usage;
            }
            using (new RebuildWatcher([options.ContentDir, options.TemplatesDir], RebuildWatcher.DefaultIgnore(options),
                       () => { if (Rebuild(options)) server.NotifyReload(); }, TimeSpan.FromMilliseconds(300)))
            {
                AnsiConsole.MarkupLine($"Đang phục vụ (serving) [link]{server.Url}[/] — theo dõi content/ và templates/; Ctrl-C để dừng (to stop).");
                try
                {
                    Task.Delay(Timeout.Infinite, stop.Token).GetAwaiter().GetResult();
                }
                catch (OperationCanceledException)
                {
                }
            }
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
            AnsiConsole.MarkupLine("Đã dừng (stopped).");
            return ExitCodes.Ok;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <returns>Whether a new site was published (the page should reload).</returns>
    private static bool Rebuild(BuildOptions options)
    {
        AnsiConsole.MarkupLine($"[grey]{DateTime.Now:HH:mm:ss} xây dựng (building)…[/]");
        var result = new AtlasBuilder(options).Build();
        foreach (var d in result.Report.Documents.Where(d => d.Status != "ok"))
            AnsiConsole.MarkupLine($"[red]✗ {Markup.Escape(d.Source)}[/]: {Markup.Escape(d.Error ?? "")}");
        foreach (var p in result.SiteProblems.Take(20))
            AnsiConsole.MarkupLine($"[red]{Markup.Escape(p.Page)}[/]: {Markup.Escape(p.Problem)}");
        if (result.FatalError is not null)
            AnsiConsole.MarkupLine($"[red]Build failed, site/ unchanged:[/] {Markup.Escape(result.FatalError)}");
        else
            AnsiConsole.MarkupLine($"[green]site/ updated[/]: {result.Report.Documents.Count(d => d.Status == "ok")} programme(s).");
        return result.Published;
    }
}
