using System.ComponentModel;
using Atlas.Build;
using Spectre.Console.Cli;

namespace Atlas.Cli.Commands;

/// <summary>Folder options shared by every command; each defaults to the standard folder under the current directory.</summary>
public class CommonSettings : CommandSettings
{
    [CommandOption("--content <DIR>")]
    [Description("Thư mục nội dung (content folder). Default: ./content")]
    public string Content { get; init; } = "content";

    [CommandOption("--templates <DIR>")]
    [Description("Thư mục mẫu (templates folder). Default: ./templates")]
    public string Templates { get; init; } = "templates";

    [CommandOption("--site <DIR>")]
    [Description("Thư mục xuất bản (output site folder). Default: ./site")]
    public string Site { get; init; } = "site";

    public BuildOptions ToOptions() =>
        new(Path.GetFullPath(Content), Path.GetFullPath(Templates), Path.GetFullPath(Site));
}
