using Atlas.Model;
using YamlDotNet.RepresentationModel;

namespace Atlas.Render;

/// <summary>
/// One interface language of the site: its code, where its pages live (<c>""</c> for Vietnamese at the root,
/// <c>"en/"</c> for English) and its UI strings from <c>templates/i18n/&lt;code&gt;.yml</c>. Documents stay Vietnamese in both.
/// </summary>
public sealed record Language(string Code, string Prefix, IReadOnlyDictionary<string, string> Strings)
{
    public bool IsEnglish => Code == "en";

    /// <summary>The UI string for <paramref name="key"/>; the key itself when missing, so a gap shows instead of vanishing.</summary>
    public string this[string key] => Strings.TryGetValue(key, out var v) ? v : key;

    public string Name(Theme theme) => IsEnglish && theme.NameEn.Length > 0 ? theme.NameEn : theme.NameVi;

    public string Name(Indicator indicator) => IsEnglish && indicator.NameEn.Length > 0 ? indicator.NameEn : indicator.NameVi;

    /// <summary>Vietnamese first, then English. English falls back to the Vietnamese string for any key it lacks.</summary>
    public static IReadOnlyList<Language> Load(string templatesDir)
    {
        var vi = ReadStrings(Path.Combine(templatesDir, "i18n", "vi.yml"));
        var en = ReadStrings(Path.Combine(templatesDir, "i18n", "en.yml"));
        foreach (var (k, v) in vi) en.TryAdd(k, v);
        return [new Language("vi", "", vi), new Language("en", "en/", en)];
    }

    /// <summary>A flat YAML map of key → string; nested maps are flattened with '_' (nav: {home: …} → nav_home).</summary>
    internal static Dictionary<string, string> ReadStrings(string path)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path)) yaml.Load(reader);
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root) return result;
        Flatten(root, "", result);
        return result;
    }

    private static void Flatten(YamlMappingNode node, string prefix, Dictionary<string, string> into)
    {
        foreach (var (k, v) in node.Children)
        {
            var key = prefix + ((YamlScalarNode)k).Value;
            switch (v)
            {
                case YamlScalarNode s: into[key] = s.Value ?? ""; break;
                case YamlMappingNode m: Flatten(m, key + "_", into); break;
            }
        }
    }
}
