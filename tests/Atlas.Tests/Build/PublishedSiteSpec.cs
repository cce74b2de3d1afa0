using System.Security.Cryptography;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build;

/// <summary>
/// The committed site/ and content/ are the published record: a fresh build from content/sources must
/// reproduce them byte for byte (determinism, and nobody forgot to regenerate before committing).
/// </summary>
[Collection(BuiltSiteCollection.Name)]
public class PublishedSiteSpec(BuiltSite built)
{
    [Fact]
    public void A_fresh_build_reproduces_the_committed_site_byte_for_byte()
    {
        Assert.True(built.Result.Published, built.Result.FatalError);
        AssertSameTree(Repo.Site, built.SiteDir);
    }

    [Fact]
    public void A_fresh_build_reproduces_the_committed_programme_markdown_and_report()
    {
        AssertSameTree(Path.Combine(Repo.Content, "programmes"), Path.Combine(built.ContentDir, "programmes"));
        Assert.Equal(Hash(Path.Combine(Repo.Content, "ingest-report.json")), Hash(Path.Combine(built.ContentDir, "ingest-report.json")));
    }

    private static void AssertSameTree(string committed, string fresh)
    {
        var a = Files(committed);
        var b = Files(fresh);
        Assert.True(a.Count > 0, $"{committed} is empty: run ./build.sh and commit the result");
        var missing = b.Keys.Except(a.Keys).Take(10).ToList();
        var extra = a.Keys.Except(b.Keys).Take(10).ToList();
        Assert.True(missing.Count == 0, "not committed (run ./build.sh): " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "committed but no longer built: " + string.Join(", ", extra));
        var differing = a.Where(kv => b[kv.Key] != kv.Value).Select(kv => kv.Key).Take(10).ToList();
        Assert.True(differing.Count == 0, "differs from a fresh build (run ./build.sh): " + string.Join(", ", differing));
    }

    private static Dictionary<string, string> Files(string root) =>
        Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), Hash, StringComparer.Ordinal)
            : [];

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
}
