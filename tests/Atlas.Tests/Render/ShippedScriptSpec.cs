using Atlas.Render;
using Atlas.Tests.TestSupport;

namespace Atlas.Tests.Render;

public sealed class ShippedScriptSpec
{
    private const string Script = """
        /* The whole file's doc comment. */
        (function (global) {
          "use strict";
          // a comment line
          function countWords(longParameterName) { // a trailing comment
            var separatorPattern = /[\/\s]+/u;
            return longParameterName.split(separatorPattern).concat(["//not a comment"]);
          }
          global.AtlasThing = { countWords: countWords };
        })(this);
        """;

    [Fact]
    public void Comments_and_whitespace_go_and_local_names_shrink_while_globals_strings_and_regular_expressions_stay()
    {
        var shipped = ShippedScript.Minify(Script, "thing.js");
        Assert.DoesNotContain("comment line", shipped);
        Assert.DoesNotContain("trailing comment", shipped);
        Assert.DoesNotContain("longParameterName", shipped);
        Assert.DoesNotContain("separatorPattern", shipped);
        Assert.Contains(".AtlasThing=", shipped);
        Assert.Contains("countWords:", shipped);
        Assert.Contains("\"//not a comment\"", shipped);
        Assert.Contains(@"/[\/\s]+/u", shipped);
        Assert.Contains("\"use strict\"", shipped);
        Assert.True(shipped.Length < Script.Length / 2, shipped);
    }

    [Fact]
    public void A_script_that_does_not_parse_stops_the_build_with_its_name_and_line()
    {
        var error = Assert.Throws<InvalidDataException>(() => ShippedScript.Minify("var a = 1;\nfunction (x {\n", "assets/js/broken.js"));
        Assert.StartsWith("assets/js/broken.js: line 2:", error.Message);
    }

    [Fact]
    public void Only_scripts_are_minified_other_assets_are_copied_byte_for_byte()
    {
        using var temp = new TempDir();
        File.WriteAllText(temp["a.css"], "/* kept */\nbody {  color: red; }\n");
        File.WriteAllText(temp["a.js"], Script);
        ShippedScript.Copy(temp["a.css"], temp["b.css"], "a.css");
        ShippedScript.Copy(temp["a.js"], temp["b.js"], "a.js");
        Assert.Equal(File.ReadAllBytes(temp["a.css"]), File.ReadAllBytes(temp["b.css"]));
        Assert.Equal(ShippedScript.Minify(Script, "a.js"), File.ReadAllText(temp["b.js"]));
    }

    [Fact]
    public void The_search_client_ships_at_most_half_its_commented_source()
    {
        var source = File.ReadAllText(Path.Combine(Repo.Templates, "assets", "search", "atlas-search.js"));
        var shipped = ShippedScript.Minify(source, "atlas-search.js");
        Assert.True(shipped.Length * 2 < source.Length, $"{shipped.Length} of {source.Length}");
        Assert.Contains("_register", shipped); // the name every index file calls
    }
}
