using System.Text;
using Atlas.Model;

namespace Atlas.Build.Cache;

/// <summary>
/// The binary layout of a <see cref="ProgrammeCacheEntry"/>. An incremental build reads back every unchanged programme
/// (1,000 programmes ≈ 100 MB as JSON, over a second of CPU to parse); written field by field it is read several times
/// faster. The layout needs no versioning of its own: every cache key includes the generator version, so an entry is
/// only ever read by the code that wrote it. The entry ends with the SHA-256 of what precedes it, so a cut, altered or
/// foreign file counts as absent rather than giving a wrong programme. Every property of every record below is written: <c>ProgrammeCacheFormatSpec</c> fails when a model record
/// gains a property this file does not know, so a new field cannot silently go missing from cached programmes.
/// </summary>
public static class ProgrammeCacheFormat
{
    private static ReadOnlySpan<byte> Magic => "ATLASPC1"u8;

    public static byte[] Write(ProgrammeCacheEntry entry) => HashedBody.ToArray(stream => Write(entry, stream));

    public static void Write(ProgrammeCacheEntry entry, Stream to) => HashedBody.Write(to, w =>
    {
        w.Write(Magic);
        Optional(w, entry.Programme, WriteProgramme);
        WriteReport(w, entry.Report);
        Optional(w, entry.Analysis, WriteAnalysis);
    });


    /// <summary>The entry, or null when the bytes are not a complete entry of this layout.</summary>
    public static ProgrammeCacheEntry? Read(byte[] bytes)
    {
        try
        {
            int body = HashedBody.Verify(bytes);
            if (body < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
            using var r = new BinaryReader(new MemoryStream(bytes, 0, body, writable: false), Encoding.UTF8);
            r.ReadBytes(Magic.Length);
            var programme = ReadOptional(r, ReadProgramme);
            var report = ReadReport(r);
            var analysis = ReadOptional(r, ReadAnalysis);
            if (r.BaseStream.Position != body) return null;
            return new ProgrammeCacheEntry(programme, report, analysis);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException or InvalidDataException or OverflowException or DecoderFallbackException)
        {
            return null;
        }
    }

    // ---- programme

    private static void WriteProgramme(BinaryWriter w, Programme p)
    {
        Str(w, p.Slug);
        var m = p.Metadata;
        Str(w, m.Title); Str(w, m.Province); Str(w, m.Issuer); Str(w, m.Number); Str(w, m.Date); Str(w, m.Place);
        List(w, m.Implements, static (w, d) => { Str(w, d.Number); Str(w, d.Date); Str(w, d.Label); });
        Optional(w, m.Signatory, static (w, s) => { Str(w, s.Name); Str(w, s.Role); });
        List(w, m.HorizonYears, static (w, y) => w.Write(y));
        List(w, p.Sections, WriteSection);
        List(w, p.Passages, static (w, x) =>
        {
            Str(w, x.Id); Str(w, x.SectionId); Strings(w, x.SectionPath); Str(w, x.Marker); Str(w, x.Text);
            List(w, x.Fields, static (w, f) => { Str(w, f.Label); Str(w, f.Value); });
        });
        Strings(w, p.Closing.Recipients);
        Strings(w, p.Closing.SignatureLines);
        Str(w, p.Source.FileName); Str(w, p.Source.Sha256); Str(w, p.Source.Encoding);
    }

    private static Programme ReadProgramme(BinaryReader r)
    {
        var slug = Str(r)!;
        var metadata = new ProgrammeMetadata(Str(r), Str(r), Str(r), Str(r), Str(r), Str(r),
            List(r, static r => new ImplementedDocument(Str(r), Str(r), Str(r)!)),
            ReadOptional(r, static r => new Signatory(Str(r), Str(r))),
            List(r, static r => r.ReadInt32()));
        var sections = List(r, ReadSection);
        var passages = List(r, static r => new Passage(Str(r)!, Str(r), Strings(r), Str(r), Str(r)!)
        {
            Fields = List(r, static r => new PassageField(Str(r)!, Str(r)!)),
        });
        var closing = new ClosingMatter(Strings(r), Strings(r));
        var source = new SourceInfo(Str(r)!, Str(r)!, Str(r)!);
        return new Programme(slug, metadata, sections, passages, closing, source);
    }

    private static void WriteSection(BinaryWriter w, Section s)
    {
        Str(w, s.Id); Str(w, s.Number); w.Write((int)s.Kind); Str(w, s.Heading); Strings(w, s.Path);
        List(w, s.Children, WriteSection);
        w.Write(s.PassagesBefore);
    }

    private static Section ReadSection(BinaryReader r)
    {
        var section = new Section(Str(r)!, Str(r)!, Enum<SectionKind>(r), Str(r)!, Strings(r), List(r, ReadSection));
        return section with { PassagesBefore = r.ReadInt32() };
    }

    // ---- report

    private static void WriteReport(BinaryWriter w, DocumentReport d)
    {
        Str(w, d.Source); Str(w, d.Slug); Str(w, d.Status); Str(w, d.Error);
        List(w, d.Fields, static (w, f) => { Str(w, f.Field); Str(w, f.State); Str(w, f.Value); Str(w, f.Evidence); });
        Strings(w, d.Warnings);
    }

    private static DocumentReport ReadReport(BinaryReader r) =>
        new(Str(r)!, Str(r), Str(r)!, Str(r),
            List(r, static r => new FieldReport(Str(r)!, Str(r)!, Str(r), Str(r))), Strings(r));

    // ---- analysis

    private static void WriteAnalysis(BinaryWriter w, ProgrammeAnalysis a)
    {
        List(w, a.Themes, static (w, t) => { Str(w, t.PassageId); Str(w, t.ThemeId); Str(w, t.Reason); Str(w, t.Evidence); });
        List(w, a.Targets, static (w, t) =>
        {
            Str(w, t.PassageId); Str(w, t.IndicatorId); w.Write((int)t.Comparator); Dec(w, t.Low); Dec(w, t.High);
            Str(w, t.Unit); Str(w, t.Period); w.Write(t.Year.HasValue); w.Write(t.Year ?? 0); Str(w, t.Verbatim);
            w.Write(t.IsAchievement); Str(w, t.Subject);
        });
        List(w, a.Assignments, static (w, x) => { Str(w, x.TaskId); Str(w, x.Directing); Str(w, x.Lead); Str(w, x.Implementing); Str(w, x.Coordinating); Str(w, x.Timing); });
        List(w, a.References, static (w, x) => { Str(w, x.PassageId); Str(w, x.Kind); Str(w, x.Number); Str(w, x.Date); Str(w, x.Issuer); Str(w, x.Verbatim); Str(w, x.Subject); });
        List(w, a.Related, static (w, x) => { Str(w, x.PassageId); Str(w, x.OtherSlug); Str(w, x.OtherPassageId); w.Write(x.Score); });
        List(w, a.SharedShare.ToList(), static (w, kv) => { Str(w, kv.Key); w.Write(kv.Value); });
        List(w, a.SharedSpans.ToList(), static (w, kv) => { Str(w, kv.Key); List(w, kv.Value, static (w, s) => { w.Write(s.Start); w.Write(s.Length); }); });
        w.Write(a.OwnShare);
    }

    private static ProgrammeAnalysis ReadAnalysis(BinaryReader r)
    {
        var themes = List(r, static r => new PassageTheme(Str(r)!, Str(r)!, Str(r)!, Str(r)!));
        var targets = List(r, static r =>
        {
            var (passage, indicator, comparator, low, high, unit, period) = (Str(r)!, Str(r), Enum<Comparator>(r), Dec(r), Dec(r), Str(r), Str(r));
            var (hasYear, year) = (r.ReadBoolean(), r.ReadInt32());
            return new Target(passage, indicator, comparator, low, high, unit, period, hasYear ? year : null, Str(r)!, r.ReadBoolean())
            {
                Subject = Str(r),
            };
        });
        var assignments = List(r, static r => new Assignment(Str(r)!, Str(r), Str(r), Str(r), Str(r), Str(r)));
        var references = List(r, static r => new Reference(Str(r)!, Str(r)!, Str(r), Str(r), Str(r), Str(r)!) { Subject = Str(r) });
        var related = List(r, static r => new RelatedPassage(Str(r)!, Str(r)!, Str(r)!, r.ReadDouble()));
        var share = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (k, v) in List(r, static r => (Str(r)!, r.ReadDouble()))) share.Add(k, v);
        var spans = new Dictionary<string, IReadOnlyList<TextSpan>>(StringComparer.Ordinal);
        foreach (var (k, v) in List(r, static r => (Str(r)!, List(r, static r => new TextSpan(r.ReadInt32(), r.ReadInt32()))))) spans.Add(k, v);
        return new ProgrammeAnalysis(themes, targets, assignments, references, related, share)
        {
            SharedSpans = spans,
            OwnShare = r.ReadDouble(),
        };
    }

    // ---- primitives (C# evaluates arguments left to right, so constructor calls above read fields in written order)

    private static void Str(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? Str(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void Strings(BinaryWriter w, IReadOnlyList<string> list) => List(w, list, static (w, s) => Str(w, s));

    private static IReadOnlyList<string> Strings(BinaryReader r) => List(r, static r => Str(r)!);

    private static void Dec(BinaryWriter w, decimal? d)
    {
        w.Write(d.HasValue);
        if (d.HasValue) w.Write(d.Value); // the 16 bytes keep the scale: 5.0 stays 5.0
    }

    private static decimal? Dec(BinaryReader r) => r.ReadBoolean() ? r.ReadDecimal() : null;

    private static T Enum<T>(BinaryReader r) where T : struct, System.Enum
    {
        var value = r.ReadInt32();
        var e = (T)(object)value;
        return System.Enum.IsDefined(e) ? e : throw new InvalidDataException("unknown enum value");
    }

    private static void List<T>(BinaryWriter w, IReadOnlyList<T> list, Action<BinaryWriter, T> item)
    {
        w.Write(list.Count);
        for (int i = 0; i < list.Count; i++) item(w, list[i]);
    }

    private static IReadOnlyList<T> List<T>(BinaryReader r, Func<BinaryReader, T> item)
    {
        int count = r.ReadInt32();
        // A count can never exceed the bytes left (every item takes at least one): guards a corrupt length.
        if (count < 0 || count > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("bad count");
        var list = new T[count];
        for (int i = 0; i < count; i++) list[i] = item(r);
        return list;
    }

    private static void Optional<T>(BinaryWriter w, T? value, Action<BinaryWriter, T> write) where T : class
    {
        w.Write(value is not null);
        if (value is not null) write(w, value);
    }

    private static T? ReadOptional<T>(BinaryReader r, Func<BinaryReader, T> read) where T : class => r.ReadBoolean() ? read(r) : null;
}
