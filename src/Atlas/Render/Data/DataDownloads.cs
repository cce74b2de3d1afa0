using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Atlas.Model;

namespace Atlas.Render.Data;

/// <summary>
/// The downloads under data/: targets.csv and targets.json (one row per target), indicators/&lt;id&gt;.csv (one indicator's
/// rows of targets.csv), programmes.json (metadata) and
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

    /// <summary>One indicator's rows of targets.csv, the same columns: the table a student comparing provinces on it downloads from its page.</summary>
    public static string IndicatorCsv(string indicatorId) => $"data/indicators/{indicatorId}.csv";

    /// <summary>The indicators <see cref="IndicatorCsv"/> is written for: those some programme has a target (or a result) on.</summary>
    public static IReadOnlySet<string> IndicatorsWithCsv(AtlasModel model) =>
        model.Programmes.SelectMany(p => p.Analysis.Targets).Select(t => t.IndicatorId).OfType<string>().ToHashSet(StringComparer.Ordinal);

    public void Write(SiteWriter site)
    {
        var model = site.Model;
        var rows = TargetRows(site).ToList();
        site.WriteBytes(TargetsCsv, ToCsv(rows));
        // Registry order; an id is a slug (Registry checks), so it is a safe file name.
        var byIndicator = rows.Where(r => r.Indicator is not null).ToLookup(r => r.Indicator!, StringComparer.Ordinal);
        foreach (var indicator in model.Indicators)
            if (byIndicator[indicator.Id].Any()) site.WriteBytes(IndicatorCsv(indicator.Id), ToCsv(byIndicator[indicator.Id]));
        WriteArray(site, TargetsJson, rows, WriteTarget);
        WriteArray(site, ProgrammesJson, model.Programmes, (json, ap) => WriteProgramme(json, site, ap));
        WriteArray(site, PassagesJson, model.Programmes, WritePassages);
    }

    // The writer the serializer would use with Json's settings: the same escaping, numbers and nulls, so the same bytes.
    // Validation is skipped: every record below is written whole, one object after another.
    private static readonly JsonWriterOptions Writer = new() { Encoder = Json.Encoder, Indented = false, SkipValidation = true };

    /// <summary>Bytes held before they go to the file.</summary>
    private const int FlushAt = 1 << 16;

    /// <summary>
    /// A JSON array straight into the file as UTF-8, each item written field by field through a <see cref="Utf8JsonWriter"/>:
    /// the bytes <c>JsonSerializer</c> wrote for the same records with <see cref="Json"/> (the serializer writes through the
    /// same writer), without its reflection over anonymous types — at 1,000 programmes passages.json alone is ~60 MB, and
    /// the serializer's boxing, enumerators and per-type metadata were most of the data files' time. Compact JSON escapes
    /// every line break in a value, so there is no raw "\r" to normalise.
    /// </summary>
    private static void WriteArray<T>(SiteWriter site, string sitePath, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        using var stream = site.OpenWrite(sitePath);
        using (var json = new Utf8JsonWriter(stream, Writer))
        {
            json.WriteStartArray();
            foreach (var item in items)
            {
                write(json, item);
                if (json.BytesPending > FlushAt) json.Flush();
            }
            json.WriteEndArray();
        }
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

    private static void WriteTarget(Utf8JsonWriter json, TargetRow r)
    {
        json.WriteStartObject();
        Text(json, "programme", r.Programme);
        Text(json, "province", r.Province);
        Text(json, "indicator", r.Indicator);
        Text(json, "indicator_name", r.IndicatorName);
        Text(json, "comparator", r.Comparator);
        Number(json, "low", r.Low);
        Number(json, "high", r.High);
        Text(json, "unit", r.Unit);
        Text(json, "period", r.Period);
        json.WritePropertyName("year");
        if (r.Year is { } year) json.WriteNumberValue(year); else json.WriteNullValue();
        json.WriteBoolean("is_achievement", r.IsAchievement);
        Text(json, "subject", r.Subject);
        Text(json, "text", r.Text);
        Text(json, "passage_id", r.PassageId);
        Text(json, "passage_url", r.PassageUrl);
        json.WriteEndObject();
    }

    /// <summary>A programme's front-matter metadata, counts and section tree (programmes.json).</summary>
    private static void WriteProgramme(Utf8JsonWriter json, SiteWriter site, AnalysedProgramme ap)
    {
        var p = ap.Programme;
        var m = p.Metadata;
        json.WriteStartObject();
        Text(json, "slug", p.Slug);
        Text(json, "title", m.Title);
        Text(json, "province", m.Province);
        Text(json, "province_slug", PageLinks.ProvinceSlug(p) is { Length: > 0 } s ? s : null);
        Text(json, "issuer", m.Issuer);
        Text(json, "number", m.Number);
        Text(json, "date", m.Date);
        Text(json, "place", m.Place);
        json.WriteStartArray("implements");
        foreach (var d in m.Implements)
        {
            json.WriteStartObject();
            Text(json, "id", d.Id);
            Text(json, "number", d.Number);
            Text(json, "date", d.Date);
            Text(json, "label", d.Label);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (m.Signatory is null) json.WriteNull("signatory");
        else
        {
            json.WriteStartObject("signatory");
            Text(json, "name", m.Signatory.Name);
            Text(json, "role", m.Signatory.Role);
            json.WriteEndObject();
        }
        json.WriteStartArray("horizon_years");
        foreach (var y in m.HorizonYears) json.WriteNumberValue(y);
        json.WriteEndArray();
        json.WriteStartObject("source");
        Text(json, "file", p.Source.FileName);
        Text(json, "sha256", p.Source.Sha256);
        Text(json, "encoding", p.Source.Encoding);
        json.WriteEndObject();
        Text(json, "url", site.Settings.BaseUrl + $"programmes/{p.Slug}.html");
        json.WriteNumber("passages", p.Passages.Count);
        json.WriteNumber("targets", ap.Analysis.Targets.Count(t => !t.IsAchievement));
        json.WriteNumber("assignments", ap.Analysis.Assignments.Count);
        json.WriteNumber("references", ap.Analysis.References.Count);
        json.WriteNumber("own_share", Math.Round(ap.Analysis.OwnShare, 3));
        // The section tree, once per programme: passages.json names a passage's section by id (at 1,000 programmes,
        // repeating the heading path on every passage was a fifth of that file).
        json.WriteStartArray("sections");
        foreach (var root in p.Sections) WriteSection(json, root, null);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>A section, then its children (depth first, document order), each naming its parent.</summary>
    private static void WriteSection(Utf8JsonWriter json, Section s, string? parent)
    {
        json.WriteStartObject();
        Text(json, "id", s.Id);
        Text(json, "path", s.Citation);
        Text(json, "number", s.Number);
        Text(json, "heading", s.Heading);
        Text(json, "parent", parent);
        json.WriteEndObject();
        foreach (var c in s.Children) WriteSection(json, c, s.Id);
    }

    /// <summary>A programme's passages (passages.json), each with its themes, attached fields and shared share.</summary>
    private static void WritePassages(Utf8JsonWriter json, AnalysedProgramme ap)
    {
        var p = ap.Programme;
        var themes = ap.Analysis.Themes.GroupBy(t => t.PassageId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(t => t.ThemeId).Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        foreach (var passage in p.Passages)
        {
            json.WriteStartObject();
            Text(json, "programme", p.Slug);
            Text(json, "id", passage.Id);
            Text(json, "section_id", passage.SectionId);
            Text(json, "section_path", passage.Citation);
            Text(json, "marker", passage.Marker);
            Text(json, "text", passage.Text);
            json.WriteStartArray("themes");
            if (themes.TryGetValue(passage.Id, out var ts))
                foreach (var t in ts) json.WriteStringValue(t);
            json.WriteEndArray();
            json.WriteStartArray("fields");
            foreach (var f in passage.Fields)
            {
                json.WriteStartObject();
                Text(json, "label", f.Label);
                Text(json, "value", f.Value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WritePropertyName("shared_share");
            if (ap.Analysis.SharedShare.TryGetValue(passage.Id, out var share)) json.WriteNumberValue(Math.Round(share, 3));
            else json.WriteNullValue();
            json.WriteEndObject();
        }
    }

    /// <summary>A string member, null as JSON null (as the serializer writes a null string).</summary>
    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null) json.WriteNull(name);
        else json.WriteString(name, value);
    }

    private static void Number(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } d) json.WriteNumber(name, d);
        else json.WriteNull(name);
    }
}
