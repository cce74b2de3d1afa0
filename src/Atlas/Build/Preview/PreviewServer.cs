using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Atlas.Build.Preview;

/// <summary>
/// A minimal HTTP/1.1 server for previewing site/ on 127.0.0.1 only. HTML responses get a small reload script
/// appended in memory (never written into site/); the script long-polls <c>/__atlas/reload</c>, which answers
/// when <see cref="NotifyReload"/> is called after a successful rebuild.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string ReloadPath = "/__atlas/reload";

    /// <summary>How long a reload poll is held open before the browser asks again.</summary>
    private static readonly TimeSpan PollHold = TimeSpan.FromSeconds(25);

    private readonly string siteDir;
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly object gate = new();
    private TaskCompletionSource<long> nextReload = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long version;
    private Task? acceptLoop;

    /// <param name="port">0 picks a free port (see <see cref="Port"/>).</param>
    public PreviewServer(string siteDir, int port)
    {
        this.siteDir = Path.GetFullPath(siteDir);
        listener = new TcpListener(IPAddress.Loopback, port);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;
    public string Url => $"http://127.0.0.1:{Port}/";
    public long Version => Interlocked.Read(ref version);

    public void Start()
    {
        listener.Start();
        acceptLoop = AcceptLoop(stopping.Token);
    }

    /// <summary>Tells every open page to reload.</summary>
    public void NotifyReload()
    {
        TaskCompletionSource<long> fired;
        lock (gate)
        {
            fired = nextReload;
            nextReload = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            Interlocked.Increment(ref version);
        }
        fired.TrySetResult(Version);
    }

    private async Task AcceptLoop(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(ct);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                break;
            }
            _ = Task.Run(() => Serve(client, ct), CancellationToken.None);
        }
    }

    private async Task Serve(TcpClient client, CancellationToken ct)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await HttpRequestHead.ReadAsync(stream, ct);
                if (request is null) return;
                await Respond(stream, request, ct);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The browser went away or we are stopping: nothing to report.
            }
        }
    }

    private async Task Respond(NetworkStream stream, HttpRequestHead request, CancellationToken ct)
    {
        if (request.Method is not ("GET" or "HEAD"))
        {
            await Write(stream, 405, "text/plain; charset=utf-8", "405 method not allowed"u8.ToArray(), request, ct);
            return;
        }
        if (request.Path == ReloadPath)
        {
            var since = long.TryParse(request.Query("since"), out var s) ? s : Version;
            var current = await WaitForReload(since, ct);
            await Write(stream, 200, "text/plain; charset=utf-8", Encoding.ASCII.GetBytes(current.ToString()), request, ct);
            return;
        }
        var file = Resolve(request.Path);
        if (file is null)
        {
            await Write(stream, 404, "text/html; charset=utf-8", Encoding.UTF8.GetBytes("<!doctype html><title>404</title><p>404 — không tìm thấy (not found)</p>" + ReloadScript()), request, ct);
            return;
        }
        byte[] body;
        try
        {
            body = await File.ReadAllBytesAsync(file, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // site/ is being swapped by a publish at this very moment; the reload that follows will fetch it again.
            await Write(stream, 503, "text/plain; charset=utf-8", "503 rebuilding"u8.ToArray(), request, ct);
            return;
        }
        var type = ContentTypes.For(file);
        if (type.StartsWith("text/html", StringComparison.Ordinal)) body = InjectReloadScript(body);
        await Write(stream, 200, type, body, request, ct);
    }

    private async Task<long> WaitForReload(long since, CancellationToken ct)
    {
        Task<long> next;
        lock (gate)
        {
            if (Version > since) return Version;
            next = nextReload.Task;
        }
        try
        {
            return await next.WaitAsync(PollHold, ct);
        }
        catch (TimeoutException)
        {
            return Version;
        }
    }

    /// <summary>Maps a URL path to a file under site/, or null. Never leaves site/ (no "..", no absolute paths).</summary>
    public string? Resolve(string urlPath)
    {
        var relative = Uri.UnescapeDataString(urlPath).Replace('\\', '/').TrimStart('/');
        if (relative.Contains('\0')) return null;
        var full = Path.GetFullPath(Path.Combine(siteDir, relative));
        var root = siteDir.EndsWith(Path.DirectorySeparatorChar) ? siteDir : siteDir + Path.DirectorySeparatorChar;
        if (full != siteDir && !full.StartsWith(root, StringComparison.Ordinal)) return null;
        if (Directory.Exists(full)) full = Path.Combine(full, "index.html");
        return File.Exists(full) ? full : null;
    }

    private byte[] InjectReloadScript(byte[] html)
    {
        var script = Encoding.UTF8.GetBytes(ReloadScript());
        var at = LastIndexOf(html, "</body>"u8);
        if (at < 0) return [.. html, .. script];
        return [.. html.AsSpan(0, at), .. script, .. html.AsSpan(at)];
    }

    private string ReloadScript() =>
        "<script>/* atlas serve: live reload (not part of the site) */(function(){var v=" + Version + ";" +
        "function poll(){fetch('" + ReloadPath + "?since='+v,{cache:'no-store'}).then(function(r){return r.text();})" +
        ".then(function(t){if(+t>v){location.reload();}else{poll();}}).catch(function(){setTimeout(poll,2000);});}poll();})();</script>";

    private static int LastIndexOf(byte[] haystack, ReadOnlySpan<byte> needle) => haystack.AsSpan().LastIndexOf(needle);

    private static async Task Write(NetworkStream stream, int status, string type, byte[] body, HttpRequestHead request, CancellationToken ct)
    {
        var reason = status switch { 200 => "OK", 404 => "Not Found", 405 => "Method Not Allowed", 503 => "Service Unavailable", _ => "Error" };
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: {type}\r\nContent-Length: {body.Length}\r\n" +
                   "Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct);
        if (request.Method != "HEAD") await stream.WriteAsync(body, ct);
        await stream.FlushAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        stopping.Cancel();
        listener.Stop();
        if (acceptLoop is not null) await acceptLoop.ConfigureAwait(false);
        nextReload.TrySetCanceled();
        stopping.Dispose();
    }
}
