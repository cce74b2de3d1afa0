using Atlas.Build;
using Atlas.Model;

namespace Atlas.Render;

/// <summary>Renders every page of the atlas through the Scriban templates into <c>outDir</c>.</summary>
public sealed class SiteRenderer(BuildOptions options)
{
    public void Render(AtlasModel model, string outDir)
    {
        // SCAFFOLD: replaced by the site renderer (issue 3).
        _ = options; _ = model; _ = outDir;
    }
}
