using System.ComponentModel;
using Spectre.Console.Cli;

namespace Atlas.Cli.Commands;

/// <summary>Options of the commands that print the ingest report (ingest, build).</summary>
public class ReportSettings : CommonSettings
{
    [CommandOption("--details")]
    [Description("In bảng trích xuất của mọi văn bản (print every document's extraction table; by default only up to 20 documents).")]
    public bool Details { get; init; }
}
