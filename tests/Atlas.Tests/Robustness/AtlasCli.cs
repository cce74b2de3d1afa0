using System.Diagnostics;

namespace Atlas.Tests.Robustness;

/// <summary>Runs the real <c>atlas</c> command (built beside the tests) in a child process.</summary>
public static class AtlasCli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "atlas.dll");

    public static Process Start(string workingDir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["COLUMNS"] = "200";
        return Process.Start(psi)!;
    }

    /// <summary>Runs to completion (bounded) and returns the exit code and everything printed.</summary>
    public static (int ExitCode, string Output) Run(string workingDir, params string[] args)
    {
        using var p = Start(workingDir, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("atlas " + string.Join(' ', args) + " did not finish");
        }
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}
