using System.Security.Cryptography;
using Atlas.Ingest.Closing;
using Atlas.Ingest.Decoding;
using Atlas.Ingest.Header;
using Atlas.Ingest.Overrides;
using Atlas.Ingest.Structure;
using Atlas.Ingest.Text;
using Atlas.Model;

namespace Atlas.Ingest;

/// <summary>Bytes → Programme: decode, normalise, clean, then read header, sections, passages and closing matter.</summary>
public sealed class ProgrammeIngester
{
    /// <summary>
    /// Most paragraphs a programme may have. Real ones have 50–400 (the seeds 60–150); a file with tens of thousands is
    /// a dump, a table exported line by line or many documents in one, and published as one programme it would be a page
    /// of hundreds of megabytes and swamp the search index: it is refused, naming the count, for a person to look at.
    /// </summary>
    public const int MaxPassages = 10_000;

    /// <param name="overridesYaml">Content of the sidecar <c>&lt;name&gt;.yml</c>, if any.</param>
    public IngestOutcome Ingest(SourceDocument source, string? overridesYaml = null)
    {
        try
        {
            return IngestChecked(source, overridesYaml);
        }
        catch (OverrideException ex)
        {
            return Reject(source, ex.Message);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Ingest must never take the whole build down: an unexpected failure rejects this document only.
            return Reject(source, $"{source.FileName}: lỗi khi đọc tài liệu (internal ingest error): {ex.GetType().Name}: {ex.Message}");
        }
    }

    private static IngestOutcome IngestChecked(SourceDocument source, string? overridesYaml)
    {
        var decoded = OfficeDocument.LooksLikeDocument(source.Bytes) ? OfficeDocument.Decode(source.Bytes) : SourceDecoder.Decode(source.Bytes);
        if (decoded.Text is null) return Reject(source, $"{source.FileName}: {decoded.Error ?? "không đọc được (unreadable)"}");

        bool webPage = HtmlText.IsHtml(source.FileName, decoded.Text);
        var lines = TextCleaner.Clean(webPage ? HtmlText.ToText(decoded.Text) : decoded.Text);
        var blocks = BlockJoiner.Join(lines);
        var layout = DocumentLayout.Split(blocks, lines);
        var body = BodyParser.Parse(layout.Body);
        if (body.Passages.Count == 0)
            return Reject(source, $"{source.FileName}: không tìm thấy đoạn văn nào (no paragraphs found: not a programme text)");
        if (body.Passages.Count > MaxPassages)
            return Reject(source, $"{source.FileName}: {body.Passages.Count} đoạn văn, quá nhiều cho một chương trình (more than {MaxPassages} paragraphs: " +
                "not a programme text, or a file that joins many documents)");

        var header = HeaderReader.Read(layout.Header, lines);
        var closing = ClosingReader.Read(layout.Closing, lines);
        var overridesFile = Path.GetFileNameWithoutExtension(source.FileName) + ".yml";
        var overrides = overridesYaml is null ? null : OverrideParser.Parse(overridesYaml, overridesFile);

        var report = new FieldReportBuilder();
        var warnings = new List<string>(decoded.Warnings.Concat(body.Warnings));
        if (webPage) warnings.Insert(0, "Đọc như trang web (read as an HTML page): markup, scripts and menus dropped, one line per paragraph, heading or cell.");
        var preamble = body.Passages.FirstOrDefault(p => p.SectionId is null)?.Text;

        var title = report.Text("title", header.Title);
        var number = report.Text("number", header.Number);
        var place = report.Text("place", header.Place);
        var date = report.Text("date", header.Date ?? DateFromClosing(closing));
        var issuer = report.Text("issuer", Issuer(header, preamble, closing));

        if (header.UnknownProvince is { } unknown)
            warnings.Add($"Tên tỉnh, thành phố không có trong danh sách, bỏ trống (province not in the registry, left empty): \"{unknown.Value}\" in \"{unknown.Evidence}\"");
        string? province;
        if (header.Province is not null) province = report.Text("province", header.Province);
        else if (ProvinceInference.Infer(body.Passages.Select(p => p.Text).Prepend(title ?? "").ToList()) is { } inferred)
            province = report.Inferred("province", inferred.Name, inferred.Evidence);
        else province = report.Text("province", null);

        var implements = ImplementsReader.Read(title, preamble, header.Number?.Value, out var implementsEvidence);
        report.Add("implements", implements.Count > 0 ? "found" : "missing", Describe(implements), implementsEvidence);

        var signatory = closing.Name is null && closing.Role is null ? null : new Signatory(closing.Name, closing.Role);
        report.Add("signatory.name", closing.Name is null ? "missing" : "found", closing.Name, closing.Name is null ? null : string.Join(" / ", closing.Matter.SignatureLines));
        report.Add("signatory.role", closing.Role is null ? "missing" : "found", closing.Role, closing.Role is null ? null : string.Join(" / ", closing.Matter.SignatureLines));

        var horizon = HorizonReader.Read(title, body.Sections);
        report.Add("horizon", horizon.Count > 0 ? "found" : "missing", horizon.Count > 0 ? string.Join(", ", horizon) : null, horizon.Count > 0 ? "title and objective headings" : null);

        if (body.Sections.Count == 0) warnings.Add("Không nhận ra đề mục đánh số nào (no numbered headings recognised): every paragraph is in the preamble.");
        if (layout.Header.Count == 0) warnings.Add("Không có phần đầu văn bản (no header block found before the body).");

        var metadata = new ProgrammeMetadata(title, province, issuer, number, date, place, implements, signatory, horizon);
        var slug = DefaultSlug(source);
        if (overrides is not null) (metadata, slug) = OverrideApplier.Apply(metadata, slug, overrides, overridesFile, report);

        var sha = Convert.ToHexStringLower(SHA256.HashData(source.Bytes));
        var programme = new Programme(slug, metadata, body.Sections, body.Passages, closing.Matter, new SourceInfo(source.FileName, sha, decoded.Encoding));
        var documentReport = new DocumentReport(source.FileName, slug, "ok", null, report.Build(), warnings);
        return new Ingested(programme, documentReport);
    }

    /// <summary>The slug from the file name; a name with no letters or digits gets a stable one from its content.</summary>
    public static string DefaultSlug(SourceDocument source)
    {
        var slug = Slugs.From(Path.GetFileNameWithoutExtension(source.FileName));
        return slug.Length > 0 ? slug : "programme-" + Convert.ToHexStringLower(SHA256.HashData(source.Bytes))[..8];
    }

    private static Rejected Reject(SourceDocument source, string error) =>
        new(new DocumentReport(source.FileName, null, "failed", error, [], []));

    /// <summary>
    /// Who issued it: the title ("… của Ban Thường vụ Tỉnh ủy"), then the letterhead organ ("TỈNH ỦY TIỀN GIANG"), then the
    /// "T/M" line, and only then the preamble's subject. The letterhead and the signature name the issuing organ; the
    /// preamble often names the body that drafted it ("Ban Chấp hành Đảng bộ tỉnh xây dựng Chương trình"), so it comes last.
    /// </summary>
    private static Evidenced? Issuer(HeaderFacts header, string? preamble, ClosingReading closing)
    {
        if (header.Title is { } title)
        {
            var folded = Slugs.From(title.Value);
            int stop = folded.IndexOf("thuc-hien", StringComparison.Ordinal);
            var head = stop >= 0 ? folded[..stop] : folded;
            foreach (var (prefix, name) in HeaderReader.IssuerPrefixes)
                if (head.Contains("cua-" + prefix, StringComparison.Ordinal)) return new Evidenced(name, title.Value);
        }
        if (header.Issuer is not null) return header.Issuer;
        if (closing.OnBehalfOf is { } body && HeaderReader.Organ(body) is { } organ)
            return new Evidenced(organ.Issuer, "T/M " + body);
        if (preamble is not null)
        {
            for (int i = preamble.IndexOf(','); i >= 0; i = preamble.IndexOf(',', i + 1))
            {
                var after = Slugs.From(preamble.Substring(i + 1, Math.Min(60, preamble.Length - i - 1)));
                foreach (var (prefix, name) in HeaderReader.IssuerPrefixes)
                    if (after.StartsWith(prefix + "-", StringComparison.Ordinal))
                        return new Evidenced(name, preamble[(i + 1)..Math.Min(preamble.Length, i + 80)].Trim() + "…");
            }
        }
        return null;
    }

    private static Evidenced? DateFromClosing(ClosingReading closing)
    {
        foreach (var line in closing.Matter.SignatureLines)
            if (VietnameseDate.ReadPlaceAndDate(line) is { } pd) return new Evidenced(pd.Date, line);
        return null;
    }

    public static string? Describe(IReadOnlyList<ImplementedDocument> docs) =>
        docs.Count == 0 ? null : string.Join("; ", docs.Select(d => (d.Number ?? d.Label) + (d.Date is null ? "" : $" ({d.Date})")));
}
