using System.Text.Json;
using System.Text.Json.Serialization;

namespace Atlas.Render.Map;

/// <summary>
/// The vendored outline (templates/assets/map/vietnam-outline.json, made once by tools/map/build-outline.mjs from
/// Natural Earth) and the projection it was drawn with, so capitals land where the outline puts them.
/// </summary>
public sealed record MapOutline(MapProjection Projection, string Outline, IReadOnlyList<Archipelago> Archipelagos)
{
    public const string RelativePath = "assets/map/vietnam-outline.json";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    /// <summary>Reads the outline from the templates folder (the build needs neither npm nor the network).</summary>
    public static MapOutline Load(string templatesDir)
    {
        var path = Path.Combine(templatesDir, RelativePath);
        var file = JsonSerializer.Deserialize<OutlineFile>(File.ReadAllText(path), Json)
            ?? throw new InvalidDataException($"{path}: empty map outline");
        if (file.Projection is null || string.IsNullOrWhiteSpace(file.Outline))
            throw new InvalidDataException($"{path}: projection and outline are required");
        var archipelagos = (file.Archipelagos ?? [])
            .Select(a => new Archipelago(a.Id ?? "", (a.Islands ?? []).Select(i => (i[0], i[1])).ToList()))
            .ToList();
        return new MapOutline(file.Projection, file.Outline, archipelagos);
    }

    private sealed record OutlineFile(MapProjection? Projection, string? Outline, IReadOnlyList<ArchipelagoFile>? Archipelagos);

    private sealed record ArchipelagoFile(string? Id, IReadOnlyList<double[]>? Islands);
}

/// <summary>Equirectangular projection of the outline file: x = (lon − LonMin)·Kx, y = (LatMax − lat)·Ky.</summary>
public sealed record MapProjection(double LonMin, double LonMax, double LatMin, double LatMax, double Kx, double Ky, double Width, double Height)
{
    public (double X, double Y) Project(double latitude, double longitude) =>
        ((longitude - LonMin) * Kx, (LatMax - latitude) * Ky);
}

/// <summary>An archipelago's islands as (latitude, longitude) points; <c>hoang-sa</c> or <c>truong-sa</c>.</summary>
public sealed record Archipelago(string Id, IReadOnlyList<(double Latitude, double Longitude)> Islands);
