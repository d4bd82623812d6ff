using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Tests.Text;

public class ChatShorthandTests
{
    [Theory]
    [InlineData("june 2024 def mins meeting dates", "june 2024 defence ministers meeting dates")]
    [InlineData("who was sec gen in june 2023", "who was Secretary General in june 2023")]
    [InlineData("nato sec-gen oct 2024", "nato Secretary General oct 2024")]
    [InlineData("what did the def min say", "what did the defence minister say")]
    [InlineData("june 2023 presser date", "june 2023 press conference date")]
    [InlineData("f-16 count in the recent pledges jun24", "f-16 count in the recent pledges jun 2024")]
    [InlineData("what happened in oct '24", "what happened in oct 2024")]
    [InlineData("who spoke on june 24", "who spoke on june 24")]
    [InlineData("june 23 def mins mtg where", "june 2023 defence ministers meeting where")]
    [InlineData("which ukr def chief joined", "which Ukraine defence chief joined")]
    [InlineData("How many U.S. troops are in Europe?", "How many US troops are in Europe?")]
    [InlineData("did the U.K. host it", "did the UK host it")]
    [InlineData("nato fwd presence in the east", "nato forward presence in the east")]
    [InlineData("what did J.D. Vance say", "what did JD Vance say")]
    [InlineData("what's the Def Production Action Plan for", "what's the Defence Production Action Plan for")]
    [InlineData("will it def become law", "will it def become law")]
    [InlineData("where did the agri mins meet", "where did the agriculture ministers meet")]
    [InlineData("G7 FinMins in Niigata", "G7 finance ministers in Niigata")]
    [InlineData("SG Jul 24: troops on high readiness?", "SG Jul 2024: troops on high readiness?")]
    [InlineData("who chaired the oct 24 meeting", "who chaired the oct 2024 meeting")]
    [InlineData("what was agreed by june 25", "what was agreed by june 25")]
    [InlineData("the june 24th meeting", "the june 24th meeting")]
    [InlineData("on 23 june 24 they met", "on 23 june 2024 they met")]
    [InlineData("june 24, 2024 pledges", "june 24, 2024 pledges")]
    [InlineData("how many marines 25 years ago", "how many marines 25 years ago")]
    [InlineData("in two decades 20 allies joined", "in two decades 20 allies joined")]
    [InlineData("the meeting on the june 24", "the meeting on the june 24")]
    [InlineData("how long do allies gotta keep it up", "how long do allies got to keep it up")]
    [InlineData("did they spend enuf", "did they spend enough")]
    [InlineData("next mtg where", "next meeting where")]
    [InlineData("ukr aid h1 2024 figure", "Ukraine aid first half 2024 figure")]
    [InlineData("avg ransom demand", "average ransom demand")]
    [InlineData("who were the 2 ppl tipped", "who were the 2 people tipped")]
    [InlineData("anything abt ammo", "anything about ammo")]
    [InlineData("wats the power capacity", "what's the power capacity")]
    [InlineData("how many citizens acc to rutte", "how many citizens according to rutte")]
    [InlineData("what did the shetland firm's ops director say", "what did the shetland firm's operations director say")]
    [InlineData("did jens invite japan n korea to the dc summit", "did jens invite japan and korea to the Washington summit")]
    [InlineData("u cant have a strong military w/o the factories", "u cant have a strong military without the factories")]
    [InlineData("who was the coach b4 doyle", "who was the coach before doyle")]
    [InlineData("who runs the contact grp", "who runs the contact group")]
    [InlineData("n what about kyiv", "n what about kyiv")]
    [InlineData("jakarta parade - no. of armoured vehs", "jakarta parade - number of armoured vehicles")]
    [InlineData("# of allies at 2%", "number of allies at 2%")]
    [InlineData("hallmarks per SG jun 24", "hallmarks from SG jun 2024")]
    [InlineData("how much per the preview", "how much from the preview")]
    [InlineData("how much per year", "how much per year")]
    [InlineData("the pre-summit presser", "the pre-summit press conference")]
    [InlineData("no one said so", "no one said so")]
    public void Expand_ChatShorthand_WrittenOut(string question, string expected) =>
        Assert.Equal(expected, ChatShorthand.Expand(question));

    [Theory]
    [InlineData("what did DEU offer", "what did Germany offer")]
    [InlineData("AUS/JPN/NZ/KOR minerals pact", "Australia/Japan/NZ/Korea minerals pact")]
    [InlineData("the jpn pledge", "the jpn pledge")]
    [InlineData("the fin ministry", "the fin ministry")]
    [InlineData("the SAMP/T and the F-16s", "the SAMP/T and the F-16s")]
    [InlineData("WHO IS THE SG", "WHO IS THE SG")]
    public void Expand_CountryCodeInCapitals_TheCountry(string question, string expected) =>
        Assert.Equal(expected, ChatShorthand.Expand(question));

    [Theory]
    [InlineData("wich hacker group was behind it", "which hacker group was behind it")]
    [InlineData("wher is the new centre", "where is the new centre")]
    [InlineData("Whn was the meeting", "When was the meeting")]
    [InlineData("wen are the next rail strikes planed", "when are the next rail strikes planed")]
    [InlineData("the jobs, hw many were created", "the jobs, how many were created")]
    public void Expand_MistypedQuestionWordOpeningAClause_ReadAsIt(string question, string expected) =>
        Assert.Equal(expected, ChatShorthand.Expand(question));

    [Theory]
    [InlineData("what did teh alliance chief say", "what did the alliance chief say")]
    [InlineData("what did he say abot ukraine", "what did he say about ukraine")]
    [InlineData("rutte adn stoltenberg", "rutte and stoltenberg")]
    [InlineData("Thier pledges", "Their pledges")]
    public void Expand_MistypedStopWord_ReadAsIt(string question, string expected) =>
        Assert.Equal(expected, ChatShorthand.Expand(question));

    [Theory]
    [InlineData("who's gona lead the new command", "who's going to lead the new command")]
    [InlineData("i wana know the date", "i want to know the date")]
    [InlineData("aprox how many troops", "approximately how many troops")]
    public void Expand_SlipInALongChatWord_WrittenOut(string question, string expected) =>
        Assert.Equal(expected, ChatShorthand.Expand(question));

    [Theory]
    [InlineData("ther pledges")]      // there or their
    [InlineData("tiem of the meeting")] // a mistyped letter: more likely "time" than "them"
    [InlineData("the NSATU command")]
    [InlineData("hte tbh")]
    [InlineData("the f-thier jets")]
    public void Expand_SlipsThatFitNoSingleStopWord_LeftAlone(string question) =>
        Assert.Equal(question.Replace("hte", "the", StringComparison.Ordinal), ChatShorthand.Expand(question));

    [Theory]
    [InlineData("whos the sec gen", "whos the Secretary General")]
    [InlineData("that command, where is it", "that command, where is it")]
    [InlineData("were the pledges made", "were the pledges made")]
    [InlineData("now what about italy", "now what about italy")]
    [InlineData("wen cyst removal", "wen cyst removal")]
    [InlineData("hot weather in brussels", "hot weather in brussels")]
    public void Expand_WordsCloseToAQuestionWord_LeftAlone(string question, string expected) =>
        Assert.Equal(expected, ChatShorthand.Expand(question));

    [Theory]
    [InlineData("What is the definition of deterrence?")]
    [InlineData("How many minutes after launch did it separate?")]
    [InlineData("Which second-generation jets were pledged?")]
    [InlineData("Who is the secretary general?")]
    [InlineData("Is the Ukrainian avgas supply affected?")]
    public void Expand_OrdinaryWords_Unchanged(string question) =>
        Assert.Equal(question, ChatShorthand.Expand(question));
}
