namespace Atlas.Model;

/// <summary>
/// One provincial action programme as the ingest stage understood it.
/// Plain data: every later stage reads it, none mutates it.
/// </summary>
/// <param name="Slug">File-system and URL safe id, e.g. <c>tien-giang-38-ctr-tu-2023</c>; from the source file name.</param>
/// <param name="Metadata">Header facts; a value the source does not state is null and listed in the report.</param>
/// <param name="Sections">The section tree roots, in document order.</param>
/// <param name="Passages">Every paragraph or bullet of the body, in document order.</param>
/// <param name="Closing">Distribution list and signature block, kept apart from the body.</param>
/// <param name="Source">Where the text came from.</param>
public sealed record Programme(
    string Slug,
    ProgrammeMetadata Metadata,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Passage> Passages,
    ClosingMatter Closing,
    SourceInfo Source);

public sealed record ProgrammeMetadata(
    string? Title,
    string? Province,
    string? Issuer,
    string? Number,
    /// <summary>ISO date yyyy-MM-dd.</summary>
    string? Date,
    string? Place,
    IReadOnlyList<ImplementedDocument> Implements,
    Signatory? Signatory,
    /// <summary>Planning horizon years named in the title or objectives (2025, 2030, 2045), ascending.</summary>
    IReadOnlyList<int> HorizonYears);

/// <summary>A document the programme implements: a numbered resolution/plan (<c>29-NQ/TW</c>) or a named one (Congress resolution) with no number.</summary>
/// <param name="Number">Normalised number such as <c>29-NQ/TW</c>; null for unnumbered documents.</param>
/// <param name="Date">ISO date if the source gives one.</param>
/// <param name="Label">How the source names it, e.g. "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XI".</param>
public sealed record ImplementedDocument(string? Number, string? Date, string Label)
{
    /// <summary>Stable id used in URLs: the number slugged (<c>29-nq-tw</c>) or the label slugged.</summary>
    public string Id => Slugs.From(Number ?? Label);
}

public sealed record Signatory(string? Name, string? Role);

/// <summary>A node of the section tree, numbered as the document numbers it.</summary>
/// <param name="Id">Stable anchor id derived from the numbering path, e.g. <c>s-iii-2-a</c>.</param>
/// <param name="Number">The document's own number as printed, e.g. "III", "2.1", "a", "(3)".</param>
/// <param name="Kind">Which numbering scheme the node uses.</param>
/// <param name="Heading">Heading text without its number, cleaned.</param>
/// <param name="Path">Numbers from the root to this node, e.g. ["III", "2"]; joined with '.' for citations.</param>
public sealed record Section(
    string Id,
    string Number,
    SectionKind Kind,
    string Heading,
    IReadOnlyList<string> Path,
    IReadOnlyList<Section> Children)
{
    /// <summary>"III.2.a" — the citation form of the path (<see cref="SectionPath.Cite"/>).</summary>
    public string Citation => SectionPath.Cite(Path);

    /// <summary>
    /// Where the heading stands in the document: the number of body passages before it, i.e. the index in
    /// <see cref="Programme.Passages"/> of the first passage after it. A section's own passages and its children
    /// interleave by this position (a passage may follow the children). -1 when unknown (a hand-made model).
    /// </summary>
    public int PassagesBefore { get; init; } = -1;
}

/// <summary>How a place in the section tree is cited.</summary>
public static class SectionPath
{
    /// <summary>
    /// The numbers from the root joined with '.', each decimal number once: a document that numbers "2.", "2.2.",
    /// "2.2.1." under part "II" prints its parents' numbers in each child's, so the child's number replaces them
    /// ("II.2.2.1", never "II.2.2.2.2.2.1"). "III", "2", "a" stays "III.2.a"; "II", "2.1" (no "2" heading) "II.2.1".
    /// </summary>
    public static string Cite(IReadOnlyList<string> path)
    {
        if (path.Count == 0) return "";
        if (path.Count == 1) return path[0];
        // Pages cite every passage they list, so this is one exact-size string, without a list of the numbers kept.
        int length = -1;
        for (int i = 0; i < path.Count; i++)
            if (Kept(path, i)) length += path[i].Length + 1;
        return string.Create(length, path, static (chars, path) =>
        {
            int at = 0;
            for (int i = 0; i < path.Count; i++)
            {
                if (!Kept(path, i)) continue;
                if (at > 0) chars[at++] = '.';
                path[i].CopyTo(chars[at..]);
                at += path[i].Length;
            }
        });
    }

    /// <summary>A number is kept unless the next one repeats it as its prefix ("2" before "2.2").</summary>
    private static bool Kept(IReadOnlyList<string> path, int i)
    {
        if (i + 1 == path.Count) return true;
        string number = path[i], next = path[i + 1];
        return !(next.Length > number.Length + 1 && next[number.Length] == '.' && next.StartsWith(number, StringComparison.Ordinal));
    }
}

/// <summary>Unnumbered: a heading the document does not number (a line in capitals, a Markdown heading); its Number is "".
/// Appendix: an unnumbered heading that opens an appendix ("PHỤ LỤC"), printed after the signature.</summary>
public enum SectionKind { Part, Numbered, Lettered, Enumerated, Unnumbered, Appendix }

/// <summary>One paragraph or bullet of the body: the unit of search, themes and citation.</summary>
/// <param name="Id">Stable anchor id, e.g. <c>s-iii-2-p3</c> (section anchor + ordinal within the section).</param>
/// <param name="SectionId">Id of the innermost section holding it; null before the first section (preamble).</param>
/// <param name="Marker">The bullet or enumeration marker as printed ("-", "+", "•", "(3)"), null for a plain paragraph.</param>
/// <param name="Text">Clean NFC text, one line, no Markdown.</param>
public sealed record Passage(
    string Id,
    string? SectionId,
    IReadOnlyList<string> SectionPath,
    string? Marker,
    string Text)
{
    /// <summary>"III.2.a" — the citation form of the section path (<see cref="Model.SectionPath.Cite"/>).</summary>
    public string Citation => Model.SectionPath.Cite(SectionPath);

    /// <summary>
    /// Labelled lines that belong to this passage rather than being passages of their own, e.g. Quảng Ngãi's
    /// "Cơ quan chỉ đạo: …", "Thời gian thực hiện: …" under each task. In source order.
    /// </summary>
    public IReadOnlyList<PassageField> Fields { get; init; } = [];
}

/// <summary>A "Label: value" line attached to a passage; Label as printed (without the colon).</summary>
public sealed record PassageField(string Label, string Value);

/// <summary>What follows the body: "Nơi nhận" list and the signature block, verbatim lines.</summary>
public sealed record ClosingMatter(IReadOnlyList<string> Recipients, IReadOnlyList<string> SignatureLines);

/// <param name="FileName">Source file name under content/sources/.</param>
/// <param name="Sha256">Hex digest of the original bytes: lets the cache and the sources page identify the exact input.</param>
/// <param name="Encoding">Detected encoding name, e.g. "utf-8", "utf-8-bom", "windows-1258".</param>
public sealed record SourceInfo(string FileName, string Sha256, string Encoding);

/// <summary>Anchors of a programme page that other parts of the atlas link to.</summary>
public static class ProgrammeAnchors
{
    /// <summary>The page's head (title, source link): where a search for the programme's number leads.</summary>
    public const string Head = "van-ban";
}
