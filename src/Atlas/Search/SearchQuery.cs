using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Atlas.Search;

/// <summary>
/// One required part of a query: a word or a quoted phrase, in both forms.
/// A passage must match every clause; within a clause it may match the exact form (boosted), the folded form,
/// or — for the last unquoted word — a longer folded word starting with it.
/// </summary>
/// <param name="Input">What the user typed for this clause (normalised), shown in "why this matched".</param>
/// <param name="Exact">Terms with diacritics (one for a word, several for a phrase).</param>
/// <param name="Folded">The same terms folded.</param>
/// <param name="Prefix">True for the type-ahead word: folded terms starting with <c>Folded[0]</c> also match.</param>
public sealed record QueryClause(string Input, IReadOnlyList<string> Exact, IReadOnlyList<string> Folded, bool IsPhrase, bool Prefix);

/// <summary>
/// The query structure shared with the browser client, which rebuilds it the same way from the same text
/// (templates/assets/search/atlas-search.js, <c>parse</c>):
/// <list type="bullet">
/// <item>text between double quotes (" or “ ”) is a phrase; an unmatched quote is ignored;</item>
/// <item>every other word is its own clause; a one-word phrase is a word;</item>
/// <item>the last clause, if it is an unquoted word whose folded form has at least <see cref="MinPrefixLength"/>
/// code points, is also a prefix.</item>
/// </list>
/// The Lucene query: BooleanQuery of MUST clauses; each clause a BooleanQuery of SHOULD:
/// exact-field term or phrase (boost <see cref="ExactBoost"/>), folded-field term or phrase (boost 1) and, for the prefix
/// word, up to <see cref="MaxPrefixTerms"/> longer folded terms (highest document frequency first, then ordinal order),
/// each boost <see cref="PrefixBoost"/>. No coord, no query norm (BM25).
/// Adjacency: a query of two or more words and no quotes also gets one optional SHOULD clause — the words as a phrase on
/// the exact field (boost <see cref="ExactBoost"/> × <see cref="AdjacencyBoost"/>) and on the folded field (boost <see cref="AdjacencyBoost"/>). Vietnamese words are written as
/// separate syllables, so "dien gio" means the word "điện gió": a passage with the syllables side by side must rank above
/// one that only has "toàn diện" somewhere and "gió" somewhere else. The clause never filters; it only adds score.
/// </summary>
public sealed record SearchQuery(IReadOnlyList<QueryClause> Clauses)
{
    public const float ExactBoost = 2f;
    public const float PrefixBoost = 0.5f;
    /// <summary>Weight of the adjacency phrase: side-by-side syllables are what makes a Vietnamese word, so they weigh heavily.</summary>
    public const float AdjacencyBoost = 3f;
    public const int MaxPrefixTerms = 16;
    public const int MinPrefixLength = 2;

    public bool IsEmpty => Clauses.Count == 0;

    public static SearchQuery Parse(string? text)
    {
        text ??= "";
        var clauses = new List<QueryClause>();
        var segments = SplitQuotes(text);
        foreach (var (segment, quoted) in segments)
        {
            var words = VietnameseText.Words(segment).Select(w => w.Term).ToList();
            if (quoted && words.Count > 1)
            {
                clauses.Add(new QueryClause(string.Join(' ', words), words, words.Select(VietnameseText.Fold).ToList(), true, false));
                continue;
            }
            foreach (var w in words) clauses.Add(new QueryClause(w, [w], [VietnameseText.Fold(w)], false, false));
        }
        // The type-ahead word: the final clause, when it came from unquoted text at the very end.
        if (clauses.Count > 0 && !segments[^1].Quoted)
        {
            var last = clauses[^1];
            if (!last.IsPhrase && CodePoints(last.Folded[0]) >= MinPrefixLength) clauses[^1] = last with { Prefix = true };
        }
        return new SearchQuery(clauses);
    }

    private static int CodePoints(string s)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i += char.IsSurrogatePair(s, i) ? 2 : 1) n++;
        return n;
    }

    /// <summary>
    /// Splits on quote characters; odd segments are quoted. An unmatched (last) quote counts as a space.
    /// Segments without words are dropped: the last remaining segment decides the prefix word.
    /// </summary>
    private static List<(string Text, bool Quoted)> SplitQuotes(string text)
    {
        var normalized = text.Replace('\u201C', '"').Replace('\u201D', '"');
        if (normalized.Count(c => c == '"') % 2 == 1)
        {
            int last = normalized.LastIndexOf('"');
            normalized = normalized[..last] + " " + normalized[(last + 1)..];
        }
        return normalized.Split('"').Select((part, i) => (part, i % 2 == 1))
            .Where(seg => VietnameseText.Words(seg.part).Count > 0).ToList();
    }

    /// <summary>The longer folded terms the prefix word expands to in this index (empty when not a prefix clause).</summary>
    public static IReadOnlyList<string> PrefixTerms(IndexReader reader, QueryClause clause)
    {
        if (!clause.Prefix) return [];
        var prefix = clause.Folded[0];
        var found = new List<(string Term, int DocFreq)>();
        var terms = MultiFields.GetTerms(reader, PassageFields.Folded);
        if (terms is null) return [];
        var te = terms.GetEnumerator();
        var prefixBytes = new BytesRef(prefix);
        if (te.SeekCeil(prefixBytes) == TermsEnum.SeekStatus.END) return [];
        do
        {
            var term = te.Term;
            if (!StringHelper.StartsWith(term, prefixBytes)) break;
            var s = term.Utf8ToString();
            if (s != prefix) found.Add((s, te.DocFreq));
        } while (te.MoveNext());
        return found.OrderByDescending(f => f.DocFreq).ThenBy(f => f.Term, StringComparer.Ordinal)
            .Take(MaxPrefixTerms).Select(f => f.Term).ToList();
    }

    /// <summary>The Lucene query for this structure (prefix words expanded against <paramref name="reader"/>).</summary>
    public Query ToLucene(IndexReader reader)
    {
        var top = new BooleanQuery(disableCoord: true);
        foreach (var c in Clauses)
        {
            var clause = new BooleanQuery(disableCoord: true);
            if (c.IsPhrase)
            {
                clause.Add(Phrase(PassageFields.Text, c.Exact, ExactBoost), Occur.SHOULD);
                clause.Add(Phrase(PassageFields.Folded, c.Folded, 1f), Occur.SHOULD);
            }
            else
            {
                clause.Add(new TermQuery(new Term(PassageFields.Text, c.Exact[0])) { Boost = ExactBoost }, Occur.SHOULD);
                clause.Add(new TermQuery(new Term(PassageFields.Folded, c.Folded[0])), Occur.SHOULD);
                foreach (var t in PrefixTerms(reader, c))
                    clause.Add(new TermQuery(new Term(PassageFields.Folded, t)) { Boost = PrefixBoost }, Occur.SHOULD);
            }
            top.Add(clause, Occur.MUST);
        }
        if (Adjacency() is { } words)
        {
            var adjacency = new BooleanQuery(disableCoord: true);
            adjacency.Add(Phrase(PassageFields.Text, words.Select(c => c.Exact[0]).ToList(), ExactBoost * AdjacencyBoost), Occur.SHOULD);
            adjacency.Add(Phrase(PassageFields.Folded, words.Select(c => c.Folded[0]).ToList(), AdjacencyBoost), Occur.SHOULD);
            top.Add(adjacency, Occur.SHOULD);
        }
        return top;
    }

    // Words that may name the kind of unit before a province's name: "tỉnh Hậu Giang", "thành phố Cần Thơ", "TP Cần Thơ".
    private static readonly string[][] UnitKinds = [["tinh"], ["thanh", "pho"], ["tp"]];

    /// <summary>
    /// A province named at the start or the end of the query ("Hậu Giang logistics", "logistics tỉnh Hậu Giang") is what the
    /// reader wants the passages to come from: a programme seldom repeats its own province's name in its passages. Given the
    /// provinces that have passages (slug, name), returns the query without those words and the province's slug, or null when
    /// no single province is named there or nothing else would be left. Words are compared folded (hau giang = Hậu Giang);
    /// quoted phrases never name a province. The client (<c>impliedProvince</c> in atlas-search.js) applies the same rule.
    /// The searcher uses it as a province filter, and runs the whole query instead when that filter leaves nothing.
    /// </summary>
    public (SearchQuery Remaining, string Slug)? WithoutProvince(IEnumerable<(string Slug, string Name)> provinces)
    {
        (string Slug, int Start, int Length)? found = null;
        bool ambiguous = false;
        foreach (var (slug, name) in provinces)
        {
            if (slug.Length == 0) continue;
            var words = VietnameseText.Words(name).Select(w => VietnameseText.Fold(w.Term)).ToList();
            if (words.Count == 0 || words.Count >= Clauses.Count) continue;
            foreach (var (start, length) in NameRuns(words))
            {
                if (found is { } f && f.Slug != slug) ambiguous = true;
                if (found is null || length > found.Value.Length) found = (slug, start, length);
            }
        }
        if (found is not { } hit || ambiguous || hit.Length >= Clauses.Count) return null;
        var rest = Clauses.Where((_, i) => i < hit.Start || i >= hit.Start + hit.Length).ToList();
        return (new SearchQuery(rest), hit.Slug);
    }

    /// <summary>Where the name's words stand as whole unquoted clauses at the start or the end, with a unit kind before them.</summary>
    private IEnumerable<(int Start, int Length)> NameRuns(List<string> name)
    {
        bool At(int i, IReadOnlyList<string> words) =>
            i >= 0 && i + words.Count <= Clauses.Count
            && Enumerable.Range(0, words.Count).All(k => !Clauses[i + k].IsPhrase && Clauses[i + k].Folded[0] == words[k]);
        int KindBefore(int i) => UnitKinds.Where(k => At(i - k.Length, k)).Select(k => k.Length).DefaultIfEmpty(0).Max();

        // At the start: [kind] name …
        int lead = UnitKinds.Where(k => At(0, k) && At(k.Length, name)).Select(k => k.Length).DefaultIfEmpty(-1).Max();
        if (lead >= 0) yield return (0, lead + name.Count);
        else if (At(0, name)) yield return (0, name.Count);
        // At the end: … [kind] name
        int end = Clauses.Count - name.Count;
        if (end > 0 && At(end, name))
        {
            int kind = KindBefore(end);
            yield return (end - kind, name.Count + kind);
        }
    }

    /// <summary>The word clauses that form the adjacency phrase: all of them, when there are two or more and none is quoted.</summary>
    public IReadOnlyList<QueryClause>? Adjacency() =>
        Clauses.Count >= 2 && Clauses.All(c => !c.IsPhrase) ? Clauses : null;

    private static PhraseQuery Phrase(string field, IReadOnlyList<string> terms, float boost)
    {
        var q = new PhraseQuery { Boost = boost };
        foreach (var t in terms) q.Add(new Term(field, t));
        return q;
    }
}
