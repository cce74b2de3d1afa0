using System.Globalization;
using Atlas.Analysis.Themes;
using Atlas.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Atlas.Content;

/// <summary>
/// The data files that steer analysis and rendering: provinces.yml, themes.yml, indicators.yml and
/// theme-overrides.yml under content/. A missing file gives an empty registry; a malformed one throws a
/// <see cref="RegistryException"/> naming the file, line and column.
/// </summary>
public sealed record Registries(IReadOnlyList<Province> Provinces, IReadOnlyList<Theme> Themes, IReadOnlyList<Indicator> Indicators)
{
    public const string ProvincesFile = "provinces.yml";
    public const string ThemesFile = "themes.yml";
    public const string IndicatorsFile = "indicators.yml";
    public const string ThemeOverridesFile = "theme-overrides.yml";

    /// <summary>Classifier settings and hand corrections from theme-overrides.yml (none when the file is absent).</summary>
    public ThemeOverrides ThemeOverrides { get; init; } = ThemeOverrides.None;

    public static Registries Load(string contentDir)
    {
        var provinces = LoadProvinces(Path.Combine(contentDir, ProvincesFile));
        var themes = LoadThemes(Path.Combine(contentDir, ThemesFile));
        var indicators = LoadIndicators(Path.Combine(contentDir, IndicatorsFile));
        var overrides = LoadThemeOverrides(Path.Combine(contentDir, ThemeOverridesFile), themes);
        return new Registries(provinces, themes, indicators) { ThemeOverrides = overrides };
    }

    /// <summary>
    /// The registry entry for a province as a programme names it ("Tiền Giang", "tỉnh Tiền Giang",
    /// "Thành phố Hồ Chí Minh"); null when unknown. Matching is by slug, so spelling variants of marks do not matter.
    /// </summary>
    public Province? ProvinceFor(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var slug = Slugs.From(name);
        foreach (var prefix in new[] { "", "tinh-", "thanh-pho-", "tp-" })
        {
            if (!slug.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var rest = slug[prefix.Length..];
            var hit = Provinces.FirstOrDefault(p => p.Slug == rest);
            if (hit is not null) return hit;
        }
        return null;
    }

    public static IReadOnlyList<Province> LoadProvinces(string path)
    {
        var items = YamlFile.ReadList(path);
        var provinces = new List<(Province Province, YamlItem Item)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            item.OnlyKeys("name", "slug", "region", "capital", "lat", "lon", "merged_into");
            var name = item.Text("name");
            var slug = item.Text("slug");
            if (slug != Slugs.From(name))
                throw item.Error("slug", $"slug '{slug}' must be Slugs.From(name) = '{Slugs.From(name)}'");
            if (!seen.Add(slug)) throw item.Error("slug", $"duplicate province slug '{slug}'");
            var lat = item.Number("lat");
            var lon = item.Number("lon");
            if (lat is < -90 or > 90) throw item.Error("lat", $"latitude {lat} out of range");
            if (lon is < -180 or > 180) throw item.Error("lon", $"longitude {lon} out of range");
            provinces.Add((new Province(name, slug, item.Text("region"), item.Text("capital"), lat, lon, item.OptionalText("merged_into")), item));
        }
        foreach (var (province, item) in provinces)
            if (province.MergedInto is { } target && !seen.Contains(target))
                throw item.Error("merged_into", $"merged_into '{target}' is not a province slug of this file");
        return provinces.Select(p => p.Province).OrderBy(p => p.Slug, StringComparer.Ordinal).ToList();
    }

    /// <summary>Themes in file order: the order of the taxonomy is the order of theme pages and matrix rows.</summary>
    public static IReadOnlyList<Theme> LoadThemes(string path)
    {
        var themes = new List<Theme>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in YamlFile.ReadList(path))
        {
            item.OnlyKeys("id", "name_vi", "name_en", "description", "keywords", "heading_keywords", "exclude");
            var id = item.Text("id");
            if (id != Slugs.From(id)) throw item.Error("id", $"theme id '{id}' must be a slug (lowercase ASCII letters, digits, dashes)");
            if (!seen.Add(id)) throw item.Error("id", $"duplicate theme id '{id}'");
            var keywords = item.TextList("keywords");
            var headingKeywords = item.TextList("heading_keywords");
            if (keywords.Count == 0 && headingKeywords.Count == 0)
                throw item.Error(null, $"theme '{id}' has neither keywords nor heading_keywords");
            themes.Add(new Theme(id, item.Text("name_vi"), item.Text("name_en"), item.Text("description"), keywords, headingKeywords)
            {
                Excludes = item.TextList("exclude"),
            });
        }
        return themes;
    }

    /// <summary>
    /// Indicators in file order. The file is written by the comparison area; keys beyond the agreed schema are
    /// tolerated so that area can grow the format without breaking this loader.
    /// </summary>
    public static IReadOnlyList<Indicator> LoadIndicators(string path)
    {
        var indicators = new List<Indicator>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in YamlFile.ReadList(path))
        {
            var id = item.Text("id");
            if (!seen.Add(id)) throw item.Error("id", $"duplicate indicator id '{id}'");
            indicators.Add(new Indicator(id, item.Text("name_vi"), item.OptionalText("name_en") ?? "",
                item.OptionalText("definition") ?? "", item.TextList("patterns")));
        }
        return indicators;
    }

    public static ThemeOverrides LoadThemeOverrides(string path, IReadOnlyList<Theme> themes)
    {
        var root = YamlFile.ReadMapping(path);
        if (root is null) return ThemeOverrides.None;
        root.OnlyKeys("skip_headings", "purpose_markers", "overrides");
        var ids = themes.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        var overrides = new List<ThemeOverride>();
        foreach (var item in root.Items("overrides"))
        {
            item.OnlyKeys("programme", "passage", "section", "add", "remove", "note");
            var passage = item.OptionalText("passage");
            var section = item.OptionalText("section");
            if ((passage is null) == (section is null))
                throw item.Error(null, "an override names exactly one of 'passage' or 'section'");
            var add = item.TextList("add");
            var remove = item.TextList("remove");
            if (add.Count == 0 && remove.Count == 0) throw item.Error(null, "an override needs 'add' or 'remove'");
            foreach (var (key, list) in new[] { ("add", add), ("remove", remove) })
                foreach (var id in list)
                    if (!ids.Contains(id)) throw item.Error(key, $"unknown theme id '{id}' (not in {ThemesFile})");
            overrides.Add(new ThemeOverride(item.Text("programme"), passage, section, add, remove, item.OptionalText("note"),
                $"{ThemeOverridesFile}:{item.Line}"));
        }
        return new ThemeOverrides(root.TextList("skip_headings"), root.TextList("purpose_markers"), overrides);
    }
}

/// <summary>A registry file that cannot be read: the message starts with "path:line:column:".</summary>
public sealed class RegistryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads a YAML file into <see cref="YamlItem"/>s that remember where each value was written.</summary>
internal static class YamlFile
{
    /// <summary>The items of a file whose root is a list of mappings; empty when the file is absent or empty.</summary>
    public static IReadOnlyList<YamlItem> ReadList(string path)
    {
        var root = Root(path);
        return root switch
        {
            null => [],
            YamlSequenceNode seq => seq.Children.Select(n => YamlItem.Of(path, n)).ToList(),
            _ => throw new RegistryException($"{YamlItem.Where(path, root)}: expected a list ('- name: …' entries) at the top of the file"),
        };
    }

    /// <summary>The root mapping of a file; null when the file is absent or empty.</summary>
    public static YamlItem? ReadMapping(string path)
    {
        var root = Root(path);
        return root is null ? null : YamlItem.Of(path, root);
    }

    private static YamlNode? Root(string path)
    {
        if (!File.Exists(path)) return null;
        var stream = new YamlStream();
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var scanner = new Scanner(reader);
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            throw new RegistryException($"{path}:{ex.Start.Line}:{ex.Start.Column}: malformed YAML: {ex.Message}", ex);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner can fail this way (e.g. an unclosed "[" at the end of the file): report where it stopped.
            var at = scanner.CurrentPosition;
            throw new RegistryException($"{path}:{at.Line}:{at.Column}: malformed YAML (unclosed bracket or quote?)", ex);
        }
        if (stream.Documents.Count == 0) return null;
        if (stream.Documents.Count > 1)
            throw new RegistryException($"{YamlItem.Where(path, stream.Documents[1].RootNode)}: only one YAML document is expected");
        var root = stream.Documents[0].RootNode;
        return root is YamlScalarNode s && YamlItem.IsNull(s) ? null : root;
    }
}

/// <summary>One mapping of a registry file with typed, position-aware accessors.</summary>
internal sealed class YamlItem(string path, YamlMappingNode node)
{
    public long Line => node.Start.Line;

    public static YamlItem Of(string path, YamlNode node) => node is YamlMappingNode map
        ? new YamlItem(path, map)
        : throw new RegistryException($"{Where(path, node)}: expected a mapping of 'key: value' lines");

    public static string Where(string path, YamlNode node) => $"{path}:{node.Start.Line}:{node.Start.Column}";

    public static bool IsNull(YamlScalarNode s) =>
        s.Style == YamlDotNet.Core.ScalarStyle.Plain && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public RegistryException Error(string? key, string message) =>
        new($"{Where(path, Find(key) ?? node)}: {message}");

    /// <summary>Rejects unknown keys, so a misspelt key ("keyword:") is an error rather than silently ignored.</summary>
    public void OnlyKeys(params string[] known)
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value;
            if (name is null || !known.Contains(name, StringComparer.Ordinal))
                throw new RegistryException($"{Where(path, key)}: unknown key '{name}' (expected one of: {string.Join(", ", known)})");
        }
    }

    /// <summary>A required, non-empty text value.</summary>
    public string Text(string key) =>
        OptionalText(key) ?? throw Error(null, $"missing required '{key}'");

    public string? OptionalText(string key)
    {
        var value = Find(key);
        return value switch
        {
            null => null,
            YamlScalarNode s when IsNull(s) => null,
            YamlScalarNode s => string.IsNullOrWhiteSpace(s.Value) ? null : s.Value.Trim(),
            _ => throw Error(key, $"'{key}' must be a single value"),
        };
    }

    public double Number(string key)
    {
        var text = Text(key);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error(key, $"'{key}' must be a number, got '{text}'");
    }

    /// <summary>A list of texts; absent or null gives an empty list.</summary>
    public IReadOnlyList<string> TextList(string key)
    {
        var value = Find(key);
        if (value is null || value is YamlScalarNode s0 && IsNull(s0)) return [];
        if (value is not YamlSequenceNode seq) throw Error(key, $"'{key}' must be a list");
        var list = new List<string>();
        foreach (var child in seq.Children)
        {
            if (child is not YamlScalarNode s || IsNull(s) || string.IsNullOrWhiteSpace(s.Value))
                throw new RegistryException($"{Where(path, child)}: entries of '{key}' must be non-empty texts");
            list.Add(s.Value.Trim());
        }
        return list;
    }

    /// <summary>A list of mappings; absent or null gives an empty list.</summary>
    public IReadOnlyList<YamlItem> Items(string key)
    {
        var value = Find(key);
        if (value is null || value is YamlScalarNode s && IsNull(s)) return [];
        if (value is not YamlSequenceNode seq) throw Error(key, $"'{key}' must be a list");
        return seq.Children.Select(c => Of(path, c)).ToList();
    }

    private YamlNode? Find(string? key) =>
        key is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
}
