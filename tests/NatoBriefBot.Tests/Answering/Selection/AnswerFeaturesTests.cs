using NatoBriefBot.Core.Answering.Selection;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Text;
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

    [Theory]
    [InlineData("Defence investments are critical to defending our one billion citizens.", true)]
    [InlineData("The plant currently employs 610 workers and 40 apprentices.", true)]
    [InlineData("The 31-nation alliance spends 2% of GDP on defence.", false)]
    [InlineData("Twenty-three allies now spend at least 2%.", false)]
    public void Counts_PeopleAreCountedByAnyKindOfPerson(string sentence, bool counts)
    {
        var query = _analyzer.Analyze("how many people does the alliance protect");

        Assert.Equal(counts, AnswerFeatures.Counts(sentence, query.CountedTerm!, query));
    }

    [Theory]
    [InlineData("Since Russia's full-scale invasion in 2022, allies have provided EUR 40 billion a year.", "when was the june 2024 ministerial", true)]
    [InlineData("Ministers meet in Brussels on June 13 and 14.", "when was the june 2024 ministerial", false)]
    [InlineData("Ministers met in June 2024, two years after the invasion of 2022.", "when was the june 2024 ministerial", false)]
    [InlineData("Since Russia's full-scale invasion in 2022, allies have provided EUR 40 billion a year.", "when did the invasion start", false)]
    public void OnlyOtherYears_EveryYearOutsideThePeriodAsked(string sentence, string question, bool other)
    {
        Assert.Equal(other, AnswerFeatures.OnlyOtherYears(sentence, _analyzer.Analyze(question)));
    }

    [Theory]
    [InlineData("who chaired the october 2024 meeting", "asks_who")]
    [InlineData("what's the name of the new command", "asks_who")]
    [InlineData("where will the command be based", "asks_when_where")]
    [InlineData("vilnius summit when", "asks_when_where")]
    [InlineData("how many allies spend 2%", "asks_amount")]
    [InlineData("did italy pledge a SAMP/T", "asks_yes_no")]
    [InlineData("why did ministers meet", "asks_open")]
    public void Kind_OneGateInputForTheKindOfFactAsked(string question, string kind)
    {
        var inputs = AnswerFeatures.Kind(_analyzer.Analyze(question));
        var first = Array.IndexOf(AnswerFeatures.QuestionNames, "asks_who");
        var names = AnswerFeatures.QuestionNames[first..(first + inputs.Length)];

        Assert.Equal(1, inputs.Sum());
        Assert.Equal(kind, names[Array.IndexOf(inputs, 1.0)]);
    }

    [Theory]
    [InlineData("who is sec gen now", true)]
    [InlineData("bitcoin price today", true)]
    [InlineData("who currently leads the alliance", true)]
    [InlineData("Who is the Secretary General?", false)]
    [InlineData("who was sec gen in june 2023", false)]
    public void Analyze_WordsForThePresent_AsksAboutPresent(string question, bool present)
    {
        Assert.Equal(present, _analyzer.Analyze(question).AsksAboutPresent);
    }

    [Theory]
    [InlineData("what did leaders actually agree at the vilnius summit", true)]
    [InlineData("who ended up getting the top job", true)]
    [InlineData("bonn climate talks outcome", true)]
    [InlineData("what was the result of the vote", true)]
    [InlineData("what did ministers agree in june 2024", false)]
    [InlineData("who will chair the october meeting", false)]
    public void Analyze_WordsAskingWhatCameOfAnEvent_AsksForOutcome(string question, bool outcome)
    {
        Assert.Equal(outcome, _analyzer.Analyze(question).AsksForOutcome);
    }

    [Theory]
    [InlineData("The ministers will discuss support for Ukraine.", true)]
    [InlineData("The central bank is expected to decide on another increase at its next meeting on March 16.", true)]
    [InlineData("Leaders are to sign the declaration on Thursday.", true)]
    [InlineData("Ministers agreed a new force model on Thursday.", false)]
    [InlineData("The bank said it had raised rates by half a point.", false)]
    public void Announces_AnEventAheadNotWhatCameOfIt(string sentence, bool announces)
    {
        Assert.Equal(announces, AnswerFeatures.Announces(sentence));
    }

    [Theory]
    [InlineData("which union is on strike", true)]
    [InlineData("which new members joined", true)]
    [InlineData("which year did it start", false)]
    [InlineData("which of them spoke first", false)]
    [InlineData("what did the union ask for", false)]
    public void AsksWhich_AQuestionForNamedThings(string question, bool which)
    {
        Assert.Equal(which, AnswerFeatures.AsksWhich(_analyzer.Analyze(question)));
    }

    [Theory]
    [InlineData("The union representing signallers rejected the offer.", false)]
    [InlineData("In March the union rejected the offer.", false)]
    [InlineData("The RMT union representing signallers rejected the offer.", true)]
    public void NamesSomethingNew_ACapitalizedNameTheQuestionLacks(string sentence, bool names)
    {
        var query = _analyzer.Analyze("which union is on strike");

        Assert.Equal(names, AnswerFeatures.NamesSomethingNew(sentence, [.. query.Terms]));
    }

    [Theory]
    [InlineData("was the june 2023 defence ministers meeting held in vilnius", "NATO defence ministers met in Brussels on 15 June.", true)]
    [InlineData("was the june 2023 defence ministers meeting held in vilnius", "NATO defence ministers met on 15 June.", false)]
    [InlineData("was umerov the ukrainian defence minister at the june 2023 meeting", "Ukrainian defence minister Oleksii Reznikov will attend.", true)]
    [InlineData("is the minerals fund worth 5 billion dollars", "Ministers signed a minerals fund worth 2 billion dollars.", true)]
    [InlineData("is the minerals fund worth 5 billion dollars", "Ministers signed a minerals fund in Sydney.", false)]
    [InlineData("did rutte chair the meeting in brussels", "The meeting was held in Brussels.", false)]
    public void GivesOtherValue_OneValueMissingAndAnotherOfItsKindGiven(string question, string sentence, bool other)
    {
        var query = _analyzer.Analyze(question);
        var terms = TermAnalyzer.Terms(sentence).ToHashSet(StringComparer.Ordinal);
        var asked = query.Terms.Concat(query.Salient).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(other, AnswerFeatures.GivesOtherValue(sentence, query.Salient, asked, query, terms.Contains));
    }
}
