using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Atlas.Ingest.Overrides;

/// <summary>
/// A sidecar <c>content/sources/&lt;name&gt;.yml</c>: staff corrections of front-matter fields. Every key is optional;
/// a key that is present replaces what ingest read, and the report marks that field "overridden".
/// </summary>
public sealed class ProgrammeOverrides
{
    public string? Title { get; set; }
    public string? Province { get; set; }
    public string? Issuer { get; set; }
    public string? Number { get; set; }
    public string? Date { get; set; }
    public string? Place { get; set; }
    public string? Slug { get; set; }
    public SignatoryOverride? Signatory { get; set; }
    public List<ImplementedOverride>? Implements { get; set; }
    public List<int>? Horizon { get; set; }

    public sealed class SignatoryOverride
    {
        public string? Name { get; set; }
        public string? Role { get; set; }
    }

    public sealed class ImplementedOverride
    {
        public string? Number { get; set; }
        public string? Date { get; set; }
        public string? Label { get; set; }
    }
}

/// <summary>Thrown for an override file that cannot be used; the message names the file and says what is wrong.</summary>
public sealed class OverrideException(string message) : Exception(message);

public static class OverrideParser
{
    /// <summary>Parses and validates an override file. Unknown keys are refused: a misspelt key silently ignored would look like a bug in ingest.</summary>
    public static ProgrammeOverrides Parse(string yaml, string fileName)
    {
        ProgrammeOverrides? parsed;
        try
        {
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .WithDuplicateKeyChecking()
                .Build();
            parsed = deserializer.Deserialize<ProgrammeOverrides?>(yaml);
        }
        catch (YamlException ex)
        {
            var where = ex.Start.Line > 0 ? $" (dòng/line {ex.Start.Line}, cột/column {ex.Start.Column})" : "";
            var reason = ex.InnerException?.Message ?? ex.Message;
            throw new OverrideException($"{fileName}: tệp ghi đè YAML không hợp lệ (malformed YAML override){where}: {reason}");
        }
        parsed ??= new ProgrammeOverrides();
        Validate(parsed, fileName);
        return parsed;
    }

    private static void Validate(ProgrammeOverrides o, string fileName)
    {
        if (o.Slug is not null)
        {
            var slug = o.Slug;
            if (slug.Length == 0 || slug.Contains('/') || slug.Contains('\\') || slug.Contains("..") || Path.IsPathRooted(slug) || slug.Contains(':'))
                throw new OverrideException($"{fileName}: slug \"{slug}\" bị từ chối — không được chứa '/', '\\', '..' hay là đường dẫn tuyệt đối (slug refused: it must be a plain name, not a path)");
            if (!slug.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-') || slug.StartsWith('-') || slug.EndsWith('-'))
                throw new OverrideException($"{fileName}: slug \"{slug}\" chỉ được gồm chữ thường a-z, số và dấu '-' (slug must be lower-case ASCII letters, digits and dashes)");
        }
        if (o.Date is not null && !Header.VietnameseDate.IsIsoDate(o.Date))
            throw new OverrideException($"{fileName}: date \"{o.Date}\" phải có dạng yyyy-MM-dd (date must be yyyy-MM-dd)");
        foreach (var d in o.Implements ?? [])
        {
            if (d.Number is null && d.Label is null)
                throw new OverrideException($"{fileName}: mỗi mục implements cần number hoặc label (each implements entry needs a number or a label)");
            if (d.Date is not null && !Header.VietnameseDate.IsIsoDate(d.Date))
                throw new OverrideException($"{fileName}: implements date \"{d.Date}\" phải có dạng yyyy-MM-dd (must be yyyy-MM-dd)");
        }
    }
}
