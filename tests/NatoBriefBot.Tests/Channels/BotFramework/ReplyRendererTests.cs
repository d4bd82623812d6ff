using System.Text.Json;
using NatoBriefBot.Channels.BotFramework;
using NatoBriefBot.Core.Answering;

namespace NatoBriefBot.Tests.Channels.BotFramework;

public class ReplyRendererTests
{
    private static readonly Citation WithUrl = new(1, "a.txt", "Ministers agree on a new air defence plan", new DateOnly(2024, 6, 13), "NATO", "https://example.org/a", "Ministers agreed on a plan.");
    private static readonly Citation WithoutUrl = new(2, "b.txt", "A \"quoted\" headline", null, null, null, "A passage without a link.");

    internal static Answer Answered(params Citation[] citations) =>
        new("Q?", AnswerOutcome.Answered, "They agreed on a plan [1][2].", citations);

    [Theory]
    [InlineData("Short title", "NATO", "Short title \u2014 NATO, 13 Jun 2024")]
    [InlineData("Stoltenberg expects NATO defense ministers to approve plan for Alliance's leading role in coordinating aid to Ukraine", "Ukrinform",
        "Stoltenberg expects NATO defense ministers to approve\u2026 \u2014 Ukrinform, 13 Jun 2024")]
    [InlineData("No publisher", null, "No publisher \u2014 13 Jun 2024")]
    public void DisplayName_TitleThenPublisherAndDate_WithinTheNameLimit(string title, string? publisher, string expected)
    {
        var name = CitationEntity.DisplayName(new Citation(1, "a.txt", title, new DateOnly(2024, 6, 13), publisher, null, "Quote."));

        Assert.Equal(expected, name);
        Assert.True(name.Length <= CitationEntity.MaxNameLength, name);
    }

    [Fact]
    public void Render_Teams_CitationOpensACardWithThePassageAndTheCitedSentenceInBold()
    {
        var citation = new Citation(1, "a.txt", "Title", new DateOnly(2024, 6, 13), "NATO", null, "Opening words. Italy has pledged another SAMP/T. More text.");
        var answer = new Answer("What did Italy pledge?", AnswerOutcome.Answered, "Italy has pledged another SAMP/T. [1]", [citation]);

        var reply = ReplyRenderer.Render(answer, "msteams", "key1");

        var appearance = reply.Entities!.Single().GetProperty("citation")[0].GetProperty("appearance");
        Assert.Equal("application/vnd.microsoft.card.adaptive", appearance.GetProperty("encodingFormat").GetString());
        var card = System.Text.Json.JsonDocument.Parse(appearance.GetProperty("text").GetString()!).RootElement;
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        var texts = card.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()).ToList();
        Assert.Contains("NATO \u00B7 13 June 2024", texts);
        Assert.Contains(texts, t => t!.Contains("**Italy has pledged another SAMP/T.**", StringComparison.Ordinal) && t.StartsWith("Opening words.", StringComparison.Ordinal));
        Assert.Equal("Italy has pledged another SAMP/T.", appearance.GetProperty("abstract").GetString());
    }

    [Fact]
    public void Render_WebChat_AppendsLinkDefinitionsMatchingClaimPositions()
    {
        var reply = ReplyRenderer.Render(Answered(WithUrl, WithoutUrl), "webchat", "key1");

        Assert.StartsWith("They agreed on a plan [1] [2].", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[1]: <https://example.org/a> \"Ministers agree on a new air defence plan \u2014 NATO, 13 Jun 2024\"", reply.Text, StringComparison.Ordinal);
        Assert.Contains("[2]: <cite:2> \"A \\\"quoted\\\" headline\"", reply.Text, StringComparison.Ordinal);
        var message = Assert.Single(reply.Entities!);
        Assert.Equal("", message.GetProperty("@id").GetString());
        var claims = message.GetProperty("citation").EnumerateArray().ToList();
        Assert.Equal([1, 2], claims.Select(c => c.GetProperty("position").GetInt32()));
        Assert.Equal("A passage without a link.", claims[1].GetProperty("appearance").GetProperty("text").GetString());
        Assert.False(claims[1].GetProperty("appearance").TryGetProperty("url", out _));
        Assert.Null(reply.ChannelData);
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("msteams")]
    [InlineData("emulator")]
    public void Render_ListAnswer_EachItemOnItsOwnLine(string channel)
    {
        var answer = new Answer("What did ministers agree?", AnswerOutcome.Answered,
            "Ministers agreed on three steps:\n- more air defence\n- more *shells* [1]", [WithUrl]);

        var reply = ReplyRenderer.Render(answer, channel, "key1");

        Assert.StartsWith("Ministers agreed on three steps:\n\n- more air defence\n\n- more \\*shells\\* [1]", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_WebChat_FeedbackActionsCarryTheAnswerKey()
    {
        var reply = ReplyRenderer.Render(Answered(WithUrl), "directline", "key42");

        var actions = reply.Entities![0].GetProperty("potentialAction").EnumerateArray().ToList();
        Assert.Equal(["LikeAction", "DislikeAction"], actions.Select(a => a.GetProperty("@type").GetString()));
        Assert.Equal(("key42", "like"), WebChatReplyRenderer.ParseFeedbackActionId(actions[0].GetProperty("@id").GetString()));
    }

    [Fact]
    public void Render_Emulator_AppendsSourcesListWithTitleDatePublisherLinkAndQuote()
    {
        var reply = ReplyRenderer.Render(Answered(WithUrl, WithoutUrl), "emulator", "k");

        Assert.Contains("**Sources**", reply.Text, StringComparison.Ordinal);
        Assert.Contains("1. **Ministers agree on a new air defence plan** — 13 June 2024, NATO, [link](<https://example.org/a>)", reply.Text, StringComparison.Ordinal);
        Assert.Contains("> Ministers agreed on a plan.", reply.Text, StringComparison.Ordinal);
        Assert.Contains("2. **A \"quoted\" headline**", reply.Text, StringComparison.Ordinal);
        Assert.Null(reply.Entities);
    }

    [Theory]
    [InlineData("msteams")]
    [InlineData("webchat")]
    [InlineData("emulator")]
    public void Render_NotInBriefings_CitesNothingAndSuggests(string channel)
    {
        var answer = new Answer("Q?", AnswerOutcome.NotInBriefings, "The briefings don't cover that.", [])
        {
            Suggestions = ["What was decided in June 2024?", "Who chaired the meeting?"],
        };

        var reply = ReplyRenderer.Render(answer, channel, "k");

        Assert.Equal("The briefings don't cover that.", reply.Text);
        if (channel == "webchat")
        {
            // No citations, but the feedback buttons are there: a refusal can be judged too.
            var message = Assert.Single(reply.Entities!);
            Assert.Empty(message.GetProperty("citation").EnumerateArray());
            Assert.Equal(["LikeAction", "DislikeAction"], message.GetProperty("potentialAction").EnumerateArray().Select(a => a.GetProperty("@type").GetString()));
        }
        else
        {
            Assert.Null(reply.Entities);
        }

        Assert.Equal(["What was decided in June 2024?", "Who chaired the meeting?"], reply.SuggestedActions!.Actions.Select(a => a.Value));
        Assert.All(reply.SuggestedActions.Actions, a => Assert.Equal("imBack", a.Type));
    }

    [Fact]
    public void SuggestionsOf_MoreThanFour_KeepsFour()
    {
        var actions = ReplyRenderer.SuggestionsOf(["a", "b", "c", "d", "e"])!.Actions;

        Assert.Equal(4, actions.Count);
    }

    [Fact]
    public void Truncate_Words_CutBetweenWordsNotInside()
    {
        var cut = ReplyRenderer.Truncate("What did NATO defence ministers say about strengthening deterrence?", 50);

        Assert.Equal("What did NATO defence ministers say about\u2026", cut);
    }

    [Fact]
    public void Truncate_LongText_EndsWithEllipsisWithinLimit()
    {
        var cut = ReplyRenderer.Truncate(new string('x', 200), 80);

        Assert.Equal(80, cut.Length);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
    }

    [Fact]
    public void CitedSentence_AnswerSentenceInQuote_IsTheAbstract()
    {
        var citation = new Citation(1, "a.txt", "Title", null, null, null, "Opening words of the passage. Italy has pledged another SAMP/T. More text.");

        Assert.Equal("Italy has pledged another SAMP/T.", CitationEntity.CitedSentence("Italy has pledged another SAMP/T. [1]", citation));
        Assert.Null(CitationEntity.CitedSentence("Something the passage never says. [1]", citation));
        Assert.Null(CitationEntity.CitedSentence("No marker here.", citation));
    }
}
