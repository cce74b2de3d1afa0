using Atlas.Model;

namespace Atlas.Content;

/// <summary>Writes the reviewable record of ingest: content/programmes/&lt;slug&gt;.md and content/ingest-report.json.</summary>
public static class ContentFolder
{
    public static void Write(string contentDir, IReadOnlyList<AnalysedProgramme> programmes, IngestReport report)
    {
        // SCAFFOLD: replaced by the content writer (issue 2).
        _ = contentDir; _ = programmes; _ = report;
    }
}
