using NatoBriefBot.Core.Answering.Selection;

namespace NatoBriefBot.Tests.Answering.Selection;

public sealed class TokenAlignmentTests
{
    // Unit vectors in 2 dimensions: the question's two pieces point along x and y.
    private static readonly float[] Question = [1, 0, 0, 1];

    [Fact]
    public void Recall_EachQuestionPieceTakesItsClosestSentencePiece()
    {
        var alignment = new TokenAlignment(Question, 2, _ => [1, 0, 0.6f, 0.8f, -1, 0]);

        var (mean, min) = alignment.Recall("any");

        Assert.Equal((1 + 0.8) / 2, mean, 5);
        Assert.Equal(0.8, min, 5);
    }

    [Fact]
    public void Recall_Context_EachQuestionPieceMayMatchInTheSentenceBefore()
    {
        var alignment = new TokenAlignment(Question, 2, s => s == "before" ? [0, 1] : [1, 0]);

        var alone = alignment.Recall("sentence");
        var withContext = alignment.Recall("sentence", "before");

        Assert.Equal((0.5, 0.0), alone);
        Assert.Equal((1.0, 1.0), withContext);
    }

    [Fact]
    public void Recall_SentenceWithoutPieces_Zero()
    {
        var alignment = new TokenAlignment(Question, 2, _ => []);

        Assert.Equal((0.0, 0.0), alignment.Recall("any"));
    }

    [Fact]
    public void Recall_QuestionWithoutContentPieces_Zero()
    {
        var alignment = new TokenAlignment([], 2, _ => [1, 0]);

        Assert.Equal((0.0, 0.0), alignment.Recall("any"));
    }
}
