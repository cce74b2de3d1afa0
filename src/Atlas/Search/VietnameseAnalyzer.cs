using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Atlas.Search;

/// <summary>
/// Lucene analyzer for Vietnamese passages and queries. Words come from <see cref="VietnameseText.Words"/>
/// (NFC → lower case → canonical tone placement → letters/digits/marks runs). The field
/// <see cref="PassageFields.Folded"/> (and any field whose name is passed as folded) additionally removes the marks
/// (<see cref="VietnameseText.Fold"/>); every other field keeps the diacritics. Query text goes through the same chain,
/// so NFD-typed or old-style-toned queries find the same words.
/// Components are cached per field (Lucene's default reuse is global, which would hand the folded field the
/// exact field's chain).
/// </summary>
public sealed class VietnameseAnalyzer(params string[] foldedFields) : Analyzer(PER_FIELD_REUSE_STRATEGY)
{
    private readonly HashSet<string> folded = foldedFields.Length == 0 ? [PassageFields.Folded] : [.. foldedFields];

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new VietnameseTokenizer(reader);
        return folded.Contains(fieldName)
            ? new TokenStreamComponents(tokenizer, new VietnameseFoldingFilter(tokenizer))
            : new TokenStreamComponents(tokenizer);
    }
}

/// <summary>Emits <see cref="VietnameseText.Words"/> of the whole input as tokens (terms, position gaps, offsets).</summary>
public sealed class VietnameseTokenizer : Tokenizer
{
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute increment;
    private List<WordToken> words = [];
    private int next;
    private int lastPosition;
    private int inputLength;

    public VietnameseTokenizer(TextReader input) : base(input)
    {
        term = AddAttribute<ICharTermAttribute>();
        offset = AddAttribute<IOffsetAttribute>();
        increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override void Reset()
    {
        base.Reset();
        var text = m_input.ReadToEnd();
        inputLength = text.Length;
        words = VietnameseText.Words(text);
        next = 0;
        lastPosition = -1;
    }

    public override bool IncrementToken()
    {
        if (next >= words.Count) return false;
        ClearAttributes();
        var w = words[next++];
        term.SetEmpty().Append(w.Term);
        // Offsets refer to the normalised text, which has the NFC input's length; clamp for NFD input.
        offset.SetOffset(CorrectOffset(Math.Min(w.Start, inputLength)), CorrectOffset(Math.Min(w.End, inputLength)));
        increment.PositionIncrement = w.Position - lastPosition;
        lastPosition = w.Position;
        return true;
    }

    public override void End()
    {
        base.End();
        var final = CorrectOffset(inputLength);
        offset.SetOffset(final, final);
    }
}

/// <summary>Replaces each term by its folded form (<see cref="VietnameseText.Fold"/>): "điện" → "dien".</summary>
public sealed class VietnameseFoldingFilter : TokenFilter
{
    private readonly ICharTermAttribute term;

    public VietnameseFoldingFilter(TokenStream input) : base(input) => term = AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken()) return false;
        var folded = VietnameseText.Fold(term.ToString());
        term.SetEmpty().Append(folded);
        return true;
    }
}
