using System.Net;
using System.Net.Sockets;
using System.Text;
using Atlas.Build.Preview;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build.Preview;

public sealed class PreviewServerSpec : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TempDir temp = new();
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private PreviewServer server = null!;
    private const string Page = "<!doctype html><html lang=\"vi\"><head><title>T</title></head><body><h1>Xin chào</h1></body></html>";

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(temp["site/programmes"]);
        File.WriteAllText(temp["site/index.html"], Page);
        File.WriteAllText(temp["site/programmes/a b.html"], Page);
        File.WriteAllText(temp["site/data.json"], "{}");
        File.WriteAllText(temp["secret.txt"], "outside the site");
        server = new PreviewServer(temp["site"], 0);
        server.Start();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Listens_on_the_loopback_address_only()
    {
        Assert.StartsWith("http://127.0.0.1:", server.Url);
        Assert.NotEqual(0, server.Port);
        var response = await http.GetAsync(server.Url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Serves_pages_with_the_reload_script_added_in_the_response_only()
    {
        var html = await http.GetStringAsync(server.Url + "programmes/a%20b.html");
        Assert.Contains("<h1>Xin chào</h1>", html);
        Assert.Contains(PreviewServer.ReloadPath, html);
        Assert.True(html.IndexOf(PreviewServer.ReloadPath, StringComparison.Ordinal) < html.IndexOf("</body>", StringComparison.Ordinal));
        Assert.Equal(Page, File.ReadAllText(temp["site/programmes/a b.html"]));
    }

    [Fact]
    public async Task Serves_folder_indexes_and_other_files_as_they_are()
    {
        Assert.Contains("Xin chào", await http.GetStringAsync(server.Url));
        var json = await http.GetAsync(server.Url + "data.json");
        Assert.Equal("application/json", json.Content.Headers.ContentType!.MediaType);
        Assert.Equal("{}", await json.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/%2e%2e%5csecret.txt")]
    public async Task Never_serves_a_file_outside_site(string target)
    {
        var response = await RawGet(target);
        Assert.StartsWith("HTTP/1.1 404", response);
        Assert.DoesNotContain("outside the site", response);
    }

    [Fact]
    public async Task A_missing_page_is_a_404()
    {
        var response = await http.GetAsync(server.Url + "nope.html");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_waiting_page_is_told_to_reload_after_a_rebuild()
    {
        var since = server.Version;
        var poll = http.GetStringAsync(server.Url + "__atlas/reload?since=" + since);
        await Task.Delay(200);
        Assert.False(poll.IsCompleted);

        server.NotifyReload();

        var answer = await poll.WaitAsync(Bound);
        Assert.Equal((since + 1).ToString(), answer);
    }

    [Fact]
    public async Task A_page_that_missed_a_rebuild_is_told_at_once()
    {
        server.NotifyReload();
        var answer = await http.GetStringAsync(server.Url + "__atlas/reload?since=0").WaitAsync(Bound);
        Assert.Equal("1", answer);
    }

    private async Task<string> RawGet(string target)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, server.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync().WaitAsync(Bound);
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        http.Dispose();
        temp.Dispose();
    }
}
