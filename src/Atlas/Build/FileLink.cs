using System.Runtime.InteropServices;

namespace Atlas.Build;

/// <summary>
/// Puts an existing file's bytes at a new path: a hard link where the file system allows it (no data written, so carrying
/// a page over from the published site costs one directory entry), a copy otherwise. The new path must not exist yet:
/// a link shares its bytes with the original, so nothing may ever write into it in place.
/// </summary>
public static class FileLink
{
    [DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int UnixLink(string existing, string link);

    /// <summary>False when neither a link nor a copy could be made (the caller then writes the file itself).</summary>
    public static bool LinkOrCopy(string existing, string path)
    {
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!OperatingSystem.IsWindows())
            {
                try
                {
                    if (UnixLink(existing, path) == 0) return true;
                }
                catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
                {
                    // no libc link(): copy below
                }
            }
            if (File.Exists(path)) return false;
            File.Copy(existing, path, overwrite: false);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
