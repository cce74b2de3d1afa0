using Atlas.Ingest;
using Atlas.Model;

namespace Atlas.Build;

/// <summary>
/// Two sources can describe the same document (a re-typed copy, a corrected version saved under a new name) or
/// simply collide. Both are kept as distinct programmes; each report says which other source it collides with,
/// and a programme whose slug is already taken gets a numbered slug so that no page overwrites another.
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

        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var i in ingested)
        {
            var ok = (Ingested)result[i];
            var slug = ok.Programme.Slug;
            if (taken.Add(slug)) continue;
            int n = 2;
            while (!taken.Add($"{slug}-{n}")) n++;
            var renamed = $"{slug}-{n}";
            result[i] = WithWarning(ok with
            {
                Programme = ok.Programme with { Slug = renamed },
                Report = ok.Report with { Slug = renamed },
            }, $"Slug \"{slug}\" đã được dùng cho văn bản khác; dùng \"{renamed}\" (slug already used by another source; this one is published as {renamed}).");
        }
        return result;
    }

    /// <summary>"38-ctr-tu|tien-giang": the number and province folded, so spacing, case and marks do not matter.</summary>
    private static string? NumberAndProvince(ProgrammeMetadata m) =>
        m.Number is null || m.Province is null ? null : Slugs.From(m.Number) + "|" + Slugs.From(m.Province);

    private static Ingested WithWarning(Ingested ok, string warning) =>
        ok with { Report = ok.Report with { Warnings = [.. ok.Report.Warnings, warning] } };
}
