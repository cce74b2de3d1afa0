using NUglify;
using NUglify.JavaScript;

namespace Atlas.Render;

/// <summary>
/// A script of templates/assets as the site ships it: minified (NUglify: comments and whitespace out, local names
/// shortened, globals and strings untouched). A reader's first search downloads the search client before any index
/// file (51 KB with comments and indentation out, 30 KB minified), and a phone reading one programme downloads the
/// page scripts; the commented source stays in templates/.
/// </summary>
public static class ShippedScript
{
    /// <summary>The minified script; a script that does not parse stops the build with its name, line and the parser's message.</summary>
    public static string Minify(string source, string name)
    {
        var result = Uglify.Js(source, name, Settings);
        var error = result.Errors.Where(e => e.IsError).OrderBy(e => e.StartLine).ThenBy(e => e.StartColumn).FirstOrDefault();
        if (error is not null || result.Code is null)
            throw new InvalidDataException($"{name}: line {error?.StartLine}: {error?.Message ?? "cannot be minified"}");
        return result.Code.EndsWith('\n') ? result.Code : result.Code + "\n";
    }

    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/>, minified when it is a script.</summary>
    public static void Copy(string from, string to, string name)
    {
        if (Path.GetExtension(from).Equals(".js", StringComparison.OrdinalIgnoreCase))
            File.WriteAllText(to, Minify(File.ReadAllText(from), name), Utf8);
        else File.Copy(from, to, overwrite: true);
    }

    private static readonly System.Text.UTF8Encoding Utf8 = new(false);

    private static CodeSettings Settings => new()
    {
        // "use strict" and the IIFEs stay as written; only what NUglify proves local is renamed.
        LocalRenaming = LocalRenaming.CrunchAll,
        PreserveImportantComments = true,
    };
}
