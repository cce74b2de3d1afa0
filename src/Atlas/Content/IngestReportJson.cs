using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Model;

namespace Atlas.Content;

/// <summary>content/ingest-report.json: indented, camelCase, Vietnamese written as is, LF line ends, same bytes for the same report.</summary>
public static class IngestReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NewLine = "\n",
    };

    public static string Write(IngestReport report) => JsonSerializer.Serialize(report, Options) + "\n";

    public static IngestReport? Read(string json) => JsonSerializer.Deserialize<IngestReport>(json, Options);
}
