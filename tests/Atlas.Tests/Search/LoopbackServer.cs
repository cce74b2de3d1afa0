using System.Net;
using System.Net.Sockets;

namespace Atlas.Tests.Search;

/// <summary>
/// A static file server on 127.0.0.1 for the http:// half of the browser specs; counts the bytes it sends
/// so the first-query transfer can be measured.
/// </summary>
public sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener listener = new();
    private readonly string root;
    private long bytesSent;

    public LoopbackServer(string root)
    {
        this.root = Path.GetFullPath(root);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(BaseUrl);
        listener.Start();
        _ = Task.Run(Serve);
    }

    public string BaseUrl { get; }

    /// <summary>Bytes of response bodies sent since the last reset.</summary>
    public long TakeBytesSent() => Interlocked.Exchange(ref bytesSent, 0);

    private async Task Serve()
    {
        while (listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await listener.GetContextAsync(); }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            try
            {
                var relative = Uri.UnescapeDataString(ctx.Request.Url!.AbsolutePath.TrimStart('/'));
                var path = Path.GetFullPath(Path.Combine(root, relative));
                if (!path.StartsWith(root, StringComparison.Ordinal) || !File.Exists(path))
                {
                    ctx.Response.StatusCode = 404;
                }
                else
                {
                    var bytes = await File.ReadAllBytesAsync(path);
                    ctx.Response.ContentType = Path.GetExtension(path) switch
                    {
                        ".html" => "text/html; charset=utf-8",
                        ".js" => "text/javascript; charset=utf-8",
                        ".css" => "text/css; charset=utf-8",
                        _ => "application/octet-stream",
                    };
                    ctx.Response.Headers["Cache-Control"] = "no-store";
                    ctx.Response.ContentLength64 = bytes.Length;
                    // Counted before the body goes out: the page may finish loading (and the test reset the count)
                    // before a write completes, which counted the script twice under load.
                    Interlocked.Add(ref bytesSent, bytes.Length);
                    await ctx.Response.OutputStream.WriteAsync(bytes);
                }
            }
            catch (HttpListenerException) { }
            finally { ctx.Response.Close(); }
        }
    }

    public void Dispose()
    {
        listener.Stop();
        listener.Close();
    }
}
