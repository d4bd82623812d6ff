using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Answering;

public class FollowUpRewriterTests
{
    private static ConversationTurn Turn(string resolved, string answer = "n/a") =>
        new(resolved, resolved, new Answer(resolved, AnswerOutcome.Answered, answer, []));

    /// <summary>An answered turn that quotes one sentence of one briefing.</summary>
    private static ConversationTurn CitedTurn(string question, string sentence, string file) =>
        new(question, question, new Answer(question, AnswerOutcome.Answered, sentence + " [1]",
            [new Citation(1, file, "Ministers", null, "NATO", null, sentence)]));

    [Theory]
    [InlineData("did those four sign anything", "did Australia, Japan, New Zealand and the Republic of Korea sign anything")]
    [InlineData("what did trade ministers of the same countries agree", "what did trade ministers of Australia, Japan, New Zealand and the Republic of Korea agree")]
    public void Rewrite_GroupTheAnswerListed_BecomesItsNames(string question, string expected)
    {
        var rewritten = FollowUpRewriter.Rewrite(question,
            [Turn("which indo-pacific leaders were invited", "The Secretary General has invited the leaders of Australia, Japan, New Zealand and the Republic of Korea to the Summit. [1]")]);
        Assert.Equal(expected, rewritten);
    }

    [Theory]
    [InlineData("what did the allies pledge at the two-day meeting")]
    [InlineData("did those three sign anything")]
    [InlineData("who were the four countries whose leaders met in vilnius")]
    [InlineData("which are the four nations that signed the minerals pact")]
    public void Rewrite_GroupNotTheOneListed_NamesNotSubstituted(string question)
    {
        var rewritten = FollowUpRewriter.Rewrite(question,
            [Turn("which indo-pacific leaders were invited", "The Secretary General has invited the leaders of Australia, Japan, New Zealand and the Republic of Korea to the Summit. [1]")]);
        Assert.DoesNotContain("Japan", rewritten);
    }

    /// <summary>A conversation about NATO's June 2023 meeting, then a digression to a bank that also names a new chief.</summary>
    private static ConversationTurn[] NatoThenBank() =>
    [
        CitedTurn("who was nato's chief at the june 2023 ministerial",
            "NATO chief Jens Stoltenberg ruled out on Thursday extension in his mandate as head of the 31-nation military alliance.", "000_nato.txt"),
        CitedTurn("and the norwegian bank boss who is leaving, what is her name",
            "Kari Halvorsen, the bank's chief executive, will leave in September.", "d28_bank.txt"),
    ];

    [Theory]
    [InlineData("the energy minister wants a civil nuclear aside - that us reactor restart, how big is it?")]
    [InlineData("That reactor restart in the US, when is it due?")]
    public void Rewrite_PointsToAThingNoTurnSpokeOf_TheConversationsTopicNotCarried(string question)
    {
        var rewritten = FollowUpRewriter.Rewrite(question, NatoThenBank());

        Assert.Equal(question, rewritten);
    }

    [Fact]
    public void Rewrite_PointsToAThingATurnSpokeOf_ThatTurnsTopicCarried()
    {
        var rewritten = FollowUpRewriter.Rewrite("that bank boss, how long was she in charge of it?", NatoThenBank());

        Assert.NotEqual("that bank boss, how long was she in charge of it?", rewritten);
    }

    [Theory]
    [InlineData("ok back to nato, who were the names floated as his successor", "who were the names floated as Stoltenberg's successor")]
    [InlineData("going back to nato - since when had he been in charge", "since when had Stoltenberg been in charge")]
    [InlineData("back to the ministerial: what salary does the post pay", "what salary does the post pay (nato")]
    public void Rewrite_BackToAnEarlierTopic_ResolvedWhereTheConversationSpokeOfIt(string question, string expected)
    {
        var rewritten = FollowUpRewriter.Rewrite(question, NatoThenBank());

        Assert.StartsWith(expected, rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("Halvorsen", rewritten, StringComparison.Ordinal);
        Assert.Equal(["000_nato.txt"], FollowUpRewriter.Hints(question, NatoThenBank(), rewritten).PreferredFiles);
    }

    [Fact]
    public void Rewrite_BackToATopicNoTurnMentions_AskedAboutThatTopic()
    {
        var rewritten = FollowUpRewriter.Rewrite("back to the ferry, what does it cost to take a truck across", NatoThenBank());

        Assert.Contains("the ferry", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("back to", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_NoHistory_Unchanged()
    {
        Assert.Equal("What about Italy?", FollowUpRewriter.Rewrite("What about Italy?", []));
    }

    [Theory]
    [InlineData("Were ministers meeting in Brussels around then?", "Were ministers meeting in Brussels in June 2023?")]
    [InlineData("what else happened at that time", "what else happened in June 2023")]
    [InlineData("what did he say then", "what did Stoltenberg say in June 2023")]
    public void Rewrite_ThenAfterAQuestionNamingAPeriod_ThatPeriod(string followUp, string expected)
    {
        var rewritten = FollowUpRewriter.Rewrite(followUp,
            [Turn("What did the ministers discuss in June 2023?", "Secretary General Jens Stoltenberg said ministers would discuss Ukraine. [1]")]);

        Assert.Equal(expected, rewritten);
    }

    [Theory]
    [InlineData("did those four sign anything that same day", "did Australia, Japan, New Zealand and Korea sign anything on 5 July 2024")]
    [InlineData("what else happened the same week", "what else happened on 5 July 2024")]
    [InlineData("which film won that year", "which film won in 2024")]
    [InlineData("what else happened that month", "what else happened in July 2024")]
    public void Rewrite_TheSameDay_TheDayOfTheCitedBriefing(string followUp, string expected)
    {
        var answered = new ConversationTurn("who was invited to the summit", "who was invited to the summit",
            new Answer("who was invited to the summit", AnswerOutcome.Answered, "Australia, Japan, New Zealand and Korea were invited. [1]",
                [new Citation(1, "004_summit.txt", "Summit", new DateOnly(2024, 7, 5), "NATO", null, "Australia, Japan, New Zealand and Korea were invited.")]));

        Assert.StartsWith(expected, FollowUpRewriter.Rewrite(followUp, [answered]), StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_ThatSameMonthAfterAQuestionNamingOnlyAYear_TheMonthOfTheCitedBriefingNotTheYear()
    {
        var answered = new ConversationTurn("why was his mandate stretched in 2022", "why was his mandate stretched in 2022",
            new Answer("why was his mandate stretched in 2022", AnswerOutcome.Answered, "His mandate was prolonged in 2022 because of the war. [1]",
                [new Citation(1, "001_ministers.txt", "Ministers", new DateOnly(2023, 6, 14), "NATO", null, "His mandate was prolonged in 2022 because of the war.")]));

        var rewritten = FollowUpRewriter.Rewrite("was a bank boss leaving that same month too?", [answered]);

        Assert.StartsWith("was a bank boss leaving in June 2023 too", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_ThatSameMonthNoBriefingDates_NotTheYearThePreviousQuestionNamed()
    {
        ConversationTurn[] history = [Turn("why was his mandate stretched in 2022", "His mandate was prolonged in 2022 because of the war. [1]")];

        var rewritten = FollowUpRewriter.Rewrite("was a bank boss leaving that same month too?", history);

        Assert.DoesNotContain("2022", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no sorry, i meant the june one - what did he mention then", "what did he mention in June 2024")]
    [InlineData("what did the oct meeting agree then", "what did the oct meeting agree in October 2024")]
    [InlineData("what did stoltenberg say at the june 2023 meeting then", "what did stoltenberg say at the june 2023 meeting then")]
    [InlineData("what may he have said then", "what may he have said in July 2024")]
    [InlineData("was he also leaving in september that year", "was he also leaving in september 2024")]
    public void Rewrite_ThenInAQuestionNamingItsOwnMonth_ThatMonthInTheConversationsYear(string followUp, string expected)
    {
        var rewritten = FollowUpRewriter.Rewrite(followUp, [Turn("what financial part of the package was announced in July 2024?", "A pledge of 40 billion euros. [1]")]);

        Assert.Equal(expected, rewritten);
    }

    [Fact]
    public void Rewrite_ThenAfterAnUndatedQuestion_MonthOfTheCitedBriefing()
    {
        var citation = new Citation(1, "003.txt", "Ministers meet", new DateOnly(2024, 10, 17), null, null, "Rutte chaired the meeting.");
        var last = new ConversationTurn("who chaired it", "who chaired the ministerial", new Answer("who chaired the ministerial", AnswerOutcome.Answered, "Rutte chaired the meeting. [1]", [citation]));

        var rewritten = FollowUpRewriter.Rewrite("were defence ministers meeting in Brussels around then?", [last]);

        Assert.Equal("were defence ministers meeting in Brussels in October 2024?", rewritten);
    }

    [Theory]
    [InlineData("What renewable energy share did ASEAN energy ministers set as their target for 2025?")]
    [InlineData("What is Rheinwerk Digital's new Wiesbaden site worth, and how much power capacity does it have?")]
    [InlineData("what did stoltenberg say about his successor at the summit")]
    public void Rewrite_FullQuestionWhosePronounPointsToANameInIt_Unchanged(string question)
    {
        var rewritten = FollowUpRewriter.Rewrite(question, [Turn("What did the ministers discuss in June 2023?", "Mark Rutte said so. [1]")]);

        Assert.Equal(question, rewritten);
        Assert.False(FollowUpRewriter.IsFollowUp(question));
    }

    [Fact]
    public void Rewrite_PronounWithoutANameBeforeIt_StillAFollowUp()
    {
        Assert.True(FollowUpRewriter.IsFollowUp("how many people will work there"));
        Assert.True(FollowUpRewriter.IsFollowUp("what did nato say about it"));
        Assert.True(FollowUpRewriter.IsFollowUp("What did he say about Ukraine?"));
        // "who" is also WordNet's proper name for the World Health Organization; as a question word it names nobody.
        Assert.True(FollowUpRewriter.IsFollowUp("who were the two names floated to replace him"));
    }

    [Fact]
    public void Rewrite_SinceThen_NotReadAsThePeriodItself()
    {
        var rewritten = FollowUpRewriter.Rewrite("what has changed since then", [Turn("What did the ministers discuss in June 2023?")]);

        Assert.DoesNotContain("since in", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_WhatAbout_ReplacesListedCountries()
    {
        var rewritten = FollowUpRewriter.Rewrite("What about Italy?", [Turn("What did Sweden, Spain and Belgium pledge?")]);

        Assert.Equal("What did Italy pledge?", rewritten);
    }

    [Fact]
    public void Rewrite_AndShortForm_ReplacesEntity()
    {
        var rewritten = FollowUpRewriter.Rewrite("And Germany?", [Turn("What did Italy pledge?")]);

        Assert.Equal("What did Germany pledge?", rewritten);
    }

    [Fact]
    public void Rewrite_HisAfterAnswerNamingPerson_PossessiveName()
    {
        var rewritten = FollowUpRewriter.Rewrite("What is his top priority?",
            [Turn("Who is the Secretary General?", "The alliance's new Secretary General, Mark Rutte, said so. [1]")]);

        Assert.Equal("What is Rutte's top priority?", rewritten);
    }

    [Fact]
    public void Rewrite_SheAfterAnswerCallingThePersonHe_NotThatPerson()
    {
        ConversationTurn[] history = [Turn("which central banker promised to act", "Governor Ana Petrova said she would act. Jens Halvorsen said he disagreed. [1]")];

        Assert.Equal("what did Petrova raise rates to?", FollowUpRewriter.Rewrite("what did she raise rates to?", history));
        Assert.Equal("what did Halvorsen say next?", FollowUpRewriter.Rewrite("what did he say next?", history));
    }

    [Fact]
    public void Rewrite_HeAfterAnswerNamingTheAskedPersonBySurnameOnly_ThatPerson()
    {
        ConversationTurn[] history = [Turn("was stoltenberg sure the push would work",
            "Serving as NATO chief since 2014, Stoltenberg\u2019s mandate was prolonged in 2022. [1] The Norwegian is due to step down, and Danish Prime Minister Mette Frederiksen is a candidate. [1]")];

        Assert.Equal("what did Stoltenberg say about the war", FollowUpRewriter.Rewrite("what did he say about the war", history));
    }

    [Fact]
    public void Rewrite_HeAfterAnswerWhoseFirstSentenceNamesAPlaceTheQuestionUsed_NotAWordOfThatPlace()
    {
        ConversationTurn[] history = [Turn("why did stoltenberg invite the indo-pacific leaders",
            "Indo-Pacific partners were invited to the summit. [1] Jens Stoltenberg said they share concerns. [1]")];

        Assert.Equal("what did Stoltenberg say about china", FollowUpRewriter.Rewrite("what did he say about china", history));
    }

    [Fact]
    public void Rewrite_SheAfterAnswerNamingACompanyAndAWoman_TheWomanTheTextCallsShe()
    {
        // "Fjordkyst Sparebank" looks like a name too, but only Halvorsen is called "her".
        ConversationTurn[] history = [Turn("which bank boss is leaving",
            "The chief executive of savings bank Fjordkyst Sparebank, Ingrid Halvorsen, will step down, ruling out any extension of her contract. [1]")];

        Assert.Equal("how long had Halvorsen been running it?", FollowUpRewriter.Rewrite("how long had she been running it?", history));
    }

    [Theory]
    [InlineData("At the same time, he [Mark Rutte] added that allies had committed more.", "Mark Rutte", false)]
    [InlineData("The new Secretary General, Mark Rutte, said at a press conference on Wednesday. [1] He noted the date.", "Mark Rutte", false)] // a weekday is no other person
    [InlineData("Raman said she would invest more.", "Priya Raman", true)]
    [InlineData("Raman said Ukraine would get help, and he agreed.", "Priya Raman", null)]
    [InlineData("Raman spoke first.", "Priya Raman", null)]
    [InlineData("More was said, and she agreed.", "Erik Mo", null)] // "Mo" only inside another word
    public void FeminineIn_PronounAfterTheName(string text, string person, bool? feminine)
    {
        Assert.Equal(feminine, FollowUpRewriter.FeminineIn(person, text));
    }

    [Fact]
    public void Rewrite_ThreeWordsNamingNothing_AskedAboutTheLastTopic_ButNotWithAPlaceOrMonth()
    {
        ConversationTurn[] history = [Turn("who issued the heat warning for brussels in june 2024", "The Royal Meteorological Institute issued it. [1]")];

        Assert.StartsWith("peak temp expected in june 2024? (", FollowUpRewriter.Rewrite("peak temp expected", history), StringComparison.Ordinal);
        Assert.Equal("record temp in antwerp", FollowUpRewriter.Rewrite("record temp in antwerp", history));
        Assert.True(FollowUpRewriter.IsFollowUp("peak temp expected"));
        Assert.False(FollowUpRewriter.IsFollowUp("record temp in antwerp"));
    }

    [Theory]
    [InlineData("a central bank governor used the same phrase about her currency, who was it")]
    [InlineData("an opposition politician criticised his plan, what did she call it")]
    public void Rewrite_PronounAfterSomeoneTheQuestionIntroduces_NotThePreviousPerson(string question)
    {
        var rewritten = FollowUpRewriter.Rewrite(question,
            [Turn("who said allies must keep up support", "Secretary General Jens Stoltenberg said so. [1]")]);

        Assert.DoesNotContain("Stoltenberg", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_PeriodCarriedWithATopic_PeriodBeforeTheTopicSoTheQuestionStaysTheQuestion()
    {
        ConversationTurn[] history = [Turn("what new maritime centre were nato ministers expected to set up in june 2023?",
            "Ministers are expected to agree on establishing a new NATO Maritime Centre. [1]")];

        var rewritten = FollowUpRewriter.Rewrite("how much is it going to cost?", history);

        Assert.StartsWith("how much is it going to cost in june 2023? (", rewritten, StringComparison.Ordinal);
        Assert.EndsWith(")", rewritten, StringComparison.Ordinal);
        Assert.Equal(QuestionType.HowMuch, new QueryAnalyzer(new FixedTimeProvider(2025, 3, 10)).Analyze(rewritten).Type);
    }

    [Fact]
    public void Rewrite_PeriodInPreviousQuestion_CarriedOver()
    {
        var rewritten = FollowUpRewriter.Rewrite("What about Italy?", [Turn("What did Sweden pledge in June 2024?")]);

        Assert.Contains("Italy", rewritten, StringComparison.Ordinal);
        Assert.Contains("in June 2024", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("Sweden", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_FollowUpNamesItsOwnPeriod_PreviousPeriodNotAdded()
    {
        var rewritten = FollowUpRewriter.Rewrite("What did they agree in 2023?", [Turn("What did ministers discuss in 2024?")]);

        Assert.DoesNotContain("2024", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("where's their summit next year?")]
    [InlineData("who runs it now?")]
    [InlineData("how much has it raised so far?")]
    public void Rewrite_FollowUpCountingFromTodayOrTheArticle_PreviousPeriodNotAdded(string followUp)
    {
        var rewritten = FollowUpRewriter.Rewrite(followUp, [Turn("What did Helix announce in September 2025?")]);

        Assert.DoesNotContain("2025", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_QuestionOfOneWordAndARemarkAboutTheUser_CarriesTheTopicWithoutTheRemark()
    {
        var history = new[] { Turn("When did the Vilnius modernism exhibition open?") };

        var ticket = FollowUpRewriter.Rewrite("And how much is a ticket? I might go myself if my knees allow.", history);
        var next = FollowUpRewriter.Rewrite("Until when does it run?", [.. history, Turn("And how much is a ticket? I might go myself if my knees allow.") with { ResolvedQuestion = ticket }]);

        Assert.Contains("exhibition", ticket, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("exhibition", next, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("knees", next, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rewrite_AndANamedSubjectWithWordsOfItsOwn_AskedAsItStands()
    {
        var history = new[] { Turn("How much were the 30 jets the Gulf airline ordered worth?") };

        var other = FollowUpRewriter.Rewrite("And Germany's contribution for Ukraine, remind me?", history);
        var swap = FollowUpRewriter.Rewrite("and italy?", [Turn("What did Germany pledge in June 2024?")]);

        Assert.DoesNotContain("jets", other, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Germany's contribution for Ukraine", other, StringComparison.Ordinal);
        Assert.Contains("pledge", swap, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rewrite_ItPronoun_AddsPreviousTopic()
    {
        var rewritten = FollowUpRewriter.Rewrite("Where will it be based?", [Turn("What is the NATO Maritime Centre?")]);

        Assert.StartsWith("Where will it be based?", rewritten, StringComparison.Ordinal);
        Assert.Contains("Maritime Centre", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_TopicCarried_WithoutTheWordsThePreviousQuestionAskedWith()
    {
        var rewritten = FollowUpRewriter.Rewrite("and when do they meet next", [Turn("how big is the fund the four countries set up, right?")]);

        Assert.Contains("fund", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("big", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_StandAloneQuestion_Unchanged()
    {
        const string question = "How many troops are on high readiness across the Alliance?";

        Assert.Equal(question, FollowUpRewriter.Rewrite(question, [Turn("What did Italy pledge?")]));
    }

    [Fact]
    public void Rewrite_NewCompleteQuestionAfterPeriod_StartsFresh()
    {
        var rewritten = FollowUpRewriter.Rewrite("What is the capital of Australia?", [Turn("Who chaired the meeting in October 2024?")]);

        Assert.Equal("What is the capital of Australia?", rewritten);
    }

    [Theory]
    [InlineData("and germany", "what did germany pledge in june 2024")]
    [InlineData("what about germany", "what did germany pledge in june 2024")]
    public void Rewrite_AndNameInLowerCase_ReplacesTheNameOfTheSameKind(string followUp, string expected)
    {
        Assert.Equal(expected, FollowUpRewriter.Rewrite(followUp, [Turn("what did italy pledge in june 2024")]));
    }

    [Fact]
    public void Rewrite_GroupListedTwoAnswersBack_BecomesItsNames()
    {
        static ConversationTurn Cited(string question, string answer) =>
            new(question, question, new Answer(question, AnswerOutcome.Answered, answer,
                [new Citation(1, "d39.txt", "Pact", new DateOnly(2024, 7, 5), null, null, answer)]));

        var rewritten = FollowUpRewriter.Rewrite("were those same countries invited to the nato summit?",
        [
            Cited("which countries signed the minerals pact in july 2024", "Trade ministers from Australia, Japan, New Zealand and South Korea signed a pact. [1]"),
            Cited("how big is the fund", "The four countries will create a joint fund of 2 billion US dollars. [1]"),
        ]);

        Assert.StartsWith("were Australia, Japan, New Zealand and South Korea invited", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("and who was sec gen by october", "and who was sec gen by october 2024")]
    [InlineData("and who chaired the october meeting", "and who chaired the october 2024 meeting")]
    [InlineData("and who chaired the meeting in october 2023", "and who chaired the meeting in october 2023")]
    [InlineData("who chaired the october meeting", "who chaired the october meeting")]
    [InlineData("and what's the june record in brussels", "and what's the june record in brussels")]
    public void Rewrite_MonthWithoutYearGoingOnFromTheLastQuestion_TheConversationsYear(string question, string expected)
    {
        Assert.Equal(expected, FollowUpRewriter.Rewrite(question, [Turn("what was nato going to take over for ukraine in june 2024")]));
    }

    [Theory]
    [InlineData("what's the british one's job", "what's British Defense Secretary Ben Wallace's job")]
    [InlineData("and the danish one?", "Danish Prime Minister Mette Frederiksen")]
    public void Rewrite_NationalityOne_TheListedNameOfThatNationality(string question, string expected)
    {
        var rewritten = FollowUpRewriter.Rewrite(question,
            [Turn("who were the contenders", "Danish Prime Minister Mette Frederiksen and British Defense Secretary Ben Wallace are contenders. [1]")]);

        Assert.Contains(expected, rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_AndAnotherFact_AskedAboutTheLastTopic()
    {
        var rewritten = FollowUpRewriter.Rewrite("and the price tag",
            [Turn("what does the Aeolis-2 satellite measure", "It measures winds. [1]")]);

        Assert.StartsWith("and the price tag (", rewritten, StringComparison.Ordinal);
        Assert.Contains("satellite", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_AndAPerson_InPlaceOfTheNameAsked()
    {
        var rewritten = FollowUpRewriter.Rewrite("and the runner-up?", [Turn("what share did Chaves get")]);

        Assert.Equal("what share did the runner-up get", rewritten);
    }

    [Fact]
    public void Rewrite_OfThatYear_TheYearWithoutASecondPreposition()
    {
        var rewritten = FollowUpRewriter.Rewrite("how much did allies commit in the first half of that year",
            [Turn("who chaired the october 2024 defence ministers meeting in 2024")]);

        Assert.Equal("how much did allies commit in the first half of 2024", rewritten);
    }

    [Fact]
    public void Rewrite_AndPeriodThenQuestion_TheQuestionInThatPeriod()
    {
        var rewritten = FollowUpRewriter.Rewrite("and in 2023 how was the 2% target framed", [Turn("how many allies hit the 2% target by july 2024")]);

        Assert.Equal("how was the 2% target framed in 2023?", rewritten);
    }

    [Fact]
    public void Rewrite_AndNameAfterALowerCaseList_ReplacesTheWholeList()
    {
        var rewritten = FollowUpRewriter.Rewrite("and germany?", [Turn("how much did sweden, spain and belgium each pledge in june 2024")]);

        Assert.Equal("how much did germany each pledge in june 2024", rewritten);
    }

    [Fact]
    public void Rewrite_WhatAboutXCommaQuestion_TheQuestionAboutX()
    {
        var rewritten = FollowUpRewriter.Rewrite("what about italy, what did it pledge", [Turn("how many F-16s did the Netherlands send")]);

        Assert.Equal("What did italy pledge?", rewritten);
    }

    [Fact]
    public void Rewrite_WhatAboutAPlace_ReplacesThePlaceNotThePerson()
    {
        var rewritten = FollowUpRewriter.Rewrite("What about Spain?", [Turn("What did Stoltenberg say about Italy?")]);

        Assert.Equal("What did Stoltenberg say about Spain?", rewritten);
    }

    [Fact]
    public void Rewrite_AndAFullQuestionNamingItsPeriod_PreviousPeriodNotAdded()
    {
        var rewritten = FollowUpRewriter.Rewrite("and who had the job by october 2024", [Turn("who ran nato in june 2023", "Jens Stoltenberg [1]")]);

        Assert.DoesNotContain("june 2023", rewritten, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rewrite_ThatCity_TheCityThePreviousAnswerNames()
    {
        var rewritten = FollowUpRewriter.Rewrite("anything else opening in that city",
            [Turn("where is the new command", "Rutte said he visited Wiesbaden, Germany, where he announced the new command. [1]")]);

        Assert.StartsWith("anything else opening in Wiesbaden", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_OrdinalReference_NameFromThePreviousAnswer()
    {
        var rewritten = FollowUpRewriter.Rewrite("How much did the second one pledge?",
            [Turn("Which countries pledged?", "Sweden, Spain and Belgium each pledged more than a billion euros. [1]")]);

        Assert.StartsWith("How much did Spain pledge", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("and the first?")]
    [InlineData("what about the first")]
    public void Rewrite_OrdinalAlone_TheLastQuestionAboutThatName(string question)
    {
        var rewritten = FollowUpRewriter.Rewrite(question,
            [Turn("what was Ben Wallace's job", "Prime Minister Mette Frederiksen and Defense Secretary Ben Wallace are contenders. [1]")]);

        Assert.Contains("Frederiksen", rewritten, StringComparison.Ordinal);
        Assert.Contains("job", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_NewShortQuestionNamingItsSubject_NothingCarriedOver()
    {
        var rewritten = FollowUpRewriter.Rewrite("whats nsatu",
            [Turn("which company opened a data centre in wiesbaden", "Rheinwerk Digital opened a data centre in Wiesbaden. [1]")]);

        Assert.Equal("whats nsatu", rewritten);
    }

    [Fact]
    public void Rewrite_OrdinalReference_AMonthIsNotOneOfTheNames()
    {
        var rewritten = FollowUpRewriter.Rewrite("what did the second one say",
            [Turn("who were the contenders", "He steps down in September, and Prime Minister Mette Frederiksen and Defense Secretary Ben Wallace are contenders. [1]")]);

        Assert.Contains("Ben Wallace", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_TheOtherOne_TheListedNameThePreviousQuestionWasNotAbout()
    {
        var rewritten = FollowUpRewriter.Rewrite("what was the other one's job",
            [Turn("what was Mette Frederiksen's job", "Prime Minister Mette Frederiksen and Defense Secretary Ben Wallace are contenders. [1]")]);

        Assert.Contains("Ben Wallace", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_He_APersonNotANationalityNorAnEvent()
    {
        var rewritten = FollowUpRewriter.Rewrite("what share did he get",
            [Turn("who won the runoff", "SAN JOSE - Costa Ricans elected Rodrigo Chaves president at the Berlin Marathon. [1]")]);

        Assert.Equal("what share did Chaves get", rewritten);
    }

    [Theory]
    // The person whose title the question named, of the people the answer's first sentence names.
    [InlineData("who's ukraine's defence minister", "how long had he been in the job", "how long had Umerov been in the job")]
    [InlineData("who's ukraine's president", "how long had he been in the job", "how long had Zelenskyy been in the job")]
    public void Rewrite_He_OfSeveralPeopleTheOneAskedAbout(string question, string followUp, string expected)
    {
        var rewritten = FollowUpRewriter.Rewrite(followUp,
            [Turn(question, "The council expects President Volodymyr Zelenskyy and Ukrainian Defense Minister Rustem Umerov. [1] Mark Rutte said so. [1]")]);

        Assert.Equal(expected, rewritten);
    }

    [Fact]
    public void Rewrite_He_ThePersonTheFirstSentenceNamesBeforeOthersTheAnswerNames()
    {
        var rewritten = FollowUpRewriter.Rewrite("was that his first one",
            [Turn("who gave the presser before the defence ministerial", "Secretary General Mark Rutte said so at a press conference. [1] Defense Minister Rustem Umerov will join. [1]")]);

        Assert.Equal("was that Rutte's first one", rewritten);
    }

    [Fact]
    public void Rewrite_There_PlaceFromThePreviousAnswer()
    {
        var rewritten = FollowUpRewriter.Rewrite("How many staff will work there?",
            [Turn("Where will the command be based?", "The command will be based in Wiesbaden, Germany. [1]")]);

        Assert.Contains("in Wiesbaden", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    // "who chaired it?" is answered by a sentence that only mentions Washington: "there" is where the earlier "where?" was answered.
    [InlineData("who chaired it in october 2024?", "We will take forward decisions we made in Washington, the new Secretary General, Mark Rutte, said.", "in Brussels")]
    // The last question put what it asked about in a place: "there" is that place, not one the answer mentions.
    [InlineData("who won the tennis final in washington in august 2024?", "Kowalczyk, who trained in Madrid, won the title on Sunday.", "in washington")]
    public void Rewrite_ThereAfterAnAnswerMentioningAnotherPlace_ThePlaceTheUserAskedAbout(string question, string answer, string place)
    {
        var rewritten = FollowUpRewriter.Rewrite("what else happened there?",
        [
            CitedTurn("where did nato defence ministers meet in october 2024?", "Ministers will meet at the headquarters in Brussels on October 17-18.", "003_nato.txt"),
            CitedTurn(question, answer, "003_nato.txt"),
        ]);

        Assert.Contains(place, rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_ThereAfterInWhichCity_TheCityThatAnsweredIt()
    {
        // The answer names a country after "to" before it names the city, and a city only as part of a summit's name.
        var rewritten = FollowUpRewriter.Rewrite("was there a heat warning there that week",
            [Turn("in which city (june ministers meeting)", "Ministers will send more aid to Ukraine before the Washington Summit, he told a press conference in Brussels. [1]")]);

        Assert.Contains("in Brussels", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("in Ukraine", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("and a year later, what did it discuss?", "2024")]
    [InlineData("and in october, who chaired it", "October 2023")]
    public void Rewrite_AnotherPeriodThenAQuestion_TheQuestionInThatPeriod(string question, string period)
    {
        var rewritten = FollowUpRewriter.Rewrite(question, [Turn("What did the NATO-Ukraine Council discuss in June 2023?", "It discussed air defence. [1]")]);

        Assert.Contains(period, rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("June 2023", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("year later", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("was he planning to stay on", "was Stoltenberg planning to stay on in June 2023?", true)]
    [InlineData("what did he say in june 2023", "what did Stoltenberg say in june 2023", false)]
    [InlineData("what did he say then", "what did Stoltenberg say in June 2023", false)]
    [InlineData("and in october?", "what did Stoltenberg say in October 2023?", false)]
    [InlineData("was he planning to stay on", "was Stoltenberg planning to stay on", false)]
    [InlineData("and a year later, what did he say", "what did Stoltenberg say in June 2024", false)]
    public void Hints_PeriodTheUserDidNotName_Carried(string question, string resolved, bool carried)
    {
        var hints = FollowUpRewriter.Hints(question, [Turn("What did Stoltenberg say in June 2023?", "Stoltenberg said so. [1]")], resolved);

        Assert.Equal(carried, hints.CarriedPeriod);
    }

    [Theory]
    [InlineData("is there a report on ransomware from a security firm", false)]
    [InlineData("wasnt there also an airline ordering 30 jets", false)]
    [InlineData("there were protests in the capital, who organised them", false)]
    [InlineData("are there any plans for a new fund", false)]
    [InlineData("was it hot there that week", true)]
    [InlineData("who was there", true)]
    [InlineData("is there still a command there", true)]
    public void Rewrite_There_ThePlaceFromThePreviousAnswerOnlyWhenItIsAPlace(string question, bool place)
    {
        // "is there a report" says something exists; "was it hot there" points to a place.
        var rewritten = FollowUpRewriter.Rewrite(question,
            [Turn("Where will the command be based?", "The command will be based in Wiesbaden, Germany. [1]")]);

        Assert.Equal(place, rewritten.Contains("in Wiesbaden", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("what about him", true)]
    [InlineData("and in 2023?", true)]
    [InlineData("Who is the Secretary General of NATO?", false)]
    [InlineData("whats nsatu", false)]
    [InlineData("who is umerov", false)]
    [InlineData("how much did it cost", true)]
    [InlineData("which town", true)]
    [InlineData("germany?", true)]
    [InlineData("and the first?", true)]
    [InlineData("Cadwell - how long is their order book full?", false)]          // the subject fronted, then its pronoun
    [InlineData("the Aberdeen cable outfit: how many ships do they run?", false)]
    [InlineData("OK - how long is their order book full?", true)]               // a filler fronts nothing
    [InlineData("and the other one - how long is their order book full?", true)]
    public void IsFollowUp_Questions_PointingBackOrNot(string question, bool expected)
    {
        Assert.Equal(expected, FollowUpRewriter.IsFollowUp(question));
    }

    [Fact]
    public void RewriteAndHints_AfterADeclinedTurn_PointBackToTheLastAnswer()
    {
        var answered = new ConversationTurn("Where is the Aegis Ashore base?", "Where is the Aegis Ashore base?",
            new Answer("Where is the Aegis Ashore base?", AnswerOutcome.Answered, "Secretary General Jens Stoltenberg said the new base is in Poland. [1]",
                [new Citation(1, "004_summit.txt", "Summit", null, "NATO", null, "Secretary General Jens Stoltenberg said the new base is in Poland.")]));
        var declined = new ConversationTurn("How much does it cost?", "How much does it cost? (Aegis Ashore base)",
            new Answer("How much does it cost?", AnswerOutcome.NotInBriefings, "I couldn't find that in the briefings I have. The closest briefings are: \u201CBank chief Ingrid Halvorsen to step down\u201D.", []));

        var rewritten = FollowUpRewriter.Rewrite("What did he say about it?", [answered, declined]);
        var hints = FollowUpRewriter.Hints("What did he say about it?", [answered, declined]);

        Assert.Contains("Stoltenberg", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("Halvorsen", rewritten, StringComparison.Ordinal);
        Assert.Equal(["004_summit.txt"], hints.PreferredFiles);
    }

    [Theory]
    [InlineData("d20_data_centre.txt", "d20_data_centre.txt", "data centre")]
    [InlineData("003_ministers.txt", "003_ministers.txt", "nsatu")]
    public void RewriteAndHints_AfterADeclinedTurnQuotingABriefing_MoveThereWhenItIsAnotherOne(string closestFile, string expectedFile, string expectedWord)
    {
        const string cited = "Rutte said the NATO command in Wiesbaden would fully enter into force in the coming months.";
        var answered = new ConversationTurn("where will nsatu sit", "where will nsatu sit",
            new Answer("where will nsatu sit", AnswerOutcome.Answered, cited + " [1]", [new Citation(1, "003_ministers.txt", "Ministers meet", null, "NATO", null, cited)]));
        const string closest = "Data centre operator Rheinwerk Digital opened a site in Wiesbaden on Thursday.";
        var declined = new ConversationTurn("a data centre opened in that city too, who runs it", "a data centre opened in Wiesbaden too, who runs it",
            new Answer("a data centre opened in that city too, who runs it", AnswerOutcome.NotInBriefings,
                $"I couldn't find a clear answer to that in the briefings. The closest is in \u201CData centre opens\u201D: \u201C{closest}\u201D Check whether that answers your question, or rephrase it.", [])
            {
                Closest = closest,
                ClosestFile = closestFile,
            });

        var rewritten = FollowUpRewriter.Rewrite("how many jobs?", [answered, declined]);

        Assert.Contains(expectedWord, rewritten, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([expectedFile], FollowUpRewriter.Hints("how many jobs?", [answered, declined]).PreferredFiles);
    }

    [Fact]
    public void RewriteAndHints_AfterADeclinedNewQuestion_MoveToItsSubjectWithoutAQuote()
    {
        var answered = CitedTurn("how much military support have allies given ukraine each year", "Allies have provided Ukraine with military support worth EUR 40 billion every year.", "004_summit.txt");
        const string asked = "There's also a central bank vowing to act for as long as it takes, which one?";
        var declined = new ConversationTurn(asked, asked,
            new Answer(asked, AnswerOutcome.NotInBriefings, "I couldn't find that in the briefings I have. The closest briefings are: \u201CCentral bank raises rates\u201D (3 November 2022).", [])
            { ClosestFile = "d06_central_bank.txt" });

        var rewritten = FollowUpRewriter.Rewrite("who's its governor?", [answered, declined]);

        Assert.Contains("central bank", rewritten, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("ukraine", rewritten, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["d06_central_bank.txt"], FollowUpRewriter.Hints("who's its governor?", [answered, declined]).PreferredFiles);
    }

    [Theory]
    [InlineData("different topic - the central bank vowing to act as long as it takes, which one?", "the central bank vowing to act as long as it takes, which one?")]
    [InlineData("that central bank vowing to act as long as it takes - what did they raise rates to?", "that central bank vowing to act as long as it takes - what did they raise rates to?")]
    public void RewriteAndHints_AfterADeclinedQuestionNamingItsOwnSubject_MoveToItEvenIfItsPrefaceWasDroppedOrItPointsBack(string asked, string resolved)
    {
        // Nothing of the conversation was carried into the declined turn: it was a new subject, however it was introduced.
        var answered = CitedTurn("how much military support have allies given ukraine each year", "Allies have provided Ukraine with military support worth EUR 40 billion every year.", "004_summit.txt");
        var declined = new ConversationTurn(asked, resolved,
            new Answer(resolved, AnswerOutcome.NotInBriefings, "I couldn't find that in the briefings I have. The closest briefings are: \u201CCentral bank raises rates\u201D (3 November 2022).", [])
            { ClosestFile = "d06_central_bank.txt" });

        var rewritten = FollowUpRewriter.Rewrite("who's its governor?", [answered, declined]);

        Assert.Contains("central bank", rewritten, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["d06_central_bank.txt"], FollowUpRewriter.Hints("who's its governor?", [answered, declined]).PreferredFiles);
    }

    [Fact]
    public void RewriteAndHints_AfterADeclinedQuestionReadWithTheLastPlaceButNewWords_MoveToItsSubject()
    {
        // "there" was read as Wiesbaden, yet the art show and the exhibition are new to the conversation: the user moved on.
        var answered = CitedTurn("where will nsatu sit", "Rutte said the NATO command in Wiesbaden would fully enter into force in the coming months.", "003_ministers.txt");
        const string asked = "a colleague is going to an art show there - what's the exhibition called?";
        var declined = new ConversationTurn(asked, "a colleague is going to an art show in Wiesbaden - what's the exhibition called?",
            new Answer(asked, AnswerOutcome.NotInBriefings, "I couldn't find that in the briefings I have. The closest briefings are: \u201CVilnius exhibition\u201D (11 July 2023).", [])
            { ClosestFile = "d26_exhibition.txt" });

        Assert.Equal(["d26_exhibition.txt"], FollowUpRewriter.Hints("how much is entry?", [answered, declined]).PreferredFiles);
    }

    [Fact]
    public void RewriteAndHints_AfterADeclinedFollowUp_StayWithTheLastAnswerWhateverItFoundClosest()
    {
        var answered = CitedTurn("where is the aegis ashore base", "Stoltenberg said the new Aegis Ashore base is in Poland.", "004_summit.txt");
        var declined = new ConversationTurn("how much does it cost?", "how much does it cost? (aegis ashore base)",
            new Answer("how much does it cost?", AnswerOutcome.NotInBriefings, "I couldn't find that in the briefings I have.", []) { ClosestFile = "d15_factory.txt" });

        Assert.Contains("aegis", FollowUpRewriter.Rewrite("when will it open?", [answered, declined]), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["004_summit.txt"], FollowUpRewriter.Hints("when will it open?", [answered, declined]).PreferredFiles);
    }

    [Fact]
    public void Hints_AfterOnlyDeclinedTurns_PreferTheBriefingTheRefusalFoundClosest()
    {
        var declined = new ConversationTurn("name of the weather satellite launched from kourou", "name of the weather satellite launched from kourou",
            new Answer("name of the weather satellite launched from kourou", AnswerOutcome.NotInBriefings,
                "I couldn't find that in the briefings I have. The closest briefings are: \u201CRocket lifts off\u201D (7 February 2025).", [])
            { ClosestFile = "d12_satellite.txt" });

        Assert.Equal(["d12_satellite.txt"], FollowUpRewriter.Hints("how much did it cost", [declined]).PreferredFiles);
        Assert.Empty(FollowUpRewriter.Hints("Who chairs the NATO Military Committee?", [declined]).PreferredFiles);
    }

    [Theory]
    [InlineData("anything else in the news about that city")]
    [InlineData("did any other report talk about that kind of campaign")]
    [InlineData("something else opened there that same week, a data centre?")]
    public void RewriteAndHints_SomethingElse_KeepsThePlaceAndTurnsAwayFromTheBriefingsSoFar(string question)
    {
        var answered = CitedTurn("where will the new nato command for ukraine be based", "Rutte announced in Wiesbaden the command's entry into force.", "003_ministers.txt");

        var rewritten = FollowUpRewriter.Rewrite(question, [answered]);
        var hints = FollowUpRewriter.Hints(question, [answered], rewritten);

        Assert.DoesNotContain("command", rewritten, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(hints.PreferredFiles);
        Assert.Equal(["003_ministers.txt"], hints.OtherThanFiles);
    }

    [Theory]
    [InlineData("what else did he say")]
    [InlineData("who else was expected")]
    public void Hints_WhatElse_AsksForMoreOfTheSame(string question)
    {
        var answered = CitedTurn("who was expected at the council", "Zelenskyy was expected.", "003_ministers.txt");

        var hints = FollowUpRewriter.Hints(question, [answered]);

        Assert.Equal(["003_ministers.txt"], hints.PreferredFiles);
        Assert.Empty(hints.OtherThanFiles);
    }

    [Theory]
    [InlineData("and in october 2024?", true)]
    [InlineData("what about 2023", true)]
    [InlineData("and the first half?", false)]
    [InlineData("who else was expected", false)]
    public void Hints_FollowUpThatOnlyMovesThePeriod_Marked(string question, bool moved) =>
        Assert.Equal(moved, FollowUpRewriter.Hints(question, [Turn("Which Ukrainian minister joined NATO ministers in June 2023?", "Reznikov. [1]")]).MovedPeriod);

    [Fact]
    public void Rewrite_TopicCarriedTwice_HoldsEachWordAndThePeriodOnce()
    {
        var first = new ConversationTurn("weather satellite launched from kourou in february 2025", "weather satellite launched from kourou in february 2025",
            new Answer("weather satellite launched from kourou in february 2025", AnswerOutcome.NotInBriefings, "I couldn't find that in the briefings I have.", []));
        var second = FollowUpRewriter.Rewrite("how much did it cost", [first]);
        var third = FollowUpRewriter.Rewrite("how heavy is it", [first, new ConversationTurn("how much did it cost", second,
            new Answer("how much did it cost", AnswerOutcome.NotInBriefings, "I couldn't find that in the briefings I have.", []))]);

        foreach (var rewritten in new[] { second, third })
        {
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(rewritten, "february 2025"));
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(rewritten, "kourou"));
        }
    }

    [Theory]
    [InlineData("was it on the agenda in 2023 too", "2023")]
    [InlineData("was it on the agenda by october", "october")]
    public void Rewrite_TopicNamingAnotherPeriod_OnlyTheFollowUpsPeriodKept(string followUp, string period)
    {
        var rewritten = FollowUpRewriter.Rewrite(followUp, [Turn("which body held nuclear talks at the june 2024 ministerial", "The Nuclear Planning Group. [1]")]);

        Assert.Contains(period, rewritten, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("nuclear", rewritten, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("june", rewritten, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rewrite_TheTwoPeopleAfterAnAnswerListingWeekdays_NoWeekdaysForPeople()
    {
        var rewritten = FollowUpRewriter.Rewrite("who are the two people the board asked to present plans?",
            [Turn("when does the board meet", "The board meets on Thursday and Friday. [1]")]);

        Assert.DoesNotContain("Thursday", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("was there also a story about an undersea cable getting repaired? where was that")]
    [InlineData("a cyber firm report also talks about hybrid campaigns like that, what's the firm")]
    [InlineData("is there a report on those kind of hybrid campaigns from a security firm")]
    [InlineData("there's a security firm writing about campaigns like that too, right? which firm is it?")]
    [InlineData("theres a firm that tracks those campaigns, where is it based")]
    public void Rewrite_PronounAfterAThingTheQuestionIntroduces_NothingCarried(string followUp) =>
        Assert.Equal(followUp, FollowUpRewriter.Rewrite(followUp, [Turn("what hostile actions by russia were ministers worried about", "Sabotage. [1]")]));

    [Fact]
    public void Rewrite_PronounInTheClauseThatSaysAnAmount_TopicCarried()
    {
        var rewritten = FollowUpRewriter.Rewrite("which countries pledged over a billion right before it", [Turn("june 2024 nato defence ministers meeting dates", "13 and 14 June. [1]")]);

        Assert.Contains("ministers", rewritten, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rewrite_ThereAfterAnAnswerNamingAPersonAfterTo_NotThatPerson()
    {
        var rewritten = FollowUpRewriter.Rewrite("anything cultural going on there", [Turn("which country is vilnius the capital of",
            "The summit is to be held in the Lithuanian capital Vilnius on July 11-12, according to Stoltenberg. [1]")]);

        Assert.DoesNotContain("Stoltenberg", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_AfterOnlyDeclinedTurns_ThereIsWhereTheUserAsked()
    {
        var declined = new ConversationTurn("brussels temps forecast for 13-14 june 2024", "brussels temps forecast for 13-14 june 2024",
            new Answer("brussels temps forecast for 13-14 june 2024", AnswerOutcome.NotInBriefings,
                "I couldn't find that in the briefings I have. The closest briefings are: \u201CAllies coordinate aid to Ukraine\u201D (12 June 2024).", []));

        var rewritten = FollowUpRewriter.Rewrite("whats the june record there", [declined]);

        Assert.Contains("brussels", rewritten, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ukraine", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_AfterOnlyDeclinedTurns_PointsIntoTheSentenceQuotedAsClosest()
    {
        const string closest = "Danish Prime Minister Mette Frederiksen and British Defense Secretary Ben Wallace are said to be the two possible contenders.";
        var declined = new ConversationTurn("who were tipped to replace stoltenberg", "who were tipped to replace stoltenberg",
            new Answer("who were tipped to replace stoltenberg", AnswerOutcome.NotInBriefings,
                $"I couldn't find a clear answer to that in the briefings. The closest is in \u201CNATO ministers meet\u201D: \u201C{closest}\u201D Check whether that answers your question, or rephrase it.", [])
            {
                Closest = closest,
            });

        var rewritten = FollowUpRewriter.Rewrite("what job did the second one have", [declined]);

        Assert.Contains("Ben Wallace", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what about germany", "germany pledged more than 1bn eur each for ukraine by june 2024")]
    [InlineData("and the netherlands?", "the netherlands pledged more than 1bn eur each for ukraine by june 2024")]
    public void Rewrite_AnotherCountryAfterAQuestionForCountries_TheCountryInTheirPlace(string followUp, string expected)
    {
        Assert.Equal(expected, FollowUpRewriter.Rewrite(followUp, [Turn("which countries pledged more than 1bn eur each for ukraine by june 2024")]));
    }

    [Theory]
    [InlineData("no sorry, i meant june 2024", "who chaired the defence ministers meeting in june 2024")]
    [InlineData("no i meant the june one, 2024", "who chaired the defence ministers meeting in June 2024")]
    [InlineData("sorry I meant the june 2023 meeting", "who chaired the defence ministers meeting in june 2023")]
    [InlineData("No, wait - I meant in 2023", "who chaired the defence ministers meeting in 2023")]
    public void Rewrite_CorrectionNamingAnotherPeriod_TheCorrectedQuestionInThatPeriod(string correction, string expected)
    {
        Assert.Equal(expected, FollowUpRewriter.Rewrite(correction, [Turn("who chaired the defence ministers meeting in october 2024")]));
    }

    [Fact]
    public void Rewrite_CorrectionThatIsAQuestion_ThatQuestion()
    {
        var rewritten = FollowUpRewriter.Rewrite("no wait, i meant what rutte said about support for ukraine",
            [Turn("what did stoltenberg say about keeping up ukraine support in 2024", "He said allies must keep up their support. [1]")]);

        Assert.Equal("what rutte said about support for ukraine", rewritten);
    }

    [Fact]
    public void Rewrite_CorrectionWithAQuestionAfterADash_TheQuestionInTheMeantPeriod()
    {
        var rewritten = FollowUpRewriter.Rewrite("no sorry, i meant the june 2024 one \u2014 who was running it",
            [Turn("where did the defence ministers meet in october 2024", "They met in Brussels. [1]")]);

        Assert.Contains("june 2024", rewritten, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("october", rewritten, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("who was running", rewritten, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Hints_Correction_DoesNotPreferTheCorrectedAnswersBriefing()
    {
        var cited = new Answer("q", AnswerOutcome.Answered, "They met in Brussels. [1]",
            [new Citation(1, "004_x.txt", "October meeting", new DateOnly(2024, 10, 17), "NATO", null, "They met in Brussels.")]);
        var history = new List<ConversationTurn> { new("where did they meet in october 2024", "where did they meet in october 2024", cited) };

        Assert.Empty(FollowUpRewriter.Hints("no, i meant the june one", history).PreferredFiles);
        Assert.NotEmpty(FollowUpRewriter.Hints("and the june one?", history).PreferredFiles);
    }

    [Theory]
    [InlineData("and by october", "who was running nato in October 2024")]
    [InlineData("and in oct?", "who was running nato in October 2024")]
    [InlineData("and a year earlier?", "who was running nato in June 2023")]
    [InlineData("vs the year before", "who was running nato in June 2023")]
    [InlineData("what about the following year", "who was running nato in June 2025")]
    [InlineData("and in 2023?", "who was running nato in 2023")]
    [InlineData("and the october one?", "who was running nato in October 2024")]
    [InlineData("and the one in june 2023?", "who was running nato in june 2023")]
    [InlineData("what about the 2023 one", "who was running nato in 2023")]
    [InlineData("and in oct 2023?", "who was running nato in oct 2023")]
    public void Rewrite_OnlyAnotherPeriod_ThePreviousQuestionAboutThatPeriod(string followUp, string expected)
    {
        Assert.Equal(expected, FollowUpRewriter.Rewrite(followUp, [Turn("who was running nato in june 2024")]));
    }

    [Fact]
    public void Rewrite_AfterAFullQuestionThatCarriedATopic_ItsOwnWordsAreTheTopic()
    {
        var rewritten = FollowUpRewriter.Rewrite("what did they decide",
        [
            new ConversationTurn("which nuclear body met during that ministerial meeting", "which nuclear body met during that ministerial meeting (gains ukraine negotiating table)",
                new Answer("q", AnswerOutcome.Answered, "The Nuclear Planning Group met. [1]", [])),
        ]);

        Assert.Equal("what did they decide (nuclear body met ministerial meeting)", rewritten);
    }

    [Fact]
    public void Rewrite_PreviousQuestionOfStopWordsOnly_NoEmptyTopic()
    {
        Assert.Equal("how much is it going to cost", FollowUpRewriter.Rewrite("how much is it going to cost", [Turn("what is it?")]));
    }

    [Theory]
    [InlineData("and in the second half?", "how much did allies commit in the second half of 2024")]
    [InlineData("what about the 3rd quarter", "how much did allies commit in the 3rd quarter of 2024")]
    public void Rewrite_AnotherPartOfTheYear_ReplacesThePart(string followUp, string expected)
    {
        Assert.Equal(expected, FollowUpRewriter.Rewrite(followUp, [Turn("how much did allies commit in the first half of 2024")]));
    }

    [Fact]
    public void Rewrite_YearBeforeAfterAnUndatedQuestion_CountsFromTheCitedBriefing()
    {
        var citation = new Citation(1, "d38.txt", "Wine harvest", new DateOnly(2022, 9, 20), null, null, "Output is 36 million hectolitres.");
        var last = new ConversationTurn("spanish wine output", "spanish wine output", new Answer("spanish wine output", AnswerOutcome.Answered, "Output is 36 million hectolitres. [1]", [citation]));

        Assert.Equal("spanish wine output in 2021?", FollowUpRewriter.Rewrite("and the year before?", [last]));
    }

    [Fact]
    public void Rewrite_ThereAfterAnAnswerWithOnlyAMonthAfterIn_NotAPlace()
    {
        var rewritten = FollowUpRewriter.Rewrite("who is president there now", [Turn("who won the runoff", "Chaves won the vote held in February. [1]")]);

        Assert.DoesNotContain("February now", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_ThatCityAfterATownNamedWithItsCountry_TheTown()
    {
        var rewritten = FollowUpRewriter.Rewrite("what else opened in that city", [Turn("where will the command be", "Rutte visited Wiesbaden, Germany, where he announced it. [1]")]);

        Assert.StartsWith("what else opened in Wiesbaden", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("who replaces her", "who replaces Halvorsen")]
    [InlineData("what is her salary", "what is Halvorsen's salary")]
    public void Rewrite_Her_ObjectOrPossessiveByWhatFollows(string followUp, string expected)
    {
        var rewritten = FollowUpRewriter.Rewrite(followUp, [Turn("who is stepping down", "Chief executive Ingrid Halvorsen will step down. [1]")]);

        Assert.StartsWith(expected, rewritten, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("different question: who won the berlin marathon in 2023", "who won the berlin marathon in 2023")]
    [InlineData("ok, switching topics - how many shells a year will the welsh line make", "how many shells a year will the welsh line make")]
    [InlineData("unrelated: when will the reactor restart?", "when will the reactor restart?")]
    [InlineData("other thing - food inflation feb 2023", "food inflation feb 2023")]
    [InlineData("random one, when will the reactor restart?", "when will the reactor restart?")]
    [InlineData("on a different note: who won the berlin marathon in 2023", "who won the berlin marathon in 2023")]
    [InlineData("off-topic - when will the reactor restart?", "when will the reactor restart?")]
    public void Rewrite_NewTopicPreface_DroppedAndNothingCarried(string followUp, string expected)
    {
        var rewritten = FollowUpRewriter.Rewrite(followUp,
            [Turn("What did the ministers discuss in June 2023?", "Secretary General Jens Stoltenberg said ministers would discuss Ukraine. [1]")]);

        Assert.Equal(expected, rewritten);
    }

    [Theory]
    [InlineData("different washington thing - who won the tennis there in august 2024?", "who won the tennis there in august 2024 (washington)?")]
    [InlineData("another rugby question: who did the team hire?", "who did the team hire (rugby)?")]
    [InlineData("new tennis story - who won the tennis final?", "who won the tennis final?")]
    [InlineData("different top-priority thing - what did the helix boss call number one?", "what did the helix boss call number one (top priority)?")]
    public void Rewrite_NewTopicPrefaceNamingASubject_SubjectKeptAsTheTopic(string followUp, string expected)
    {
        var rewritten = FollowUpRewriter.Rewrite(followUp,
            [Turn("How many people will work in the new command?", "About 700 people will work in the command in Wiesbaden. [1]")]);

        Assert.Equal(expected, rewritten);
    }

    [Fact]
    public void Rewrite_OtherWordsOpeningAQuestion_NotANewTopicPreface()
    {
        var rewritten = FollowUpRewriter.Rewrite("other allies pledged what",
            [Turn("What did Sweden pledge in June 2024?", "Sweden pledged more than EUR 1 billion. [1]")]);

        Assert.StartsWith("other allies pledged what", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_AndTopicCommaQuestionWithoutPronoun_TopicKept()
    {
        var rewritten = FollowUpRewriter.Rewrite("and the nato summit in vilnius, what dates",
            [Turn("where did ministers meet in june 2023", "Ministers met in Brussels. [1]")]);

        Assert.StartsWith("What dates - the nato summit in vilnius", rewritten, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_AndPeriodCommaQuestion_TheQuestionAboutThatPeriod()
    {
        var rewritten = FollowUpRewriter.Rewrite("and in june 2024, which hostile russian actions were ministers to discuss",
            [Turn("what did ministers discuss in june 2023", "Ministers discussed Ukraine. [1]")]);

        Assert.Equal("which hostile russian actions were ministers to discuss in june 2024?", rewritten);
    }

    [Theory]
    [InlineData("and how many votes did rutte get when he was chosen?")]
    [InlineData("how old was Steinhoff when she took the post")]
    public void Rewrite_PersonNamedBeforeThePronoun_PronounLeftToThatPerson(string question)
    {
        var rewritten = FollowUpRewriter.Rewrite(question,
            [CitedTurn("who did the rectors elect", "The rectors elected Anna Steinhoff, who will take up her post on July 1.", "d29_rectors.txt")]);

        Assert.Equal(question, rewritten);
    }

    [Fact]
    public void Rewrite_PronounAfterAnAcronymOnly_StillThePreviousAnswersPerson()
    {
        var rewritten = FollowUpRewriter.Rewrite("did nato say when he would leave",
            [CitedTurn("who was nato's chief in june 2023", "NATO chief Jens Stoltenberg ruled out an extension of his mandate.", "000_nato.txt")]);

        Assert.Contains("Stoltenberg", rewritten, StringComparison.Ordinal);
    }

    private static ConversationTurn[] MinisterialThenReport() =>
    [
        CitedTurn("which hostile russian actions were ministers to discuss at the june 2024 ministerial",
            "Ministers were to discuss sabotage and cyber attacks at the ministerial.", "002_nato.txt"),
        CitedTurn("a cyber firm report also talks about ransomware, how much did attacks go up",
            "Ransomware attacks on hospitals and ports rose 41 percent, the report said.", "d31_ransomware.txt"),
    ];

    [Fact]
    public void Rewrite_ThatAndAThingAnEarlierTurnSpokeOf_AskedAboutThatTurnsTopic()
    {
        var rewritten = FollowUpRewriter.Rewrite("which nuclear body was meeting during that ministerial?", MinisterialThenReport());

        Assert.Contains("hostile russian actions", rewritten, StringComparison.Ordinal);
        Assert.DoesNotContain("ransomware", rewritten, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("who published that report?")]
    [InlineData("where is that based")]
    public void Rewrite_ThatAndTheLastTurnsThingOrAVerb_AskedAboutTheLastTurn(string question)
    {
        var rewritten = FollowUpRewriter.Rewrite(question, MinisterialThenReport());

        Assert.Contains("ransomware", rewritten, StringComparison.OrdinalIgnoreCase);
    }
}
