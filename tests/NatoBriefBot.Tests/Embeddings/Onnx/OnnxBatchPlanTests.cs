using NatoBriefBot.Core.Embeddings.Onnx;

namespace NatoBriefBot.Tests.Embeddings.Onnx;

public class OnnxBatchPlanTests
{
    [Fact]
    public void Rows_ShortTexts_AsManyAsTheTokenBudgetHolds()
    {
        // Each text is 8 pieces + [CLS] + [SEP] = 10 tokens: three fit in 30, four do not.
        Assert.Equal(3, OnnxBatchPlan.Rows([8, 8, 8, 8, 8], batchSize: 32, batchTokens: 30));
    }

    [Fact]
    public void Rows_LongerTextNext_StopsBeforePaddingEveryRowToIt()
    {
        // Two texts of 4 pieces take 2 x 6 = 12 tokens; adding the 20-piece text would pad all three to 22 (66 > 30).
        Assert.Equal(2, OnnxBatchPlan.Rows([4, 4, 20], batchSize: 32, batchTokens: 30));
    }

    [Fact]
    public void Rows_TextLongerThanTheBudget_RunsAlone()
    {
        Assert.Equal(1, OnnxBatchPlan.Rows([300, 300], batchSize: 32, batchTokens: 256));
    }

    [Fact]
    public void Rows_BudgetForMoreThanTheBatchSize_CappedAtTheBatchSize()
    {
        Assert.Equal(2, OnnxBatchPlan.Rows([1, 1, 1, 1], batchSize: 2, batchTokens: 1000));
    }

    [Fact]
    public void Rows_FewerTextsLeftThanFit_TakesThemAll()
    {
        Assert.Equal(3, OnnxBatchPlan.Rows([1, 2, 3], batchSize: 32, batchTokens: 1000));
    }

    [Fact]
    public void Rows_NothingLeft_Zero()
    {
        Assert.Equal(0, OnnxBatchPlan.Rows([], batchSize: 32, batchTokens: 256));
    }

    [Theory]
    [InlineData(0, 256)]
    [InlineData(32, 0)]
    public void Rows_LimitBelowOne_Throws(int batchSize, int batchTokens)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OnnxBatchPlan.Rows([1], batchSize, batchTokens));
    }
}
