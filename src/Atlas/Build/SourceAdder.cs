using System.Security.Cryptography;
using System.Text;
using Atlas.Ingest;
using Atlas.Ingest.Decoding;
using Atlas.Model;

namespace Atlas.Build;

/// <summary>What <c>atlas add</c> did: where the source went (null if refused), what ingest understood, and the
/// override file to write when fields are missing.</summary>
public sealed record AddResult(string? AddedPath, IngestOutcome? Outcome, string? Error, string? OverrideTemplate);

/// <summary>
/// Brings a newly received programme into content/sources/ under a readable name derived from what it says
/// (province + number + year), byte for byte, never overwriting anything.
/// </summary>
public static class SourceAdder
{
    public static AddResult Add(BuildOptions options, string file)
    {
        if (!File.Exists(file)) return Refused($"{file}: không tìm thấy tệp (no such file)");
        var length = new FileInfo(file).Length;
        if (length > SourceDecoder.MaxBytes) return Refused($"{Path.GetFileName(file)}: {SourceDecoder.TooLargeMessage(length)}");
        var bytes = File.ReadAllBytes(file);
        var sha = SHA256.HashData(bytes);

        Directory.CreateDirectory(options.SourcesDir);
        var existing = SourceFolder.Read(options.SourcesDir)
            .FirstOrDefault(s => new FileInfo(s.Path).Length == bytes.Length && SHA256.HashData(File.ReadAllBytes(s.Path)).AsSpan().SequenceEqual(sha));
        if (existing is not null)
            return Refused($"{Path.GetFileName(file)}: đã có trong content/sources với tên {existing.FileName} (already added as {existing.FileName})");

        var ingester = new ProgrammeIngester();
        var first = ingester.Ingest(new SourceDocument(Path.GetFileName(file), bytes));
        if (first is not Ingested ingested) return new AddResult(null, first, first.Report.Error, null);

        var name = ReadableName(ingested.Programme.Metadata, file, bytes);
        var target = Path.Combine(options.SourcesDir, name);
        try
        {
            // CreateNew: refuses atomically if a file of that name appeared meanwhile.
            using var stream = new FileStream(target, FileMode.CreateNew, FileAccess.Write);
            stream.Write(bytes);
        }
        catch (IOException) when (File.Exists(target))
        {
            return Refused($"content/sources/{name} đã tồn tại, không ghi đè (already exists; not overwritten). " +
                           "Nếu đây là văn bản khác, hãy đổi tên tệp rồi chép tay vào content/sources/ (if it is a different document, rename it and copy it in by hand).");
        }

        var outcome = ingester.Ingest(new SourceDocument(name, bytes));
        return new AddResult(target, outcome, null, OverrideTemplate(name, outcome.Report));
    }

    /// <summary>"tien-giang-38-ctr-tu-2023.txt": province, number and year as the document states them; the
    /// original file name when the document does not say enough.</summary>
    public static string ReadableName(ProgrammeMetadata metadata, string originalPath, byte[] bytes)
    {
        var extension = Path.GetExtension(originalPath).ToLowerInvariant();
        if (extension.Length is 0 or > 6 || extension is ".yml" or ".yaml") extension = ".txt";
        var year = metadata.Date is { Length: >= 4 } d ? d[..4] : null;
        var stem = metadata.Province is not null && metadata.Number is not null
            ? Slugs.From($"{metadata.Province} {metadata.Number} {year}")
            : Slugs.From(Path.GetFileNameWithoutExtension(originalPath));
        if (stem.Length == 0) stem = "programme-" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..8];
        return stem + extension;
    }

    /// <summary>The sidecar to write for the fields the report lists as missing, every line commented out so that
    /// saving the template unchanged changes nothing. Null when nothing is missing.</summary>
    public static string? OverrideTemplate(string sourceName, DocumentReport report)
    {
        var missing = report.Fields.Where(f => f.State == "missing").Select(f => f.Field).ToList();
        if (report.Status != "ok" || missing.Count == 0) return null;
        var sb = new StringBuilder();
        sb.Append("# content/sources/").Append(Path.GetFileNameWithoutExtension(sourceName)).Append(".yml\n");
        sb.Append("# Điền các trường còn thiếu, bỏ dấu # ở đầu dòng, rồi chạy lại ./build.sh\n");
        sb.Append("# (fill in the missing fields, remove the leading #, then run ./build.sh again)\n");
        var signatory = missing.Where(f => f.StartsWith("signatory.", StringComparison.Ordinal)).ToList();
        foreach (var field in missing.Where(f => !f.StartsWith("signatory.", StringComparison.Ordinal)))
            sb.Append(field switch
            {
                "date" => "# date: 2023-03-20            # yyyy-MM-dd\n",
                "number" => "# number: 38-CTr/TU            # số văn bản như in trên văn bản (as printed)\n",
                "province" => "# province: Tiền Giang          # tên tỉnh (province name)\n",
                "implements" => "# implements:                   # văn bản được thực hiện (documents implemented)\n#   - number: 29-NQ/TW\n#     date: 2022-11-17\n#     label: Nghị quyết số 29-NQ/TW của Hội nghị Trung ương 6 khóa XIII\n",
                "horizon" => "# horizon: [2025, 2030]         # các năm mốc (horizon years)\n",
                _ => $"# {field}: \n",
            });
        if (signatory.Count > 0)
        {
            sb.Append("# signatory:\n");
            foreach (var f in signatory) sb.Append($"#   {f["signatory.".Length..]}: \n");
        }
        return sb.ToString();
    }

    private static AddResult Refused(string error) => new(null, null, error, null);
}
