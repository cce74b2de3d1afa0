using System.Net;
using System.Text;

namespace Atlas.Verify;

/// <summary>
/// A hand-written scanner over a page's UTF-8 bytes that finds what the checks need (tags, ids, link attributes, the
/// title and first h1 text) without building a DOM: at thousands of pages, a full parse was the largest cost of the build.
/// It reads HTML as the site writes it (and the usual variants: any case, any quoting, comments, raw-text elements),
/// not every error-recovery rule of HTML5; <see cref="DomScanner"/> is the full parse for <c>atlas check</c>.
/// </summary>
public static class MarkupScanner
{
    public static PageFacts Scan(ReadOnlySpan<byte> html) => Scan(html, null);

    /// <param name="pool">Where to take attribute values from (ids and URLs repeat across pages), or null to make each anew.</param>
    internal static PageFacts Scan(ReadOnlySpan<byte> html, StringPool? pool)
    {
        string? lang = null, title = null, h1 = null;
        var ids = new List<string>();
        var names = new List<string>();
        // One list per kind of link: reported kind by kind, each in page order (what a stable sort by kind gave).
        var links = new List<PageLink>?[PageFacts.LinkAttributes.Length];
        var inBody = false;
        StringBuilder? h1Text = null; // collecting the first h1's text, until its end tag

        var i = 0;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf((byte)'<');
            if (lt < 0)
            {
                h1Text?.Append(Text(html[i..]));
                break;
            }
            if (h1Text is not null && lt > 0) h1Text.Append(Text(html.Slice(i, lt)));
            i += lt;
            var rest = html[i..];
            if (rest.StartsWith("<!--"u8))
            {
                var end = rest.IndexOf("-->"u8);
                i = end < 0 ? html.Length : i + end + 3;
                continue;
            }
            if (rest.Length > 1 && (rest[1] == '!' || rest[1] == '?'))
            {
                var end = rest.IndexOf((byte)'>');
                i = end < 0 ? html.Length : i + end + 1;
                continue;
            }
            var closing = rest.Length > 1 && rest[1] == '/';
            var nameStart = closing ? 2 : 1;
            if (rest.Length <= nameStart || !IsAsciiLetter(rest[nameStart]))
            {
                // A '<' that opens no tag is text.
                h1Text?.Append('<');
                i++;
                continue;
            }
            var tag = Tag(rest, nameStart, out var tagLength, out var attributes, pool);
            i += tagLength;
            if (closing)
            {
                if (tag == "h1" && h1Text is not null)
                {
                    h1 = h1Text.ToString();
                    h1Text = null;
                }
                continue;
            }

            if (tag == "body") inBody = true;
            if (tag == "html" && lang is null) lang = attributes.Lang;
            if (attributes.Id is { } id) ids.Add(id);
            if (tag == "a" && attributes.Name is { } name) names.Add(name);
            for (var k = 0; k < PageFacts.LinkAttributes.Length; k++)
            {
                if (PageFacts.LinkAttributes[k].Element != tag) continue;
                if (attributes.Get(PageFacts.LinkAttributes[k].Attribute) is { } url) (links[k] ??= []).Add(new PageLink(pool is null ? url.Trim() : url, tag));
            }
            if (tag == "h1" && h1 is null && h1Text is null) h1Text = new StringBuilder();

            // Raw text and escapable raw text: their content is not markup.
            if (tag is "script" or "style" or "title" or "textarea")
            {
                var close = IndexOfEndTag(html[i..], tag);
                var content = close < 0 ? html[i..] : html.Slice(i, close);
                if (tag == "title" && !inBody && title is null) title = Text(content);
                else if (tag is "title" or "textarea") h1Text?.Append(Text(content));
                i = close < 0 ? html.Length : i + close;
            }
        }
        if (h1Text is not null) h1 = h1Text.ToString(); // an h1 left open runs to the end of the page
        var all = new List<PageLink>(links.Sum(l => l?.Count ?? 0));
        foreach (var kind in links) if (kind is not null) all.AddRange(kind);
        return new PageFacts(lang, title, h1, ids, names, all);
    }

    /// <summary>The attributes the checks read; the first of two same-named attributes wins, as in a browser.</summary>
    private struct Attributes
    {
        public string? Id, Name, Lang, Href, Src, Action;

        public readonly string? Get(string attribute) => attribute switch
        {
            "href" => Href, "src" => Src, "action" => Action, _ => null,
        };
    }

    /// <summary>Reads a start or end tag from its name at <paramref name="nameStart"/> to its '&gt;'. Only the attributes the checks use are decoded.</summary>
    /// <remarks>With a pool, link attributes (href, src, action) come back trimmed: a page link's URL is its trimmed value.</remarks>
    private static string Tag(ReadOnlySpan<byte> s, int nameStart, out int length, out Attributes attributes, StringPool? pool)
    {
        attributes = default;
        var j = nameStart;
        while (j < s.Length && !IsSpace(s[j]) && s[j] != '>' && s[j] != '/') j++;
        var name = Lower(s[nameStart..j]);
        while (j < s.Length)
        {
            while (j < s.Length && (IsSpace(s[j]) || s[j] == '/')) j++;
            if (j >= s.Length) break;
            if (s[j] == '>') { j++; break; }
            var a = j;
            while (j < s.Length && !IsSpace(s[j]) && s[j] != '=' && s[j] != '>' && s[j] != '/') j++;
            if (j == a) { j++; continue; }
            var attrName = s[a..j];
            while (j < s.Length && IsSpace(s[j])) j++;
            var raw = ReadOnlySpan<byte>.Empty;
            if (j < s.Length && s[j] == '=')
            {
                j++;
                while (j < s.Length && IsSpace(s[j])) j++;
                if (j < s.Length && (s[j] == '"' || s[j] == '\''))
                {
                    var quote = s[j];
                    var end = s[(j + 1)..].IndexOf(quote);
                    raw = end < 0 ? s[(j + 1)..] : s.Slice(j + 1, end);
                    j = end < 0 ? s.Length : j + 1 + end + 1;
                }
                else
                {
                    var v = j;
                    while (j < s.Length && !IsSpace(s[j]) && s[j] != '>') j++;
                    raw = s[v..j];
                }
            }
            if (Is(attrName, "id"u8)) attributes.Id ??= Value(raw, pool, trim: false);
            else if (Is(attrName, "href"u8)) attributes.Href ??= Url(raw, pool);
            else if (Is(attrName, "src"u8)) attributes.Src ??= Url(raw, pool);
            else if (Is(attrName, "name"u8)) attributes.Name ??= Value(raw, pool, trim: false);
            else if (Is(attrName, "lang"u8)) attributes.Lang ??= Text(raw);
            else if (Is(attrName, "action"u8)) attributes.Action ??= Url(raw, pool);
        }
        length = j;
        return name;
    }

    private static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lower) =>
        name.Length == lower.Length && System.Text.Ascii.EqualsIgnoreCase(name, lower);

    /// <summary>Where "&lt;/tag" starts (any case), or -1.</summary>
    private static int IndexOfEndTag(ReadOnlySpan<byte> s, string tag)
    {
        var from = 0;
        while (true)
        {
            var k = s[from..].IndexOf("</"u8);
            if (k < 0) return -1;
            k += from;
            var nameEnd = k + 2 + tag.Length;
            if (nameEnd <= s.Length && Lower(s.Slice(k + 2, tag.Length)) == tag &&
                (nameEnd == s.Length || IsSpace(s[nameEnd]) || s[nameEnd] == '>' || s[nameEnd] == '/'))
                return k;
            from = k + 2;
        }
    }

    /// <summary>An attribute's value (<see cref="Text"/>), from the pool when there is one (trimmed if asked).</summary>
    private static string Value(ReadOnlySpan<byte> raw, StringPool? pool, bool trim)
    {
        if (pool is null) return Text(raw);
        if (raw.IndexOf((byte)'&') >= 0) return trim ? pool.Of(Text(raw).AsSpan().Trim()) : pool.Of(Text(raw));
        return pool.Utf8(raw, trim);
    }

    /// <summary>A link's URL: trimmed when there is a pool (its callers expect it so), not pooled: most URLs are seen once or twice.</summary>
    private static string Url(ReadOnlySpan<byte> raw, StringPool? pool) => pool is null ? Text(raw) : Text(raw).Trim();

    private static string Text(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        return text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
    }

    private static string Lower(ReadOnlySpan<byte> ascii)
    {
        // The site's own tags are written in lower case: those come back as the same strings, not a new one per tag.
        if ((uint)ascii.Length < (uint)CommonTags.Length)
            foreach (var common in CommonTags[ascii.Length])
                if (ascii.SequenceEqual(common.Bytes)) return common.Name;
        Span<char> chars = ascii.Length <= 64 ? stackalloc char[ascii.Length] : new char[ascii.Length];
        for (var k = 0; k < ascii.Length; k++) chars[k] = (char)(ascii[k] is >= (byte)'A' and <= (byte)'Z' ? ascii[k] + 32 : ascii[k]);
        return new string(chars);
    }

    /// <summary>By length: a tag name is compared only with the common names of its length.</summary>
    private static readonly (string Name, byte[] Bytes)[][] CommonTags = Enumerable.Range(0, 8)
        .Select(length => new[] { "a", "p", "li", "div", "span", "ul", "ol", "td", "tr", "th", "dt", "dd", "h2", "h3", "details", "summary", "section", "nav", "meta", "link", "script" }
            .Where(n => n.Length == length).Select(n => (n, Encoding.ASCII.GetBytes(n))).ToArray())
        .ToArray();

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLetter(byte b) => b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z';

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)] // every byte of every tag
    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f';
}
