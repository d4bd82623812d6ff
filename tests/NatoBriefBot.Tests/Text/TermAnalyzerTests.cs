using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Text;

public class TermAnalyzerTests
{
    [Theory]
    [InlineData("defence", "defense")]
    [InlineData("organise", "organize")]
    [InlineData("organised", "organized")]
    [InlineData("centre", "center")]
    [InlineData("programme", "program")]
    [InlineData("labour", "labor")]
    public void Normalize_BritishAndAmericanSpelling_SameTerm(string british, string american)
    {
        Assert.Equal(TermAnalyzer.Normalize(american), TermAnalyzer.Normalize(british));
        Assert.NotEmpty(TermAnalyzer.Normalize(british));
    }

    [Theory]
    [InlineData("pledge", "pledges", "pledged", "pledging")]
    [InlineData("minister", "ministers", "minister's", "Ministers")]
    [InlineData("commit", "commits", "committed", "committing")]
    [InlineData("supply", "supplies", "supplied", "supplying")]
    [InlineData("apply", "applies", "applied", "applying")]
    [InlineData("family", "families", "family's", "Families")]
    public void Normalize_InflectedForms_ShareStem(string a, string b, string c, string d)
    {
        var stem = TermAnalyzer.Normalize(a);
        Assert.Equal(stem, TermAnalyzer.Normalize(b));
        Assert.Equal(stem, TermAnalyzer.Normalize(c));
        Assert.Equal(stem, TermAnalyzer.Normalize(d));
    }

    [Fact]
    public void Normalize_DifferentWords_DifferentTerms()
    {
        Assert.NotEqual(TermAnalyzer.Normalize("defence"), TermAnalyzer.Normalize("deterrence"));
        Assert.NotEqual(TermAnalyzer.Normalize("summit"), TermAnalyzer.Normalize("submit"));
    }

    [Theory]
    [InlineData("I'm")]
    [InlineData("I’m")]
    [InlineData("im")]
    [InlineData("don't")]
    [InlineData("dont")]
    [InlineData("What's")]
    [InlineData("whats")]
    [InlineData("didnt")]
    [InlineData("whos")]
    public void Normalize_Contraction_WithOrWithoutApostrophe_IsStopWord(string word) =>
        Assert.Equal(string.Empty, TermAnalyzer.Normalize(word));

    [Theory]
    [InlineData("shell")]
    [InlineData("well")]
    [InlineData("ill")]
    public void Normalize_ContractionSpelledLikeAWord_KeepsTheWord(string word) =>
        Assert.NotEqual(string.Empty, TermAnalyzer.Normalize(word));

    [Theory]
    [InlineData("40bn", "40", "billion")]
    [InlineData("£34m", "34", "million")]
    [InlineData("50k", "50", "thousand")]
    [InlineData("1.5tn", "1.5", "trillion")]
    public void Terms_NumberWithMagnitude_ReadAsNumberAndWord(string written, string number, string word) =>
        Assert.Equal([number, TermAnalyzer.Normalize(word)], TermAnalyzer.Terms(written));

    [Fact]
    public void Terms_StopWords_Dropped()
    {
        var terms = TermAnalyzer.Terms("What did the ministers say about it and for whom?");

        Assert.Equal([TermAnalyzer.Normalize("ministers"), TermAnalyzer.Normalize("say")], terms);
    }

    [Fact]
    public void Terms_Marcom_AddsMaritimeAndCommand()
    {
        var terms = TermAnalyzer.Terms("MARCOM");

        Assert.Equal(TermAnalyzer.Normalize("marcom"), terms[0]);
        Assert.Contains(TermAnalyzer.Normalize("maritime"), terms);
        Assert.Contains(TermAnalyzer.Normalize("command"), terms);
    }

    [Theory]
    [InlineData("did he say itd stop nato helping ukraine")]
    [InlineData("did he say it'd stop nato helping ukraine")]
    [InlineData("what'd he say would stop nato helping ukraine")]
    public void Terms_ContractionWithOrWithoutItsApostrophe_NoTerm(string question)
    {
        var terms = TermAnalyzer.Terms(question);

        Assert.Equal(["stop", "nato", "allianc", "help", "ukrain"], terms.Where(t => t is not "say"));
    }

    [Fact]
    public void Terms_Ceo_AddsChiefExecutive()
    {
        // News writes the title out ("chief executive Priya Raman"); chat writes "CEO".
        var terms = TermAnalyzer.Terms("what did Helix's CEO promise");

        Assert.Contains(TermAnalyzer.Normalize("chief"), terms);
        Assert.Contains(TermAnalyzer.Normalize("executive"), terms);
    }

    [Fact]
    public void Terms_UppercaseUs_ExpandsToUnitedStates()
    {
        var terms = TermAnalyzer.Terms("the US-led group");

        Assert.Contains(TermAnalyzer.Normalize("united"), terms);
        Assert.Contains(TermAnalyzer.Normalize("states"), terms);
    }

    [Fact]
    public void Terms_LowercaseUs_IsStopWord()
    {
        var terms = TermAnalyzer.Terms("tell us more");

        Assert.DoesNotContain(TermAnalyzer.Normalize("united"), terms);
        Assert.Equal([TermAnalyzer.Normalize("tell")], terms);
    }

    [Fact]
    public void Terms_NumberWithThousandsSeparator_KeptWholeWithoutCommas()
    {
        var terms = TermAnalyzer.Terms("500,000 troops and 20.9 billion");

        Assert.Contains("500000", terms);
        Assert.Contains("20.9", terms);
        Assert.DoesNotContain("500", terms);
    }

    [Fact]
    public void Tokenize_ListOfNumbers_SplitAtCommaFollowedBySpace()
    {
        var tokens = TermAnalyzer.Tokenize("1, 2 and 3");

        Assert.Equal(["1", "2", "and", "3"], tokens.Select(t => t.Surface));
    }

    [Fact]
    public void Normalize_Accents_Folded()
    {
        Assert.Equal(TermAnalyzer.Normalize("Zelenskyy"), TermAnalyzer.Normalize("Zelénskyy"));
        Assert.Equal("sao", TermAnalyzer.Normalize("São"));
    }

    [Fact]
    public void Tokenize_CurlyApostrophe_NormalizedAndPossessiveDropped()
    {
        var tokens = TermAnalyzer.Tokenize("Stoltenberg\u2019s mandate");

        Assert.Equal("Stoltenberg's", tokens[0].Surface);
        Assert.Equal(TermAnalyzer.Normalize("Stoltenberg"), tokens[0].Term);
        Assert.Equal(0, tokens[0].Start);
        Assert.Equal(14, tokens[1].Start);
    }

    [Fact]
    public void Tokenize_Hyphen_SplitsWords()
    {
        var tokens = TermAnalyzer.Tokenize("NATO-Ukraine Council");

        Assert.Equal(["NATO", "Ukraine", "Council"], tokens.Select(t => t.Surface));
        Assert.True(tokens[0].IsAcronym);
        Assert.False(tokens[1].IsAcronym);
    }

    [Theory]
    [InlineData("the SG's mandate")]
    [InlineData("NSPA's budget")]
    public void Terms_AcronymWithPossessive_ExpandedLikeTheAcronym(string text)
    {
        var terms = TermAnalyzer.Terms(text);

        Assert.Contains(TermAnalyzer.Normalize(text.Contains("SG", StringComparison.OrdinalIgnoreCase) ? "secretary" : "procurement"), terms);
    }

    [Theory]
    [InlineData("what did ROK sign", "korea")]
    [InlineData("which BTY was pledged", "battery")]
    [InlineData("the new UKR security assistance CMD", "command")]
    [InlineData("how many UAS", "drone")]
    public void Terms_DesignationOrUnitAbbreviation_ExpandedToItsLongForm(string text, string longForm) =>
        Assert.Contains(TermAnalyzer.Normalize(longForm), TermAnalyzer.Terms(text));

    [Theory]
    [InlineData("F-16")]
    [InlineData("F16")]
    [InlineData("F-16s")]
    [InlineData("F16s")]
    [InlineData("f-16")]
    public void Normalize_F16Spellings_OneTerm(string surface)
    {
        var tokens = TermAnalyzer.Tokenize($"Denmark sent {surface} jets.");

        Assert.Equal(surface, tokens[2].Surface);
        Assert.Equal("f16", tokens[2].Term);
    }

    [Theory]
    [InlineData("F-35s", "f35")]
    [InlineData("S-400", "s400")]
    [InlineData("A-10s", "a10")]
    [InlineData("MQ-9", "mq9")]
    [InlineData("MiG-29s", "mig29")]
    [InlineData("SAMP/T", "sampt")]
    [InlineData("IRIS-T", "irist")]
    [InlineData("155mm", "155mm")]
    [InlineData("155 mm", "155mm")]
    [InlineData("155-mm", "155mm")]
    public void Tokenize_ModelNameOrMeasure_OneToken(string surface, string term)
    {
        var tokens = TermAnalyzer.Tokenize($"They need {surface} systems.");

        Assert.Equal(["They", "need", surface, "systems"], tokens.Select(t => t.Surface));
        Assert.Equal(term, tokens[2].Term);
    }

    [Theory]
    [InlineData("by mid-2024", new[] { "by", "mid", "2024" })]
    [InlineData("a 2-to-1 vote", new[] { "a", "2", "to", "1", "vote" })]
    [InlineData("US-led and/or UK-based", new[] { "US", "led", "and", "or", "UK", "based" })]
    [InlineData("155 million", new[] { "155", "million" })]
    public void Tokenize_OrdinaryHyphensAndSlashes_StillSplit(string text, string[] surfaces)
    {
        Assert.Equal(surfaces, TermAnalyzer.Tokenize(text).Select(t => t.Surface));
    }

    [Fact]
    public void Terms_ModelNameWithHyphenOrPlural_Expanded()
    {
        var terms = TermAnalyzer.Terms("more F-16s");

        Assert.Equal("f16", terms[0]);
        Assert.Contains(TermAnalyzer.Normalize("fighter"), terms);
        Assert.Contains(TermAnalyzer.Normalize("jet"), terms);
    }

    [Fact]
    public void Terms_SampT_NotSplitIntoStopWord()
    {
        Assert.Equal(["sampt"], TermAnalyzer.Terms("SAMP/T"));
    }

    [Theory]
    [InlineData("Patriots", "Patriot")]
    [InlineData("Leopards", "Leopard")]
    [InlineData("Gripens", "gripen")]
    public void Normalize_CapitalisedPluralName_MatchesSingular(string plural, string singular)
    {
        Assert.Equal(TermAnalyzer.Normalize(singular), TermAnalyzer.Normalize(plural));
    }

    [Theory]
    [InlineData("led", "lead")]
    [InlineData("took", "take")]
    [InlineData("chosen", "choose")]
    [InlineData("fought", "fight")]
    [InlineData("ran", "run")]
    [InlineData("sought", "seek")]
    [InlineData("chaired", "chair")]
    [InlineData("said", "say")]
    public void Normalize_IrregularVerb_SameTermAsBase(string form, string lemma)
    {
        Assert.Equal(TermAnalyzer.Normalize(lemma), TermAnalyzer.Normalize(form));
    }

    [Fact]
    public void Normalize_IrregularFormMoreCommonAsNoun_KeepsItsOwnTerm()
    {
        Assert.NotEqual(TermAnalyzer.Normalize("grind"), TermAnalyzer.Normalize("ground"));
    }
}
