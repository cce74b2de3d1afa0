using System.Text;

namespace Atlas.Build.Preview;

/// <summary>The request line of an HTTP/1.1 request; headers are read and ignored (the preview needs none).</summary>
public sealed record HttpRequestHead(string Method, string Path, string QueryString)
{
    private const int MaxHeadBytes = 16 * 1024;

    public string? Query(string name)
    {
        foreach (var pair in QueryString.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            if (key == name) return eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
        }
        return null;
    }

    /// <returns>null for a malformed or oversized head, or a closed connection.</returns>
    public static async Task<HttpRequestHead?> ReadAsync(Stream stream, CancellationToken ct)
    {
        var buffer = new byte[MaxHeadBytes];
        int length = 0;
        while (length < buffer.Length)
        {
            int read = await stream.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0) return null;
            length += read;
            if (buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8) >= 0) break;
        }
        var head = Encoding.ASCII.GetString(buffer, 0, length);
        var lineEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
        if (lineEnd < 0) return null;
        var parts = head[..lineEnd].Split(' ');
        if (parts.Length != 3 || !parts[2].StartsWith("HTTP/", StringComparison.Ordinal) || !parts[1].StartsWith('/')) return null;
        var target = parts[1];
        var q = target.IndexOf('?');
        var path = q < 0 ? target : target[..q];
        var hash = path.IndexOf('#');
        if (hash >= 0) path = path[..hash];
        return new HttpRequestHead(parts[0], path, q < 0 ? "" : target[(q + 1)..]);
    }
}
