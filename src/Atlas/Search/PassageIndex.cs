using Atlas.Model;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Atlas.Search;

/// <summary>Field names of a passage document.</summary>
public static class PassageFields
{
    /// <summary>Passage text with diacritics (canonical tones, lower case): the "exact" form.</summary>
    public const string Text = "text";
    /// <summary>The same words folded (no marks, đ → d).</summary>
    public const string Folded = "folded";
    public const string Slug = "slug";
    public const string Title = "title";
    public const string Province = "province";
    public const string ProvinceName = "province_name";
    public const string PassageId = "passage";
    public const string Section = "section";
    public const string Theme = "theme";
    public const string Resolution = "resolution";
    public const string Url = "url";
}

/// <summary>What the index knows about one passage; <see cref="Doc"/> is its Lucene document number.</summary>
/// <param name="Section">The section trail with the document's own numbering, e.g. "III. Nhiệm vụ › 1. Đổi mới tư duy".</param>
public sealed record PassageRecord(
    int Doc,
    string Slug,
    string Title,
    string ProvinceSlug,
    string ProvinceName,
    string PassageId,
    string Section,
    string Text,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Resolutions)
{
    /// <summary>Relative to the site root: <c>programmes/&lt;slug&gt;.html#&lt;passage id&gt;</c> (made when asked: the export has
    /// tens of thousands of passages and does not use it).</summary>
    public string Url => $"programmes/{Slug}.html#{PassageId}";
}

/// <summary>
/// The in-memory Lucene index of every passage of the atlas: one document per passage, in programme (slug) order then
/// document order, merged to one segment so document numbers equal positions in <see cref="Passages"/>.
/// Scoring is Lucene's <see cref="BM25Similarity"/> with its defaults (k1 = 1.2, b = 0.75).
/// </summary>
public sealed class PassageIndex : IDisposable
{
    public static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;

    private readonly RAMDirectory directory;

    private PassageIndex(RAMDirectory directory, IReadOnlyList<PassageRecord> passages)
    {
        this.directory = directory;
        Passages = passages;
        Reader = DirectoryReader.Open(directory);
        Searcher = new IndexSearcher(Reader) { Similarity = Similarity };
    }

    public static BM25Similarity Similarity { get; } = new();

    public IReadOnlyList<PassageRecord> Passages { get; }
    public DirectoryReader Reader { get; }
    public IndexSearcher Searcher { get; }

    /// <summary>The single segment (documents numbered as <see cref="Passages"/>).</summary>
    public AtomicReader Segment => Reader.Leaves.Count == 1 ? Reader.Leaves[0].AtomicReader
        : throw new InvalidOperationException("the passage index must have one segment");

    public static PassageIndex Build(AtlasModel model) => Build(Records(model));

    /// <summary>The index of these passages (document numbers must equal their positions in the list).</summary>
    public static PassageIndex Build(IReadOnlyList<PassageRecord> passages)
    {
        var directory = new RAMDirectory();
        var config = new IndexWriterConfig(Version, new VietnameseAnalyzer())
        {
            Similarity = Similarity,
            OpenMode = OpenMode.CREATE,
            // One flush for the whole atlas (thousands of programmes fit): no intermediate segments to merge again.
            RAMBufferSizeMB = 256,
            // If it ever flushes more than once, merges stay contiguous, so document numbers keep the passage order
            // (TieredMergePolicy, the default, may merge segments out of order).
            MergePolicy = new LogByteSizeMergePolicy(),
        };
        // Analysis is the costly part of indexing: each passage's words are computed once, in parallel, and feed both
        // fields (the folded field takes the same tokens folded); documents are then added in passage order.
        var tokens = new AnalysedPassage[passages.Count];
        Parallel.For(0, passages.Count, i => tokens[i] = AnalysedPassage.Of(passages[i].Text));
        using (var writer = new IndexWriter(directory, config))
        {
            for (int i = 0; i < passages.Count; i++) writer.AddDocument(ToDocument(passages[i], tokens[i]));
            writer.ForceMerge(1);
            writer.Commit();
        }
        return new PassageIndex(directory, passages);
    }

    /// <summary>The passages of the model in index order, with everything a search result shows; each numbered
    /// programme's first record is its number, anchored at <see cref="ProgrammeAnchors.Head"/>.</summary>
    public static IReadOnlyList<PassageRecord> Records(AtlasModel model)
    {
        var provinceNames = model.Provinces.GroupBy(p => p.Slug, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        var records = new List<PassageRecord>();
        foreach (var (programme, analysis) in model.Programmes.OrderBy(p => p.Programme.Slug, StringComparer.Ordinal))
        {
            var provinceSlug = programme.Metadata.Province is { } prov ? Slugs.From(prov) : "";
            var provinceName = provinceNames.GetValueOrDefault(provinceSlug) ?? programme.Metadata.Province ?? "";
            var title = programme.Metadata.Title ?? programme.Slug;
            var resolutions = programme.Metadata.Implements.Select(d => d.Id).Distinct(StringComparer.Ordinal)
                .OrderBy(x => x, StringComparer.Ordinal).ToList();
            // Each passage's themes, distinct, in ordinal order (a plain loop: this runs for every programme of the atlas).
            var themesByPassage = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var t in analysis.Themes)
            {
                ref var ids = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(themesByPassage, t.PassageId, out _);
                ids ??= [];
                if (!ids.Contains(t.ThemeId)) ids.Add(t.ThemeId);
            }
            foreach (var ids in themesByPassage.Values) ids.Sort(StringComparer.Ordinal);
            // A programme is known by its kind and number ("Chương trình số 38-CTr/TU"), which its passages rarely repeat:
            // one record holds them, so searching the number finds the programme (its page's head). Not the rest of the
            // title: its words would make this short record outrank the passages on every query of the programme's subject.
            if (programme.Metadata.Number is { Length: > 0 } number)
                records.Add(new PassageRecord(records.Count, programme.Slug, title, provinceSlug, provinceName, ProgrammeAnchors.Head, "",
                    (DocumentKinds.Of(programme.Metadata) is { } kind ? kind + " số " : "Số ") + number,
                    Array.Empty<string>(), resolutions));
            var trails = SectionTrails(programme.Sections);
            foreach (var passage in programme.Passages)
            {
                records.Add(new PassageRecord(
                    records.Count,
                    programme.Slug,
                    title,
                    provinceSlug,
                    provinceName,
                    passage.Id,
                    passage.SectionId is { } sid && trails.TryGetValue(sid, out var trail) ? trail : passage.Citation,
                    passage.Text,
                    themesByPassage.TryGetValue(passage.Id, out var themes) ? themes : Array.Empty<string>(),
                    resolutions));
            }
        }
        return records;
    }

    /// <summary>Section id → "III. Heading › 1. Heading", numbers as the document prints them.</summary>
    private static Dictionary<string, string> SectionTrails(IReadOnlyList<Section> roots)
    {
        var trails = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(Section s, string parent)
        {
            var label = s.Number.Length == 0 ? s.Heading
                : s.Number[^1] is ')' or '.' or ':' ? $"{s.Number} {s.Heading}" : $"{s.Number}. {s.Heading}";
            var trail = parent.Length == 0 ? label.Trim() : parent + " › " + label.Trim();
            trails.TryAdd(s.Id, trail);
            foreach (var c in s.Children) Walk(c, trail);
        }
        foreach (var r in roots) Walk(r, "");
        return trails;
    }

    private static Document ToDocument(PassageRecord p, AnalysedPassage tokens)
    {
        // The text is not stored: results are shown from PassageRecord (C#) and the export's stored files (browser).
        var doc = new Document
        {
            new TextField(PassageFields.Text, new WordTokenStream(tokens.Exact, tokens.Increments)),
            new TextField(PassageFields.Folded, new WordTokenStream(tokens.Folded, tokens.Increments)),
            new StringField(PassageFields.Slug, p.Slug, Field.Store.YES),
            new StoredField(PassageFields.Title, p.Title),
            new StringField(PassageFields.Province, p.ProvinceSlug, Field.Store.YES),
            new StoredField(PassageFields.ProvinceName, p.ProvinceName),
            new StringField(PassageFields.PassageId, p.PassageId, Field.Store.YES),
            new StoredField(PassageFields.Section, p.Section),
            new StringField(PassageFields.Url, p.Url, Field.Store.YES),
        };
        foreach (var t in p.Themes) doc.Add(new StringField(PassageFields.Theme, t, Field.Store.YES));
        foreach (var r in p.Resolutions) doc.Add(new StringField(PassageFields.Resolution, r, Field.Store.YES));
        return doc;
    }

    public void Dispose()
    {
        Reader.Dispose();
        directory.Dispose();
    }
}

/// <summary>A passage's words as <see cref="VietnameseAnalyzer"/> makes them: exact and folded terms, position increments.</summary>
internal sealed record AnalysedPassage(string[] Exact, string[] Folded, int[] Increments)
{
    public static AnalysedPassage Of(string text) => Of(text, folds: null);

    /// <param name="folds">
    /// A cache of folded forms owned by the caller (one per worker): folding is two Unicode normalisations, and the
    /// atlas has a few thousand distinct words among millions of tokens.
    /// </param>
    public static AnalysedPassage Of(string text, Dictionary<string, string>? folds)
    {
        var words = VietnameseText.Words(text);
        var exact = new string[words.Count];
        var folded = new string[words.Count];
        var increments = new int[words.Count];
        int last = -1;
        for (int i = 0; i < words.Count; i++)
        {
            var term = words[i].Term;
            exact[i] = term;
            if (folds is null) folded[i] = VietnameseText.Fold(term);
            else if (!folds.TryGetValue(term, out folded[i]!)) folds[term] = folded[i] = VietnameseText.Fold(term);
            increments[i] = words[i].Position - last;
            last = words[i].Position;
        }
        return new AnalysedPassage(exact, folded, increments);
    }
}

/// <summary>Pre-analysed tokens for one field (the same terms and positions as <see cref="VietnameseTokenizer"/> gives).</summary>
internal sealed class WordTokenStream : Lucene.Net.Analysis.TokenStream
{
    private readonly string[] terms;
    private readonly int[] increments;
    private readonly Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute term;
    private readonly Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute increment;
    private int next;

    public WordTokenStream(string[] terms, int[] increments)
    {
        this.terms = terms;
        this.increments = increments;
        term = AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        increment = AddAttribute<Lucene.Net.Analysis.TokenAttributes.IPositionIncrementAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        next = 0;
    }

    public override bool IncrementToken()
    {
        if (next >= terms.Length) return false;
        ClearAttributes();
        term.SetEmpty().Append(terms[next]);
        increment.PositionIncrement = increments[next];
        next++;
        return true;
    }
}
