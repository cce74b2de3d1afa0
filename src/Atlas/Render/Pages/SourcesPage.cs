using Atlas.Model;

namespace Atlas.Render.Pages;

public sealed record FieldRow(string Field, string State, string? Value, string? Evidence);

public sealed record SourceEntry(
    string Source,
    string? SourceHref,
    string Status,
    bool Failed,
    string? Error,
    string? ProgrammeHref,
    IReadOnlyList<FieldRow> Fields,
    IReadOnlyList<string> Warnings,
    int Found,
    int Missing,
    int Inferred,
    int Overridden);

public sealed record SourcesView(IReadOnlyList<SourceEntry> Documents, int Ok, int Failed);

/// <summary>sources/index.html: the ingest report — what was found, missing, inferred or corrected by hand, per document.</summary>
public sealed class SourcesPage : ISitePage
{
    public void Write(SiteWriter site)
    {
        var built = site.Model.Programmes.Select(p => p.Programme.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var lang in site.Languages)
        {
            var at = site.Links(lang, "sources/index.html");
            var docs = site.Model.Report.Documents
                .OrderBy(d => d.Source, StringComparer.Ordinal)
                .Select(d => Entry(d, site, at, built)).ToList();
            site.WritePage(at, "sources", new SourcesView(docs, docs.Count(d => !d.Failed), docs.Count(d => d.Failed)),
                new PageMeta(lang["sources_title"], lang["sources_description"], [new Crumb(lang["nav_sources"], null)]));
        }
    }

    private static SourceEntry Entry(DocumentReport d, SiteWriter site, PageLinks at, HashSet<string> built)
    {
        var lang = at.Language;
        int Count(string state) => d.Fields.Count(f => f.State == state);
        return new SourceEntry(
            d.Source,
            SiteRenderer.IsCopiedSource(site, d.Source) ? at.SourceFile(d.Source) : null,
            d.Status,
            d.Status != "ok",
            d.Error,
            d.Slug is { } slug && built.Contains(slug) ? at.Programme(slug) : null,
            d.Fields.Select(f => new FieldRow(f.Field, lang["state_" + f.State], f.Value, f.Evidence)).ToList(),
            d.Warnings,
            Count("found"), Count("missing"), Count("inferred"), Count("overridden"));
    }
}
