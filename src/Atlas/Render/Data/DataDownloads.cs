using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Atlas.Model;

namespace Atlas.Render.Data;

/// <summary>
/// The downloads under data/: targets.csv and targets.json (one row per target), programmes.json (metadata) and
/// passages.json (passages with section id and path, and themes; a passage's URL is <c>programmes/&lt;programme&gt;.html#&lt;id&gt;</c>
/// and its section headings are in programmes.json, so neither is repeated on every passage). Written once (not per language), in model order, with
/// invariant numbers: the same model gives the same bytes. Passage URLs are relative to the site root unless
/// templates/site.yml sets base_url.
/// </summary>
public sealed class DataDownloads : ISitePage
{
    public const string TargetsCsv = "data/targets.csv";
    public const string TargetsJson = "data/targets.json";
    public const string ProgrammesJson = "data/programmes.json";
    public const string PassagesJson = "data/passages.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        // Vietnamese stays readable; <, >, &, ' and quotes are still escaped, so the files are safe to inline anywhere.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
    };

    public void Write(SiteWriter site)
    {
        var model = site.Model;
        var rows = TargetRows(site).ToList();
        site.WriteBytes(TargetsCsv, ToCsv(rows));
        WriteJson(site, TargetsJson, rows);
        WriteJson(site, ProgrammesJson, model.Programmes.Select(p => ProgrammeRecord(site, p)));
        WriteJson(site, PassagesJson, model.Programmes.SelectMany(p => PassageRecords(site, p)));
    }

    /// <summary>
    /// Serialises straight into the file as UTF-8: passages.json runs to tens of megabytes at scale, which as a string was
    /// built, copied and transcoded again. The bytes are those of the string: compact JSON escapes every line break in a
    /// value, so there is no raw "\r" to normalise.
    /// </summary>
    private static void WriteJson<T>(SiteWriter site, string sitePath, T value)
    {
        using var stream = site.OpenWrite(sitePath);
        JsonSerializer.Serialize(stream, value, Json);
        stream.WriteByte((byte)'\n');
    }

    public sealed record TargetRow(
        string Programme, string? Province, string? Indicator, string? IndicatorName, string Comparator,
        decimal? Low, decimal? High, string? Unit, string? Period, int? Year, bool IsAchievement,
        string? Subject, string Text, string PassageId, string PassageUrl);

    public static IEnumerable<TargetRow> TargetRows(SiteWriter site)
    {
        var names = site.Model.Indicators.ToDictionary(i => i.Id, i => i.NameVi, StringComparer.Ordinal);
        foreach (var ap in site.Model.Programmes)
            foreach (var t in ap.Analysis.Targets)
                yield return new TargetRow(ap.Programme.Slug, ap.Programme.Metadata.Province, t.IndicatorId,
                    t.IndicatorId is { } id ? names.GetValueOrDefault(id) : null, ComparatorName(t.Comparator),
                    t.Low, t.High, t.Unit, t.Period, t.Year, t.IsAchievement, t.Subject, t.Verbatim, t.PassageId,
                    PassageUrl(site, ap.Programme.Slug, t.PassageId));
    }

    public static string PassageUrl(SiteWriter site, string slug, string passageId) =>
        site.Settings.BaseUrl + $"programmes/{slug}.html#{passageId}";

    /// <summary>Comparator as a short stable word: exact, above, at_least, below, at_most, about, range, qualitative.</summary>
    public static string ComparatorName(Comparator c) => JsonNamingPolicy.SnakeCaseLower.ConvertName(c.ToString());

    private static byte[] ToCsv(IEnumerable<TargetRow> rows)
    {
        var csv = new Csv("programme", "province", "indicator", "indicator_name", "comparator", "low", "high", "unit", "period",
            "year", "is_achievement", "subject", "text", "passage_id", "passage_url");
        foreach (var r in rows)
            csv.Row(r.Programme, r.Province, r.Indicator, r.IndicatorName, r.Comparator, Number(r.Low), Number(r.High), r.Unit,
                r.Period, r.Year?.ToString(CultureInfo.InvariantCulture), r.IsAchievement ? "true" : "false", r.Subject, r.Text,
                r.PassageId, r.PassageUrl);
        return csv.ToBytes();
    }

    private static string? Number(decimal? d) => d?.ToString(CultureInfo.InvariantCulture);

    private static object ProgrammeRecord(SiteWriter site, AnalysedProgramme ap)
    {
        var p = ap.Programme;
        var m = p.Metadata;
        return new
        {
            slug = p.Slug,
            title = m.Title,
            province = m.Province,
            province_slug = PageLinks.ProvinceSlug(p) is { Length: > 0 } s ? s : null,
            issuer = m.Issuer,
            number = m.Number,
            date = m.Date,
            place = m.Place,
            implements = m.Implements.Select(d => new { id = d.Id, number = d.Number, date = d.Date, label = d.Label }),
            signatory = m.Signatory is null ? null : new { name = m.Signatory.Name, role = m.Signatory.Role },
            horizon_years = m.HorizonYears,
            source = new { file = p.Source.FileName, sha256 = p.Source.Sha256, encoding = p.Source.Encoding },
            url = site.Settings.BaseUrl + $"programmes/{p.Slug}.html",
            passages = p.Passages.Count,
            targets = ap.Analysis.Targets.Count(t => !t.IsAchievement),
            assignments = ap.Analysis.Assignments.Count,
            references = ap.Analysis.References.Count,
            own_share = Math.Round(ap.Analysis.OwnShare, 3),
            // The section tree, once per programme: passages.json names a passage's section by id (at 1,000 programmes,
            // repeating the heading path on every passage was a fifth of that file).
            sections = Sections(p),
        };
    }

    private static IEnumerable<object> Sections(Programme p)
    {
        var list = new List<object>();
        void Walk(Section s, string? parent)
        {
            list.Add(new { id = s.Id, path = s.Citation, number = s.Number, heading = s.Heading, parent });
            foreach (var c in s.Children) Walk(c, s.Id);
        }
        foreach (var root in p.Sections) Walk(root, null);
        return list;
    }

    private static IEnumerable<object> PassageRecords(SiteWriter site, AnalysedProgramme ap)
    {
        var p = ap.Programme;
        var themes = ap.Analysis.Themes.GroupBy(t => t.PassageId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.ThemeId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var passage in p.Passages)
        {
            yield return new
            {
                programme = p.Slug,
                id = passage.Id,
                section_id = passage.SectionId,
                section_path = passage.Citation,
                marker = passage.Marker,
                text = passage.Text,
                themes = themes.TryGetValue(passage.Id, out var ts) ? ts : [],
                fields = passage.Fields.Select(f => new { label = f.Label, value = f.Value }),
                shared_share = ap.Analysis.SharedShare.TryGetValue(passage.Id, out var share) ? Math.Round(share, 3) : (double?)null,
            };
        }
    }
}
