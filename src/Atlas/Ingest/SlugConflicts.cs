using Atlas.Model;

namespace Atlas.Ingest;

/// <summary>
/// Two sources must not claim the same slug (hence the same content/programmes/&lt;slug&gt;.md and page): the first in
/// file-name order keeps it, every later one is rejected with a message saying how to fix it.
/// </summary>
public static class SlugConflicts
{
    public static IReadOnlyList<IngestOutcome> Resolve(IReadOnlyList<IngestOutcome> outcomes)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = new List<IngestOutcome>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            if (outcome is Ingested ingested)
            {
                var slug = ingested.Programme.Slug;
                if (owners.TryGetValue(slug, out var owner))
                {
                    var file = ingested.Report.Source;
                    var error = $"{file}: slug \"{slug}\" đã được dùng cho {owner} (slug already used by {owner}); " +
                                $"đổi tên tệp hoặc ghi slug khác trong {Path.GetFileNameWithoutExtension(file)}.yml (rename the file or set another slug in its .yml)";
                    result.Add(new Rejected(new DocumentReport(file, null, "failed", error, [], [])));
                    continue;
                }
                owners[slug] = ingested.Report.Source;
            }
            result.Add(outcome);
        }
        return result;
    }
}
