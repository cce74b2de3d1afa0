using Atlas.Ingest.Text;
using Atlas.Model;

namespace Atlas.Ingest.Structure;

/// <summary>The body as a section tree and its passages, plus what ingest noticed on the way.</summary>
public sealed record ParsedBody(IReadOnlyList<Section> Sections, IReadOnlyList<Passage> Passages, IReadOnlyList<string> Warnings);

/// <summary>
/// Body blocks → section tree and passages.
/// A numbered, lettered or enumerated line is a heading when it reads like one (no sentence end) and something belongs
/// under it, or when it is typeset as one (Markdown heading, bold); otherwise it is a list item: a passage carrying its marker.
/// Roman parts are always headings. Nesting follows the numbering scheme (part › 1 › 1.2 › 1.2.3 › a › (1)), not typography.
/// Ids come from the numbering path (s-iii-2-a) and passage ordinals count within their own section only, so editing one
/// section never renumbers another.
/// </summary>
public static class BodyParser
{
    public const string PreambleId = "s-0";

    private sealed class Node(Marker marker, string id, IReadOnlyList<string> path, string heading, int passagesBefore)
    {
        public Marker Marker { get; } = marker;
        public string Id { get; } = id;
        public IReadOnlyList<string> Path { get; } = path;
        public string Heading { get; } = heading;
        public List<Node> Children { get; } = [];
        public Section ToSection() =>
            new(Id, Marker.Number, Marker.SectionKind, Heading, Path, Children.Select(c => c.ToSection()).ToList()) { PassagesBefore = passagesBefore };
    }

    private sealed class PassageDraft(string id, Node? section, string? marker, string text)
    {
        public string Id { get; } = id;
        public Node? Section { get; } = section;
        public string? Marker { get; } = marker;
        public string Text { get; set; } = text;
        public List<PassageField> Fields { get; } = [];
    }

    public static ParsedBody Parse(IReadOnlyList<Block> blocks)
    {
        var content = blocks.Where(b => !b.IsRule && b.Text.Length > 0).ToList();
        var markers = content.Select(b => MarkerReader.Read(b.Text)).ToList();
        // Unnumbered headings are top-level, or level with "1." under the Roman parts when the document has parts.
        int firstPart = markers.FindIndex(m => m is { Kind: MarkerKind.Part });
        int unnumberedRank = firstPart >= 0 ? Marker.FirstNumberedRank : 0;
        // Capital-lettered divisions sit under the Roman parts ("II. … / A. MỤC TIÊU / 1. …"), or above them in a
        // document that opens with one ("A. MỤC ĐÍCH / I. … / II. …").
        int firstCapital = markers.FindIndex(m => m is { Kind: MarkerKind.Capital });
        if (firstCapital >= 0 && firstPart >= 0 && firstCapital < firstPart)
            for (int i = 0; i < markers.Count; i++)
                if (markers[i] is { Kind: MarkerKind.Capital } capital) markers[i] = capital with { FixedRank = -1 };
        for (int i = 0; i < content.Count; i++)
            if (markers[i] is null && UnnumberedHeading.Reads(content, i))
            {
                // An appendix stands beside the parts, whatever the document's divisions: above them all.
                bool appendix = UnnumberedHeading.IsAppendix(content[i].Text);
                markers[i] = new Marker(MarkerKind.Unnumbered, "", "", content[i].Text)
                    { FixedRank = appendix ? -2 : unnumberedRank, OpensAppendix = appendix };
            }
        var roots = new List<Node>();
        var stack = new List<Node>();
        var usedIds = new HashSet<string>(StringComparer.Ordinal) { PreambleId };
        var repeats = new Dictionary<string, int>(StringComparer.Ordinal);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        var passages = new List<PassageDraft>();
        var warnings = new List<string>();

        Node? Current() => stack.Count > 0 ? stack[^1] : null;

        Marker? LastSibling()
        {
            var siblings = Current()?.Children ?? roots;
            return siblings.Count > 0 ? siblings[^1].Marker : null;
        }

        void Close(int rank)
        {
            while (stack.Count > 0 && stack[^1].Marker.Rank >= rank) stack.RemoveAt(stack.Count - 1);
        }

        void AddPassage(string? marker, string text)
        {
            var section = Current();
            var sectionId = section?.Id ?? PreambleId;
            var n = ordinals.GetValueOrDefault(sectionId) + 1;
            ordinals[sectionId] = n;
            passages.Add(new PassageDraft($"{sectionId}-p{n}", section, marker, text));
        }

        for (int i = 0; i < content.Count; i++)
        {
            var block = content[i];
            var marker = markers[i];
            if (marker is null)
            {
                var field = FieldLabel.Read(block.Text);
                if (field is not null)
                {
                    // "Cơ quan chỉ đạo:" with its value on the next line.
                    if (field.Value.Length == 0 && i + 1 < content.Count && markers[i + 1] is null && FieldLabel.Read(content[i + 1].Text) is null)
                        field = field with { Value = content[++i].Text };
                    var last = TaskBefore(passages, Current());
                    if (last is not null)
                    {
                        last.Fields.Add(field);
                        continue;
                    }
                    warnings.Add($"Dòng phân công không có nhiệm vụ đứng trước, giữ làm đoạn văn (assignment line with no task before it, kept as a passage): \"{Short(block.Text)}\"");
                }
                AddPassage(null, block.Text);
                continue;
            }
            if (marker.Kind == MarkerKind.Bullet)
            {
                // "- Chủ trì: …", "- Thời hạn: …" under a task: its assignment lines, printed as a list.
                if (FieldLabel.ReadBulleted(marker.Rest) is { } bulleted && TaskBefore(passages, Current()) is { } task)
                {
                    task.Fields.Add(bulleted);
                    continue;
                }
                AddPassage(marker.Number, marker.Rest);
                continue;
            }
            if (marker.Kind == MarkerKind.Part && marker.Rest.Length == 0 && i + 1 < content.Count
                && (markers[i + 1] is null || markers[i + 1]!.Kind == MarkerKind.Unnumbered) && UnnumberedHeading.IsTitle(content[i + 1].Text))
            {
                // "PHẦN I" on its own line, its title on the next.
                marker = marker with { Rest = content[++i].Text };
            }
            bool heading = marker.Kind is MarkerKind.Part or MarkerKind.Unnumbered
                || (ReadsLikeHeading(marker.Rest) && (block.Styled || HasChildren(markers, content, i, marker.Rank)));
            Close(marker.Rank);
            string? inlineText = null;
            if (!heading)
            {
                var split = InlineHeading.Split(marker.Rest) ?? WrappedHeading(block, marker);
                if (split is { } inline && (InlineHeading.ContinuesNumbering(marker, LastSibling()) || SuccessorIsHeading(markers, content, i, marker)))
                {
                    // "3. Tầm nhìn đến năm 2045: Quảng Ngãi là …" after sections 1 and 2: section 3 with its text as a passage.
                    // Likewise a heading that a hard wrap joined with the paragraph after it.
                    marker = marker with { Rest = inline.Heading };
                    inlineText = inline.Text;
                    heading = true;
                }
            }
            if (!heading)
            {
                AddPassage(marker.PassageMarker, marker.Rest);
                continue;
            }
            var parent = Current();
            var id = UniqueId((parent?.Id ?? "s") + "-" + Token(marker, parent), usedIds, repeats);
            var path = (parent?.Path ?? []).Append(marker.Kind == MarkerKind.Unnumbered ? UnnumberedHeading.PathName(marker.Rest) : marker.Number).ToList();
            var node = new Node(marker, id, path, marker.Rest.TrimEnd(':', ' '), passages.Count);
            (parent?.Children ?? roots).Add(node);
            stack.Add(node);
            if (inlineText is not null) AddPassage(null, inlineText);
        }

        var result = passages.Select(p => new Passage(p.Id, p.Section?.Id, p.Section?.Path ?? [], p.Marker, p.Text) { Fields = p.Fields.ToList() }).ToList();
        return new ParsedBody(roots.Select(r => r.ToSection()).ToList(), result, warnings);
    }

    /// <summary>
    /// The task an assignment line belongs to: the last passage of the current section, or — when that is a "+" sub-item —
    /// the item it hangs from (Quảng Ngãi lists "+ Giai đoạn …" under a "- Triển khai …" task, then the task's assignments).
    /// </summary>
    private static PassageDraft? TaskBefore(List<PassageDraft> passages, Node? section)
    {
        if (passages.Count == 0 || passages[^1].Section != section) return null;
        if (passages[^1].Marker != "+") return passages[^1];
        // Bounded look-back: a task has a handful of sub-items, and a hostile file must not make this quadratic.
        for (int i = passages.Count - 1; i >= 0 && i >= passages.Count - 50 && passages[i].Section == section; i--)
            if (passages[i].Marker != "+") return passages[i];
        return passages[^1];
    }

    /// <summary>A heading does not end a sentence (a closing colon is fine) and is not a whole page long.</summary>
    private static bool ReadsLikeHeading(string text)
    {
        if (text.Length > 400) return false;
        if (!BlockJoiner.EndsSentence(text) || text.EndsWith(':')) return true;
        // "Mục đích." — a short title with a full stop.
        return text.Length <= 80 && text.EndsWith('.') && text.IndexOf('.') == text.Length - 1;
    }

    /// <summary>
    /// A numbered line that a hard wrap joined with the paragraph below it: its first physical lines read as a heading
    /// (no sentence end) and the next line starts a sentence with a capital. Null when the block is one line.
    /// </summary>
    private static (string Heading, string Text)? WrappedHeading(Block block, Marker marker)
    {
        foreach (var join in block.Joins)
        {
            var first = block.Text[..join].TrimEnd();
            if (BlockJoiner.EndsSentence(first) || first.Length > 400) return null;
            if (!char.IsUpper(block.Text[join])) continue;
            if (MarkerReader.Read(first) is not { } own || own.Number != marker.Number || !ReadsLikeHeading(own.Rest)) return null;
            return (own.Rest, block.Text[join..]);
        }
        return null;
    }

    /// <summary>
    /// The next item numbered in the same scheme at the same level (before the level closes) is the next number and is a
    /// heading: the first of a run of sections ("1. Mục tiêu: …" followed by "2. Nhiệm vụ" and its paragraphs).
    /// </summary>
    private static bool SuccessorIsHeading(IReadOnlyList<Marker?> markers, IReadOnlyList<Block> content, int i, Marker marker)
    {
        // Bounded: a section runs a few hundred blocks at most, and a hostile file must not make this quadratic.
        for (int j = i + 1; j < markers.Count && j <= i + 400; j++)
        {
            if (markers[j] is not { } next || next.Kind == MarkerKind.Bullet) continue;
            if (next.Rank < marker.Rank) return false;
            if (next.Rank > marker.Rank || next.Kind != marker.Kind) continue;
            return InlineHeading.ContinuesNumbering(next, marker) && ReadsLikeHeading(next.Rest)
                && (content[j].Styled || HasChildren(markers, content, j, next.Rank));
        }
        return false;
    }

    /// <summary>Something other than a sibling or a higher heading follows before the end of the body.</summary>
    private static bool HasChildren(IReadOnlyList<Marker?> markers, IReadOnlyList<Block> content, int i, int rank)
    {
        if (i + 1 >= content.Count) return false;
        var next = markers[i + 1];
        return next is null || next.Kind == MarkerKind.Bullet || next.Rank > rank;
    }

    /// <summary>
    /// The id segment for a heading: Roman numerals lower-cased, letters folded (đ → d), and a dotted number relative to
    /// its parent ("1.2" under "1" → "2"), so 1.2 under part II is s-ii-1-2.
    /// </summary>
    private static string Token(Marker marker, Node? parent)
    {
        if (marker.Kind == MarkerKind.Unnumbered) return UnnumberedHeading.Token(marker.Rest);
        var number = marker.Number;
        if (marker.Kind == MarkerKind.Numbered && parent is { Marker.Kind: MarkerKind.Numbered }
            && number.StartsWith(parent.Marker.Number + ".", StringComparison.Ordinal))
            number = number[(parent.Marker.Number.Length + 1)..];
        var token = Slugs.From(number.Replace('.', '-'));
        return token.Length == 0 ? "x" : token;
    }

    /// <summary>
    /// The id itself, or for a repeated number the id with "--2", "--3"… in document order. "--" never comes out of a
    /// numbering path, so a disambiguated id cannot collide with a real one.
    /// </summary>
    private static string UniqueId(string id, HashSet<string> used, Dictionary<string, int> repeats)
    {
        if (used.Add(id)) return id;
        int n = repeats.GetValueOrDefault(id, 1);
        string candidate;
        do candidate = $"{id}--{++n}"; while (!used.Add(candidate));
        repeats[id] = n;
        return candidate;
    }

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
