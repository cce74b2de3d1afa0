using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Atlas.Analysis;
using Atlas.Build.Cache;
using Atlas.Content;
using Atlas.Model;
using Atlas.Tests.Ingest;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build.Cache;

/// <summary>
/// The binary layout of the ingest cache gives back exactly what was cached — every field of the programme, its report
/// and its own analysis — and reads anything else (cut, altered, foreign bytes) as no entry, never as a wrong programme.
/// </summary>
public class ProgrammeCacheFormatSpec
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>JSON of an entry through the default (reflection) contract: every public property, so any field lost shows.</summary>
    private static string Everything(ProgrammeCacheEntry entry) => JsonSerializer.Serialize(entry, Json);

    private static IEnumerable<ProgrammeCacheEntry> SeedEntries()
    {
        var registries = Registries.Load(Repo.Content);
        var ingested = Seeds.All.Select(Seeds.Ingest).ToList();
        var analysed = new AtlasAnalyser(registries.Themes, registries.Indicators, registries.ThemeOverrides)
            .Analyse(ingested.Select(i => i.Programme).OrderBy(p => p.Slug, StringComparer.Ordinal).ToList());
        // The full analysis (related passages and shared wording included), though the cache keeps only the own part.
        return analysed.Select(a => new ProgrammeCacheEntry(a.Programme, ingested.Single(i => i.Programme == a.Programme).Report, a.Analysis));
    }

    [Fact]
    public void The_seeds_come_back_field_for_field()
    {
        foreach (var entry in SeedEntries())
        {
            Assert.NotEmpty(entry.Analysis!.Targets);
            Assert.NotEmpty(entry.Analysis.Related);
            var back = ProgrammeCacheFormat.Read(ProgrammeCacheFormat.Write(entry));
            Assert.NotNull(back);
            Assert.Equal(Everything(entry), Everything(back));
        }
    }

    [Fact]
    public void Nulls_empty_lists_decimals_scales_and_a_rejected_document_come_back_as_written()
    {
        var passage = new Passage("s-1-p1", null, [], null, "") { Fields = [new PassageField("Cơ quan chủ trì", "")] };
        var programme = new Programme("x", new ProgrammeMetadata(null, null, null, null, null, null, [new ImplementedDocument(null, null, "NQ")], null, []),
            [new Section("s-1", "1.", SectionKind.Unnumbered, "", ["1"], []) { PassagesBefore = 0 }], [passage],
            new ClosingMatter([], []), new SourceInfo("x.txt", "00", "utf-8"));
        var analysis = ProgrammeAnalysis.Empty with
        {
            Targets = [new Target("s-1-p1", null, Comparator.Range, 5.0m, 12.50m, null, null, null, "5,0 – 12,50", true) { Subject = null },
                       new Target("s-1-p1", "gdp", Comparator.AtLeast, null, -0.001m, "%", "2021-2025", 2025, "≥", false) { Subject = "GRDP" }],
            OwnShare = 0.25,
        };
        var entries = new[]
        {
            new ProgrammeCacheEntry(programme, new DocumentReport("x.txt", "x", "ok", null, [new FieldReport("date", "missing", null, null)], ["w"]), analysis),
            new ProgrammeCacheEntry(null, new DocumentReport("bad.pdf", null, "failed", "binary file", [], []), null),
        };
        foreach (var entry in entries)
            Assert.Equal(Everything(entry), Everything(ProgrammeCacheFormat.Read(ProgrammeCacheFormat.Write(entry))!));
        var target = ProgrammeCacheFormat.Read(ProgrammeCacheFormat.Write(entries[0]))!.Analysis!.Targets[0];
        Assert.Equal("5.0", target.Low!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("12.50", target.High!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cut_altered_or_foreign_bytes_read_as_no_entry()
    {
        var bytes = ProgrammeCacheFormat.Write(SeedEntries().First());
        Assert.Null(ProgrammeCacheFormat.Read(bytes[..^1]));
        Assert.Null(ProgrammeCacheFormat.Read(bytes[..(bytes.Length / 2)]));
        Assert.Null(ProgrammeCacheFormat.Read([.. bytes, 0]));
        Assert.Null(ProgrammeCacheFormat.Read("{\"Programme\":null}"u8.ToArray()));
        Assert.Null(ProgrammeCacheFormat.Read([]));
        var altered = (byte[])bytes.Clone();
        altered[12] ^= 0xFF; // a letter of the slug: still a well-formed entry, caught by its hash
        Assert.Null(ProgrammeCacheFormat.Read(altered));
    }

    /// <summary>
    /// The layout writes each record's properties by hand. This list is what it knows; a property added to a model record
    /// fails here until ProgrammeCacheFormat writes and reads it (and then it is added below).
    /// </summary>
    [Fact]
    public void The_layout_knows_every_property_of_the_cached_records()
    {
        var known = new Dictionary<Type, string>
        {
            [typeof(ProgrammeCacheEntry)] = "Analysis Programme Report",
            [typeof(Programme)] = "Closing Metadata Passages Sections Slug Source",
            [typeof(ProgrammeMetadata)] = "Date HorizonYears Implements Issuer Number Place Province Signatory Title",
            [typeof(ImplementedDocument)] = "Date Label Number",
            [typeof(Signatory)] = "Name Role",
            [typeof(Section)] = "Children Heading Id Kind Number PassagesBefore Path",
            [typeof(Passage)] = "Fields Id Marker SectionId SectionPath Text",
            [typeof(PassageField)] = "Label Value",
            [typeof(ClosingMatter)] = "Recipients SignatureLines",
            [typeof(SourceInfo)] = "Encoding FileName Sha256",
            [typeof(DocumentReport)] = "Error Fields Slug Source Status Warnings",
            [typeof(FieldReport)] = "Evidence Field State Value",
            [typeof(ProgrammeAnalysis)] = "Assignments OwnShare References Related SharedShare SharedSpans Targets Themes",
            [typeof(PassageTheme)] = "Evidence PassageId Reason ThemeId",
            [typeof(Target)] = "Comparator High IndicatorId IsAchievement Low PassageId Period Subject Unit Verbatim Year",
            [typeof(Assignment)] = "Coordinating Directing Implementing Lead TaskId Timing",
            [typeof(Reference)] = "Date Issuer Kind Number PassageId Subject Verbatim",
            [typeof(RelatedPassage)] = "OtherPassageId OtherSlug PassageId Score",
            [typeof(TextSpan)] = "Length Start",
        };
        foreach (var (type, names) in known)
        {
            // Data properties only: those with a setter (positional or init); computed ones (Citation, Id of a document) are not stored.
            var actual = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is not null && p.Name != "EqualityContract").Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.Equal(names, string.Join(' ', actual));
        }
    }
}
