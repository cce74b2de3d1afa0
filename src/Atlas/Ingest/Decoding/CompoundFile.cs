using System.Buffers.Binary;
using System.Text;

namespace Atlas.Ingest.Decoding;

/// <summary>
/// The streams of an OLE2 compound file (Microsoft's Compound File Binary format, the container of .doc, .xls and .msg
/// files): a small FAT file system inside one file. Only what <see cref="WordBinaryText"/> needs is read: the directory,
/// and a stream by name through the FAT or, for small streams, the mini FAT. Every sector number, chain and size is
/// checked against the file, so a damaged or hostile file ends in <see cref="InvalidDataException"/>, never in a loop or
/// an out-of-range read.
/// </summary>
internal sealed class CompoundFile
{
    private static ReadOnlySpan<byte> Signature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private const uint EndOfChain = 0xFFFFFFFE;
    private const int MiniSectorSize = 64;

    private readonly byte[] file;
    private readonly int sectorSize;
    private readonly uint miniCutoff;
    private readonly uint[] fat;
    private readonly List<Entry> entries = [];
    private readonly Lazy<(byte[] Stream, uint[] Fat)> mini;

    private sealed record Entry(string Name, byte Type, uint Start, long Size);

    public static bool LooksLike(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    public CompoundFile(byte[] bytes)
    {
        if (bytes.Length < 512 || !LooksLike(bytes)) throw new InvalidDataException("not an OLE2 compound file");
        file = bytes;
        int sectorShift = U16(file, 0x1E);
        if (sectorShift is not (9 or 12) || U16(file, 0x20) != 6) throw new InvalidDataException("unknown sector size");
        sectorSize = 1 << sectorShift;
        miniCutoff = U32(file, 0x38);
        fat = ReadFat(U32(file, 0x2C), U32(file, 0x44), U32(file, 0x48));

        var directory = SectorChain(U32(file, 0x30), long.MaxValue);
        for (int at = 0; at + 128 <= directory.Length; at += 128)
        {
            int nameBytes = Math.Min((int)U16(directory, at + 0x40), 64);
            var name = Encoding.Unicode.GetString(directory, at, Math.Max(0, nameBytes - 2));
            // Version 3 files (512-byte sectors) may leave garbage in the size's high half.
            long size = sectorSize == 512 ? U32(directory, at + 0x78) : (long)BinaryPrimitives.ReadUInt64LittleEndian(directory.AsSpan(at + 0x78));
            entries.Add(new Entry(name, directory[at + 0x42], U32(directory, at + 0x74), size));
        }
        if (entries.Count == 0 || entries[0].Type != 5) throw new InvalidDataException("no root entry");
        mini = new Lazy<(byte[], uint[])>(() =>
        {
            var root = entries[0];
            var stream = SectorChain(root.Start, root.Size);
            var miniFatBytes = SectorChain(U32(file, 0x3C), long.MaxValue);
            var table = new uint[miniFatBytes.Length / 4];
            for (int i = 0; i < table.Length; i++) table[i] = U32(miniFatBytes, 4 * i);
            return (stream, table);
        });
    }

    /// <summary>The stream with this name (case-insensitive, as the format compares names), or null if there is none.</summary>
    public byte[]? Stream(string name)
    {
        var entry = entries.Find(e => e.Type == 2 && string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null) return null;
        if (entry.Size > file.Length) throw new InvalidDataException($"stream {name} is larger than the file");
        if (entry.Size >= miniCutoff)
            return SectorChain(entry.Start, entry.Size);
        var (stream, table) = mini.Value;
        return Chain(entry.Start, table, MiniSectorSize, stream.Length / MiniSectorSize,
            (s, into) => into.Write(stream, (int)s * MiniSectorSize, MiniSectorSize), entry.Size);
    }

    private long SectorCount => (file.Length - 512) / sectorSize;

    /// <summary>A chain of the file's sectors through the FAT (see <see cref="Chain"/>).</summary>
    private byte[] SectorChain(uint start, long size) =>
        Chain(start, fat, sectorSize, SectorCount, (s, into) => into.Write(file, Offset(s), sectorSize), size);

    private int Offset(uint sector)
    {
        if (sector >= SectorCount) throw new InvalidDataException($"sector {sector} is past the end of the file");
        return 512 + (int)sector * sectorSize;
    }

    /// <summary>The FAT, from the sectors the DIFAT lists: 109 in the header, then chained DIFAT sectors.</summary>
    private uint[] ReadFat(uint fatSectors, uint firstDifat, uint difatSectors)
    {
        if (fatSectors > SectorCount) throw new InvalidDataException("more FAT sectors than the file holds");
        var sectors = new List<uint>();
        for (int i = 0; i < 109 && sectors.Count < fatSectors; i++) sectors.Add(U32(file, 0x4C + 4 * i));
        uint next = firstDifat;
        int perSector = sectorSize / 4 - 1;
        for (uint d = 0; d < difatSectors && sectors.Count < fatSectors; d++)
        {
            int at = Offset(next);
            for (int i = 0; i < perSector && sectors.Count < fatSectors; i++) sectors.Add(U32(file, at + 4 * i));
            next = U32(file, at + 4 * perSector);
        }
        int perFatSector = sectorSize / 4;
        var table = new uint[sectors.Count * perFatSector];
        for (int s = 0; s < sectors.Count; s++)
        {
            int at = Offset(sectors[s]);
            for (int i = 0; i < perFatSector; i++) table[s * perFatSector + i] = U32(file, at + 4 * i);
        }
        return table;
    }

    /// <summary>The bytes of a chain of units (sectors or mini sectors) from <paramref name="start"/>, cut at <paramref name="size"/>.</summary>
    private static byte[] Chain(uint start, uint[] table, int unit, long units, Action<uint, MemoryStream> read, long size)
    {
        var into = new MemoryStream();
        var sector = start;
        // A chain visits each unit at most once: a longer one loops.
        for (long steps = 0; sector != EndOfChain && into.Length < size; steps++)
        {
            if (steps > units || sector >= table.Length || sector >= units) throw new InvalidDataException("broken sector chain");
            read(sector, into);
            sector = table[sector];
        }
        if (size != long.MaxValue && into.Length < size) throw new InvalidDataException("stream shorter than its size");
        var bytes = into.ToArray();
        return size == long.MaxValue || bytes.Length == size ? bytes : bytes[..(int)size];
    }

    internal static byte Byte(byte[] bytes, int at) =>
        at >= 0 && at < bytes.Length ? bytes[at] : throw new InvalidDataException("read past the end");

    internal static ushort U16(byte[] bytes, int at) =>
        at >= 0 && at + 2 <= bytes.Length ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(at)) : throw new InvalidDataException("read past the end");

    internal static uint U32(byte[] bytes, int at) =>
        at >= 0 && at + 4 <= bytes.Length ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at)) : throw new InvalidDataException("read past the end");
}
