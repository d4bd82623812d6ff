using Microsoft.Extensions.AI;
using NatoBriefBot.Core.Embeddings;

namespace NatoBriefBot.Tests.Embeddings;

public class EmbeddingPurposeTests
{
    [Fact]
    public void IsQuery_ForQueryOptions_TrueOtherwiseFalse()
    {
        Assert.True(EmbeddingPurpose.IsQuery(EmbeddingPurpose.ForQuery()));
        Assert.False(EmbeddingPurpose.IsQuery(null));
        Assert.False(EmbeddingPurpose.IsQuery(new EmbeddingGenerationOptions { Dimensions = 256 }));
    }

    [Fact]
    public void Remove_QueryOptionsWithOtherSettings_KeepsThemAndLeavesTheOriginalAlone()
    {
        var options = EmbeddingPurpose.ForQuery();
        options.Dimensions = 256;
        options.AdditionalProperties!["user"] = "tests";

        var stripped = EmbeddingPurpose.Remove(options);

        Assert.False(EmbeddingPurpose.IsQuery(stripped));
        Assert.Equal(256, stripped!.Dimensions);
        Assert.Equal("tests", stripped.AdditionalProperties!["user"]);
        Assert.True(EmbeddingPurpose.IsQuery(options));
    }

    [Fact]
    public void Remove_OnlyThePurpose_LeavesNoAdditionalProperties()
    {
        Assert.Null(EmbeddingPurpose.Remove(EmbeddingPurpose.ForQuery())!.AdditionalProperties);
        Assert.Null(EmbeddingPurpose.Remove(null));
    }
}
