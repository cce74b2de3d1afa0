using System.Diagnostics;
using System.Text.RegularExpressions;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Robustness;

public class ServeCommandSpec
{
    [Fact]
    public async Task Atlas_serve_answers_on_loopback_and_stops_cleanly_on_ctrl_c()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t["site"]);
        File.WriteAllText(t["site/index.html"], "<!doctype html><html><body><h1>Atlas</h1></body></html>");
        using var p = AtlasCli.Start(t.Path, "serve", "--port", "0", "--no-build");
        var output = new System.Text.StringBuilder();
        var url = new TaskCompletionSource<string>();
        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (output) output.AppendLine(e.Data);
            if (Regex.Match(e.Data, @"http://127\.0\.0\.1:\d+/") is { Success: true } m) url.TrySetResult(m.Value);
        };
        p.BeginOutputReadLine();
        try
        {
            var address = await url.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient();
            Assert.Contains("<h1>Atlas</h1>", await http.GetStringAsync(address));

            using (var kill = Process.Start("kill", ["-INT", p.Id.ToString()])) await kill.WaitForExitAsync();

            Assert.True(p.WaitForExit(TimeSpan.FromSeconds(20)), "atlas serve did not stop after SIGINT");
            p.WaitForExit(); // drains the redirected output
            Assert.Equal(0, p.ExitCode);
            lock (output) Assert.Contains("stopped", output.ToString());
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }
}
