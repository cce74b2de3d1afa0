using Atlas.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Atlas.Content;

/// <summary>
/// The YAML front matter of content/programmes/&lt;slug&gt;.md: the programme's metadata as staff review it.
/// Property order is the order written. Mutable properties only because YamlDotNet reads into them.
/// </summary>
public sealed class FrontMatter
{
    public string? Slug { get; set; }
    public string? Title { get; set; }
    public string? Province { get; set; }
    public string? Issuer { get; set; }
    public string? Number { get; set; }
    public string? Date { get; set; }
    public string? Place { get; set; }
    public List<ImplementedEntry> Implements { get; set; } = [];
    public SignatoryEntry? Signatory { get; set; }
    public List<int> Horizon { get; set; } = [];
    public SourceEntry? Source { get; set; }

    public sealed class ImplementedEntry
    {
        public string? Number { get; set; }
        public string? Date { get; set; }
        public string? Label { get; set; }
    }

    public sealed class SignatoryEntry
    {
        public string? Name { get; set; }
        public string? Role { get; set; }
    }

    public sealed class SourceEntry
    {
        public string? File { get; set; }
        public string? Sha256 { get; set; }
        public string? Encoding { get; set; }
    }

    public static FrontMatter From(Programme p) => new()
    {
        Slug = p.Slug,
        Title = p.Metadata.Title,
        Province = p.Metadata.Province,
        Issuer = p.Metadata.Issuer,
        Number = p.Metadata.Number,
        Date = p.Metadata.Date,
        Place = p.Metadata.Place,
        Implements = p.Metadata.Implements.Select(d => new ImplementedEntry { Number = d.Number, Date = d.Date, Label = d.Label }).ToList(),
        Signatory = p.Metadata.Signatory is { } s ? new SignatoryEntry { Name = s.Name, Role = s.Role } : null,
        Horizon = p.Metadata.HorizonYears.ToList(),
        Source = new SourceEntry { File = p.Source.FileName, Sha256 = p.Source.Sha256, Encoding = p.Source.Encoding },
    };

    /// <summary>The metadata record this front matter describes (the inverse of <see cref="From"/>).</summary>
    public ProgrammeMetadata ToMetadata() => new(
        Title, Province, Issuer, Number, Date, Place,
        Implements.Select(d => new ImplementedDocument(d.Number, d.Date, d.Label ?? d.Number ?? "")).ToList(),
        Signatory is null ? null : new Signatory(Signatory.Name, Signatory.Role),
        Horizon.ToList());

    /// <summary>
    /// Built once: building a serializer reflects over the types, which cost more than writing a thousand front matters.
    /// It holds configuration only (nothing changes after Build), so sharing it keeps the output the same.
    /// </summary>
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.Preserve)
        .Build();

    /// <summary>YAML with one line per scalar (no folding of long titles), LF line ends, Vietnamese as is.</summary>
    public string ToYaml()
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, true, false, "\n"));
        Serializer.Serialize(emitter, this);
        return writer.ToString().Replace("\r\n", "\n");
    }

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static FrontMatter FromYaml(string yaml)
    {
        return Deserializer.Deserialize<FrontMatter?>(yaml) ?? new FrontMatter();
    }
}
