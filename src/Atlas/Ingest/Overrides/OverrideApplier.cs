using Atlas.Model;

namespace Atlas.Ingest.Overrides;

/// <summary>Applies a sidecar's corrections to what ingest read, marking each replaced field "overridden" with the file as evidence.</summary>
public static class OverrideApplier
{
    public static (ProgrammeMetadata Metadata, string Slug) Apply(
        ProgrammeMetadata m, string slug, ProgrammeOverrides o, string fileName, FieldReportBuilder report)
    {
        void Mark(string field, string? value) => report.Add(field, "overridden", value, fileName);

        if (o.Title is not null) { m = m with { Title = o.Title }; Mark("title", o.Title); }
        if (o.Province is not null) { m = m with { Province = o.Province }; Mark("province", o.Province); }
        if (o.Issuer is not null) { m = m with { Issuer = o.Issuer }; Mark("issuer", o.Issuer); }
        if (o.Number is not null) { m = m with { Number = o.Number }; Mark("number", o.Number); }
        if (o.Date is not null) { m = m with { Date = o.Date }; Mark("date", o.Date); }
        if (o.Place is not null) { m = m with { Place = o.Place }; Mark("place", o.Place); }
        if (o.Signatory is not null)
        {
            var s = m.Signatory ?? new Signatory(null, null);
            if (o.Signatory.Name is not null) { s = s with { Name = o.Signatory.Name }; Mark("signatory.name", o.Signatory.Name); }
            if (o.Signatory.Role is not null) { s = s with { Role = o.Signatory.Role }; Mark("signatory.role", o.Signatory.Role); }
            m = m with { Signatory = s.Name is null && s.Role is null ? null : s };
        }
        if (o.Implements is not null)
        {
            var docs = o.Implements.Select(d => new ImplementedDocument(d.Number, d.Date, d.Label ?? d.Number!)).ToList();
            m = m with { Implements = docs };
            Mark("implements", ProgrammeIngester.Describe(docs));
        }
        if (o.Horizon is not null)
        {
            var years = o.Horizon.Distinct().Order().ToList();
            m = m with { HorizonYears = years };
            Mark("horizon", string.Join(", ", years));
        }
        if (o.Slug is not null) { slug = o.Slug; Mark("slug", o.Slug); }
        return (m, slug);
    }
}
