using Atlas.Model;

namespace Atlas.Ingest;

/// <summary>Bytes → Programme: decode, normalise, clean, then read header, sections, passages and closing matter.</summary>
public sealed class ProgrammeIngester
{
    /// <param name="overridesYaml">Content of the sidecar <c>&lt;name&gt;.yml</c>, if any.</param>
    public IngestOutcome Ingest(SourceDocument source, string? overridesYaml = null)
    {
        // SCAFFOLD: replaced by the ingest implementation (issue 2).
        throw new NotImplementedException();
    }
}
