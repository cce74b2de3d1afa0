using System.IO.Compression;
using System.Xml;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// An office document dropped as a source — Word (.docx, <see cref="DocxText"/>), OpenDocument (.odt, the format
/// Vietnamese public bodies are asked to exchange; <see cref="OdtText"/>), Word 97–2003 (.doc, <see cref="WordBinaryText"/>)
/// or RTF (.rtf, <see cref="RtfText"/>) — read as its body text. The first two are ZIP archives of XML parts; a part is
/// read as a stream capped at <see cref="MaxPartBytes"/>, with DTDs refused. A .doc is an OLE2 compound file
/// (<see cref="CompoundFile"/>); an RTF file is 7-bit text with control words.
/// </summary>
public static class OfficeDocument
{
    /// <summary>Largest XML part read: a real body is a few MB; a ZIP may claim or inflate to far more.</summary>
    private const long MaxPartBytes = 64L * 1024 * 1024;

    /// <summary>A ZIP archive (PK\3\4): which kind of document, if any, is known once it is opened.</summary>
    public static bool LooksLikeZip(ReadOnlySpan<byte> bytes) => bytes.StartsWith("PK\u0003\u0004"u8);

    /// <summary>A ZIP archive, an OLE2 compound file, an RTF file or a PDF: what <see cref="Decode"/> reads.</summary>
    public static bool LooksLikeDocument(ReadOnlySpan<byte> bytes) =>
        LooksLikeZip(bytes) || CompoundFile.LooksLike(bytes) || RtfText.LooksLike(bytes) || PdfText.LooksLike(bytes);

    /// <summary>
    /// The document's text as a decoded source, or why it cannot be read. The text then goes through the UTF-8 path of
    /// <see cref="SourceDecoder"/>, for the same normalisation (NFC, control characters, white space) as a text file.
    /// </summary>
    public static DecodedText Decode(byte[] bytes)
    {
        if (bytes.Length > SourceDecoder.MaxBytes) return SourceDecoder.Decode(bytes); // refused as too large, the same way
        var text = ToText(bytes, out var format, out var error, out var notes);
        if (text is null) return new DecodedText(null, format, error);
        var decoded = SourceDecoder.Decode(System.Text.Encoding.UTF8.GetBytes(text));
        return decoded with
        {
            // A document typed in a legacy font (.VnTime, VNI-Times) keeps its bytes as characters: repaired as any re-saved
            // font text, and named by the font and the document's format ("vni-in-docx").
            Encoding = decoded.Encoding.EndsWith(SourceDecoder.FontInUnicode + "utf-8", StringComparison.Ordinal)
                ? decoded.Encoding[..^"utf-8".Length] + format : format,
            Warnings = [.. decoded.Warnings, format switch
            {
                "docx" => "Đọc từ tệp Word (read from a .docx document): body paragraphs and tables, automatic numbering written out; headers, footers and comments left out.",
                "rtf" => "Đọc từ tệp RTF (read from an .rtf document): body paragraphs and tables, list numbers as the file renders them; tracked deletions, headers, footers, footnotes, comments and pictures left out.",
                "pdf" => "Đọc từ tệp PDF (read from a PDF): the text is rebuilt from the page layout — paragraphs from line positions, a two-column header or closing column by column, table rows from aligned cells; page numbers and running headers left out. Check the sections and tables against the PDF.",
                "doc" => "Đọc từ tệp Word 97–2003 (read from a .doc document): body paragraphs and tables, automatic numbering set on a paragraph written out (numbering a heading takes from its style is not: check the sections); tracked deletions, headers, footers, footnotes and comments left out.",
                _ => "Đọc từ tệp OpenDocument (read from an .odt document): body paragraphs, headings, lists and tables, the numbers of lists and numbered headings written out (numbering a paragraph takes from its paragraph style is not: check the sections).",
            }, .. notes],
        };
    }

    /// <summary>The document's text and its format ("docx", "odt", "doc", "rtf"), or null with <paramref name="error"/> saying why.</summary>
    public static string? ToText(byte[] bytes, out string format, out string? error) => ToText(bytes, out format, out error, out _);

    /// <param name="notes">What a reviewer should know besides (a PDF's pages of pictures only or of text set sideways).</param>
    private static string? ToText(byte[] bytes, out string format, out string? error, out IReadOnlyList<string> notes)
    {
        notes = [];
        if (PdfText.LooksLike(bytes))
        {
            format = "pdf";
            return PdfText.Read(bytes, out error, out notes);
        }
        if (RtfText.LooksLike(bytes))
        {
            format = "rtf";
            return RtfText.Read(bytes, out error);
        }
        if (CompoundFile.LooksLike(bytes))
        {
            format = "doc";
            try
            {
                return WordBinaryText.Read(bytes, out error);
            }
            catch (InvalidDataException ex)
            {
                error = $"tệp Word (.doc) bị hỏng (damaged .doc document: {ex.Message})";
                return null;
            }
        }
        format = "zip";
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            error = null;
            if (DocxText.Read(zip) is { } word) { format = "docx"; return word; }
            if (OdtText.Read(zip) is { } open) { format = "odt"; return open; }
            error = "tệp ZIP không phải văn bản Word hay OpenDocument (a ZIP archive that is neither a .docx nor an .odt document)";
            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or XmlException or IOException or FormatException)
        {
            error = $"tệp văn bản bị hỏng (damaged .docx/.odt document: {ex.Message})";
            return null;
        }
    }

    internal static XmlReader Open(ZipArchiveEntry entry)
    {
        if (entry.Length > MaxPartBytes) throw new InvalidDataException($"{entry.FullName} is {entry.Length / (1024 * 1024)} MB");
        // The declared length may lie: the stream is cut at the limit, so an inflating bomb ends as damaged XML.
        var stream = new LimitedStream(entry.Open(), MaxPartBytes);
        return XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true });
    }

    /// <summary>A read-only stream that ends with an error once more than a limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            read += n;
            if (read > limit) throw new InvalidDataException($"a part inflates past {limit / (1024 * 1024)} MB");
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing) { if (disposing) inner.Dispose(); base.Dispose(disposing); }
    }
}
