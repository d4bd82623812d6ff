using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Text;

public class LexiconTests
{
    private static readonly Lexicon Lexicon = Lexicon.Default;

    [Theory]
    [InlineData("german", "germany")]
    [InlineData("Germans", "germany")]
    [InlineData("swedish", "sweden")]
    [InlineData("Swedes", "sweden")]
    [InlineData("belgian", "belgium")]
    [InlineData("dutch", "netherlands")]
    [InlineData("british", "united kingdom")]
    [InlineData("Britons", "united kingdom")]
    [InlineData("american", "united states")]
    [InlineData("Norwegian", "norway")]
    [InlineData("Englishmen", "england")]
    [InlineData("czech", "czech republic")]
    [InlineData("european", "europe")]
    [InlineData("South Koreans", "south korea")]
    [InlineData("kenyan", "kenya")]
    [InlineData("peruvian", "peru")]
    [InlineData("mongolian", "mongolia")]
    [InlineData("icelandic", "iceland")]
    [InlineData("Dane's", "denmark")]
    [InlineData("Swede\u2019s", "sweden")]
    [InlineData("Germans'", "germany")]
    public void CountryOf_Demonym_CountryOrRegion(string demonym, string country)
    {
        Assert.Equal(country, Lexicon.CountryOf(demonym));
        Assert.True(Lexicon.IsDemonym(demonym));
    }

    [Theory]
    [InlineData("parisian")]
    [InlineData("texan")]
    [InlineData("minister")]
    [InlineData("same")]
    [InlineData("arctic")]
    [InlineData("qwertyuiop")]
    [InlineData("")]
    public void CountryOf_NotANationality_Null(string word)
    {
        Assert.Null(Lexicon.CountryOf(word));
        Assert.False(Lexicon.IsDemonym(word));
    }

    [Theory]
    [InlineData("germany", "german")]
    [InlineData("Holland", "dutch")]
    [InlineData("netherlands", "dutch")]
    [InlineData("united kingdom", "british")]
    [InlineData("UK", "british")]
    [InlineData("sweden", "swedish")]
    [InlineData("peru", "peruvian")]
    public void DemonymsOf_Country_IncludesAdjective(string country, string demonym)
    {
        var demonyms = Lexicon.DemonymsOf(country);

        Assert.Contains(demonym, demonyms);
    }

    [Fact]
    public void DemonymsOf_Country_AdjectivesBeforePeopleNouns()
    {
        var demonyms = Lexicon.DemonymsOf("sweden");

        Assert.Equal("swedish", demonyms[0]);
        Assert.Contains("swede", demonyms);
    }

    [Theory]
    [InlineData("led", "lead")]
    [InlineData("ran", "run")]
    [InlineData("geese", "goose")]
    [InlineData("said", "say")]
    [InlineData("saw", "see")]
    [InlineData("based", "base")]
    [InlineData("pledges", "pledge")]
    [InlineData("pledged", "pledge")]
    [InlineData("allies", "ally")]
    [InlineData("Countries", "country")]
    [InlineData("women", "woman")]
    [InlineData("ground", "ground")]
    [InlineData("pledge", "pledge")]
    [InlineData("kyiv", "kyiv")]
    public void Lemma_Word_WordNetLemma(string word, string lemma)
    {
        Assert.Equal(lemma, Lexicon.Lemma(word));
    }

    [Fact]
    public void Lemma_WithPartOfSpeech_ReadsThatWay()
    {
        Assert.Equal("meeting", Lexicon.Lemma("meeting", PartOfSpeech.Noun));
        Assert.Equal("meet", Lexicon.Lemma("meeting", PartOfSpeech.Verb));
        Assert.Equal("leaf", Lexicon.Lemma("leaves", PartOfSpeech.Noun));
        Assert.Equal("leave", Lexicon.Lemma("leaves", PartOfSpeech.Verb));
    }

    [Theory]
    [InlineData("led", "lead")]
    [InlineData("saw", "see")]
    [InlineData("found", "find")]
    [InlineData("taken", "take")]
    [InlineData("chosen", "choose")]
    [InlineData("fought", "fight")]
    public void IrregularVerbBase_IrregularForm_Base(string form, string lemma)
    {
        Assert.Equal(lemma, Lexicon.IrregularVerbBase(form));
    }

    [Theory]
    [InlineData("ground")]
    [InlineData("pledged")]
    [InlineData("lead")]
    [InlineData("nonsenseword")]
    public void IrregularVerbBase_NotAnIrregularReading_Null(string form)
    {
        Assert.Null(Lexicon.IrregularVerbBase(form));
    }

    [Theory]
    [InlineData("chief", "head")]
    [InlineData("boss", "chief")]
    [InlineData("aid", "help")]
    [InlineData("aid", "assistance")]
    [InlineData("quit", "resign")]
    [InlineData("big", "large")]
    public void Synonyms_FrequentSense_Included(string lemma, string synonym)
    {
        Assert.Contains(synonym, Lexicon.Synonyms(lemma));
    }

    [Theory]
    [InlineData("alpine", "alps")]
    [InlineData("alps", "alpine")]
    [InlineData("siberian", "siberia")]
    public void NameForms_NameAndItsAdjective_EachOther(string word, string other) =>
        Assert.Contains(other, Lexicon.NameForms(word));

    [Fact]
    public void NameForms_CommonAdjective_None() => Assert.Empty(Lexicon.NameForms("economic"));

    [Fact]
    public void Synonyms_RareSense_Excluded()
    {
        // "minister" as a government minister was never SemCor-tagged, its clergy sense was; nothing rare leaks in.
        Assert.DoesNotContain("government minister", Lexicon.Synonyms("minister"));
        Assert.DoesNotContain("lay off", Lexicon.Synonyms("resign"));
    }

    [Theory]
    [InlineData("stepping", "down", "resign")]
    [InlineData("took", "over", "assume")]
    [InlineData("stay", "on", "remain")]
    [InlineData("setting", "up", "establish")]
    public void PhrasalVerb_VerbAndParticle_WordsForTheirSense(string verb, string particle, string synonym)
    {
        Assert.Contains(synonym, Lexicon.PhrasalVerb(verb, particle) ?? []);
    }

    [Fact]
    public void PhrasalVerb_WithoutOtherWords_EmptyNotNull()
    {
        // "sign off" is a phrasal verb WordNet has no single word for: the verb's own senses ("signal") do not apply.
        var words = Lexicon.PhrasalVerb("signing", "off");

        Assert.NotNull(words);
        Assert.Empty(words);
    }

    [Theory]
    [InlineData("troops", "on")]
    [InlineData("pledged", "over")]
    [InlineData("gather", "in")]
    public void PhrasalVerb_NotOne_Null(string verb, string particle)
    {
        Assert.Null(Lexicon.PhrasalVerb(verb, particle));
    }

    [Fact]
    public void Synonyms_InflectedForm_LemmatizedFirst()
    {
        Assert.Equal(Lexicon.Synonyms("aid"), Lexicon.Synonyms("aids"));
    }

    [Theory]
    [InlineData("decide", "decision")]
    [InlineData("decision", "decide")]
    [InlineData("invest", "investment")]
    [InlineData("agree", "agreement")]
    [InlineData("commit", "commitment")]
    public void DerivedForms_CommonWord_Related(string lemma, string related)
    {
        Assert.Contains(related, Lexicon.DerivedForms(lemma));
    }

    [Theory]
    [InlineData("chief", "leader")]
    [InlineData("ambassador", "diplomat")]
    [InlineData("commander", "officer")]
    public void Broader_PersonNoun_OneLevelUp(string lemma, string broader)
    {
        Assert.Contains(broader, Lexicon.Broader(lemma));
    }

    [Theory]
    [InlineData("qwertyuiop")]
    [InlineData("")]
    [InlineData("  ")]
    public void Lists_UnknownWord_Empty(string word)
    {
        Assert.Empty(Lexicon.Synonyms(word));
        Assert.Empty(Lexicon.DerivedForms(word));
        Assert.Empty(Lexicon.Broader(word));
        Assert.Empty(Lexicon.DemonymsOf(word));
        Assert.False(Lexicon.IsKnownWord(word));
    }

    [Theory]
    [InlineData("pledge")]
    [InlineData("Pledges")]
    [InlineData("led")]
    [InlineData("deterrence")]
    [InlineData("frontrunners")] // WordNet's "front-runner" typed closed up
    [InlineData("front-runner")]
    public void IsKnownWord_WordOrInflection_True(string word)
    {
        Assert.True(Lexicon.IsKnownWord(word));
    }

    [Theory]
    [InlineData("strke", true)]   // a letter left out
    [InlineData("agis", true)]
    [InlineData("pledeg", true)]  // two letters swapped
    [InlineData("wht", true)]
    [InlineData("defence", true)] // a word itself is not "near" by being one
    [InlineData("ecb", false)]    // three letters: changing one would make a word of almost anything
    [InlineData("umerov", false)]
    [InlineData("qwertyuiop", false)]
    public void IsNearKnownWord_OneTypingSlipFromAWord(string word, bool near)
    {
        Assert.Equal(near, Lexicon.IsNearKnownWord(word));
    }

    [Theory]
    [InlineData("supossed", true)]     // two slips from the lemma "supposed"
    [InlineData("colegues", true)]     // two slips from "colleague" once the plural "s" is off
    [InlineData("stoltenberg", false)] // a name no word is two slips from
    [InlineData("kowalczyk", false)]
    [InlineData("prepng", false)]      // under eight letters: one slip only
    [InlineData("xupossed", false)]    // the first two letters are taken as typed
    public void IsTwoSlipsFromKnownWord_LongWordsOnly(string word, bool near)
    {
        Assert.Equal(near, Lexicon.IsTwoSlipsFromKnownWord(word));
    }

    [Theory]
    [InlineData("timeframe", true)]
    [InlineData("interwar", true)]
    [InlineData("atleast", true)]      // a two-letter stop word and a word
    [InlineData("steinhoff", false)]   // "stein" + "hoff": no word "hoff"
    [InlineData("frederiksen", false)] // "frederik" is a slip of "frederick": slips don't count
    [InlineData("umerov", false)]
    [InlineData("wales", false)]       // too short to be two words
    public void IsClosedUpPair_TwoKnownWordsTypedAsOne(string word, bool pair)
    {
        Assert.Equal(pair, Lexicon.IsClosedUpPair(word));
    }

    [Fact]
    public void Default_SameInstance_Loaded()
    {
        Assert.Same(Lexicon.Default, Lexicon.Default);
        Assert.True(Lexicon.WordCount > 80_000);
    }

    [Fact]
    public void Default_ConcurrentReaders_AgreeWithSingleThread()
    {
        var expected = Lexicon.Lemma("allies");
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = Lexicon.Default.Lemma("allies") + Lexicon.Default.CountryOf("dutch"));

        Assert.All(results, r => Assert.Equal(expected + "netherlands", r));
    }

    [Fact]
    public void Load_UnknownRecord_FailsWithLineNumber()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Lexicon.Load(new StringReader("# header\nW\tpledge\tn3 v5\nQ\toops\n")));

        Assert.Contains("line 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SmallData_Answers()
    {
        var lexicon = Lexicon.Load(new StringReader(
            "W\tpledge\tn3 v5\nX\tpledgen\tv\tpledge\nD\tfreedonian\ta\tcountry\tfreedonia|republic of freedonia\nS\tpledge\tpromise\n"));

        Assert.Equal("pledge", lexicon.Lemma("pledgen"));
        Assert.Equal("pledge", lexicon.Lemma("pledges"));
        Assert.Equal("freedonia", lexicon.CountryOf("Freedonian"));
        Assert.Equal(["freedonian"], lexicon.DemonymsOf("republic of freedonia"));
        Assert.Equal(["promise"], lexicon.Synonyms("pledging"));
    }

    [Theory]
    [InlineData("canada", true)]
    [InlineData("Putin", true)]
    [InlineData("brussels", true)]
    [InlineData("denmark's", true)]
    [InlineData("minister", false)]
    [InlineData("pledge", false)]
    [InlineData("turkey", false)]
    [InlineData("qwertyuiop", false)]
    [InlineData("nato", true)]
    [InlineData("ceo", false)]
    [InlineData("GDP", false)]
    public void IsProperName_WordNetWritesItCapitalizedInEverySense(string word, bool expected)
    {
        Assert.Equal(expected, Lexicon.IsProperName(word));
    }

    [Theory]
    [InlineData("turkey", true)]
    [InlineData("japan", true)]
    [InlineData("China", true)]
    [InlineData("union", false)]
    [InlineData("north", false)]
    [InlineData("pledge", false)]
    public void IsCountryWithNationality_OnlyCountriesWhosePeopleHaveAnAdjective(string word, bool expected) =>
        Assert.Equal(expected, Lexicon.IsCountryWithNationality(word));

    [Theory]
    [InlineData("hague", true)]
    [InlineData("aviv", true)]
    [InlineData("vries", true)]
    [InlineData("women", false)]
    [InlineData("rapids", false)]
    [InlineData("groups", false)]
    public void IsProperName_WordOnlyInsideCapitalizedNames_IsOne(string word, bool expected) =>
        Assert.Equal(expected, Lexicon.IsProperName(word));

    [Theory]
    [InlineData("euros", true)]
    [InlineData("krónur", true)]
    [InlineData("kroner", true)]
    [InlineData("zloty", true)]
    [InlineData("won", false)]
    [InlineData("real", false)]
    [InlineData("at", false)]
    [InlineData("troops", false)]
    public void IsCurrency_WordNetMonetaryUnitsThatMostlyMeanMoney(string word, bool expected)
    {
        Assert.Equal(expected, Lexicon.IsCurrency(word));
    }

    [Theory]
    [InlineData("citizens", true)]
    [InlineData("firefighters", true)]
    [InlineData("residents", true)]
    [InlineData("allies", false)]
    [InlineData("nations", false)]
    [InlineData("Stoltenberg", false)]
    public void IsPersonNoun_KindsOfPersonByTheMostFrequentSense(string word, bool expected)
    {
        Assert.Equal(expected, Lexicon.IsPersonNoun(word));
    }

    [Theory]
    [InlineData("ministers", true)]
    [InlineData("shells", true)]
    [InlineData("battlegroups", true)]
    [InlineData("hit", false)]
    [InlineData("attended", false)]
    public void IsMostlyNoun_ByTheMostFrequentReading(string word, bool expected)
    {
        Assert.Equal(expected, Lexicon.IsMostlyNoun(word));
    }

    [Theory]
    [InlineData("Moscow", "russia")]
    [InlineData("kiev", "ukraine")]
    [InlineData("Warsaw's", "poland")]
    [InlineData("Vilnius", "lithuania")]
    [InlineData("Washington", "america")]
    [InlineData("Wiesbaden", null)]
    [InlineData("pledge", null)]
    public void CountryOfCapital_NationalCapitalsOnly(string word, string? country)
    {
        Assert.Equal(country, Lexicon.CountryOfCapital(word));
    }

    [Theory]
    [InlineData("Lithuanian", "vilnius")]
    [InlineData("lithuania", "vilnius")]
    [InlineData("US", "washington")]
    [InlineData("american", "washington")]
    [InlineData("belgian", "brussels")]
    [InlineData("Norway", "oslo")]
    public void CapitalsOf_ByCountryOrNationality(string place, string capital)
    {
        Assert.Contains(capital, Lexicon.CapitalsOf(place));
    }

    [Theory]
    [InlineData("Bavarian")]
    [InlineData("pledge")]
    [InlineData("Vilnius")]
    public void CapitalsOf_NoCountry_Empty(string word)
    {
        Assert.Empty(Lexicon.CapitalsOf(word));
    }

    [Theory]
    [InlineData("Vilnius", Lexicon.PlaceKind.City)]
    [InlineData("saskatchewan", Lexicon.PlaceKind.State)]
    [InlineData("Poland's", Lexicon.PlaceKind.Country)]
    [InlineData("Europe", Lexicon.PlaceKind.Continent)]
    public void NamedPlace_WordNetPlace_ItsKind(string word, Lexicon.PlaceKind expected)
    {
        Assert.Equal(expected, Lexicon.NamedPlace(word));
    }

    [Theory]
    [InlineData("minister")]
    [InlineData("pledge")]
    [InlineData("Stoltenberg")]
    public void NamedPlace_NotAPlace_Null(string word)
    {
        Assert.Null(Lexicon.NamedPlace(word));
    }
}
