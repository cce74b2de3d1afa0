namespace Atlas.Build;

/// <summary>
/// Swaps a fully built staging folder into place. The old site is moved aside first and removed
/// only after the new one is in place, so a crash leaves either the old or the new site, never a mix.
/// </summary>
public static class Publisher
{
    /// <param name="trash">When set, the old site is moved into this folder instead of deleted (an incremental build
    /// empties it at its next start, in the background: deleting tens of thousands of files is slow disk work that
    /// need not hold up the publish). A move that fails (another file system) falls back to deleting.</param>
    public static void Replace(string staging, string siteDir, string? trash = null)
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
        if (!Directory.Exists(old)) return;
        if (trash is not null && MoveToTrash(old, trash)) return;
        Directory.Delete(old, recursive: true);
    }

    /// <summary>Deletes whatever <see cref="Replace"/> moved into the trash folder; failures are left for the next time.</summary>
    public static void EmptyTrash(string trash)
    {
        if (!Directory.Exists(trash)) return;
        foreach (var dir in Directory.EnumerateDirectories(trash).Order(StringComparer.Ordinal).ToList())
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool MoveToTrash(string old, string trash)
    {
        try
        {
            Directory.CreateDirectory(trash);
            var n = 1;
            while (Directory.Exists(Path.Combine(trash, "site-" + n))) n++;
            Directory.Move(old, Path.Combine(trash, "site-" + n));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
