using Atlas.Ingest.Decoding;

namespace Atlas.Tests.Ingest.Decoding;

/// <summary>A document another program saved in another format (LibreOffice's .doc, .odt or .rtf of a .docx).</summary>
internal static class SavedCopy
{
    /// <summary>Asserts that the copy is read as <paramref name="format"/> with the original's very text; returns its lines.</summary>
    public static string[] HasTheTextOf(byte[] original, byte[] copy, string format)
    {
        var text = OfficeDocument.ToText(copy, out var read, out var error);
        Assert.Null(error);
        Assert.Equal(format, read);
        Assert.Equal(OfficeDocument.ToText(original, out _, out _), text);
        return text!.Split('\n');
    }
}
