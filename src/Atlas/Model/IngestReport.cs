namespace Atlas.Model;

/// <summary>What ingest understood of each source: shown by the CLI, written to content/ingest-report.json, shown on the sources page.</summary>
public sealed record IngestReport(IReadOnlyList<DocumentReport> Documents);

/// <param name="Status">"ok" or "failed".</param>
/// <param name="Error">Why the document could not be ingested (failed only).</param>
public sealed record DocumentReport(
    string Source,
    string? Slug,
    string Status,
    string? Error,
    IReadOnlyList<FieldReport> Fields,
    IReadOnlyList<string> Warnings);

/// <param name="State">"found", "missing", "inferred" or "overridden".</param>
/// <param name="Evidence">For inferred values: the text that supports the inference; for overridden: the override file.</param>
public sealed record FieldReport(string Field, string State, string? Value, string? Evidence);
