using System.Globalization;
using Atlas.Analysis.Similarity;
using Atlas.Model;
using Atlas.Render.Templates;

namespace Atlas.Render.Pages;

/// <summary>A row of the metadata card; <see cref="Value"/> is null when the source does not state it.</summary>
/// <param name="Lang">"vi" when the value is the document's own words (issuer, place, signatory), also on en/ pages.</param>
public sealed record MetaField(string Label, HtmlString? Value, string? Lang = null);

public sealed record TocEntry(string Number, string Heading, string Href, int Depth);

public sealed record ThemeChip(string Name, string Href);

/// <summary>A "Label: value" line shown under its passage (Passage.Fields), not as a passage.</summary>
public sealed record FieldView(string Label, HtmlString Value);

/// <summary>A heading or a passage of the body, in document order.</summary>
/// <param name="Level">HTML heading level for headings (2–6); nesting depth for passages.</param>
/// <param name="Citation">The full citation text the "copy citation" button copies (the URL is added by the script).</param>
public sealed record BodyBlock(
    bool IsHeading,
    string Id,
    int Level,
    string? Number,
    string? Marker,
    HtmlString Text,
    string Citation,
    string CitationLabel,
    IReadOnlyList<ThemeChip> Themes,
    IReadOnlyList<FieldView> Fields,
    IReadOnlyList<RelatedView>? Related = null,
    bool MostlyShared = false)
{
    /// <summary><see cref="Related"/> grouped by wording, in the order of their first member.</summary>
    public IReadOnlyList<RelatedGroup> RelatedGroups { get; init; } = [];

    /// <summary>Where the closing (recipients, signature) stands: after the body, before an appendix, as printed.</summary>
    public bool IsClosing { get; init; }

    /// <summary>The place of the closing among the body's blocks.</summary>
    public static BodyBlock Closing { get; } = new(false, "", 0, null, null, new HtmlString(""), "", "", [], []) { IsClosing = true };

    /// <summary>The section path the citation names ("III.2"), empty for the preamble; the copy button's script adds it
    /// to the programme's citation (<see cref="ProgrammeView.Citation"/>), so the page does not repeat the whole citation.</summary>
    public string Section => CitationLabel;

    // What the programme template tests of every block, as flags: a comparison in the template (`b.fields.size > 0`)
    // made a new boxed number and a new boxed flag per block, flags are read as shared boxes (CompiledMemberAccessor).
    public bool HasSection => Section != "";
    public bool HasThemes => Themes.Count > 0;
    public bool HasFields => Fields.Count > 0;
    public bool HasRelated => RelatedGroups.Count > 0;
}

/// <summary>What every page shows of a related passage, whatever page it is on; <see cref="Words"/> compares its wording.</summary>
public sealed record RelatedPassageText(string Province, string Citation, string Excerpt, int[] Words);

/// <summary>A similar passage of another programme ("Các tỉnh khác nói gì?"), with where it stands in its document.</summary>
public sealed record RelatedView(string Href, string Province, string Citation, string Excerpt)
{
    /// <summary>Its link as <c>partials/related-link</c> renders it: the same on every page of a folder and language
    /// that lists this passage, so rendered once (<see cref="ProgrammePages.Wording.View"/>).</summary>
    public HtmlString? Link { get; init; }
}

/// <summary>
/// Related passages that read the same, listed once: the links, then the wording — or no wording at all when it is this
/// passage's own (<see cref="SameAsThis"/>: the sentence copied from the central resolution, which the reader has just read).
/// At scale most related passages are such copies, and printing each excerpt again was half of every programme page.
/// </summary>
public sealed record RelatedGroup(IReadOnlyList<RelatedView> Passages, string? Excerpt, bool SameAsThis);

public sealed record ProgrammeView(
    string Title,
    HtmlString TitleHtml,
    string Label,
    HtmlString? Kicker,
    IReadOnlyList<MetaField> Card,
    IReadOnlyList<TocEntry> Toc,
    IReadOnlyList<BodyBlock> Body,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> Signature,
    string? SourceHref,
    string? SourceName,
    string Citation)
{
    /// <summary>How much of the text is the programme's own; drives the "hide shared wording" switch.</summary>
    public OwnershipView? Ownership { get; init; }

    /// <summary>The citation of a section, "{0}" standing for its path (the copy buttons fill it in from each permalink).</summary>
    public string CitationInSection { get; init; } = "";

    /// <summary>The head's anchor (a search for the programme's number links to it).</summary>
    public string HeadId => ProgrammeAnchors.Head;
}

/// <summary>The programme's own versus shared wording, as the programme page and tables show it.</summary>
/// <param name="OwnPercent">Share of its words outside shared spans, whole percent (0–100).</param>
/// <param name="SharedPassages">Passages marked "Lời văn chung" (<see cref="SharedLanguage.IsMostlyShared"/>).</param>
public sealed record OwnershipView(int OwnPercent, int SharedPercent, int SharedPassages, int Passages)
{
    public static OwnershipView Of(AnalysedProgramme ap)
    {
        int own = Percent(ap.Analysis.OwnShare);
        int shared = ap.Programme.Passages.Count(p =>
            ap.Analysis.SharedShare.TryGetValue(p.Id, out var s) && SharedLanguage.IsMostlyShared(s));
        return new OwnershipView(own, 100 - own, shared, ap.Programme.Passages.Count);
    }

    /// <summary>0..1 as a whole percent, halves rounded up, so 0,625 shows as 63%.</summary>
    public static int Percent(double share) => (int)Math.Round(Math.Clamp(share, 0, 1) * 100, MidpointRounding.AwayFromZero);
}

/// <summary>programmes/&lt;slug&gt;.html: metadata card, contents, the full text with its own numbering, permalinks and citations.</summary>
public sealed class ProgrammePages : ISitePage
{
    public void Write(SiteWriter site)
    {
        var wording = new Wording();
        // A programme's page and its companion are made from the same inputs: gathered (and digested) once for both.
        var shared = new System.Collections.Concurrent.ConcurrentDictionary<AnalysedProgramme, ProgrammePageInputs>(ReferenceEqualityComparer.Instance);
        var pages = site.Languages.SelectMany(lang => site.Model.Programmes.Select(ap => (lang, ap)));
        site.ForEach(pages, item =>
        {
            var (lang, ap) = item;
            {
                var p = ap.Programme;
                var at = site.Links(lang, $"programmes/{p.Slug}.html");
                var provinceCrumb = p.Metadata.Province is { Length: > 0 } prov
                    ? new Crumb(prov, at.Province(PageLinks.ProvinceSlug(p)))
                    : new Crumb(lang["nav_provinces"], at.Provinces());
                var label = Views.Label(p);
                var meta = new PageMeta(label, Description(p, lang), [provinceCrumb, new Crumb(label, null)], "article");
                // What the page is made from, for deciding whether it can be carried over: without a published site to
                // carry pages from (no cache), nothing reads it, and gathering the related passages of every page is not free.
                object inputs = site.Reuse is null ? ap : shared.GetOrAdd(ap, static (ap, site) => Inputs(site, ap), site);
                // The English interface gets a companion, not a second copy of the Vietnamese text.
                if (lang.IsEnglish) site.WritePage(at, "programme-companion", inputs, () => ProgrammeCompanion.Build(site, ap, at), meta);
                else site.WritePage(at, "programme", inputs, () => Build(site, ap, at, wording), meta);
            }
        });
    }

    /// <summary>
    /// Everything a programme page and its companion are made of besides the templates and the page's place: the programme
    /// and its analysis, the related passages of other programmes it shows (their text, citation and province), whether
    /// its source is published, the registries and linked documents. A sentence changed in one source so re-renders that
    /// programme and the pages that show one of its passages as related — and no other programme page.
    /// </summary>
    private static ProgrammePageInputs Inputs(SiteWriter site, AnalysedProgramme ap) => new(
        ap,
        ap.Analysis.Related.Select(r => site.Lookup.Passage(r.OtherSlug, r.OtherPassageId) is { } other
            ? new RelatedInput(r.OtherSlug, other.Passage, other.Programme.Programme.Metadata.Province)
            : new RelatedInput(r.OtherSlug, null, null)).ToList(),
        SiteRenderer.IsCopiedSource(site, ap.Programme.Source.FileName),
        site.Inputs);

    private sealed record ProgrammePageInputs(AnalysedProgramme Programme, IReadOnlyList<RelatedInput> Related, bool SourceCopied, AtlasInputs Atlas)
        : ISharedPageInputs;

    private sealed record RelatedInput(string Slug, Passage? Passage, string? Province);

    private static string Description(Programme p, Language lang)
    {
        var parts = new List<string> { Views.Label(p) };
        if (Dates.Display(p.Metadata.Date, lang) is { } d) parts.Add(d);
        if (p.Metadata.Title is { Length: > 0 } t) parts.Add(t);
        return string.Join(" — ", parts);
    }

    public static ProgrammeView Build(SiteWriter site, AnalysedProgramme ap, PageLinks at, Wording? wording = null)
    {
        wording ??= new Wording();
        var p = ap.Programme;
        var m = p.Metadata;
        var lang = at.Language;
        var linker = site.Lookup.Linker;
        var label = Views.Label(p);
        var citation = Citation.For(m);

        var body = new List<BodyBlock>();
        var toc = new List<TocEntry>();
        var bySection = p.Passages.ToLookup(x => x.SectionId ?? "", StringComparer.Ordinal);
        var related = ap.Analysis.Related.ToLookup(r => r.PassageId, StringComparer.Ordinal);
        var depthOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var folder = Wording.FolderOf(at);
        var chips = new Dictionary<string, ThemeChip>(StringComparer.Ordinal); // a theme's chip is the same in every section of the page

        bool closingPlaced = false;
        foreach (var entry in DocumentOrder.Of(p))
        {
            if (entry.Section is { Kind: SectionKind.Appendix } && !closingPlaced)
            {
                body.Add(BodyBlock.Closing);
                closingPlaced = true;
            }
            if (entry.Section is { } s)
            {
                depthOf[s.Id] = entry.Depth;
                var number = DisplayNumber(s);
                if (entry.Depth <= 3) toc.Add(new TocEntry(number, s.Heading, "#" + s.Id, entry.Depth));
                var path = s.Citation;
                body.Add(new BodyBlock(
                    true, s.Id, Math.Min(entry.Depth + 1, 6), number, null, linker.Link(s.Heading, at),
                    Citation.InSection(citation, path), path, SectionThemes(site, ap, bySection[s.Id], at, chips), []));
            }
            else if (entry.Passage is { } passage)
                body.Add(PassageBlock(site, ap, passage, passage.SectionId is { } sid ? depthOf.GetValueOrDefault(sid) : 0, at, related, wording, citation, folder));
        }
        if (!closingPlaced) body.Add(BodyBlock.Closing);

        return new ProgrammeView(
            m.Title ?? label,
            linker.Link(m.Title ?? label, at),
            label,
            Kicker(p, lang),
            Card(site, p, at),
            toc,
            body,
            p.Closing.Recipients,
            p.Closing.SignatureLines,
            SiteRenderer.IsCopiedSource(site, p.Source.FileName) ? at.SourceFile(p.Source.FileName) : null,
            SiteRenderer.IsCopiedSource(site, p.Source.FileName) ? p.Source.FileName : null,
            citation)
        {
            Ownership = OwnershipView.Of(ap),
            CitationInSection = Citation.InSection(citation, "{0}"),
        };
    }

    /// <summary>Issuer · number · date; the issuer is the document's own words, marked Vietnamese for the en/ pages.</summary>
    internal static HtmlString? Kicker(Programme p, Language lang)
    {
        var issuer = Citation.Issuer(p.Metadata);
        var parts = new[] { string.IsNullOrEmpty(issuer) ? null : $"<span lang=\"vi\">{Html.Escape(issuer)}</span>",
                            Html.Escape(p.Metadata.Number ?? ""), Html.Escape(Dates.Display(p.Metadata.Date, lang) ?? "") }
            .Where(x => !string.IsNullOrEmpty(x)).ToList();
        return parts.Count == 0 ? null : new HtmlString(string.Join(" · ", parts));
    }

    private static BodyBlock PassageBlock(SiteWriter site, AnalysedProgramme ap, Passage passage, int depth, PageLinks at,
        ILookup<string, RelatedPassage> relatedByPassage, Wording wording, string citation, string folder)
    {
        var linker = site.Lookup.Linker;
        int[]? own = null; // this passage's words: hashed only when it has related passages to compare with
        List<RelatedView>? related = null;
        // Grouped by wording (all of this passage's own wording in one group), groups in the order of their first member:
        // a passage has a handful of related passages, so a scan of the groups so far beats building a lookup for each.
        List<(string Key, bool Same, List<RelatedView> Passages)>? members = null;
        foreach (var r in relatedByPassage[passage.Id])
        {
            if (wording.Other(site, r.OtherSlug, r.OtherPassageId) is not { } other) continue;
            var view = wording.View(site, at, folder, r.OtherSlug, r.OtherPassageId, other);
            var same = Wording.Same(own ??= wording.Of(passage), other.Words);
            (related ??= []).Add(view);
            members ??= [];
            var key = same ? "\0" : view.Excerpt;
            var index = -1;
            for (var i = 0; i < members.Count; i++)
                if (string.Equals(members[i].Key, key, StringComparison.Ordinal)) { index = i; break; }
            if (index < 0) members.Add((key, same, [view]));
            else members[index].Passages.Add(view);
        }
        var groups = new RelatedGroup[members?.Count ?? 0];
        for (var i = 0; i < groups.Length; i++)
        {
            var (key, same, passages) = members![i];
            groups[i] = new RelatedGroup(passages, same ? null : key, same);
        }
        var fields = passage.Fields.Count == 0 ? [] : new FieldView[passage.Fields.Count];
        var path = passage.Citation;
        for (var i = 0; i < fields.Length; i++) fields[i] = new FieldView(passage.Fields[i].Label, linker.Link(passage.Fields[i].Value, at));
        return new BodyBlock(
            false, passage.Id, depth, null, passage.Marker, wording.Linked(site, at, folder, passage.Text),
            Citation.InSection(citation, path), path, [],
            fields,
            related ?? (IReadOnlyList<RelatedView>)[],
            ap.Analysis.SharedShare.TryGetValue(passage.Id, out var shared) && SharedLanguage.IsMostlyShared(shared))
        {
            RelatedGroups = groups,
        };
    }

    /// <summary>
    /// Each passage's words as sorted hashes, computed once per render (a passage is the related passage of several others,
    /// on several pages); lower-cased, so a province name written differently does not make the wording differ.
    /// </summary>
    public sealed class Wording
    {
        // Words by text: provincial programmes copy sentences from the central resolution word for word, and a copy has the
        // words of its original.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> words = new(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, string), RelatedPassageText?> others = new();

        // Related passages' views by the one RelatedPassageText made for each (see View) rather than by slug and id: a lookup
        // per related passage listed on every page hashed four strings each time.
        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Language, string Folder),
            System.Collections.Concurrent.ConcurrentDictionary<RelatedPassageText, RelatedView>> views = new();

        private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Language, string Folder),
            System.Collections.Concurrent.ConcurrentDictionary<string, HtmlString>> linked = new();

        public int[] Of(Passage passage) => words.GetOrAdd(passage.Text, static text => Hashes(text));

        /// <summary>
        /// A passage's text as markup (<see cref="DocumentLinker.Link"/>) for the pages of one language and folder: its links
        /// to resolutions are relative to the folder, and nothing else of the page reaches it. Made once per distinct text, so
        /// a sentence copied into many programmes is escaped and scanned for document numbers once.
        /// </summary>
        public HtmlString Linked(SiteWriter site, PageLinks at, string folder, string text) =>
            linked.GetOrAdd((at.Language.Code, folder), static _ => new(StringComparer.Ordinal))
                .GetOrAdd(text, static (text, arg) => arg.site.Lookup.Linker.Link(text, arg.at), (site, at));

        /// <summary>
        /// A related passage as the pages of one language and folder (<paramref name="folder"/>, <see cref="FolderOf"/>)
        /// list it, with its link rendered: its href is relative to the page's folder and its words are in the page's
        /// language, and nothing else of the page reaches it. At scale a passage is listed on hundreds of pages, so the view
        /// is made once and shared by all of them (it used to be made again, with its href, on each).
        /// </summary>
        /// <remarks><paramref name="other"/> is the one instance <see cref="Other"/> made for <paramref name="slug"/> and
        /// <paramref name="passageId"/>, so within a language and folder it stands for them.</remarks>
        public RelatedView View(SiteWriter site, PageLinks at, string folder, string slug, string passageId, RelatedPassageText other) =>
            views.GetOrAdd((at.Language.Code, folder), static _ => new(ReferenceEqualityComparer.Instance))
                .GetOrAdd(other, static (other, arg) =>
                {
                    var view = new RelatedView(arg.at.Programme(arg.slug, arg.passageId), other.Province, other.Citation, other.Excerpt);
                    return view with { Link = arg.site.Fragment("partials/related-link", arg.at.Language, "r", view) };
                }, (site, at, slug, passageId));

        /// <summary>The folder of a page ("programmes/", "en/programmes/"): relative links from it are the same on all its pages.</summary>
        public static string FolderOf(PageLinks at) => at.SitePath[..(at.SitePath.LastIndexOf('/') + 1)];

        /// <summary>
        /// What a page shows of a passage of another programme (null when there is no such passage): the same on every page
        /// that lists it, and at scale a passage is the related passage of hundreds of others, so it is made once per render.
        /// </summary>
        public RelatedPassageText? Other(SiteWriter site, string slug, string passageId) =>
            others.GetOrAdd((slug, passageId), static (key, arg) => arg.site.Lookup.Passage(key.Item1, key.Item2) is { } other
                ? new RelatedPassageText(other.Programme.Programme.Metadata.Province ?? other.Programme.Programme.Slug,
                    other.Passage.Citation, Excerpt(other.Passage.Text), arg.wording.Of(other.Passage))
                : null, (site, wording: this));

        /// <summary>FNV-1a of each lower-cased word: a fixed hash, so the result is the same in every run.</summary>
        private static int[] Hashes(string text)
        {
            // Collected, sorted and made distinct in one array rather than through a set: the same sorted distinct hashes.
            // A word takes at least two chars with its separator: the buffer is borrowed, only the result is kept.
            var rented = System.Buffers.ArrayPool<int>.Shared.Rent(text.Length / 2 + 1);
            var hashes = rented;
            var count = 0;
            const uint offset = 2166136261, prime = 16777619;
            uint hash = offset;
            var length = 0;
            var word = WordChars.Table;
            foreach (var c in text)
            {
                var w = word[c];
                if (w != 0)
                {
                    hash = (hash ^ w) * prime;
                    length++;
                    continue;
                }
                if (length > 0) hashes[count++] = (int)hash;
                hash = offset;
                length = 0;
            }
            if (length > 0) hashes[count++] = (int)hash;
            var sorted = hashes.AsSpan(0, count);
            sorted.Sort();
            var distinct = 0;
            for (var i = 0; i < sorted.Length; i++)
                if (distinct == 0 || sorted[i] != sorted[distinct - 1]) sorted[distinct++] = sorted[i];
            var result = sorted[..distinct].ToArray();
            System.Buffers.ArrayPool<int>.Shared.Return(rented);
            return result;
        }

        /// <summary>
        /// What each BMP character is in a word: its invariant lower-case form when it is a letter, a digit, '-' or '/', and
        /// 0 when it separates words ('\0' is none of those, so 0 is never a word's character). Worked out once (one
        /// string.ToLowerInvariant over all of them): the same code units as lower-casing each passage, since invariant
        /// lower-casing maps each character of the BMP to one character and surrogates never count as letters — without a call
        /// into ICU per passage nor a Unicode category lookup per character (Vietnamese letters are not ASCII). Read-only once built.
        /// </summary>
        private static class WordChars
        {
            public static readonly char[] Table = Build();

            private static char[] Build()
            {
                var all = new char[char.MaxValue + 1];
                for (var c = 0; c <= char.MaxValue; c++) all[c] = char.IsSurrogate((char)c) ? 'x' : (char)c;
                var lower = new string(all).ToLowerInvariant().ToCharArray();
                for (var c = 0; c <= char.MaxValue; c++)
                    if (!(char.IsLetterOrDigit((char)c) || c == '-' || c == '/')) lower[c] = '\0';
                return lower;
            }
        }

        /// <summary>Nine words in ten in common (Jaccard): the same sentence, give or take a name or a number.</summary>
        public static bool Same(int[] a, int[] b)
        {
            if (a.Length == 0 || b.Length == 0) return false;
            int i = 0, j = 0, common = 0;
            while (i < a.Length && j < b.Length)
            {
                if (a[i] == b[j]) { common++; i++; j++; }
                else if (a[i] < b[j]) i++;
                else j++;
            }
            return common >= 0.9 * (a.Length + b.Length - common);
        }
    }

    /// <summary>The start of a related passage, cut on a word boundary, so the list stays scannable.</summary>
    private static string Excerpt(string text)
    {
        const int max = 180;
        if (text.Length <= max) return text;
        int cut = text.LastIndexOf(' ', max);
        return text[..(cut > 80 ? cut : max)] + " …";
    }

    /// <summary>Themes of the passages directly under a section, in registry order, each linking to this programme's column.</summary>
    /// <param name="chips">The page's chips made so far, by theme id (the same chip in every section of one page).</param>
    private static IReadOnlyList<ThemeChip> SectionThemes(SiteWriter site, AnalysedProgramme ap, IEnumerable<Passage> own, PageLinks at,
        Dictionary<string, ThemeChip> chips)
    {
        HashSet<string>? ids = null;
        foreach (var passage in own)
            foreach (var t in site.Lookup.ThemesOf(ap.Programme.Slug, passage.Id)) (ids ??= new(StringComparer.Ordinal)).Add(t.ThemeId);
        if (ids is null) return [];
        var list = new List<ThemeChip>(ids.Count);
        foreach (var t in site.Model.Themes)
        {
            if (!ids.Contains(t.Id)) continue;
            if (!chips.TryGetValue(t.Id, out var chip)) chips[t.Id] = chip = new ThemeChip(at.Language.Name(t), at.Theme(t.Id, ap.Programme.Slug));
            list.Add(chip);
        }
        return list;
    }

    /// <summary>The number as the document prints it: "III.", "2.", "a)", "(3)" (left alone when it already has its punctuation).</summary>
    public static string DisplayNumber(Section s)
    {
        var n = s.Number.Trim();
        if (n.Length == 0 || !char.IsLetterOrDigit(n[^1])) return n;
        return s.Kind switch
        {
            SectionKind.Lettered => n + ")",
            SectionKind.Enumerated => n,
            _ => n + ".",
        };
    }

    /// <summary>"29-NQ/TW (17/11/2022)", with the document's own wording when it says more than its number.</summary>
    private static string ImplementedLine(ImplementedDocument d, PageLinks at)
    {
        var link = $"<a href=\"{Html.Escape(at.Resolution(d.Id))}\">{Html.Escape(d.Number ?? d.Label)}</a>";
        var date = Dates.Display(d.Date, at.Language) is { } dd ? $" ({Html.Escape(dd)})" : "";
        var saysMore = d.Number is not null && d.Label.Length > d.Number.Length + 16;
        return link + date + (saysMore ? $" <span class=\"muted\">{Html.Escape(d.Label)}</span>" : "");
    }

    internal static IReadOnlyList<MetaField> Card(SiteWriter site, Programme p, PageLinks at)
    {
        var m = p.Metadata;
        var lang = at.Language;
        static HtmlString? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : new HtmlString(Html.Escape(s));
        static HtmlString Link(string label, string href) => new($"<a href=\"{Html.Escape(href)}\">{Html.Escape(label)}</a>");

        HtmlString? province = null;
        if (m.Province is { Length: > 0 } name)
        {
            var html = Link(name, at.Province(PageLinks.ProvinceSlug(p))).Value;
            var registered = site.Lookup.ProvinceOf(p);
            if (registered?.MergedInto is { Length: > 0 } into)
            {
                var target = site.Lookup.Province(into);
                html += $" <span class=\"merged\">({Html.Escape(lang["province_now_part_of"])} {Link(target?.Name ?? into, at.Province(into)).Value} {Html.Escape(lang["province_since_2025"])})</span>";
            }
            province = new HtmlString(html);
        }
        var implements = m.Implements.Count == 0 ? null : new HtmlString(string.Join("<br>", m.Implements.Select(d => ImplementedLine(d, at))));
        var signatory = m.Signatory is null ? null
            : Text(string.Join(", ", new[] { m.Signatory.Name, m.Signatory.Role }.Where(x => !string.IsNullOrWhiteSpace(x))));
        var source = p.Source.FileName.Length == 0 ? null : new HtmlString(
            (SiteRenderer.IsCopiedSource(site, p.Source.FileName) ? Link(p.Source.FileName, at.SourceFile(p.Source.FileName)).Value : Html.Escape(p.Source.FileName)) +
            $" <span class=\"muted\">({Html.Escape(p.Source.Encoding)}, SHA-256 <code>{Html.Escape(p.Source.Sha256.Length > 12 ? p.Source.Sha256[..12] : p.Source.Sha256)}</code>)</span>");

        return
        [
            new(lang["field_province"], province),
            new(lang["field_issuer"], Text(m.Issuer), "vi"),
            new(lang["field_number"], Text(m.Number)),
            new(lang["field_date"], Text(Dates.Display(m.Date, lang))),
            new(lang["field_place"], Text(m.Place), "vi"),
            new(lang["field_implements"], implements),
            new(lang["field_horizon"], Text(string.Join(", ", m.HorizonYears.Select(y => y.ToString(CultureInfo.InvariantCulture))))),
            new(lang["field_signatory"], signatory, "vi"),
            new(lang["field_passages"], Text(p.Passages.Count.ToString(CultureInfo.InvariantCulture))),
            new(lang["field_source"], source),
        ];
    }
}
