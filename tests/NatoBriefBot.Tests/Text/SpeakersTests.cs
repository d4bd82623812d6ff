using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Text;

public class SpeakersTests
{
    private static readonly string[] Report =
    [
        "On Friday (5 July 2024), Secretary General Jens Stoltenberg previewed next week's summit.",
        "\"Deterrence and defence will be another important topic,\" Mr Stoltenberg said, saying that the Alliance has changed.",
        "He added that NATO will further enhance ballistic missile defences with a new base in Poland.",
        "The summit starts on Tuesday.",
        "\"We must maintain this level of support as a minimum.\"",
    ];

    [Fact]
    public void Of_SentenceNamingItsSpeaker_ThatPerson()
    {
        Assert.Equal("Jens Stoltenberg", Speakers.Of(Report, 1));
    }

    [Fact]
    public void Of_HeAdded_ThePersonLastNamedAsSaying()
    {
        Assert.Equal("Jens Stoltenberg", Speakers.Of(Report, 2));
    }

    [Fact]
    public void Of_HeOrSheSaid_ThePersonLastNamedAsSayingNotThePronoun()
    {
        string[] text =
        [
            "Finnish Defence Minister Anna Lindqvist told reporters on Monday that the meeting had begun.",
            "Swedish Colonel Erik Berg will join the talks on Tuesday.",
            "She said a new training centre would open in 2027.",
        ];

        Assert.Equal("Anna Lindqvist", Speakers.Of(text, 2));
        Assert.False(Speakers.IsPerson("She"));
    }

    [Theory]
    [InlineData("Oct", false)]
    [InlineData("June", false)]
    [InlineData("Sept.", false)]
    [InlineData("Rutte", true)]
    [InlineData("Mark Rutte", true)]
    public void IsPerson_AMonthOnItsOwn_IsNoOne(string name, bool person) => Assert.Equal(person, Speakers.IsPerson(name));

    [Fact]
    public void Of_QuotationStandingAlone_ThePersonLastNamedAsSaying()
    {
        Assert.Equal("Jens Stoltenberg", Speakers.Of(Report, 4));
    }

    [Fact]
    public void Subject_SentenceNamingOnlyATitle_ThePersonLastGivenIt()
    {
        string[] text =
        [
            "On Friday (5 July 2024), Secretary General Jens Stoltenberg previewed next week's summit.",
            "The Secretary General has invited the leaders of Australia and Japan to the summit.",
            "The summit starts on Tuesday.",
        ];

        // Inviting is not saying: no speaker, but the title names him.
        Assert.Null(Speakers.Of(text, 1));
        Assert.Equal("Jens Stoltenberg", Speakers.Subject(text, 1));
        Assert.Null(Speakers.Subject(text, 2));
    }

    [Fact]
    public void Of_ReportersOwnStatement_Null()
    {
        Assert.Null(Speakers.Of(Report, 3));
    }

    [Theory]
    [InlineData("Speaking to reporters, Ingrid Halvorsen said the bank would grow.", "Ingrid Halvorsen")]
    [InlineData("The bank will grow, said Halvorsen.", "Halvorsen")]
    [InlineData("\"We build the floor,\" Raman said on stage at the Moscone Center.", "Raman")]
    [InlineData("Jens Stoltenberg said that Ukrainian Defence Minister Rustem Umerov will attend.", "Jens Stoltenberg")]
    [InlineData("Stoltenberg said that Ukrainian Defence Minister Rustem Umerov will attend.", "Stoltenberg")]
    [InlineData("Germany said it would send more air defence.", null)]
    [InlineData("He said the bank would grow.", null)]
    public void Of_OneSentence(string sentence, string? expected)
    {
        Assert.Equal(expected, Speakers.Of([sentence], 0));
    }

    [Fact]
    public void Of_QuotationAfterASentenceNamingTheSpeakerAfterTheVerb_ThatPerson()
    {
        string[] text =
        [
            "\"Criminal groups have learned that a port cannot stay offline, so they pay,\" said Greyline's head of threat intelligence, Saara Lehtinen.",
            "\"The average ransom demand is now 1.6 million dollars.\"",
        ];

        Assert.Equal("Saara Lehtinen", Speakers.Of(text, 1));
    }

    private static readonly string[] RoleReport =
    [
        "Press conference by NATO Secretary General Jens Stoltenberg ahead of the meeting",
        "Ministers will meet on Thursday.",
        "Addressing the counter-offensive, the Secretary General said: \u201CIt is still early days.",
        "We know that the more gains Ukraine makes, the stronger their hand will be.\u201D",
        "The meeting ends on Friday.",
    ];

    [Fact]
    public void Of_RoleSaying_ThePersonTheTextGaveThatTitle()
    {
        Assert.Equal("Jens Stoltenberg", Speakers.Of(RoleReport, 2));
    }

    [Fact]
    public void Of_SentenceInsideAQuotationOpenedBefore_ItsSpeaker()
    {
        Assert.Equal("Jens Stoltenberg", Speakers.Of(RoleReport, 3));
    }

    [Fact]
    public void Of_SentenceAfterTheQuotationCloses_Null()
    {
        Assert.Null(Speakers.Of(RoleReport, 4));
    }

    [Theory]
    [InlineData("\"We will deliver a new command,\" the head of the alliance reported.", ",\" the head of the alliance reported.")]
    [InlineData("The command will be led by a general, officials said on Monday.", ", officials said on Monday.")]
    [InlineData("Ukrainian defence chief Oleksii Reznikov said he would attend.", null)]
    [InlineData("The plant will open in 2025.", null)]
    public void Attribution_TheClauseThatSaysWhoSaidIt(string sentence, string? attribution)
    {
        Assert.Equal(attribution, Speakers.Attribution(sentence));
    }
}
