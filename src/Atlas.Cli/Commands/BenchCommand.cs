using System.ComponentModel;
using Atlas.Bench;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Atlas.Cli.Commands;

/// <summary>The <c>atlas bench …</c> branch: tools for bench/run.sh (not part of a normal build).</summary>
public static class BenchCommand
{
    public static void Register(IConfigurator config) =>
        config.AddBranch("bench", bench =>
        {
            bench.SetDescription("Công cụ đo hiệu năng (benchmark tools, used by bench/run.sh).");
            bench.AddCommand<CorpusCommand>("corpus")
                .WithDescription("Sinh kho văn bản tổng hợp N chương trình từ các văn bản mẫu (deterministic scale corpus).");
        });

    [Description("Write N synthetic programmes made from content/sources into OUT/content (same N → same bytes).")]
    public sealed class CorpusCommand : Command<CorpusCommand.Settings>
    {
        public sealed class Settings : CommandSettings
        {
            [CommandOption("-n|--count <N>")]
            [Description("Số chương trình (number of programmes).")]
            public int Count { get; init; } = 100;

            [CommandOption("-o|--out <DIR>")]
            [Description("Thư mục đích; ghi vào DIR/content (output folder).")]
            public string Out { get; init; } = "";

            [CommandOption("--from <DIR>")]
            [Description("Thư mục nội dung nguồn: văn bản mẫu và danh mục (seed content folder). Default: ./content")]
            public string From { get; init; } = "content";

            [CommandOption("--seed <SEED>")]
            [Description("Hạt giống ngẫu nhiên (random seed).")]
            public ulong Seed { get; init; } = CorpusGenerator.DefaultSeed;

            [CommandOption("--reword")]
            [Description("Mỗi đoạn dài đổi hai từ: không đoạn nào trùng nguyên văn (no passage copied word for word: the general case).")]
            public bool Reword { get; init; }

            public override ValidationResult Validate() =>
                Count < 1 ? ValidationResult.Error("--count must be at least 1")
                : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out DIR is required")
                : ValidationResult.Success();
        }

        public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
        {
            var summary = ScaleCorpus.Write(Path.GetFullPath(settings.From), Path.GetFullPath(settings.Out), settings.Count, settings.Seed, settings.Reword);
            foreach (var s in summary.SkippedSeeds) AnsiConsole.MarkupLine($"[yellow]! seed skipped: {Markup.Escape(s)}[/]");
            AnsiConsole.MarkupLine($"{summary.Documents} programme(s), {summary.Bytes:N0} bytes → {Markup.Escape(summary.ContentDir)}");
            return ExitCodes.Ok;
        }
    }
}
