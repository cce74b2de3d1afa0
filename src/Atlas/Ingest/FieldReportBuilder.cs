using Atlas.Ingest.Header;
using Atlas.Model;

namespace Atlas.Ingest;

/// <summary>Collects the per-field report: found, missing, inferred (with evidence) or overridden (with the file).</summary>
public sealed class FieldReportBuilder
{
    private readonly List<FieldReport> fields = [];

    public string? Text(string field, Evidenced? value)
    {
        Add(field, value is null ? "missing" : "found", value?.Value, value?.Evidence);
        return value?.Value;
    }

    public string Inferred(string field, string value, string evidence)
    {
        Add(field, "inferred", value, evidence);
        return value;
    }

    public void Add(string field, string state, string? value, string? evidence)
    {
        fields.RemoveAll(f => f.Field == field);
        fields.Add(new FieldReport(field, state, value, evidence));
    }

    public IReadOnlyList<FieldReport> Build() => fields.ToList();
}
