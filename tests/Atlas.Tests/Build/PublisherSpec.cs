using Atlas.Build;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Build;

public class PublisherSpec
{
    [Fact]
    public void Replaces_the_site_with_the_staging_folder_and_leaves_no_leftovers()
    {
        using var t = new TempDir();
        Directory.CreateDirectory(t["site"]);
        File.WriteAllText(t["site/old.html"], "old");
        Directory.CreateDirectory(t["site.staging"]);
        File.WriteAllText(t["site.staging/new.html"], "new");

        Publisher.Replace(t["site.staging"], t["site"]);

        Assert.True(File.Exists(t["site/new.html"]));
        Assert.False(File.Exists(t["site/old.html"]));
        Assert.False(Directory.Exists(t["site.staging"]));
        Assert.False(Directory.Exists(t["site.old"]));
    }
}
