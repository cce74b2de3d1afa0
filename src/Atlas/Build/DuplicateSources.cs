using Atlas.Ingest;
using Atlas.Model;

namespace Atlas.Build;

/// <summary>
/// Two sources can describe the same document (a re-typed copy, a corrected version saved under a new name) or
/// simply collide. Both are kept as distinct programmes (their slugs come from their file names; a slug clash is
/// rejected earlier by <see cref="Atlas.Ingest.SlugConflicts"/>); each report says which other source it collides with.
/// </summary>
public static class DuplicateSources
{
    /// <param name="outcomes">In source file order (the order decides which source keeps the plain slug).</param>
    public static IReadOnlyList<IngestOutcome> Mark(IReadOnlyList<IngestOutcome> outcomes)
    {
        var result = outcomes.ToArray();
        var ingested = Enumerable.Range(0, result.Length).Where(i => result[i] is Ingested).ToList();

        foreach (var group in ingested
                     .Select(i => (Index: i, Key: NumberAndProvince(((Ingested)result[i]).Programme.Metadata)))
                     .Where(x => x.Key is not null)
                     .GroupBy(x => x.Key!, StringComparer.Ordinal)
                     .Where(g => g.Count() > 1))
        {
            var members = group.Select(x => x.Index).ToList();
            foreach (var i in members)
            {
                var others = string.Join(", ", members.Where(j => j != i).Select(j => result[j].Report.Source));
                var meta = ((Ingested)result[i]).Programme.Metadata;
                result[i] = WithWarning((Ingested)result[i],
                    $"Trùng số văn bản và tỉnh với {others} (same number {meta.Number} and province {meta.Province} as {others}): cả hai đều được giữ (both kept as separate programmes); kiểm tra xem có phải cùng một văn bản không (check whether they are the same document).");
            }
        }

        return result;
    }

    /// <summary>"38-ctr-tu|tien-giang": the number and province folded, so spacing, case and marks do not matter.</summary>
    private static string? NumberAndProvince(ProgrammeMetadata m) =>
        m.Number is null || m.Province is null ? null : Slugs.From(m.Number) + "|" + Slugs.From(m.Province);

    private static Ingested WithWarning(Ingested ok, string warning) =>
        ok with { Report = ok.Report with { Warnings = [.. ok.Report.Warnings, warning] } };
}
