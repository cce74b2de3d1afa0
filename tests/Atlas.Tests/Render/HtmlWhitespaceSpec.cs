using Atlas.Render;

namespace Atlas.Tests.Render;

public sealed class HtmlWhitespaceSpec
{
    [Fact]
    public void Indentation_and_blank_lines_become_one_line_break_while_spaces_between_words_stay()
    {
        Assert.Equal("<ul>\n<li>a  b</li>\n</ul>\n", HtmlWhitespace.Compact("<ul>\n    \n   <li>a  b</li>\r\n  </ul>\n\n"));
    }

    [Fact]
    public void Whitespace_inside_tags_and_preformatted_elements_is_kept()
    {
        const string html = "<p data-cite=\"a\n   b\">x</p>\n  <pre>\n  keep\n\n  this</pre>\n   <textarea>\n  too</textarea>\n  <p>y</p>";
        Assert.Equal("<p data-cite=\"a\n   b\">x</p>\n<pre>\n  keep\n\n  this</pre>\n<textarea>\n  too</textarea>\n<p>y</p>", HtmlWhitespace.Compact(html));
    }

    [Fact]
    public void A_page_written_in_pieces_comes_out_the_same_as_written_whole()
    {
        const string html = "<div class=\"a\">\n    <p>một   hai</p>\n\n  <pre> x\n y</pre>\n</div>\n";
        var pieces = new StringWriter();
        using (var writer = new HtmlWhitespace(pieces))
            foreach (var chunk in html.Chunk(3)) writer.Write(new string(chunk));
        Assert.Equal(HtmlWhitespace.Compact(html), pieces.ToString());
    }

    [Fact]
    public void Spaces_before_a_line_break_collapse_with_it_and_spaces_before_a_tag_stay()
    {
        Assert.Equal("<p>một hai\nba <b>bốn</b> \t năm</p>", HtmlWhitespace.Compact("<p>một hai  \t\n   ba <b>bốn</b> \t năm</p>"));
    }
}
