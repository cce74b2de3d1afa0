using Atlas.Model;

namespace Atlas.Render;

/// <summary>
/// Relative links from one page. Every href the site writes comes from here, so the site works from any sub-path and
/// from file://. <see cref="Path"/> is the page's path inside its language tree ("programmes/x.html"); links to pages
/// stay in the page's language, links to shared files (assets, sources, data, search) go to the site root.
/// </summary>
public sealed class PageLinks
{
    public PageLinks(Language language, string path)
    {
        Language = language;
        Path = path;
        SitePath = language.Prefix + path;
        Root = string.Concat(Enumerable.Repeat("../", SitePath.Count(c => c == '/')));
    }

    public Language Language { get; }

    /// <summary>Path inside the language tree, e.g. <c>themes/chuyen-doi-so.html</c>.</summary>
    public string Path { get; }

    /// <summary>Path from the site root, e.g. <c>en/themes/chuyen-doi-so.html</c>.</summary>
    public string SitePath { get; }

    /// <summary>Relative prefix to the site root: "" at the root, "../" one folder deep.</summary>
    public string Root { get; }

    /// <summary>Relative prefix to this language's root ("../" from programmes/, "../" + "" or "../../en/"…).</summary>
    public string LanguageRoot => Root + Language.Prefix;

    /// <summary>A page of this language: <paramref name="path"/> is relative to the language root, may carry #anchor.</summary>
    public string To(string path) => Shared(Language.Prefix + path);

    /// <summary>A file by its path from the site root (assets/, sources/, data/, search/, or a page with its language prefix).</summary>
    public string Shared(string sitePath) => RelativeFrom(SitePath, sitePath);

    /// <summary>This same page in another language.</summary>
    public string In(Language other) => Shared(other.Prefix + Path);

    /// <summary>
    /// The shortest relative link from the page at <paramref name="fromSitePath"/> to <paramref name="toSitePath"/>
    /// (both from the site root): shared folders are not climbed out of and back into.
    /// </summary>
    public static string RelativeFrom(string fromSitePath, string toSitePath)
    {
        // Called for every link of every page: compared in place, no arrays of segments.
        var fromDir = fromSitePath.AsSpan(0, fromSitePath.LastIndexOf('/') + 1); // "a/b/" or ""
        var pos = 0; // end of the folders both paths share, each folder with its '/'
        while (pos < fromDir.Length)
        {
            var len = fromDir[pos..].IndexOf('/') + 1;
            if (pos + len > toSitePath.Length || !toSitePath.AsSpan(pos, len).SequenceEqual(fromDir.Slice(pos, len))) break;
            pos += len;
        }
        var up = fromDir[pos..].Count('/');
        if (up == 0) return pos == 0 ? toSitePath : toSitePath[pos..];
        var rest = toSitePath.AsSpan(pos);
        // One string, written in place: "../" up times, then the rest of the target.
        return string.Create(up * 3 + rest.Length, (up, toSitePath, pos), static (chars, arg) =>
        {
            for (var i = 0; i < arg.up; i++) "../".CopyTo(chars[(i * 3)..]);
            arg.toSitePath.AsSpan(arg.pos).CopyTo(chars[(arg.up * 3)..]);
        });
    }

    public string Home() => To("index.html");
    /// <summary>
    /// A programme page; with an anchor (a section or passage), the Vietnamese page, where the document's text is: the
    /// English page is a companion without the text (see <see cref="Pages.ProgrammeCompanion"/>).
    /// </summary>
    public string Programme(string slug, string? anchor = null) =>
        string.IsNullOrEmpty(anchor) || !Language.IsEnglish
            ? To($"programmes/{slug}.html" + Anchor(anchor))
            : Shared($"programmes/{slug}.html" + Anchor(anchor));
    public string Provinces() => To("provinces/index.html");
    public string Province(string slug) => To($"provinces/{slug}.html");
    public string Themes() => To("themes/index.html");
    public string Theme(string id, string? programmeSlug = null) =>
        To($"themes/{id}.html" + (programmeSlug is null ? "" : "#col-" + programmeSlug));
    public string ThemeMatrix() => To("themes/matrix.html");
    public string Resolutions() => To("resolutions/index.html");
    public string Resolution(string id) => To($"resolutions/{id}.html");
    public string Sources() => To("sources/index.html");
    public string Search() => To("search.html");
    public string About() => To("about.html");

    /// <summary>The original source file copied to sources/; the name is percent-encoded so any file name links safely.</summary>
    public string SourceFile(string fileName) => Shared("sources/" + Uri.EscapeDataString(fileName));

    public string Asset(string path) => Shared("assets/" + path);

    private static string Anchor(string? anchor) => string.IsNullOrEmpty(anchor) ? "" : "#" + anchor;

    /// <summary>The province slug of a programme, as the contract defines it.</summary>
    public static string ProvinceSlug(Programme p) => p.Metadata.Province is { Length: > 0 } name ? Slugs.From(name) : "";
}
