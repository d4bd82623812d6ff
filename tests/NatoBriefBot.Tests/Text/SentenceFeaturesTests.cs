using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Text;

public class SentenceFeaturesTests
{
    [Fact]
    public void People_TitlesBeforeName_OnlyTheName()
    {
        var people = SentenceFeatures.People("NATO Secretary General Jens Stoltenberg met Danish Prime Minister Mette Frederiksen in Brussels.");

        Assert.Equal(["Jens Stoltenberg", "Mette Frederiksen"], people);
    }

    [Fact]
    public void People_SeveralInOneRun_AllFound()
    {
        var people = SentenceFeatures.People("Danish Prime Minister Mette Frederiksen and British Defense Secretary Ben Wallace are contenders.");

        Assert.Equal(["Mette Frederiksen", "Ben Wallace"], people);
    }

    [Theory]
    [InlineData("Which German city did Rutte visit?")]
    [InlineData("What Italian system was pledged?")]
    public void People_QuestionWordBeforeCapitalizedWord_NotAName(string question) =>
        Assert.Empty(SentenceFeatures.People(question));

    [Theory]
    [InlineData("Ministers prepared for the Vilnius Summit in July.", "Vilnius")]
    [InlineData("Evacuees from northern Saskatchewan were flown south.", "Saskatchewan")]
    public void Places_PlaceWordNetNames_FoundWithoutAPreposition(string sentence, string place) =>
        Assert.Contains(place, SentenceFeatures.Places(sentence));

    [Theory]
    [InlineData("Lava flowed towards the fishing town of Grindavík on Saturday.", "Grindavík")]
    [InlineData("Leaders will meet in the Lithuanian capital Vilnius.", "Vilnius")]
    [InlineData("Residents were moved outside Kraków overnight.", "Kraków")]
    [InlineData("The board confirmed that Salt Lake City would host the 2034 Winter Games.", "Salt Lake City")]
    [InlineData("Flights to Mexico City resumed.", "Mexico City")]
    public void Places_AfterAPlaceWordOrEndingInCity_FoundInAnyAlphabet(string sentence, string place) =>
        Assert.Contains(place, SentenceFeatures.Places(sentence));

    [Fact]
    public void People_AccentedName_KeptWhole() =>
        Assert.Contains("Laura Jiménez", SentenceFeatures.People("\"He will have to build alliances,\" said political scientist Laura Jiménez of a university."));

    [Fact]
    public void Places_TheCity_NotAPlaceName() =>
        Assert.DoesNotContain("The City", SentenceFeatures.Places("The City said the budget was approved."));

    [Fact]
    public void Places_CommonWordOpeningASentence_NotAPlace() =>
        Assert.DoesNotContain("Reading", SentenceFeatures.Places("Reading the report, ministers agreed."));

    [Fact]
    public void People_Possessive_Stripped()
    {
        Assert.Equal(["Mark Rutte"], SentenceFeatures.People("It is Mark Rutte's first ministerial meeting."));
    }

    [Fact]
    public void People_CountryNames_NotPeopleButSurnamesThatAreCities_Are()
    {
        Assert.Empty(SentenceFeatures.People("Trade ministers from Australia, Japan, New Zealand and South Korea signed a pact."));
        Assert.Equal(["Lloyd Austin"], SentenceFeatures.People("US Defense Secretary Lloyd Austin attended."));
    }

    [Fact]
    public void People_HonorificAndSurname_TheSurname()
    {
        Assert.Equal(["Stoltenberg"], SentenceFeatures.People("\"Deterrence matters,\" Mr Stoltenberg said."));
        Assert.Empty(SentenceFeatures.People("Stoltenberg said so."));
    }

    [Fact]
    public void People_InstitutionsAndAcronyms_NotPeople()
    {
        Assert.Empty(SentenceFeatures.People("The North Atlantic Council and the NATO-Ukraine Council met in Washington."));
        Assert.Empty(SentenceFeatures.People("The US and UK support NSATU."));
    }

    [Theory]
    [InlineData("The meeting is on 17 October 2024.", true)]
    [InlineData("Ministers meet next week.", true)]
    [InlineData("Ministers meet in Brussels.", false)]
    [InlineData("The command will be fully operational in the coming months.", true)]
    [InlineData("Prices rose over the past two years.", true)]
    [InlineData("The plan may change.", false)]
    public void HasDate_Sentence_Detected(string sentence, bool expected)
    {
        Assert.Equal(expected, SentenceFeatures.HasDate(sentence));
    }

    [Theory]
    [InlineData("Allies provide EUR 40 billion annually.", true)]
    [InlineData("Spending reached 2% of GDP.", true)]
    [InlineData("Allies have 500,000 troops on high readiness.", false)]
    [InlineData("The operator opened a new 500-million-euro facility.", true)]
    [InlineData("The two-day meeting starts on Thursday.", false)]
    public void HasAmount_Sentence_Detected(string sentence, bool expected)
    {
        Assert.Equal(expected, SentenceFeatures.HasAmount(sentence));
    }

    [Theory]
    [InlineData("The operator opened a new 500-million-euro facility.", true)]
    [InlineData("They set up a 2-billion-dollar fund.", true)]
    [InlineData("Germany pledged 1.5 billion euros.", true)]
    [InlineData("Allies have 500,000 troops on high readiness.", false)]
    [InlineData("The total estimated cost is 61 billion krónur.", true)]
    [InlineData("A season ticket costs 3,000 zlotys.", true)]
    [InlineData("Kaminari will buy a 4.9 percent stake for about 1.1 billion Swiss francs.", true)]
    [InlineData("The fund holds 2 billion Hong Kong dollars.", true)]
    [InlineData("3 Allies are Nordic countries.", false)]
    [InlineData("Rono, 24, won the race in 2023 at the second attempt.", false)]
    public void HasMoney_NumberWithCurrency_Detected(string sentence, bool expected)
    {
        Assert.Equal(expected, SentenceFeatures.HasMoney(sentence));
    }

    [Theory]
    [InlineData("Allies have 500,000 troops on high readiness.", true)]
    [InlineData("The two-day meeting starts on Thursday.", true)]
    [InlineData("Ministers meet on 14 June 2023 in Brussels.", false)]
    [InlineData("Ministers meet on October 17-18.", false)]
    [InlineData("Ministers meet on June 13 and 14 and again in 2025.", false)]
    public void HasNumber_CountsNotDays(string sentence, bool expected)
    {
        Assert.Equal(expected, SentenceFeatures.HasNumber(sentence));
    }

    [Fact]
    public void People_FirstNameThatIsARegionalDemonym_Kept()
    {
        Assert.Equal(["Norman Schwarzkopf"], SentenceFeatures.People("General Norman Schwarzkopf led the coalition."));
    }

    [Fact]
    public void People_NationalityOfCountryNotInBriefings_Dropped()
    {
        Assert.Equal(["Gabriel Boric"], SentenceFeatures.People("Chilean President Gabriel Boric spoke."));
        Assert.Equal(["Ruth Ferro"], SentenceFeatures.People("Peruvian Ruth Ferro spoke."));
    }

    [Theory]
    [InlineData("The Norwegian is due to step down.", true)]
    [InlineData("Two Germans and a Swede joined.", true)]
    [InlineData("A Welsh officer was appointed.", true)]
    [InlineData("A Kenyan envoy attended.", true)]
    [InlineData("Same as last year, ministers met.", false)]
    [InlineData("He is from Norway.", false)]
    public void HasDemonym_Sentence_Detected(string sentence, bool expected)
    {
        Assert.Equal(expected, SentenceFeatures.HasDemonym(sentence));
    }

    [Theory]
    [InlineData("Rutte visited Wiesbaden, Germany.", true)]
    [InlineData("The centre will be based in the UK.", true)]
    [InlineData("He spoke at length.", false)]
    public void HasPlace_Sentence_Detected(string sentence, bool expected)
    {
        Assert.Equal(expected, SentenceFeatures.HasPlace(sentence));
    }

    [Theory]
    [InlineData("Ministers meet in Brussels on 13 June.", true)]
    [InlineData("The summit is in July 2024.", true)]
    [InlineData("Talks began on Thursday.", true)]
    [InlineData("The command will open in the coming months.", false)]
    [InlineData("Ministers will meet again next week.", false)]
    public void HasCalendarDate_ADayMonthYearOrWeekday_NotARelativeTime(string sentence, bool expected)
    {
        Assert.Equal(expected, SentenceFeatures.HasCalendarDate(sentence));
    }

    [Theory]
    [InlineData("Halvorsen, 61, told reporters she would step down.", true)]
    [InlineData("The 24-year-old signed a five-year contract.", true)]
    [InlineData("Rono, who is 27 years old, won in Berlin.", true)]
    [InlineData("The runner, aged 27, broke the record.", true)]
    [InlineData("Frederiksen and Wallace are the two possible contenders.", false)]
    [InlineData("Sweden, Spain and Belgium pledged more than EUR 1 billion.", false)]
    [InlineData("Ministers met on 13, 14 and 15 June.", false)]
    public void HasAge_AgeAsNewsWritesIt_NotAnyNumber(string sentence, bool expected)
    {
        Assert.Equal(expected, SentenceFeatures.HasAge(sentence));
    }

    [Theory]
    [InlineData("Previewing the meeting on Wednesday (14 June 2023), Jens Stoltenberg said ministers would meet.", "leave", "Jens Stoltenberg said ministers would meet.")]
    [InlineData("Speaking to reporters on Monday, she said the plant would open.", "open", "she said the plant would open.")]
    [InlineData("Previewing the meeting on Wednesday (14 June 2023), Jens Stoltenberg said ministers would meet.", "previewing", "Previewing the meeting on Wednesday (14 June 2023), Jens Stoltenberg said ministers would meet.")]
    [InlineData("In June 2023, ministers met in Brussels.", "meet", "In June 2023, ministers met in Brussels.")]
    [InlineData("During the summit on 11 July, leaders agreed a plan.", "agree", "During the summit on 11 July, leaders agreed a plan.")]
    [InlineData("Starting on 1 July, the rule will apply to every ally, officials in the alliance's headquarters said today.", "rule", "Starting on 1 July, the rule will apply to every ally, officials in the alliance's headquarters said today.")]
    public void WithoutSetting_OpeningParticiplePhraseDropped_UnlessAskedAbout(string sentence, string askedWord, string expected)
    {
        var asked = new HashSet<string>(StringComparer.Ordinal) { TermAnalyzer.Normalize(askedWord) };

        Assert.Equal(expected, SentenceFeatures.WithoutSetting(sentence, asked));
    }
}
