namespace Atlas.Build;

/// <summary>
/// An earlier site's folder kept so that a build writes over its files instead of creating new ones. Creating tens of
/// thousands of files just after deleting tens of thousands is slow on ext4 without a journal (this machine's file
/// system): for about a minute after a deletion, every new file's inode search steps over each recently freed inode.
/// Measured here: 30,000 small files took 12–15 s of processor time right after 30,000 were deleted, 2 s a minute later.
/// A rebuild deletes the site it replaced last time and then writes a search export of about the same files, so it
/// takes that export's folder from the trash, writes into it (a file rewritten in place keeps its inode), and removes
/// what it did not write.
/// </summary>
/// <remarks>
/// Only a folder the build wrote itself may be recycled: a page carried over is a hard link shared with the published
/// site (see <see cref="FileLink"/>), and writing into it in place would change the published page too.
/// </remarks>
public sealed class RecycledFiles
{
    /// <summary>The mark of a file not yet written by this build: no write can give it this time.</summary>
    private static readonly DateTime Unwritten = DateTime.UnixEpoch;

    private readonly string holding;
    private int placed;

    private RecycledFiles(string holding) => this.holding = holding;

    /// <summary>Kept files this build wrote over instead of creating new ones; known after <see cref="WriteInto"/>.</summary>
    public int Reused { get; private set; }

    /// <summary>
    /// Moves <paramref name="folder"/> (e.g. "search") of a site in the trash to <paramref name="holding"/>, out of the
    /// trash's way before it is emptied. Null when no site in the trash has that folder or it cannot be moved.
    /// </summary>
    public static RecycledFiles? TakeFromTrash(string trash, string folder, string holding)
    {
        // Left by a build that failed before its export: as good as the trash's.
        if (Directory.Exists(holding)) return new RecycledFiles(holding);
        if (!Directory.Exists(trash)) return null;
        try
        {
            var from = Directory.EnumerateDirectories(trash).Order(StringComparer.Ordinal)
                .Select(site => Path.Combine(site, folder)).FirstOrDefault(Directory.Exists);
            if (from is null) return null;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(holding))!);
            Directory.Move(from, holding);
            return new RecycledFiles(holding);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // a plain build: every file created anew
        }
    }

    /// <summary>
    /// Runs <paramref name="write"/>, which fills <paramref name="dir"/> (it must not exist yet), with the kept files
    /// placed there to be written over; then removes those it did not write. If the kept files are in the way (a folder
    /// where a file now goes, or the reverse, after the export's layout changed) or cannot be moved, the folder is
    /// emptied and written afresh: recycling may save time, never fail a build.
    /// </summary>
    public void WriteInto(string dir, Action write)
    {
        try
        {
            PlaceInto(dir);
            write();
            RemoveUnwritten(dir);
            return;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            placed = 0;
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            if (Directory.Exists(holding)) Directory.Delete(holding, recursive: true);
        }
        write();
    }

    /// <summary>Moves the kept files to <paramref name="dir"/> (which must not exist yet) and marks each as unwritten.</summary>
    private void PlaceInto(string dir)
    {
        Directory.Move(holding, dir);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, Unwritten);
            placed++;
        }
    }

    /// <summary>Deletes the files under <paramref name="dir"/> that were not written since <see cref="PlaceInto"/>, and the folders left empty.</summary>
    private void RemoveUnwritten(string dir)
    {
        int removed = 0;
        foreach (var file in new DirectoryInfo(dir).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            if (file.LastWriteTimeUtc != Unwritten) continue;
            file.Delete();
            removed++;
        }
        // Deepest first, so a folder emptied of its sub-folders goes too.
        foreach (var sub in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).ToList())
            if (!Directory.EnumerateFileSystemEntries(sub).Any()) Directory.Delete(sub);
        Reused = placed - removed;
    }
}
