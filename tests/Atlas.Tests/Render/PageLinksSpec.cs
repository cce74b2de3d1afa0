using Atlas.Render;

namespace Atlas.Tests.Render;

/// <summary>Relative links between two pages, by their paths from the site root: never climbing out of a shared folder.</summary>
public sealed class PageLinksSpec
{
    [Theory]
    [InlineData("index.html", "programmes/a.html", "programmes/a.html")]
    [InlineData("programmes/b.html", "programmes/a.html#s-1", "a.html#s-1")]
    [InlineData("programmes/b.html", "themes/x.html", "../themes/x.html")]
    [InlineData("en/programmes/b.html", "programmes/a.html", "../../programmes/a.html")]
    [InlineData("en/programmes/b.html", "en/themes/x.html", "../themes/x.html")]
    [InlineData("en/index.html", "en/", "")]
    [InlineData("en/index.html", "index.html", "../index.html")]
    [InlineData("en/themes/x.html", "en/themesx.html", "../themesx.html")]
    public void A_link_goes_up_only_out_of_the_folders_the_pages_do_not_share(string from, string to, string expected)
    {
        Assert.Equal(expected, PageLinks.RelativeFrom(from, to));
    }
}
