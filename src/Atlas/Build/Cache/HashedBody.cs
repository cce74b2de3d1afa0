using System.Security.Cryptography;
using System.Text;

namespace Atlas.Build.Cache;

/// <summary>
/// The frame of the cache's binary files: a body, then the SHA-256 of the body, so a cut or altered file reads as absent.
/// The body goes straight to the destination stream: an in-memory copy of a large entry grew on the large-object heap
/// and set off full collections.
/// </summary>
internal static class HashedBody
{
    private const int HashLength = 32;

    public static void Write(Stream to, Action<BinaryWriter> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // Buffered before the hash: a BinaryWriter writes a 7-bit-encoded number byte by byte, and hashing (and writing)
        // each byte alone cost more than the rest of the entry.
        using (var buffered = new BufferedStream(new HashedStream(to, hash), 1 << 16))
        using (var writer = new BinaryWriter(buffered, Encoding.UTF8, leaveOpen: true))
        {
            body(writer);
            writer.Flush();
        }
        to.Write(hash.GetHashAndReset());
    }

    /// <summary>What <paramref name="write"/> writes, as an array (the formats' array overloads, which the specs use).</summary>
    public static byte[] ToArray(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }

    /// <summary>The body's length when <paramref name="bytes"/> end with the hash of the body; -1 otherwise.</summary>
    public static int Verify(ReadOnlySpan<byte> bytes)
    {
        int body = bytes.Length - HashLength;
        return body >= 0 && SHA256.HashData(bytes[..body]).AsSpan().SequenceEqual(bytes[body..]) ? body : -1;
    }

    /// <summary>Passes bytes on to a stream and into a hash.</summary>
    private sealed class HashedStream(Stream inner, IncrementalHash hash) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            hash.AppendData(buffer);
            inner.Write(buffer);
        }
    }
}
