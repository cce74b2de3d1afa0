using System.Text;
using Atlas.Verify;

namespace Atlas.Build.Cache;

/// <summary>
/// The binary layout of a <see cref="CheckedPagesFile"/>. At 1,000 programmes the checked pages hold about a million
/// links and 150,000 ids (69 MB as JSON, a second to parse in every incremental build); most link URLs and elements
/// repeat, so every string is written once in a table and each page refers to it by number, and each distinct link is
/// read back as one shared object. Like <see cref="ProgrammeCacheFormat"/>: no versioning of its own (the cache key
/// includes the generator version), and a SHA-256 of the body at the end, so a cut or altered file counts as absent.
/// </summary>
public static class CheckedPagesFormat
{
    private static ReadOnlySpan<byte> Magic => "ATLASVF1"u8;

    public static byte[] Write(CheckedPagesFile file) => HashedBody.ToArray(stream => Write(file, stream));

    /// <summary>
    /// Writes the file to a stream (the cache's file) rather than to an array: at 1,000 programmes it is about 14 MB, and
    /// growing it in memory and copying it out allocated about 60 MB on the large-object heap, which set off a full
    /// collection at the end of every build.
    /// </summary>
    public static void Write(CheckedPagesFile file, Stream to)
    {
        var strings = new Dictionary<string, int>(StringComparer.Ordinal);
        var stringList = new List<string>();
        int S(string? text)
        {
            if (text is null) return 0;
            if (!strings.TryGetValue(text, out var id))
            {
                strings[text] = id = stringList.Count + 1; // 0 stands for null
                stringList.Add(text);
            }
            return id;
        }
        var links = new Dictionary<(int Url, int Element), int>();
        var linkList = new List<(int Url, int Element)>();
        var pages = new List<int[]>(file.Pages.Count);
        foreach (var (relative, page) in file.Pages)
        {
            var f = page.Facts;
            var row = new List<int> { S(relative), S(page.Inputs), S(f.Lang), S(f.Title), S(f.H1), f.Ids.Count };
            foreach (var id in f.Ids) row.Add(S(id));
            row.Add(f.Names.Count);
            foreach (var name in f.Names) row.Add(S(name));
            row.Add(f.Links.Count);
            foreach (var link in f.Links)
            {
                var k = (S(link.Url), S(link.Element));
                if (!links.TryGetValue(k, out var li))
                {
                    links[k] = li = linkList.Count;
                    linkList.Add(k);
                }
                row.Add(li);
            }
            pages.Add([.. row]);
        }

        HashedBody.Write(to, w =>
        {
            w.Write(Magic);
            w.Write(file.Site);
            w.Write7BitEncodedInt(stringList.Count);
            foreach (var text in stringList) w.Write(text);
            w.Write7BitEncodedInt(linkList.Count);
            foreach (var (url, element) in linkList) { w.Write7BitEncodedInt(url); w.Write7BitEncodedInt(element); }
            w.Write7BitEncodedInt(pages.Count);
            foreach (var row in pages)
            {
                w.Write7BitEncodedInt(row.Length);
                foreach (var n in row) w.Write7BitEncodedInt(n);
            }
        });
    }

    /// <summary>The file, or null when the bytes are not a complete file of this layout.</summary>
    public static CheckedPagesFile? Read(byte[] bytes)
    {
        try
        {
            int body = HashedBody.Verify(bytes);
            if (body < Magic.Length || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
            using var r = new BinaryReader(new MemoryStream(bytes, 0, body, writable: false), Encoding.UTF8);
            r.ReadBytes(Magic.Length);
            var site = r.ReadString();
            var strings = new string?[r.Read7BitEncodedInt() + 1];
            for (int i = 1; i < strings.Length; i++) strings[i] = r.ReadString();
            string? S(int id) => strings[id];
            string Required(int id) => strings[id] ?? throw new InvalidDataException("a required string is missing");
            var links = new PageLink[r.Read7BitEncodedInt()];
            for (int i = 0; i < links.Length; i++)
            {
                var url = Required(r.Read7BitEncodedInt());
                links[i] = new PageLink(url, Required(r.Read7BitEncodedInt()));
            }
            int count = r.Read7BitEncodedInt();
            var pages = new Dictionary<string, CheckedPage>(count, StringComparer.Ordinal);
            for (int p = 0; p < count; p++)
            {
                var row = new int[r.Read7BitEncodedInt()];
                for (int i = 0; i < row.Length; i++) row[i] = r.Read7BitEncodedInt();
                int at = 5;
                string[] List(ref int at)
                {
                    var list = new string[row[at++]];
                    for (int i = 0; i < list.Length; i++) list[i] = Required(row[at++]);
                    return list;
                }
                var ids = List(ref at);
                var names = List(ref at);
                var pageLinks = new PageLink[row[at++]];
                for (int i = 0; i < pageLinks.Length; i++) pageLinks[i] = links[row[at++]];
                if (at != row.Length) return null;
                pages[Required(row[0])] = new CheckedPage(Required(row[1]), new PageFacts(S(row[2]), S(row[3]), S(row[4]), ids, names, pageLinks));
            }
            return r.BaseStream.Position == body ? new CheckedPagesFile(site, pages) : null;
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or ArgumentException or FormatException
            or InvalidDataException or OverflowException or DecoderFallbackException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
