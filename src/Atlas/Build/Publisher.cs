namespace Atlas.Build;

/// <summary>
/// Swaps a fully built staging folder into place. The old site is moved aside first and removed
/// only after the new one is in place, so a crash leaves either the old or the new site, never a mix.
/// </summary>
public static class Publisher
{
    public static void Replace(string staging, string siteDir)
    {
        var old = siteDir.TrimEnd('/', '\\') + ".old";
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        if (Directory.Exists(siteDir)) Directory.Move(siteDir, old);
        try
        {
            Directory.Move(staging, siteDir);
        }
        catch
        {
            // Put the previous site back: a failed publish must leave what was online.
            if (Directory.Exists(old) && !Directory.Exists(siteDir)) Directory.Move(old, siteDir);
            throw;
        }
        if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
    }
}
