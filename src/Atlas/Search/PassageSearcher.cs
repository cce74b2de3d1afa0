using Atlas.Model;

namespace Atlas.Search;

public sealed record SearchOptions(string? Province = null, string? Theme = null, int Limit = 10);

/// <summary>How a passage matched one clause: <c>exact</c> (the typed diacritics), <c>folded</c> (without marks) or <c>prefix</c> (a longer word).</summary>
public sealed record TermMatch(string Clause, string Term, string How);

public sealed record SearchHit(PassageRecord Passage, float Score, IReadOnlyList<TermMatch> Matches);

/// <param name="Total">Matching passages after the province and theme filters.</param>
/// <param name="Provinces">Province slug → matching passages (theme filter applied, province filter not), ordinal order.</param>
/// <param name="Themes">Theme id → matching passages (province filter applied, theme filter not), ordinal order.</param>
public sealed record SearchResults(
    SearchQuery Query,
    IReadOnlyList<SearchHit> Hits,
    int Total,
    IReadOnlyList<KeyValuePair<string, int>> Provinces,
    IReadOnlyList<KeyValuePair<string, int>> Themes)
{
    public static SearchResults Empty(SearchQuery q) => new(q, [], 0, [], []);

    /// <summary>The province the query named and the results were filtered to (<see cref="SearchQuery.WithoutProvince"/>), or null.</summary>
    public string? ImpliedProvince { get; init; }
}

/// <summary>
/// Searches the passage index from C# exactly as the browser client does: same query structure
/// (<see cref="SearchQuery"/>), Lucene's BM25 scores, ties broken by document order, filters and facets over every match.
/// </summary>
public sealed class PassageSearcher(PassageIndex index)
{
    public static PassageSearcher Over(AtlasModel model) => new(PassageIndex.Build(model));

    public PassageIndex Index => index;

    public SearchResults Search(string? text, SearchOptions? options = null)
    {
        options ??= new SearchOptions();
        var query = SearchQuery.Parse(text);
        if (options.Province is null or "" && query.WithoutProvince(ProvincesWithPassages()) is { } named)
        {
            var within = Search(named.Remaining, options with { Province = named.Slug });
            if (within.Total > 0) return within with { ImpliedProvince = named.Slug };
        }
        return Search(query, options);
    }

    // The provinces a query can name: those with passages, in the order of the exported province table.
    private readonly (string Slug, string Name)[] provinces = index.Passages.Select(p => (p.ProvinceSlug, p.ProvinceName))
        .DistinctBy(p => p.ProvinceSlug).OrderBy(p => p.ProvinceSlug, StringComparer.Ordinal).ToArray();

    private IEnumerable<(string Slug, string Name)> ProvincesWithPassages() => provinces;

    private SearchResults Search(SearchQuery query, SearchOptions options)
    {
        if (query.IsEmpty || index.Passages.Count == 0) return SearchResults.Empty(query);

        var lucene = query.ToLucene(index.Reader);
        var top = index.Searcher.Search(lucene, index.Passages.Count);
        // TopDocs is ordered by score, then by document number: the order the client reproduces.
        var matches = top.ScoreDocs.Select(sd => (Record: index.Passages[sd.Doc], sd.Score)).ToList();

        bool InProvince(PassageRecord p) => options.Province is null or "" || p.ProvinceSlug == options.Province;
        bool InTheme(PassageRecord p) => options.Theme is null or "" || p.Themes.Contains(options.Theme);

        var provinces = matches.Where(m => InTheme(m.Record)).GroupBy(m => m.Record.ProvinceSlug)
            .Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var themes = matches.Where(m => InProvince(m.Record)).SelectMany(m => m.Record.Themes).GroupBy(t => t)
            .Select(g => KeyValuePair.Create(g.Key, g.Count())).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var filtered = matches.Where(m => InProvince(m.Record) && InTheme(m.Record)).ToList();

        var prefixTerms = query.Clauses.ToDictionary(c => c, c => SearchQuery.PrefixTerms(index.Reader, c));
        var hits = filtered.Take(Math.Max(0, options.Limit))
            .Select(m => new SearchHit(m.Record, m.Score, Explain(query, prefixTerms, m.Record.Text))).ToList();
        return new SearchResults(query, hits, filtered.Count, provinces, themes);
    }

    /// <summary>Which words of the passage satisfied each clause, in the clause's forms.</summary>
    public static IReadOnlyList<TermMatch> Explain(SearchQuery query, IReadOnlyDictionary<QueryClause, IReadOnlyList<string>> prefixTerms, string text)
    {
        var words = VietnameseText.Words(text).Select(w => w.Term).ToList();
        var exact = words.ToHashSet(StringComparer.Ordinal);
        var folded = words.Select(VietnameseText.Fold).ToHashSet(StringComparer.Ordinal);
        var result = new List<TermMatch>();
        foreach (var c in query.Clauses)
        {
            var input = c.Input;
            if (c.Exact.All(exact.Contains)) result.Add(new TermMatch(input, string.Join(' ', c.Exact), "exact"));
            else if (c.Folded.All(folded.Contains)) result.Add(new TermMatch(input, string.Join(' ', c.Folded), "folded"));
            else
            {
                var p = prefixTerms.GetValueOrDefault(c)?.FirstOrDefault(folded.Contains);
                if (p is not null) result.Add(new TermMatch(input, p, "prefix"));
            }
        }
        return result;
    }
}
