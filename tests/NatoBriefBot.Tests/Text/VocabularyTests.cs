using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Text;

public sealed class VocabularyTests
{
    [Fact]
    public void CountryCodes_LoadedFromTheEmbeddedFile()
    {
        Assert.True(Vocabulary.CountryCodes.Count > 80);
        Assert.Equal("Germany", Vocabulary.CountryCodes["deu"]);
        Assert.Equal("Korea", Vocabulary.CountryCodes["kor"]);
    }

    [Fact]
    public void CountryCodes_NoneIsAStopWordAMonthOrAnotherAcronym()
    {
        // "CAN", "NOR" and "MAR" are words or months before they are codes; a code that is also a NATO acronym would read
        // two ways.
        Assert.All(Vocabulary.CountryCodes.Keys, code =>
        {
            Assert.False(Vocabulary.StopWords.Contains(code), code);
            Assert.False(Vocabulary.FunctionWords.Contains(code), code);
            Assert.False(Vocabulary.Months.ContainsKey(code), code);
            Assert.False(Vocabulary.Acronyms.ContainsKey(code), code);
        });
    }
}
