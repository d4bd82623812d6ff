using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Answering;

public sealed class AnswerServiceTests(SeededEngine seeds) : IClassFixture<SeededEngine>
{
    [Theory]
    [InlineData("Where will the NATO Maritime Centre for the Security of Critical Undersea Infrastructure be established?", "001_", "MARCOM")]
    [InlineData("What did Italy pledge?", "002_", "SAMP/T")]
    [InlineData("Where did Rutte announce NSATU?", "003_", "Wiesbaden")]
    [InlineData("How many troops are on high readiness?", "004_", "500,000")]
    public async Task AskAsync_AnswerableQuestion_GroundedInCitedSeedPassages(string question, string filePrefix, string expected)
    {
        var answer = await seeds.Answers.AskAsync(new AskRequest(question));

        AnswerChecks.AssertGrounded(answer);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.StartsWith(filePrefix, answer.Citations[0].File, StringComparison.Ordinal);
        Assert.Equal(question, answer.Question);
        foreach (var citation in answer.Citations)
        {
            Assert.True(File.Exists(Path.Combine(TestEngine.SeedsFolder, citation.File)), citation.File);
            var (briefing, _, passages) = seeds.Store.GetBriefing(citation.File)!.Value;
            // One citation per briefing: its quote is the passages the answer used, in order, separated by " … ".
            var text = BriefingText(passages);
            Assert.All(citation.Quote.Split(" \u2026 "), part => Assert.Contains(part, text, StringComparison.Ordinal));
            Assert.Equal(briefing.Title, citation.Title);
        }
    }

    [Theory]
    [InlineData("hi", true)]
    [InlineData("What can you do?", true)]
    [InlineData("thanks!", false)]
    [InlineData("hey! are you a real person, and what can I ask you?", true)]
    public async Task AskAsync_SmallTalk_PlainReplyNothingCitedNotRemembered(string message, bool examples)
    {
        var conversation = "small-talk-" + Guid.NewGuid().ToString("N");

        var answer = await seeds.Answers.AskAsync(new AskRequest(message, conversation));
        var next = await seeds.Answers.AskAsync(new AskRequest("What did he pledge?", conversation));

        Assert.Equal(AnswerOutcome.Conversation, answer.Outcome);
        Assert.Empty(answer.Citations);
        Assert.Equal(examples, answer.Suggestions.Count > 0);
        Assert.DoesNotContain("couldn't find", answer.Text, StringComparison.Ordinal);
        // A greeting is not a turn a follow-up can lean on: "he" has nothing to point back to.
        Assert.NotEqual(AnswerOutcome.Conversation, next.Outcome);
    }

    [Fact]
    public async Task AskAsync_ChatWithALeadIn_RepliedByMeaningButAQuestionWithAGreetingIsNot()
    {
        // Each part of the first is chat, though the lead-in dilutes the whole; the second asks about the briefings.
        var chat = await seeds.Answers.AskAsync(new AskRequest("good morning! who made you, and which languages can I write to you in?", "lead-in-" + Guid.NewGuid().ToString("N")));
        var question = await seeds.Answers.AskAsync(new AskRequest("hi there, how much will the new command in Wiesbaden cost to run each year?", "lead-in-" + Guid.NewGuid().ToString("N")));

        Assert.Equal(AnswerOutcome.Conversation, chat.Outcome);
        Assert.Equal(AnswerOutcome.NotInBriefings, question.Outcome);
    }

    [Theory]
    [InlineData("who exactly am I chatting with here, a program?")]
    [InlineData("any advice on how to ask you things?")]
    [InlineData("yo, anybody on the other end?")]
    public async Task AskAsync_SmallTalkThePhraseRulesMiss_RepliedByMeaningNotDeclined(string message)
    {
        Assert.Null(SmallTalk.Classify(message));
        var conversation = "meaning-" + Guid.NewGuid().ToString("N");

        var answer = await seeds.Answers.AskAsync(new AskRequest(message, conversation));

        Assert.Empty(seeds.Services.GetRequiredService<ConversationMemory>().History(conversation));
        Assert.Equal(AnswerOutcome.Conversation, answer.Outcome);
        Assert.Empty(answer.Citations);
        Assert.DoesNotContain("couldn't find", answer.Text, StringComparison.Ordinal);
        Assert.Contains("NATO defence ministers' briefings", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_ShortFollowUpTheBriefingsDoNotAnswer_DeclinedNotTakenForSmallTalk()
    {
        var conversation = "follow-up-" + Guid.NewGuid().ToString("N");
        await seeds.Answers.AskAsync(new AskRequest("Where did Rutte announce NSATU?", conversation));

        // Its few words are near "who are you?", but after an answer "it" is the command.
        var answer = await seeds.Answers.AskAsync(new AskRequest("who leads it", conversation));

        Assert.NotEqual(AnswerOutcome.Conversation, answer.Outcome);
        Assert.DoesNotContain("NatoBriefBot", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_QuotedLine_NeverTakenForSmallTalk()
    {
        // Few words outside the quote, and those chatty: still a question about an article, answered or declined.
        var answer = await seeds.Answers.AskAsync(new AskRequest("\"no wish to stay on, thanks so much\" - who said that one?"));

        Assert.NotEqual(AnswerOutcome.Conversation, answer.Outcome);
    }

    /// <summary>The briefing's text put back together from its passages (slices of it, which may overlap).</summary>
    private static string BriefingText(IReadOnlyList<NatoBriefBot.Core.Storage.StoredPassage> passages)
    {
        var chars = new char[passages.Max(p => p.End)];
        foreach (var p in passages.Where(p => p.End - p.Start == p.Text.Length))
        {
            p.Text.CopyTo(0, chars, p.Start, p.Text.Length);
        }

        return new string(chars);
    }

    [Fact]
    public async Task AskAsync_SubjectNoBriefingMentions_NotInBriefingsWithSuggestions()
    {
        var answer = await seeds.Answers.AskAsync(new AskRequest("What did NATO decide about Antarctica in 2019?"));

        Assert.Equal(AnswerOutcome.NotInBriefings, answer.Outcome);
        Assert.Empty(answer.Citations);
        Assert.DoesNotContain("[1]", answer.Text, StringComparison.Ordinal);
        Assert.Contains("Antarctica", answer.Text, StringComparison.Ordinal);
        // The buttons ask real questions, each answered from one of the closest briefings the reply names.
        Assert.InRange(answer.Suggestions.Count, 1, 3);
        foreach (var suggestion in answer.Suggestions)
        {
            var followed = await seeds.Answers.AskAsync(new AskRequest(suggestion));
            Assert.Equal(AnswerOutcome.Answered, followed.Outcome);
            Assert.Contains(followed.Citations[0].Title, answer.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AskAsync_OffTopicQuestion_NotInBriefings()
    {
        var answer = await seeds.Answers.AskAsync(new AskRequest("What is a good recipe for chocolate cake?"));

        Assert.Equal(AnswerOutcome.NotInBriefings, answer.Outcome);
        Assert.Empty(answer.Citations);
    }

    [Fact]
    public async Task AskAsync_WhatAboutFollowUp_ResolvedAgainstPreviousQuestion()
    {
        var conversation = "c-" + Guid.NewGuid().ToString("N");

        var first = await seeds.Answers.AskAsync(new AskRequest("What did Sweden, Spain and Belgium pledge?", conversation));
        var second = await seeds.Answers.AskAsync(new AskRequest("What about Italy?", conversation));

        Assert.Contains("EUR 1 billion", first.Text, StringComparison.Ordinal);
        AnswerChecks.AssertGrounded(second);
        Assert.Contains("SAMP/T", second.Text, StringComparison.Ordinal);
        Assert.Equal("What about Italy?", second.Question);
    }

    [Fact]
    public async Task AskAsync_FollowUpInAnotherConversation_NotResolved()
    {
        var memory = seeds.Services.GetRequiredService<ConversationMemory>();
        var other = "c-" + Guid.NewGuid().ToString("N");
        await seeds.Answers.AskAsync(new AskRequest("What did Sweden, Spain and Belgium pledge?", "c-" + Guid.NewGuid().ToString("N")));

        await seeds.Answers.AskAsync(new AskRequest("What about Italy?", other));

        Assert.Equal("What about Italy?", Assert.Single(memory.History(other)).ResolvedQuestion);
    }

    [Fact]
    public async Task AskAsync_WhoSaidThat_TheSpeakerFromTheCitedBriefingNotASearch()
    {
        var conversation = "c-" + Guid.NewGuid().ToString("N");
        var first = await seeds.Answers.AskAsync(new AskRequest("Where will the new Aegis Ashore base be?", conversation));
        var who = await seeds.Answers.AskAsync(new AskRequest("who said that", conversation));

        Assert.Contains("Aegis Ashore base in Poland", first.Text, StringComparison.Ordinal);
        Assert.Equal(AnswerOutcome.Answered, who.Outcome);
        Assert.StartsWith("It was Jens Stoltenberg", who.Text, StringComparison.Ordinal);
        var citation = Assert.Single(who.Citations);
        Assert.StartsWith("004_", citation.File, StringComparison.Ordinal);
        // The quote is the briefing's own text, from the sentence naming him to the statement.
        Assert.Contains(citation.Quote, seeds.Store.GetText(citation.File), StringComparison.Ordinal);
        Assert.Contains("Stoltenberg", citation.Quote, StringComparison.Ordinal);
        Assert.EndsWith("Aegis Ashore base in Poland.", citation.Quote, StringComparison.Ordinal);
        Assert.Equal("who said that", who.AskedAs);
    }

    [Fact]
    public async Task AskAsync_FollowUpWhoseReadingFindsNothing_AnsweredAsWrittenFromTheCitedBriefing()
    {
        var conversation = "c-" + Guid.NewGuid().ToString("N");
        var memory = seeds.Services.GetRequiredService<ConversationMemory>();

        var first = await seeds.Answers.AskAsync(new AskRequest("which countries pledged over a billion euros each to ukraine in spring 2024", conversation));
        var second = await seeds.Answers.AskAsync(new AskRequest("what aircraft did that include", conversation));

        Assert.Equal(AnswerOutcome.Answered, first.Outcome);
        Assert.StartsWith("002_", first.Citations[0].File, StringComparison.Ordinal);
        // Read with the first question's words, the follow-up finds no answer; as written, it does, in the briefing just cited.
        Assert.Equal(AnswerOutcome.Answered, second.Outcome);
        Assert.Contains("30 F-16 jets", second.Text, StringComparison.Ordinal);
        Assert.All(second.Citations, c => Assert.StartsWith("002_", c.File, StringComparison.Ordinal));
        AnswerChecks.AssertGrounded(second);
        // The conversation keeps the reading: it says what the turn was about.
        Assert.Contains("billion", memory.History(conversation)[1].ResolvedQuestion, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_FollowUpBringingInWordsOfItsOwn_AskedAloneWhenItsReadingFindsNothing()
    {
        var conversation = "c-" + Guid.NewGuid().ToString("N");

        var first = await seeds.Answers.AskAsync(new AskRequest("what did italy pledge in june 2024", conversation));
        var second = await seeds.Answers.AskAsync(new AskRequest("there was an undersea infrastructure centre planned around then too, which command was it under", conversation));

        Assert.Equal(AnswerOutcome.Answered, first.Outcome);
        // Read in the conversation (June 2024) the turn finds nothing; its own words (none of them said before) find the
        // June 2023 briefing that answers it.
        Assert.Equal(AnswerOutcome.Answered, second.Outcome);
        Assert.Contains("MARCOM", second.Text, StringComparison.Ordinal);
        Assert.StartsWith("001_", second.Citations[0].File, StringComparison.Ordinal);
        AnswerChecks.AssertGrounded(second);
    }

    [Theory]
    // The sentence quotes without a name ("We know that…" after "Stoltenberg said…").
    [InlineData("who said putin has to negotiate a just peace", "Jens Stoltenberg", "001_", "negotiate a just peace")]
    // The sentence names a role ("…," the Secretary General explained): the answer names the person holding that title.
    [InlineData("Who stated that there cannot be strong defence without a strong defence industry?", "Mark Rutte", "003_", "strong defence industry")]
    public async Task AskAsync_WhoSaidAQuotationWhoseSentenceNamesNoOne_TheSpeakerTheBriefingNames(string question, string speaker, string file, string quoted)
    {
        var answer = await seeds.Answers.AskAsync(new AskRequest(question));

        Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
        Assert.StartsWith("It was " + speaker, answer.Text, StringComparison.Ordinal);
        var citation = Assert.Single(answer.Citations);
        Assert.StartsWith(file, citation.File, StringComparison.Ordinal);
        Assert.Contains(quoted, citation.Quote, StringComparison.Ordinal);
        Assert.Contains(citation.Quote, seeds.Store.GetText(citation.File), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AskAsync_PronounFollowUpAfterWhoQuestion_NamesThePerson()
    {
        var conversation = "c-" + Guid.NewGuid().ToString("N");
        var memory = seeds.Services.GetRequiredService<ConversationMemory>();

        var first = await seeds.Answers.AskAsync(new AskRequest("Who will chair the ministerial meeting for the first time as Secretary General?", conversation));
        var second = await seeds.Answers.AskAsync(new AskRequest("What is his top priority?", conversation));

        Assert.Contains("Mark Rutte", first.Text, StringComparison.Ordinal);
        var turns = memory.History(conversation);
        Assert.Equal(2, turns.Count);
        Assert.Contains("Rutte's", turns[1].ResolvedQuestion, StringComparison.Ordinal);
        AnswerChecks.AssertGrounded(second);
        Assert.Contains("top priority", second.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    [InlineData("What\u0007 is NATO?")]
    [InlineData("What is\u0000 NATO?")]
    public void Validate_EmptyOrControlCharacters_InvalidQuestion(string? question)
    {
        var ex = Assert.Throws<InvalidQuestionException>(() => seeds.Services.GetRequiredService<AnswerService>().Validate(question));

        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
    }

    [Fact]
    public void Validate_TooLong_InvalidQuestionNamingLimit()
    {
        var service = seeds.Services.GetRequiredService<AnswerService>();

        var ex = Assert.Throws<InvalidQuestionException>(() => service.Validate(new string('a', 1001)));

        Assert.Contains("1000", ex.Message, StringComparison.Ordinal);
        Assert.Equal(new string('a', 1000), service.Validate(" " + new string('a', 1000) + " "));
    }

    [Fact]
    public void Validate_TabsAndLineBreaks_AcceptedAndTrimmed()
    {
        var question = seeds.Services.GetRequiredService<AnswerService>().Validate("  Who leads\tNATO?\r\nPlease answer.  ");

        Assert.Equal("Who leads\tNATO?\r\nPlease answer.", question);
    }

    [Fact]
    public async Task AskAsync_InvalidQuestion_ThrowsBeforeRemembering()
    {
        var conversation = "c-" + Guid.NewGuid().ToString("N");

        await Assert.ThrowsAsync<InvalidQuestionException>(() => seeds.Answers.AskAsync(new AskRequest(" ", conversation)));

        Assert.Empty(seeds.Services.GetRequiredService<ConversationMemory>().History(conversation));
    }
}
