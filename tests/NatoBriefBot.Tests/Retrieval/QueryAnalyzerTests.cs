using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Text;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Retrieval;

public class QueryAnalyzerTests
{
    private readonly QueryAnalyzer _analyzer = new(new FixedTimeProvider(2025, 3, 10));

    [Fact]
    public void Analyze_InMonthYear_WholeMonthRange()
    {
        var q = _analyzer.Analyze("What did defence ministers discuss in October 2024?");

        Assert.Equal(new DateRange(new DateOnly(2024, 10, 1), new DateOnly(2024, 10, 31)), q.Dates);
        Assert.Equal("October 2024", q.DateText);
        Assert.False(q.DatesAreSoft);
        Assert.DoesNotContain(TermAnalyzer.Normalize("October"), q.CoreTerms);
    }

    [Fact]
    public void Analyze_MonthYearWithoutPreposition_WholeMonthRange()
    {
        var q = _analyzer.Analyze("Which plans were reviewed June 2023?");

        Assert.Equal(new DateRange(new DateOnly(2023, 6, 1), new DateOnly(2023, 6, 30)), q.Dates);
    }

    [Fact]
    public void Analyze_DayMonthYear_ThreeDaysEitherSide()
    {
        var q = _analyzer.Analyze("What happened on 17 October 2024?");

        Assert.Equal(new DateRange(new DateOnly(2024, 10, 14), new DateOnly(2024, 10, 20)), q.Dates);
    }

    [Fact]
    public void Analyze_AbbreviatedMonth_Recognized()
    {
        var q = _analyzer.Analyze("What was said in Feb 2024?");

        Assert.Equal(new DateRange(new DateOnly(2024, 2, 1), new DateOnly(2024, 2, 29)), q.Dates);
    }

    [Theory]
    [InlineData("which minister was due in brussels in mid-2023", 2023, "mid-2023", 4, 9)]
    [InlineData("What launched from Kourou in early 2025?", 2025, "early 2025", 1, 5)]
    [InlineData("where did the defence chiefs gather in autumn 2024", 2024, "autumn 2024", 8, 12)]
    [InlineData("what did allies pledge in spring 2024", 2024, "spring 2024", 2, 6)]
    [InlineData("who was leaving in winter 2023", 2023, "winter 2023", 1, 12)]
    public void Analyze_PartOfAYear_ItsMonthsWithAMonthToSpareAndNotAModelName(string question, int year, string text, int firstMonth, int lastMonth)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(new DateRange(new DateOnly(year, firstMonth, 1), new DateOnly(year, lastMonth, DateTime.DaysInMonth(year, lastMonth))), q.Dates);
        Assert.Equal(text, q.DateText);
        Assert.DoesNotContain(TermAnalyzer.Normalize("mid2023"), q.Terms);
        Assert.DoesNotContain(TermAnalyzer.Normalize(text.Split(' ', '-')[0]), q.CoreTerms);
    }

    [Fact]
    public void Analyze_LastYear_RelativeToClock()
    {
        var q = _analyzer.Analyze("What did ministers agree last year?");

        Assert.Equal(new DateRange(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), q.Dates);
        Assert.True(q.DatesAreSoft);
        Assert.Equal(new DateRange(new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31)), new QueryAnalyzer(new FixedTimeProvider(2024, 1, 1)).Analyze("last year's plans").Dates);
    }

    [Fact]
    public void Analyze_InYear_WholeYearRange()
    {
        var q = _analyzer.Analyze("What did NATO decide in 2019?");

        Assert.Equal(new DateRange(new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31)), q.Dates);
        Assert.Equal("2019", q.DateText);
        Assert.DoesNotContain("2019", q.Salient);
        Assert.DoesNotContain("2019", q.CoreTerms);
    }

    [Theory]
    [InlineData("berlin marathon 2023 winner", 2023)]
    [InlineData("where is the 2025 nato summit", 2025)]
    [InlineData("What was 2024's biggest pledge?", 2024)]
    public void Analyze_BareYear_WholeYearRange(string question, int year)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(new DateRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)), q.Dates);
    }

    [Theory]
    [InlineData("how many sites does the operator plan by 2030")]
    [InlineData("salzburg investment up to 2030")]
    [InlineData("deliveries between 2025-2029")]
    public void Analyze_DeadlineOrNumber_NoPeriod(string question)
    {
        Assert.Null(_analyzer.Analyze(question).Dates);
    }

    [Theory]
    [InlineData("who chaired the oct 17-18 2024 nato meeting", 2024, 10, 17)]
    [InlineData("who spoke at the june 12, 2024 press conference", 2024, 6, 12)]
    public void Analyze_MonthDayYear_DaysAroundTheDate(string question, int year, int month, int day)
    {
        var q = _analyzer.Analyze(question);

        var date = new DateOnly(year, month, day);
        Assert.Equal(new DateRange(date.AddDays(-3), date.AddDays(3)), q.Dates);
    }

    [Theory]
    [InlineData("did those four sign anything that same day")]
    [InlineData("was somebody else named for the job")]
    public void Analyze_IndefinitePronoun_NotAName(string question)
    {
        var q = _analyzer.Analyze(question);

        Assert.DoesNotContain(q.Salient, t => t.StartsWith("any", StringComparison.Ordinal) || t.StartsWith("some", StringComparison.Ordinal) || t == "else");
        Assert.DoesNotContain(q.Terms, t => t.StartsWith("anyth", StringComparison.Ordinal) || t.StartsWith("somebod", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("when is the vilnius summit happening? need the exact days for a footnote", "footnote", "summit")]
    [InlineData("Who chairs the new command? It's for a slide I'm making.", "slide", "command")]
    public void Analyze_RemarkAfterTheQuestion_IsContext(string question, string remark, string asked)
    {
        var q = _analyzer.Analyze(question);

        // Context, or not searched for at all ("for a slide": what the answer is for).
        Assert.True(q.ContextTerms.Contains(TermAnalyzer.Normalize(remark)) || !q.CoreTerms.Contains(TermAnalyzer.Normalize(remark)));
        Assert.DoesNotContain(TermAnalyzer.Normalize(asked), q.ContextTerms);
    }

    [Fact]
    public void Analyze_FollowUpWithBracketedTopic_TopicWordsAreContext()
    {
        var q = _analyzer.Analyze("how many jobs (data centre wiesbaden) in October 2024?");

        Assert.Contains(TermAnalyzer.Normalize("wiesbaden"), q.ContextTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("jobs"), q.ContextTerms);
    }

    [Fact]
    public void Analyze_NoPeriod_NoRange()
    {
        var q = _analyzer.Analyze("Who will lead NSATU?");

        Assert.Null(q.Dates);
        Assert.Null(q.DateText);
    }

    [Theory]
    [InlineData("What was decided at the latest meeting?")]
    [InlineData("What is the most recent news on Ukraine?")]
    public void Analyze_LatestWording_RecencyLatestAndPrefersNewest(string question)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(Recency.Latest, q.Recency);
        Assert.True(q.PrefersNewest);
    }

    [Theory]
    [InlineData("What are ministers discussing now?")]
    [InlineData("what is nato doing today")]
    public void Analyze_PresentWording_PrefersNewestButNoLatestBriefing(string question)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(Recency.None, q.Recency);
        Assert.True(q.PrefersNewest);
    }

    [Theory]
    [InlineData("june 2024 ministerial dates", "dates", false)]
    [InlineData("did they set dates for the next round", "dates", true)]
    [InlineData("whats the name of the weather satellite", "name", false)]
    [InlineData("what time did the rocket lift off", "time", false)]
    [InlineData("rutte's figure for nato citizens", "figure", true)]
    [InlineData("name of new maritime centre", "name", false)]
    [InlineData("helix ceo name", "name", false)]
    [InlineData("aegis ashore base location", "location", false)]
    [InlineData("the norwegian bank boss stepping down, whats her name?", "name", false)]
    public void Analyze_WordForTheKindOfAnswer_NotExpandedWithItsOtherSenses(string question, string kind, bool searched)
    {
        var q = _analyzer.Analyze(question);

        // After "what", in "the name of" or in a when-question it only says what kind of answer is wanted; elsewhere the
        // briefing may use it.
        Assert.Equal(searched, q.CoreTerms.Contains(TermAnalyzer.Normalize(kind)));
        Assert.False(q.Alternatives.ContainsKey(TermAnalyzer.Normalize(kind)));
    }

    [Fact]
    public void Analyze_CapitalAsMoney_NoCity()
    {
        var q = _analyzer.Analyze("how much venture capital did the startup raise");
        var plain = _analyzer.Analyze("how much capital did the startup raise");

        var capital = TermAnalyzer.Normalize("capital");
        Assert.Equal(plain.Alternatives.GetValueOrDefault(capital) ?? [], q.Alternatives.GetValueOrDefault(capital) ?? []);
    }

    [Fact]
    public void Analyze_PhrasalVerb_ExpandedAsThePhrase()
    {
        var q = _analyzer.Analyze("when is stoltenberg stepping down");

        var step = TermAnalyzer.Normalize("stepping");
        Assert.Contains(TermAnalyzer.Normalize("resign"), q.Alternatives[step]);
        Assert.DoesNotContain(TermAnalyzer.Normalize("footstep"), q.Alternatives[step]);
    }

    [Theory]
    [InlineData("when was the sg's mandate extended")]
    [InlineData("when was the SG's mandate extended")]
    public void Analyze_ChatAcronymWithPossessive_LongFormSearched(string question) =>
        Assert.Contains(TermAnalyzer.Normalize("secretary"), _analyzer.Analyze(question).Terms);

    [Theory]
    [InlineData("did the ioc board back the french alps bid for 2030?", "alps", "alpine")]
    [InlineData("which Alpine regions got the backing?", "alpine", "alps")]
    public void Analyze_NameOrItsAdjective_TheOtherIsAnAlternative(string question, string word, string other)
    {
        var q = _analyzer.Analyze(question);

        Assert.Contains(TermAnalyzer.Normalize(other), q.Alternatives[TermAnalyzer.Normalize(word)]);
    }

    [Fact]
    public void Analyze_Nationality_CountryIsAnAlternative()
    {
        var q = _analyzer.Analyze("What did the Swedish government pledge?");

        Assert.Contains(TermAnalyzer.Normalize("sweden"), q.Alternatives[TermAnalyzer.Normalize("swedish")]);
    }

    [Fact]
    public void Analyze_PeopleOfACountry_CountryAndItsAdjectiveAreAlternatives()
    {
        var q = _analyzer.Analyze("What was the Dane's job?");

        var alternatives = q.Alternatives[TermAnalyzer.Normalize("dane")];
        Assert.Contains(TermAnalyzer.Normalize("denmark"), alternatives);
        Assert.Contains(TermAnalyzer.Normalize("danish"), alternatives);
    }

    [Fact]
    public void Analyze_Country_ItsMainAdjectiveIsAnAlternative()
    {
        var q = _analyzer.Analyze("What did Germany offer?");

        Assert.Equal([TermAnalyzer.Normalize("german")], q.Alternatives[TermAnalyzer.Normalize("germany")]);
    }

    [Fact]
    public void Analyze_EarliestWording_RecencyEarliest()
    {
        Assert.Equal(Recency.Earliest, _analyzer.Analyze("What did the oldest briefing say?").Recency);
    }

    [Fact]
    public void Analyze_WhoIsTheNew_PrefersNewestWithoutLatest()
    {
        var q = _analyzer.Analyze("Who is the new Secretary General?");

        Assert.Equal(Recency.None, q.Recency);
        Assert.True(q.PrefersNewest);
        Assert.Equal(QuestionType.Who, q.Type);
    }

    [Theory]
    [InlineData("Who is the Secretary General?", true)]
    [InlineData("Hi, who's chairing the ministerial?", true)]
    [InlineData("who said that ukraine is moving closer to nato", false)]
    [InlineData("Who announced that a new command is being set up?", true)] // "new"
    public void Analyze_WhoQuestion_PrefersNewestOnlyWhenItAsksWhoIsOrNew(string question, bool newest)
    {
        Assert.Equal(newest, _analyzer.Analyze(question).PrefersNewest);
    }

    [Fact]
    public void Analyze_LongSceneBeforeADash_ItsWordsAreContext_AShortTopicIsNot()
    {
        var q = _analyzer.Analyze("There was that Swiss reinsurer tie-up with a Japanese mutual aimed at the Indo-Pacific \u2014 what size of stake was the Japanese side taking?");

        Assert.Equal("what size of stake was the japanese side taking?", q.Clause);
        Assert.Contains(TermAnalyzer.Normalize("reinsurer"), q.ContextTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("stake"), q.ContextTerms);
        Assert.Equal(QuestionType.HowMuch, q.Type);
        Assert.Empty(_analyzer.Analyze("the june 2024 meeting - who chaired it?").ContextTerms);
    }

    [Fact]
    public void Analyze_SceneSettingSentence_ItsWordsAreContext()
    {
        var q = _analyzer.Analyze("Hi, I'm reading up on hybrid threats. Could you tell me what the average ransom demand was?");

        Assert.Contains(TermAnalyzer.Normalize("hybrid"), q.ContextTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("reading"), q.CoreTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("ransom"), q.ContextTerms);
        Assert.Contains(TermAnalyzer.Normalize("hybrid"), q.CoreTerms);
        Assert.Equal("what the average ransom demand was?", q.Clause);
        Assert.Null(_analyzer.Analyze("What was the average ransom demand?").Clause);
    }

    [Theory]
    [InlineData("how many defence ministers attended the june 2024 meeting", "minister")]
    [InlineData("How many combat-ready battlegroups does NATO have?", "battlegroups")]
    [InlineData("and how many allies hit 2%", "ally")]
    [InlineData("how many new jobs will the plant create", "job")]
    [InlineData("How many did they pledge?", null)]
    [InlineData("What did Italy pledge?", null)]
    public void Analyze_HowMany_CountedTermIsTheHeadNoun(string question, string? counted)
    {
        Assert.Equal(counted is null ? null : TermAnalyzer.Normalize(counted), _analyzer.Analyze(question).CountedTerm);
    }

    [Theory]
    [InlineData("What were the three main topics of the 2024 Washington Summit?", "topic")]
    [InlineData("which two candidates were tipped to succeed him", "candidate")]
    [InlineData("name the 3 new commands", "command")]
    [InlineData("what did he do in his three years in office", null)]
    [InlineData("did allies spend 2 percent of gdp", null)]
    [InlineData("how many three-star generals attended", null)]
    [InlineData("What did Italy pledge?", null)]
    public void Analyze_CountOfAPluralNoun_ListedTermIsItsHead(string question, string? listed)
    {
        Assert.Equal(listed is null ? null : TermAnalyzer.Normalize(listed), _analyzer.Analyze(question).ListedTerm);
    }

    [Fact]
    public void Analyze_TimeOfDay_NotAName()
    {
        var q = _analyzer.Analyze("Quick question before my 10am: did Stoltenberg think the counter-offensive was a turning point?");

        Assert.DoesNotContain(q.Salient, t => t.StartsWith("10", StringComparison.Ordinal));
        Assert.Contains(TermAnalyzer.Normalize("Stoltenberg"), q.Salient);
    }

    [Theory]
    [InlineData("the summit was in vilnius, right?", false)]
    [InlineData("the summit was in vilnius is that correct?", false)]
    [InlineData("did the forecasters get it right?", true)]
    [InlineData("which right did the court uphold?", true)]
    public void Analyze_TagQuestion_ItsWordsAreNotSearchedFor(string question, bool searched)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(searched, q.CoreTerms.Contains(TermAnalyzer.Normalize("right")) || q.CoreTerms.Contains(TermAnalyzer.Normalize("correct")));
    }

    [Theory]
    [InlineData("Hi, could you tell me who chairs the meeting?", "who chairs the meeting?")]
    [InlineData("what do you know about rutte", "about rutte")]
    [InlineData("I'm reading up on pledges. What did Italy pledge?", "what did italy pledge?")]
    [InlineData("When he was asked about the offensive, did he call it a turning point?", "did he call it a turning point?")]
    [InlineData("after rutte took over, what was his first trip", "what was his first trip")]
    [InlineData("when was it, was it monday?", "when was it, was it monday?")] // "when was it" asks, it sets no time
    [InlineData("I would be grateful if you could tell me who chaired it.", "who chaired it.")]
    [InlineData("Would you kindly explain why the plan was needed?", "why the plan was needed?")]
    [InlineData("Do you happen to know where they met?", "where they met?")]
    [InlineData("do we know how much money is going into it?", "how much money is going into it?")]
    [InlineData("does the briefing say who chaired it?", "who chaired it?")]
    [InlineData("do we know if it opened?", "do we know if it opened?")] // a yes/no question stays one
    [InlineData("a university body picked a new head too? who", "who")] // the unmarked question after the mark asks
    [InlineData("didn't they sign a pact that day? where was that", "where was that")]
    [InlineData("did they sign a pact that day? thanks", "did they sign a pact that day?")] // not a question after the mark
    public void QuestionClause_WithoutGreetingsAndLeadIns(string question, string clause)
    {
        Assert.Equal(clause, QueryAnalyzer.QuestionClause(question));
    }

    [Theory]
    [InlineData("how many staff (new nato ukraine command)", "how many staff")]
    [InlineData("when is that (june 2023 ministers meeting prep) in june 2023?", "when is that in june 2023?")]
    [InlineData("what did (they) agree (june 2024 ministers)", "what did (they) agree")]
    [InlineData("(nsatu)", "(nsatu)")]
    public void WithoutCarriedTopic_TheWordsTheUserAskedWith(string question, string own)
    {
        Assert.Equal(own, QueryAnalyzer.WithoutCarriedTopic(question));
    }

    [Theory]
    [InlineData("summarize the june 2024 meeting", true, "meeting")]
    [InlineData("What happened at the Vilnius summit?", true, "summit")]
    [InlineData("give me an overview of the cyber range", true, "cyber")]
    [InlineData("What did Italy pledge?", false, "italy")]
    public void Analyze_OverviewRequest_AsksForOverviewWithoutItsAskingWords(string question, bool overview, string kept)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(overview, q.AsksForOverview);
        Assert.Contains(TermAnalyzer.Normalize(kept), q.CoreTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("summarize"), q.CoreTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("overview"), q.CoreTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("happened"), q.CoreTerms);
    }

    [Theory]
    [InlineData("how many countries were in the alliance according to the june 2023 piece", "piece", "countries")]
    [InlineData("in that story about the polish road works, how many coins were found", "story", "coins")]
    [InlineData("per the interfax sidebar, who did syrsky meet", "sidebar", "syrsky")]
    [InlineData("what did the press release say about the cyber range", "release", "cyber")]
    [InlineData("In the Jakarta parade coverage, how many drones were shown?", "coverage", "drones")]
    public void Analyze_WordNamingTheKindOfDocument_NotATermToFind(string question, string pointing, string kept)
    {
        var q = _analyzer.Analyze(question);

        Assert.DoesNotContain(TermAnalyzer.Normalize(pointing), q.CoreTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize(pointing), q.Terms);
        Assert.Contains(TermAnalyzer.Normalize(kept), q.CoreTerms);
    }

    [Theory]
    [InlineData("did they talk about article 5")]
    [InlineData("was Article V invoked")]
    public void Analyze_TreatyArticle_KeptAsATerm(string question)
    {
        Assert.Contains(TermAnalyzer.Normalize("article"), _analyzer.Analyze(question).CoreTerms);
    }

    [Theory]
    [InlineData("who is rutte?", true)]
    [InlineData("Who is Mark Rutte?", true)]
    [InlineData("Who is the Secretary General?", false)]
    [InlineData("Who chaired the meeting?", false)]
    public void Analyze_WhoIsANamedPerson_AsksWhoSomeoneIs(string question, bool expected)
    {
        Assert.Equal(expected, _analyzer.Analyze(question).AsksWhoSomeoneIs);
    }

    [Fact]
    public void Analyze_WordInBothSceneAndQuestion_NotContext()
    {
        var q = _analyzer.Analyze("I'm looking at the ransom figures. What was the average ransom demand?");

        Assert.DoesNotContain(TermAnalyzer.Normalize("ransom"), q.ContextTerms);
        Assert.Contains(TermAnalyzer.Normalize("figures"), q.ContextTerms);
    }

    [Fact]
    public void Analyze_OneSentence_NoContext()
    {
        var q = _analyzer.Analyze("what was the average ransom demand in the greyline report");

        Assert.Empty(q.ContextTerms);
    }

    [Theory]
    [InlineData("where does your information come from")]
    [InlineData("where did the money for the plan come from")]
    [InlineData("which country hosts the summit")]
    public void Analyze_FromWhereButNotAPersonsCountry_NotNationality(string question) =>
        Assert.NotEqual(QuestionType.Nationality, _analyzer.Analyze(question).Type);

    [Theory]
    [InlineData("What is the name of Indonesia's armed forces commander?", true)]
    [InlineData("russian defence minister name", true)]
    [InlineData("Which company bought the power? I need its name.", true)]
    [InlineData("what's the general's name", true)]
    [InlineData("Who chairs the meeting?", false)]
    [InlineData("Did they name a new commander?", false)]
    [InlineData("What is the full name of the new command abbreviated as NSATU?", false)] // what the acronym stands for
    [InlineData("What is the full name of the new Secretary General?", true)]
    public void Analyze_AsksForAName(string question, bool expected) =>
        Assert.Equal(expected, _analyzer.Analyze(question).AsksForName);

    [Fact]
    public void Analyze_LowerCaseModelName_JoinedTermStandsForItsParts()
    {
        var q = _analyzer.Analyze("clv-207 trial how many patients");

        Assert.Contains("clv207", q.Alternatives["clv"]);
        Assert.Contains("clv207", q.Alternatives["207"]);
        Assert.Contains("clv207", q.Terms);
    }

    [Fact]
    public void Analyze_BareNumber_MeasureIsAnAlternative()
    {
        var q = _analyzer.Analyze("how much joint 155 ammo buying");

        Assert.Contains("155mm", q.Alternatives["155"]);
    }

    [Theory]
    [InlineData("Good morning! Need it for the weekly: what did ministers decide in June 2023?", "need")]
    [InlineData("Quick one. Remind me what Italy pledged?", "remind")]
    [InlineData("Thanks in advance: Looking for who chaired the meeting", "looking")]
    public void Analyze_CapitalOpeningALaterSentence_NotAName(string question, string term)
    {
        var q = _analyzer.Analyze(question);

        Assert.DoesNotContain(TermAnalyzer.Normalize(term), q.Salient);
    }

    [Theory]
    [InlineData("Per the alliance head, what did the allies pledge?", "per")]
    [InlineData("amid the war, what did allies pledge upon request", "amid")]
    [InlineData("amid the war, what did allies pledge upon request", "upon")]
    public void Analyze_PrepositionWordNetDoesNotList_NotAName(string question, string word)
    {
        var q = _analyzer.Analyze(question);

        Assert.DoesNotContain(TermAnalyzer.Normalize(word), q.Salient);
        Assert.Contains(TermAnalyzer.Normalize(word), q.Terms);
    }

    [Theory]
    [InlineData("what did the alliance chief say about drones?", "chief")]
    [InlineData("Why did the alliance's top official say ties with Asia matter?", "official")]
    [InlineData("Per the alliance head, what did the allies pledge?", "head")]
    [InlineData("Per the alliance head, what did the allies pledge?", "per")]
    [InlineData("How many people did the new secretary general say spending keeps safe?", "secretary")]
    public void Analyze_SpeakerNamedByTitle_TitleWordsAreContext(string question, string word)
    {
        var q = _analyzer.Analyze(question);

        Assert.Contains(TermAnalyzer.Normalize(word), q.ContextTerms);
    }

    [Theory]
    [InlineData("who is the alliance chief?")]
    [InlineData("what did the alliance chief say about the chief of defence?")] // the word is asked about too
    public void Analyze_TitleNotOnlyNamingASpeaker_NotContext(string question)
    {
        var q = _analyzer.Analyze(question);

        Assert.DoesNotContain(TermAnalyzer.Normalize("chief"), q.ContextTerms);
    }

    [Fact]
    public void Analyze_CapitalInsideASentence_StillAName()
    {
        var q = _analyzer.Analyze("Good morning. What did Italy pledge?");

        Assert.Contains(TermAnalyzer.Normalize("italy"), q.Salient);
    }

    [Theory]
    [InlineData("does turkey spend 2% of its gdp on defence?", "turkey", true)]
    [InlineData("what did japan sign in sydney", "japan", true)]
    [InlineData("did they serve the turkey at the summit dinner?", "turkey", false)]
    [InlineData("which union led the rail strike", "union", false)]
    public void Analyze_CountryTypedInLowerCaseThatIsAlsoACommonWord_ANameWithoutADeterminer(string question, string word, bool isName)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(isName, q.Salient.Contains(TermAnalyzer.Normalize(word)));
    }

    [Theory]
    [InlineData("When was Rutte's first ministerial?", "rutte")]
    [InlineData("What did Stoltenberg\u2019s deputy say?", "stoltenberg")]
    [InlineData("what was frederiksen's job", "frederiksen")]
    public void Analyze_PossessiveName_StillAName(string question, string name)
    {
        var q = _analyzer.Analyze(question);

        Assert.Contains(TermAnalyzer.Normalize(name), q.Salient);
    }

    [Fact]
    public void Analyze_SceneAndAskNameDifferentMonths_TheAskedMonthIsThePeriod()
    {
        var q = _analyzer.Analyze("Which ally pledged another SAMP/T in June 2024. In which country did he say a new base would be added in July 2024?");

        Assert.Equal(new DateRange(new DateOnly(2024, 7, 1), new DateOnly(2024, 7, 31)), q.Dates);
        Assert.Equal("July 2024", q.DateText);
    }

    [Fact]
    public void Analyze_OnlyTheSceneNamesAMonth_ThatMonthIsThePeriod()
    {
        var q = _analyzer.Analyze("I'm preparing a note on the June 2023 ministerial. Which areas did he say ministers would address?");

        Assert.Equal(new DateRange(new DateOnly(2023, 6, 1), new DateOnly(2023, 6, 30)), q.Dates);
    }

    [Fact]
    public void Analyze_NumberWithMagnitude_NumberIsSalient()
    {
        var q = _analyzer.Analyze("maintain 40bn aid for how long");

        Assert.Contains("40", q.Salient);
        Assert.Contains(TermAnalyzer.Normalize("billion"), q.CoreTerms);
    }

    [Theory]
    [InlineData("june 2024 def mins dates", QuestionType.When)]
    [InlineData("june 2023 ministerial meeting days", QuestionType.When)]
    [InlineData("rheinwerk wiesbaden opening date?", QuestionType.When)]
    [InlineData("ferry route first sailing month", QuestionType.When)]
    [InlineData("wallace appointment year?", QuestionType.When)]
    [InlineData("ferry pledges last month", QuestionType.Other)]
    [InlineData("what is the budget for the coming year", QuestionType.HowMuch)]
    [InlineData("what did the allies pledge this year", QuestionType.Other)]
    [InlineData("nsatu location", QuestionType.Where)]
    [InlineData("oct 2024 def mins venue", QuestionType.Where)]
    [InlineData("vilnius exhibition visitor numbers", QuestionType.HowMany)]
    [InlineData("maritime centre staff count?", QuestionType.HowMany)]
    [InlineData("what did the count say", QuestionType.Other)]
    [InlineData("did they agree a coal exit date", QuestionType.YesNo)]
    [InlineData("alliance member count mid-2023", QuestionType.HowMany)]
    [InlineData("def mins meeting dates in june 2024?", QuestionType.When)]
    [InlineData("what did the ministers pledge in june 2024", QuestionType.Other)]
    [InlineData("what is the union whose staff walked out for two days in january 2023", QuestionType.Other)]
    public void Analyze_KeywordQuestionEndingInTheKindItWants_ThatKind(string question, QuestionType type)
    {
        Assert.Equal(type, _analyzer.Analyze(question).Type);
    }

    [Theory]
    [InlineData("ok and rutte, when he went to kyiv what did he reaffirm?", QuestionType.Other)]
    [InlineData("When the new boss went to Germany, did he meet Chancellor Scholz?", QuestionType.YesNo)]
    [InlineData("When Stoltenberg previewed the summit, where did he say the new base would be?", QuestionType.Where)]
    [InlineData("when it was shut down?", QuestionType.When)]
    [InlineData("and when he is stepping down?", QuestionType.When)]
    [InlineData("when did he go to kyiv, and what did he say?", QuestionType.When)]
    public void Analyze_WhenClauseSettingTheScene_TheQuestionAfterItSaysWhatIsAsked(string question, QuestionType type)
    {
        Assert.Equal(type, _analyzer.Analyze(question).Type);
    }

    [Theory]
    [InlineData("for some background on the runoff, how old was the winner when he took office?", QuestionType.HowMany)]
    [InlineData("2030 winter olympics - which region was recommended", QuestionType.Other)]
    [InlineData("about the june meeting, what did he say", QuestionType.Other)]
    [InlineData("what's the typical amount the gangs ask for", QuestionType.HowMuch)]
    [InlineData("what was the total number of visitors", QuestionType.HowMany)]
    [InlineData("what is the plan for the new command", QuestionType.Other)]
    public void Analyze_QuestionAfterACommaOrAfterWhatIsThe_KindReadFromIt(string question, QuestionType type)
    {
        Assert.Equal(type, _analyzer.Analyze(question).Type);
    }

    [Theory]
    [InlineData("what's the polish agriculture minister called", true)]
    [InlineData("what was the new command called?", true)]
    [InlineData("who called the meeting", false)]
    [InlineData("what did he say when he was called", false)]
    public void Analyze_WhatIsItCalled_AsksForAName(string question, bool asks)
    {
        Assert.Equal(asks, _analyzer.Analyze(question).AsksForName);
    }

    [Theory]
    [InlineData("what share of break-ins would have been stopped?", "ins")]
    public void Analyze_PartOfAHyphenatedWordWordNetKnows_NotAName(string question, string part)
    {
        var q = _analyzer.Analyze(question);

        Assert.DoesNotContain(TermAnalyzer.Normalize(part), q.Salient);
    }

    [Fact]
    public void Analyze_HyphenatedName_StillAName()
    {
        var q = _analyzer.Analyze("what did guinea-bissau pledge");

        Assert.Contains(TermAnalyzer.Normalize("bissau"), q.Salient);
    }

    [Theory]
    [InlineData("what is her salary")]
    [InlineData("kieran doyle salary rugby")]
    [InlineData("what does the new chief executive earn")]
    public void Analyze_AsksWhatSomeoneEarns_AnAmountOfMoney(string question)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(QuestionType.HowMuch, q.Type);
        Assert.True(q.AsksForMoney);
    }

    [Theory]
    [InlineData("what did the region open for people?", QuestionType.Other)]
    [InlineData("which plan will the state fund", QuestionType.Other)]
    [InlineData("what is the capital of morvania", QuestionType.Where)]
    [InlineData("which eastern region was hit", QuestionType.Where)]
    [InlineData("what was the price tag", QuestionType.HowMuch)]
    public void Analyze_KindWordAfterAVerbTakingASubject_NotTheKindAskedFor(string question, QuestionType type)
    {
        Assert.Equal(type, _analyzer.Analyze(question).Type);
    }

    [Theory]
    [InlineData("Could you tell me the date on which the ministers met?", QuestionType.When)]
    [InlineData("Please tell me the city in which the summit was held.", QuestionType.Where)]
    [InlineData("Could you tell me the plan the ministers approved?", QuestionType.Other)]
    public void Analyze_AskedAsANounPhraseAfterALeadIn_TheKindItNames(string question, QuestionType type)
    {
        Assert.Equal(type, _analyzer.Analyze(question).Type);
    }

    [Theory]
    [InlineData("who was sg in june 2023", true)]
    [InlineData("what shape was the sg in", true)]
    [InlineData("what shape were the talks in", false)] // "shape" is a word before it is an acronym
    public void Analyze_AcronymTypedInLowerCase_ItsLongFormToo(string question, bool expanded)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(expanded, q.CoreTerms.Contains(TermAnalyzer.Normalize("secretary")));
        Assert.DoesNotContain(TermAnalyzer.Normalize("headquarters"), q.CoreTerms);
    }

    [Fact]
    public void Analyze_PoliteLeadIn_NotATermToFind()
    {
        var q = _analyzer.Analyze("I would be grateful if you could kindly tell me who chaired it");

        Assert.DoesNotContain(TermAnalyzer.Normalize("grateful"), q.CoreTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("kindly"), q.CoreTerms);
        Assert.Equal(QuestionType.Who, q.Type);
    }

    [Fact]
    public void Analyze_PlainQuestion_NoRecencyPreference()
    {
        var q = _analyzer.Analyze("What did Italy pledge?");

        Assert.Equal(Recency.None, q.Recency);
        Assert.False(q.PrefersNewest);
    }

    [Theory]
    [InlineData("Who chairs the meeting?", QuestionType.Who)]
    [InlineData("who is oleksii reznikov", QuestionType.Other)]
    [InlineData("Who is Mark Rutte?", QuestionType.Other)]
    [InlineData("who is nato chief", QuestionType.Who)]
    [InlineData("Who is the new Secretary General?", QuestionType.Who)]
    [InlineData("When will the summit take place?", QuestionType.When)]
    [InlineData("What year did Stoltenberg become Secretary General?", QuestionType.When)]
    [InlineData("Where will NSATU be based?", QuestionType.Where)]
    [InlineData("Which city hosts the summit?", QuestionType.Where)]
    [InlineData("which indo-pacific countries did stoltenberg invite to washington?", QuestionType.Where)]
    [InlineData("How many troops are on high readiness?", QuestionType.HowMany)]
    [InlineData("How much support do allies provide each year?", QuestionType.HowMuch)]
    [InlineData("What is the nationality of Stoltenberg?", QuestionType.Nationality)]
    [InlineData("Where is Stoltenberg from?", QuestionType.Nationality)]
    [InlineData("which country does the outgoing alliance chief come from?", QuestionType.Nationality)]
    [InlineData("where's he from originally", QuestionType.Nationality)]
    [InlineData("The chair of the meeting, which country were they from?", QuestionType.Nationality)]
    [InlineData("Is Ukraine going to join NATO?", QuestionType.YesNo)]
    [InlineData("Did Italy pledge a SAMP/T?", QuestionType.YesNo)]
    [InlineData("Why does NATO need more munitions?", QuestionType.Why)]
    [InlineData("What did Italy pledge?", QuestionType.Other)]
    [InlineData("aeolis-2 mission cost", QuestionType.HowMuch)]
    [InlineData("june 2024 ministerial where", QuestionType.Where)]
    [InlineData("nato troops in lithuania how many", QuestionType.HowMany)]
    [InlineData("On what date did Rutte visit Kyiv?", QuestionType.When)]
    [InlineData("What was the price tag of the new centre?", QuestionType.HowMuch)]
    [InlineData("what's the population of wiesbaden", QuestionType.HowMany)]
    [InlineData("what was the value of the deal", QuestionType.HowMuch)]
    [InlineData("Hi, I'm reading about the summit. Could you tell me how many allies spend 2%?", QuestionType.HowMany)]
    [InlineData("I'm comparing budgets; can you tell me who chairs the meeting?", QuestionType.Who)]
    [InlineData("When Rutte took office, he listed priorities. In which areas did he promise progress?", QuestionType.Other)]
    [InlineData("What did Rutte say when he visited Kyiv?", QuestionType.Other)]
    [InlineData("Do you know whether Italy pledged a SAMP/T?", QuestionType.YesNo)]
    [InlineData("in which year did the reactor first start", QuestionType.When)]
    [InlineData("which countries pledged more than a billion", QuestionType.Where)]
    [InlineData("In what city will the command work?", QuestionType.Where)]
    [InlineData("what share of gdp does indonesia spend on defence", QuestionType.HowMuch)]
    [InlineData("what interest rate did the central bank set", QuestionType.HowMuch)]
    [InlineData("above what company revenue does the tax apply", QuestionType.HowMuch)]
    [InlineData("how long had he been in the job by then", QuestionType.HowMany)]
    [InlineData("how old is the winner", QuestionType.HowMany)]
    [InlineData("i heard there was a heat warning in brussels for those days - how hot was it supposed to get?", QuestionType.HowMany)]
    [InlineData("how deep is the new tunnel", QuestionType.HowMany)]
    [InlineData("how expensive are the tickets", QuestionType.HowMuch)]
    [InlineData("the vilnius summit was in june, wasn't it?", QuestionType.YesNo)]
    [InlineData("There's a line about how many people the investments protect. I'm checking a draft - what number did he give?", QuestionType.HowMany)]
    [InlineData("what figure did he give for military aid", QuestionType.HowMuch)]
    [InlineData("rutte is the new sec gen, right?", QuestionType.YesNo)]
    [InlineData("there's a welsh factory making shells too, right? how much is it investing?", QuestionType.HowMuch)]
    [InlineData("Which pledge did allies renew?", QuestionType.Other)]
    [InlineData("which uk town is marcom in", QuestionType.Where)]
    [InlineData("cedar point station which us state", QuestionType.Where)]
    [InlineData("a cloud boss said they couldn't defend a billion users, who was that", QuestionType.Who)]
    [InlineData("the bank boss is leaving after ten years - who replaces her?", QuestionType.Who)]
    [InlineData("for the 2030 budget story I need the mayor who backed it \u2014 could you find who that was?", QuestionType.Who)]
    [InlineData("the minister, who visited kyiv, said what about drones", QuestionType.Other)]
    public void Analyze_QuestionWording_Type(string question, QuestionType expected)
    {
        Assert.Equal(expected, _analyzer.Analyze(question).Type);
    }

    [Fact]
    public void Analyze_LowerCaseWordsNoDictionaryKnows_SalientAsNames_ButNotTypos()
    {
        var q = _analyzer.Analyze("what did umerov tell the ecb about the rail strke btw");

        Assert.Contains(TermAnalyzer.Normalize("umerov"), q.Salient);
        Assert.Contains(TermAnalyzer.Normalize("ecb"), q.Salient);
        Assert.DoesNotContain(TermAnalyzer.Normalize("strke"), q.Salient);
        Assert.DoesNotContain(TermAnalyzer.Normalize("rail"), q.Salient);
        Assert.DoesNotContain(TermAnalyzer.Normalize("btw"), q.CoreTerms);
    }

    [Theory]
    [InlineData("On what date did Rutte visit Wiesbaden?", true)]
    [InlineData("when exactly did he visit kyiv", true)]
    [InlineData("On which dates did the ministers meet?", true)]
    [InlineData("When will the command open?", false)]
    public void Analyze_WhenQuestion_AsksForExactDateOnlyForACalendarDate(string question, bool exact)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(QuestionType.When, q.Type);
        Assert.Equal(exact, q.AsksForExactDate);
    }

    [Fact]
    public void Analyze_NamesAndYears_Salient()
    {
        var q = _analyzer.Analyze("Did Mark Rutte mention the targets to meet by 2024 in Wiesbaden?");

        Assert.Contains(TermAnalyzer.Normalize("Mark"), q.Salient);
        Assert.Contains(TermAnalyzer.Normalize("Rutte"), q.Salient);
        Assert.Contains(TermAnalyzer.Normalize("Wiesbaden"), q.Salient);
        Assert.Contains("2024", q.Salient);
        Assert.DoesNotContain(TermAnalyzer.Normalize("mention"), q.Salient);
        Assert.Null(q.Dates);
    }

    [Fact]
    public void Analyze_MonthName_NotSalient()
    {
        var q = _analyzer.Analyze("What happened in June 2023?");

        Assert.DoesNotContain(TermAnalyzer.Normalize("June"), q.Salient);
    }

    [Fact]
    public void Analyze_WordWithWordNetSynonyms_SynonymsAreAlternatives()
    {
        var q = _analyzer.Analyze("Did the minister quit?");

        Assert.Contains(TermAnalyzer.Normalize("resign"), q.Alternatives[TermAnalyzer.Normalize("quit")]);
    }

    [Fact]
    public void Analyze_Acronym_TermsIncludeExpansionButQuestionWordsDropped()
    {
        var q = _analyzer.Analyze("What is MARCOM?");

        Assert.Contains(TermAnalyzer.Normalize("maritime"), q.Terms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("what"), q.Terms);
        Assert.Equal("What is MARCOM?", q.Text);
    }

    [Theory]
    [InlineData("canada ukraine pledge")]
    [InlineData("what did putin say")]
    [InlineData("who is denmark's defence minister")]
    public void Analyze_LowerCaseProperName_Salient(string question)
    {
        var q = _analyzer.Analyze(question);

        Assert.Contains(q.Salient, t => t is "canada" or "putin" or "denmark");
    }

    [Theory]
    [InlineData("what methods does the campaign of hostile acts involve", "acts")]
    [InlineData("is there a heat warning for wales", "wales")]
    [InlineData("what did the minister say in athens", "athens")]
    public void Analyze_LowerCaseNameThatInflectsACommonWord_SalientOnlyAsAPlace(string question, string word)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(Lexicon.Default.NamedPlace(word) is not null, q.Salient.Contains(TermAnalyzer.Normalize(word)));
    }

    [Fact]
    public void Analyze_LowerCaseCommonWords_NotSalient()
    {
        Assert.Empty(_analyzer.Analyze("what did the ministers pledge for air defence").Salient);
    }

    [Theory]
    [InlineData("where was cop29", "cop29")]
    [InlineData("how many a400m planes did spain order", "a400m")]
    public void Analyze_LettersAndDigits_SalientAsADesignation(string question, string designation)
    {
        var q = _analyzer.Analyze(question);

        Assert.Contains(TermAnalyzer.Normalize(designation), q.Salient);
    }

    [Fact]
    public void Analyze_WordJoinedToAYear_IsAPeriodNotADesignation()
    {
        var q = _analyzer.Analyze("which minister was due in brussels in mid-2023");

        Assert.DoesNotContain(q.Salient, t => t.Any(char.IsAsciiDigit));
    }

    [Fact]
    public void Analyze_CompoundHoldingTheWord_NotAnAlternative()
    {
        // WordNet lists "working capital" with "capital": "working" is not another word for a capital city.
        var q = _analyzer.Analyze("What is the capital of Australia?");

        Assert.DoesNotContain(TermAnalyzer.Normalize("working"), q.Alternatives.GetValueOrDefault(TermAnalyzer.Normalize("capital")) ?? []);
    }

    [Theory]
    [InlineData("who's the ukrainian defence minister named in the october 2024 briefing", "named")]
    [InlineData("what yearly pledge did rutte mention", "mention")]
    [InlineData("which gifts to kyiv were listed in june 2024", "listed")]
    public void Analyze_WordsForHowTheBriefingPutsIt_NotSearchedFor(string question, string word)
    {
        var q = _analyzer.Analyze(question);

        Assert.DoesNotContain(TermAnalyzer.Normalize(word), q.CoreTerms);
    }

    [Theory]
    [InlineData("which uk town is marcom in", Lexicon.PlaceKind.City)]
    [InlineData("In which country will the command work?", Lexicon.PlaceKind.Country)]
    [InlineData("cedar point station which us state", Lexicon.PlaceKind.State)]
    [InlineData("where will the command be based", null)]
    public void Analyze_WhereQuestion_KindOfPlaceAsked(string question, Lexicon.PlaceKind? kind)
    {
        Assert.Equal(kind, _analyzer.Analyze(question).AsksForPlaceKind);
    }

    // An ordinal in digits also finds the spelled-out ordinal; a capital described by its country also finds the city.
    [Theory]
    [InlineData("3rd topic for washington summit", "3rd", "third")]
    [InlineData("was it rutte's 2nd ministerial as sg", "2nd", "second")]
    [InlineData("when did leaders meet in the lithuanian capital", "lithuanian", "vilnius")]
    [InlineData("who was invited to the summit in the US capital?", "capital", "washington")]
    [InlineData("what happened in the capital of Belgium", "capital", "brussels")]
    public void Analyze_WordStandingForAnother_TheOtherIsAnAlternativeAndSearched(string question, string written, string other)
    {
        var q = _analyzer.Analyze(question);

        Assert.Contains(TermAnalyzer.Normalize(other), q.Alternatives[TermAnalyzer.Normalize(written)]);
        Assert.Contains(TermAnalyzer.Normalize(other), q.Terms);
    }

    [Theory]
    [InlineData("what did zelenskyy say at the nato-ukraine council in october 2024", "zelenskyy")]
    [InlineData("How did Rutte describe the new command?", "Rutte")]
    [InlineData("what does nato chief stoltenberg warn about russia", "stoltenberg")]
    [InlineData("according to halvorsen, why is she leaving", "halvorsen")]
    [InlineData("what did ministers say about ukraine", null)]
    [InlineData("what did germany offer ukraine", null)]
    [InlineData("who said it was still early days", null)]
    public void Analyze_AsksForANamedPersonsWords_ThatPersonsNameTerms(string question, string? person)
    {
        var asked = _analyzer.Analyze(question).AskedSpeaker;

        if (person is null)
        {
            Assert.Null(asked);
        }
        else
        {
            Assert.Contains(TermAnalyzer.Normalize(person), asked!);
        }
    }

    [Theory]
    [InlineData("how old is she", true)]
    [InlineData("At what age did Rono win?", true)]
    [InlineData("what's the age of the new bank chief", true)]
    [InlineData("how many allies spend 2%", false)]
    [InlineData("how long will the strike last", false)]
    public void Analyze_QuestionForSomeonesAge_AsksForAge(string question, bool expected)
    {
        Assert.Equal(expected, _analyzer.Analyze(question).AsksForAge);
    }

    [Theory]
    [InlineData("I was reading about NATO's plans back in 2023, where was the new centre going to be?", "read", "back")]
    [InlineData("i remember seeing something about a cable, what cut it", "remember", "see")]
    [InlineData("When Rutte spoke about industry, I'd like to know what he said was needed", "like", "know")]
    [InlineData("Could you please state the number of member nations at the time of the June 2023 meeting?", "state", "time")]
    [InlineData("Kindly indicate the rank of the officer who was to lead the command.", "indicate", null)]
    [InlineData("Did Rutte think NATO was producing enough?", "think", null)]
    [InlineData("by what date did the committee want the guarantee", "date", null)]
    [InlineData("when's the vilnius summit happening btw", "happening", null)]
    [InlineData("where did the 2024 summit take place", "take", null)]
    [InlineData("how long was the cable link down", "long", null)]
    [InlineData("I'm putting together a short summary for my class and I need the topics of the October meeting", "summary", "class")]
    [InlineData("i'm writing a piece on the cable repair, who ran the ship", "piece", "writing")]
    [InlineData("I read somewhere that the rectors elected a chemist, who was it", "somewhere", null)]
    [InlineData("october 2024 ministerial dates", "dates", null)]
    [InlineData("which three things did rutte say industry needs", "things", null)]
    public void Analyze_UsersAside_ItsWordsAreNotSearchedFor(string question, string aside, string? other)
    {
        var q = _analyzer.Analyze(question);

        // What the user did, asks the bot to do, or the kind of answer they want: the sentence that answers lacks these words.
        Assert.DoesNotContain(TermAnalyzer.Normalize(aside), q.CoreTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize(aside), q.Terms);
        if (other is not null)
        {
            Assert.DoesNotContain(TermAnalyzer.Normalize(other), q.CoreTerms);
        }
    }

    [Theory]
    [InlineData("what did the reporter read in the statement", "read")]
    [InlineData("did they read out the communique", "read")]
    [InlineData("what happened to the pledge", "happen")]
    [InlineData("what does the state plan", "state")]
    [InlineData("what is the date format they chose", "date")]
    [InlineData("what did the ministers need for the new command", "need")]
    [InlineData("what is the report that the cyber firm published", "report")]
    public void Analyze_SameWordsNotAnAside_StillSearchedFor(string question, string word)
    {
        Assert.Contains(TermAnalyzer.Normalize(word), _analyzer.Analyze(question).CoreTerms);
    }

    [Theory]
    [InlineData("Could you please state the number of member nations in June 2023?", QuestionType.HowMany)]
    [InlineData("Kindly indicate when the summit was held.", QuestionType.When)]
    [InlineData("how long is the vilnius exhibition open until", QuestionType.When)]
    [InlineData("until when is the exhibition on?", QuestionType.When)]
    [InlineData("how long was the cable link down", QuestionType.HowMany)]
    [InlineData("could you confirm whether the summit was in vilnius", QuestionType.YesNo)]
    [InlineData("the rectors elected a chemist as secretary general - who was she?", QuestionType.Who)]
    public void Analyze_PoliteRequest_TypedByWhatItAsksFor(string question, QuestionType expected)
    {
        Assert.Equal(expected, _analyzer.Analyze(question).Type);
    }

    [Fact]
    public void Analyze_PoliteRequestForAName_AsksForTheName()
    {
        var request = _analyzer.Analyze("Would you kindly provide the name of the company that bought the output?");
        var plain = _analyzer.Analyze("What is the name of the company that bought the output?");

        Assert.Equal(plain.Type, request.Type);
        Assert.True(request.AsksForName);
        Assert.Equal(plain.CoreTerms, request.CoreTerms);
    }

    [Theory]
    [InlineData("May I ask what Germany had offered, according to Mr Stoltenberg's remarks?")]
    [InlineData("what had Germany offered, if I may ask, going by Mr Stoltenberg's comments?")]
    [InlineData("Could you kindly remind me what Germany had offered, according to Stoltenberg?")]
    public void Analyze_CourtesiesAndWhatSomeoneSaidAsAWhole_NotSearchedFor(string question)
    {
        var plain = _analyzer.Analyze("what had Germany offered, according to Stoltenberg?");

        Assert.Equal(plain.CoreTerms, _analyzer.Analyze(question).CoreTerms);
    }

    [Theory]
    [InlineData("what did Stoltenberg say about his mandate? exact quote pls")]
    [InlineData("what did Stoltenberg really say about his mandate, word for word")]
    [InlineData("what did Stoltenberg basically say about his mandate? the precise wording, need the quote")]
    [InlineData("what did Stoltenberg say in that bit about his mandate, in his own words")]
    [InlineData("my boss just asked: what did Stoltenberg say about his mandate?")]
    [InlineData("she asked me to check what Stoltenberg said about his mandate")]
    [InlineData("what did Stoltenberg say about his mandate? i always forget")]
    [InlineData("what did Stoltenberg say about his mandate, i can't remember")]
    [InlineData("what's the soundbite where Stoltenberg says something about his mandate?")]
    [InlineData("what did Stoltenberg say about his mandate? need it for the table")]
    [InlineData("what did Stoltenberg say about his mandate - for my deck")]
    [InlineData("what did Stoltenberg say about his mandate? one or two words each")]
    [InlineData("what did Stoltenberg say about his mandate - bullets")]
    [InlineData("give me what Stoltenberg said about his mandate")]
    public void Analyze_TheFormOfTheAnswerAndEmphasis_NotSearchedFor(string question)
    {
        var plain = _analyzer.Analyze("what did Stoltenberg say about his mandate?");

        Assert.Equal(plain.CoreTerms, _analyzer.Analyze(question).CoreTerms);
    }

    [Theory]
    [InlineData("Sarah wants to know what Stoltenberg said about his mandate")]
    [InlineData("Sarah asks: what did Stoltenberg say about his mandate?")]
    [InlineData("what did Stoltenberg say about his mandate? Sarah asks")]
    [InlineData("can you tell Sarah what Stoltenberg said about his mandate?")]
    [InlineData("quick one from the director - what did Stoltenberg say about his mandate?")]
    [InlineData("my boss wants to know what Stoltenberg said about his mandate")]
    public void Analyze_QuestionPassedOnBySomeoneNamed_NeitherTheNameNorTheVerbSearched(string question)
    {
        var plain = _analyzer.Analyze("what did Stoltenberg say about his mandate?");
        var passedOn = _analyzer.Analyze(question);

        Assert.Equal(plain.CoreTerms, passedOn.CoreTerms);
        Assert.Equal(plain.Salient, passedOn.Salient);
    }

    [Fact]
    public void Analyze_SomeoneAskedWithoutAQuestionAfter_KeepsTheVerb()
    {
        // "Stoltenberg asked allies to…" says what happened; it passes on no question.
        var q = _analyzer.Analyze("Stoltenberg asked allies to do what?");

        Assert.Contains("stoltenberg", q.Salient);
        Assert.Contains("ask", q.CoreTerms);
    }

    [Theory]
    [InlineData("can I call Stoltenberg Norwegian in the standfirst?")]
    [InlineData("is it correct that Stoltenberg is Norwegian?")]
    [InlineData("ok to say Stoltenberg is Norwegian?")]
    public void Analyze_CheckingOnesOwnCopy_TheClaimIsAskedAsYesNo(string question)
    {
        var q = _analyzer.Analyze(question);

        Assert.Equal(QuestionType.YesNo, q.Type);
        Assert.Equal(["stoltenberg", "norwegian"], q.CoreTerms.Where(t => t is not "norway").Order(StringComparer.Ordinal).Reverse());
    }

    [Theory]
    [InlineData("vilnius summit dates again? always forget", QuestionType.When)]
    [InlineData("nsatu location pls", QuestionType.Where)]
    [InlineData("exhibition visitor numbers again", QuestionType.HowMany)]
    public void Analyze_KeywordQuestionWithAWordAfterTheKind_ThatKind(string question, QuestionType type)
    {
        Assert.Equal(type, _analyzer.Analyze(question).Type);
    }

    [Fact]
    public void Analyze_HyphenatedPrefix_PartOfTheWordAfterIt()
    {
        var q = _analyzer.Analyze("how many allies were at 2% at the pre-summit press conference?");

        Assert.DoesNotContain("pre", q.CoreTerms);
        Assert.DoesNotContain("pre", q.Salient);
        Assert.Contains("summit", q.CoreTerms);
    }

    [Theory]
    [InlineData("how much aid per year have the allies given", "year", "annual")]
    [InlineData("what is the annual pledge", "annual", "year")]
    [InlineData("how many flights a day", "day", "daily")]
    public void Analyze_Rate_OtherWordsForItAreAlternatives(string question, string written, string other)
    {
        var q = _analyzer.Analyze(question);

        Assert.Contains(TermAnalyzer.Normalize(other), q.Alternatives[TermAnalyzer.Normalize(written)]);
        Assert.DoesNotContain(TermAnalyzer.Normalize("per"), q.CoreTerms);
    }

    [Theory]
    [InlineData("how much did it cost a year ago")]
    [InlineData("will they deliver within a year")]
    public void Analyze_YearThatIsNoRate_NoRateAlternatives(string question)
    {
        var q = _analyzer.Analyze(question);

        Assert.False(q.Alternatives.TryGetValue(TermAnalyzer.Normalize("year"), out var alternatives) && alternatives.Contains(TermAnalyzer.Normalize("annual")));
    }

    [Fact]
    public void Analyze_MonthOfTheAskedPeriod_NoOtherSenses()
    {
        var q = _analyzer.Analyze("Were flights disrupted by the March 2024 eruption?");

        Assert.False(q.Alternatives.ContainsKey(TermAnalyzer.Normalize("march")));
        Assert.DoesNotContain(TermAnalyzer.Normalize("process"), q.Terms);
    }

    [Fact]
    public void Analyze_Whether_NotSearchedFor()
    {
        Assert.DoesNotContain(TermAnalyzer.Normalize("whether"), _analyzer.Analyze("could you confirm whether the summit was in vilnius").CoreTerms);
    }

    [Theory]
    [InlineData("I did two tours with the Rhine Army. When did the ministers meet in June 2023?", "rhine", true)]
    [InlineData("I did two tours with the Rhine Army. When did the ministers meet in June 2023?", "ministers", false)]
    [InlineData("I keep seeing headlines about Kryvy Rih. How many people died?", "kryvy", false)]
    [InlineData("The Rhine Army was big. When did the ministers meet in June 2023?", "rhine", false)]
    [InlineData("who chaired the october 2024 meeting, i was in the rhine army?", "rhine", false)]
    public void StoryTerms_WhatTheUserTellsOfThemselvesBeforeAsking(string question, string word, bool story)
    {
        Assert.Equal(story, QueryAnalyzer.StoryTerms(question).Contains(TermAnalyzer.Normalize(word)));
    }
    [Fact]
    public void Analyze_PeriodInsideQuotedWords_NotTheAskedPeriod()
    {
        var q = _analyzer.Analyze("saw this: \"did not have any wish to stay on beyond this year\" - who said it?");

        Assert.Null(q.Dates);
        Assert.Contains(TermAnalyzer.Normalize("wish"), q.QuotedTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("wish"), q.ContextTerms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("saw"), q.CoreTerms);
    }

    [Fact]
    public void Analyze_NoQuotedWords_NoQuotedTerms() =>
        Assert.Empty(_analyzer.Analyze("who said that the summit is in july?").QuotedTerms);

    [Theory]
    [InlineData("UKR MoD joining the ministers in june 2023", "minister")]
    [InlineData("vilnius HoSG dates", "summit")]
    [InlineData("RU hybrid campaign hallmarks", "russia")]
    public void Analyze_StaffAcronymWithSmallLettersOrTwoCapitals_ItsLongForm(string question, string word) =>
        Assert.Contains(TermAnalyzer.Normalize(word), _analyzer.Analyze(question).CoreTerms);
}
