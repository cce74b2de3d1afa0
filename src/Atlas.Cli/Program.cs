using Atlas.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

// Exit codes: 0 every document built; 1 a document (or the site) failed; 2 usage error.
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("atlas");
    config.PropagateExceptions();
    config.AddCommand<IngestCommand>("ingest")
        .WithDescription("Đọc content/sources → content/programmes/*.md và báo cáo trích xuất (ingest sources into annotated Markdown).");
    config.AddCommand<BuildCommand>("build")
        .WithDescription("Xây dựng toàn bộ atlas vào site/ (ingest, analyse, render, index, export, verify, publish).");
    config.AddCommand<AddCommand>("add").WithDescription("Thêm văn bản mới vào content/sources/ với tên dễ đọc, đọc thử và in báo cáo (add a new programme).");
    config.AddCommand<ServeCommand>("serve").WithDescription("Xem trước site/ trên 127.0.0.1, tự xây dựng lại và tải lại trang khi nội dung thay đổi (preview with live rebuild).");
    config.AddCommand<CheckCommand>("check")
        .WithDescription("Kiểm tra site/ đã xây dựng: liên kết, neo, tiêu đề, lang, id trùng (check the built site).");
    BenchCommand.Register(config);
});

try
{
    return app.Run(args);
}
catch (CommandAppException ex)
{
    AnsiConsole.MarkupLine($"[red]Lỗi cú pháp lệnh (usage error):[/] {Markup.Escape(ex.Message)}");
    return ExitCodes.Usage;
}
catch (Atlas.Content.RegistryException ex)
{
    // A malformed content/*.yml stops the build before anything is written; the message names file:line:column.
    AnsiConsole.MarkupLine($"[red]Lỗi tệp đăng ký (registry file error):[/] {Markup.Escape(ex.Message)}");
    return ExitCodes.DocumentFailed;
}
