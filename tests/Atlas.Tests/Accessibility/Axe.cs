using System.Text.Json;
using Atlas.Tests.TestSupport;
using Microsoft.Playwright;

namespace Atlas.Tests.Accessibility;

/// <summary>One axe-core finding: a rule broken on one element.</summary>
public sealed record AxeViolation(string Rule, string Impact, string Target, string Summary, string Help);

/// <summary>
/// The vendored axe-core (vendor/axe.min.js, read from the repository) injected into a page already open in Chromium.
/// Evaluated through the DevTools protocol, so the pages' Content-Security-Policy (script-src 'self') stays in force.
/// </summary>
public static class Axe
{
    public static string ScriptPath => Path.Combine(Repo.Root, "tests", "Atlas.Tests", "Accessibility", "vendor", "axe.min.js");

    private static readonly Lazy<string> Source = new(() => File.ReadAllText(ScriptPath));

    private const string Run = """
        async () => {
          const r = await axe.run(document, { resultTypes: ['violations'] });
          return JSON.stringify(r.violations.flatMap(v => v.nodes.map(n => ({
            rule: v.id, impact: n.impact || v.impact || '', target: n.target.map(t => Array.isArray(t) ? t.join(' >> ') : t).join(' '),
            summary: (n.failureSummary || '').replace(/\s+/g, ' ').trim(), help: v.helpUrl }))));
        }
        """;

    public static async Task<IReadOnlyList<AxeViolation>> CheckAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(Source.Value);
        var json = await page.EvaluateAsync<string>(Run);
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateArray().Select(v => new AxeViolation(
            v.GetProperty("rule").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("target").GetString()!,
            v.GetProperty("summary").GetString()!, v.GetProperty("help").GetString()!)).ToList();
    }

    public static bool IsSeriousOrCritical(AxeViolation v) => v.Impact is "serious" or "critical";
}
