using NatoBriefBot.Core.Answering.Selection;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Answering.Selection;

public sealed class AnswerFeaturesTests
{
    private readonly QueryAnalyzer _analyzer = new(new FixedTimeProvider(2025, 3, 10));

    [Theory]
    [InlineData("NATO has 500,000 troops on high readiness and combat-ready battlegroups.", false)]
    [InlineData("NATO now has eight combat-ready battlegroups on its eastern flank.", true)]
    [InlineData("Several hundred battlegroups is not a figure anyone gave.", true)]
    public void Counts_ANumberRightBeforeTheCountedThing(string sentence, bool counts)
    {
        var query = _analyzer.Analyze("how many combat-ready battlegroups does nato have");

        Assert.NotNull(query.CountedTerm);
        Assert.Equal(counts, AnswerFeatures.Counts(sentence, query.CountedTerm!, query));
    }
}
