using System.Buffers;
using System.Text;

namespace Atlas.Render;

/// <summary>
/// A UTF-8 file writer whose buffers are borrowed from the shared array pool and given back when it is disposed. A
/// <see cref="StreamWriter"/> allocates its char and byte buffers anew for every file (80 KB a page): at 1,000
/// programmes ~3,300 pages made a quarter of a gigabyte of garbage from buffers alone. Writes the same bytes as a
/// StreamWriter with the same encoding: one stateful encoder, so a surrogate pair split between two chunks is encoded
/// whole, and flushed at the end (a lone surrogate becomes U+FFFD, as the encoding's replacement fallback says).
/// </summary>
internal sealed class PooledUtf8Writer : TextWriter
{
    /// <summary>Chars buffered before a chunk is encoded and written: one system call per 16K chars.</summary>
    private const int ChunkChars = 1 << 14;

    private readonly Stream stream;
    private readonly Encoder encoder;
    private char[]? chars;
    private byte[]? bytes;
    private int count;

    public PooledUtf8Writer(Stream stream, UTF8Encoding encoding)
    {
        this.stream = stream;
        Encoding = encoding;
        encoder = encoding.GetEncoder();
        chars = ArrayPool<char>.Shared.Rent(ChunkChars);
        bytes = ArrayPool<byte>.Shared.Rent(encoding.GetMaxByteCount(ChunkChars));
    }

    public override Encoding Encoding { get; }

    public override void Write(char value)
    {
        if (count == chars!.Length) WriteChunk(flush: false);
        chars[count++] = value;
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        while (buffer.Length > 0)
        {
            if (count == chars!.Length) WriteChunk(flush: false);
            var n = Math.Min(buffer.Length, chars.Length - count);
            buffer[..n].CopyTo(chars.AsSpan(count));
            count += n;
            buffer = buffer[n..];
        }
    }

    /// <summary>Encodes the buffered chars and writes them; <paramref name="flush"/> also ends the encoder's state.</summary>
    private void WriteChunk(bool flush)
    {
        var n = encoder.GetBytes(chars.AsSpan(0, count), bytes, flush);
        if (n > 0) stream.Write(bytes!, 0, n);
        count = 0;
    }

    public override void Flush()
    {
        WriteChunk(flush: true);
        stream.Flush();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && chars is not null)
        {
            try
            {
                Flush();
            }
            finally
            {
                stream.Dispose();
                ArrayPool<char>.Shared.Return(chars);
                ArrayPool<byte>.Shared.Return(bytes!);
                chars = null;
                bytes = null;
            }
        }
        base.Dispose(disposing);
    }
}
