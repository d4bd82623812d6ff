using System.Text.Json;
using System.Text.RegularExpressions;
using NatoBriefBot.Channels.Teams;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>The channel-specific parts of a reply: text, entities, channel data and suggested actions.</summary>
public sealed record RenderedReply(
    string Text,
    IReadOnlyList<JsonElement>? Entities = null,
    JsonElement? ChannelData = null,
    SuggestedActions? SuggestedActions = null)
{
    /// <summary>Copies the rendered parts onto <paramref name="reply"/>.</summary>
    public Activity ApplyTo(Activity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return reply with
        {
            Text = Text,
            TextFormat = "markdown",
            Entities = Entities,
            ChannelData = ChannelData,
            SuggestedActions = SuggestedActions,
        };
    }
}

/// <summary>Picks the rendering for a channel: Teams, Web Chat / Direct Line, or a Markdown sources list elsewhere (Emulator).</summary>
public static partial class ReplyRenderer
{
    public const int MaxSuggestions = 4;

    /// <summary>Renders <paramref name="answer"/> for <paramref name="channelId"/>. <paramref name="answerKey"/> identifies
    /// the answer in feedback that comes back.</summary>
    public static RenderedReply Render(Answer answer, string? channelId, string answerKey)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var suggestions = SuggestionsOf(answer.Suggestions);
        var cites = answer.Outcome == AnswerOutcome.Answered && answer.Citations.Count > 0;
        return channelId switch
        {
            "msteams" => TeamsReplyRenderer.Render(answer, cites, suggestions),
            "webchat" or "directline" => WebChatReplyRenderer.Render(answer, cites, suggestions, answerKey),
            _ => MarkdownSourcesRenderer.Render(answer, cites, suggestions),
        };
    }

    /// <summary>imBack buttons for up to <see cref="MaxSuggestions"/> questions; null when there are none.</summary>
    public static SuggestedActions? SuggestionsOf(IEnumerable<string> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var actions = questions
            .Where(q => !string.IsNullOrWhiteSpace(q))
            .Distinct(StringComparer.Ordinal)
            .Take(MaxSuggestions)
            .Select(q => new CardAction { Type = "imBack", Title = Truncate(q, 60), Value = q })
            .ToList();
        return actions.Count == 0 ? null : new SuggestedActions { Actions = actions };
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, between words where it can, ending
    /// with an ellipsis when cut.</summary>
    public static string Truncate(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        var flat = WhitespaceRun().Replace(text, " ").Trim();
        if (flat.Length <= max)
        {
            return flat;
        }

        // Cut between words when a word boundary is not too far back, so no word is shown half.
        var cut = flat.LastIndexOf(' ', max - 1);
        var keep = cut >= max / 2 ? cut : max - 1;
        return string.Concat(flat.AsSpan(0, keep).TrimEnd().TrimEnd(",;:-\u2013\u2014"), "…");
    }

    /// <summary>The answer text for a Markdown channel: quoted briefing text made inert (<see cref="UntrustedContent"/>),
    /// the [n] markers kept live and separated.</summary>
    public static string AnswerMarkdown(string text) => SeparateMarkers(UntrustedContent.MarkdownKeepingMarkers(text));

    /// <summary>A draft of the answer (checked text so far, its markers not yet listed) as the channel shows the final text.</summary>
    public static string DraftText(string draft, string? channelId) =>
        channelId == "msteams" ? UntrustedContent.MarkdownKeepingMarkers(draft) : AnswerMarkdown(draft);

    /// <summary>Separates adjacent markers ("[1][2]" → "[1] [2]") so Markdown does not read them as one reference link.</summary>
    public static string SeparateMarkers(string text) => AdjacentMarkers().Replace(text, "] ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRun();

    [GeneratedRegex(@"\](?=\[\d+\])")]
    private static partial Regex AdjacentMarkers();
}
