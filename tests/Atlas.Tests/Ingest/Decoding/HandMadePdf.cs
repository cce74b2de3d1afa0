namespace Atlas.Tests.Ingest.Decoding;

/// <summary>Small PDFs written byte by byte, for what no PDF writer at hand makes on purpose (a stream bomb, a script).</summary>
internal static class HandMadePdf
{
    /// <summary>What <paramref name="write"/> writes, zlib-compressed (a PDF's FlateDecode).</summary>
    public static byte[] Flate(Action<Stream> write)
    {
        var compressed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true)) write(zlib);
        return compressed.ToArray();
    }

    /// <summary>A PDF of one page whose content stream is <paramref name="flate"/> (zlib-compressed), with Helvetica as /F1;
    /// <paramref name="catalogEntries"/> go into its catalog (an /OpenAction, say).</summary>
    public static byte[] OnePage(byte[] flate, string catalogEntries = "")
    {
        var pdf = new MemoryStream();
        var offsets = new List<long>();
        void Write(string text) => pdf.Write(System.Text.Encoding.ASCII.GetBytes(text));
        void Object(string body, byte[]? stream = null)
        {
            offsets.Add(pdf.Position);
            Write($"{offsets.Count} 0 obj\n{body}\n");
            if (stream is not null) { Write("stream\n"); pdf.Write(stream); Write("\nendstream\n"); }
            Write("endobj\n");
        }
        Write("%PDF-1.4\n");
        Object($"<< /Type /Catalog /Pages 2 0 R {catalogEntries}>>");
        Object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        Object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>");
        Object($"<< /Length {flate.Length} /Filter /FlateDecode >>", flate);
        Object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        long xref = pdf.Position;
        Write($"xref\n0 {offsets.Count + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer\n<< /Size {offsets.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return pdf.ToArray();
    }
}
