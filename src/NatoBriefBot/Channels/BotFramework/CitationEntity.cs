using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NatoBriefBot.Core.Answering;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Channels.BotFramework;

/// <summary>
/// The schema.org <c>Message</c> entity that carries citations in Teams and Web Chat:
/// one <c>Claim</c> per citation (position = the [n] marker), each appearing in a <c>DigitalDocument</c>.
/// </summary>
public static class CitationEntity
{
    public const int MaxClaims = 20;
    public const int MaxNameLength = 80;
    public const int MaxAbstractLength = 160;
    private const int MaxKeywordLength = 28;

    /// <summary>Which client draws the entity, and so how briefing text in it must be escaped.</summary>
    public enum Channel
    {
        /// <summary>Web Chat: citations without a URL carry the full quote, which it renders as Markdown in a pop-up.</summary>
        WebChat,

        /// <summary>Teams: names, abstracts and keywords are shown as HTML text.</summary>
        Teams,
    }

    /// <summary>The sentence of the answer that carries marker [n], when the cited passage contains it: a better abstract
    /// than the passage's opening words.</summary>
    internal static string? CitedSentence(string? answerText, Citation citation)
    {
        if (string.IsNullOrEmpty(answerText))
        {
            return null;
        }

        var marker = $"[{citation.N.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";
        var at = answerText.IndexOf(marker, StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        var before = answerText[..at].TrimEnd();
        while (before.EndsWith(']'))
        {
            var open = before.LastIndexOf('[');
            if (open < 0)
            {
                break;
            }

            before = before[..open].TrimEnd();
        }

        var afterMarker = before.LastIndexOf("] ", StringComparison.Ordinal);
        var afterLead = before.LastIndexOf(": ", StringComparison.Ordinal);
        var start = Math.Max(afterMarker < 0 ? 0 : afterMarker + 2, afterLead < 0 ? 0 : afterLead + 2);
        var sentence = before[start..].Trim();
        return sentence.Length > 0 && citation.Quote.Contains(sentence, StringComparison.Ordinal) ? sentence : null;
    }

    /// <summary>The name a source is listed under: its title, then who published it and when ("NATO Summit's Top Priority —
    /// NATO, 5 Jul 2024"), within <paramref name="max"/> characters; only the title is shortened.</summary>
    public static string DisplayName(Citation citation, int max = MaxNameLength)
    {
        ArgumentNullException.ThrowIfNull(citation);
        var by = string.Join(", ", new[] { citation.Publisher?.Trim(), citation.Published?.ToString("d MMM yyyy", CultureInfo.InvariantCulture) }
            .Where(p => !string.IsNullOrEmpty(p))
            .Select(p => ReplyRenderer.Truncate(p!, MaxKeywordLength)));
        if (by.Length == 0)
        {
            return ReplyRenderer.Truncate(citation.Title, max);
        }

        var suffix = " \u2014 " + by;
        return ReplyRenderer.Truncate(citation.Title, Math.Max(12, max - suffix.Length)) + suffix;
    }

    /// <summary>The quoted passage as Markdown with the sentence the answer cites in bold, so the pop-up shows where it is.</summary>
    internal static string PassageMarkdown(Citation citation, string? answerText)
    {
        var sentence = CitedSentence(answerText, citation);
        var at = sentence is null ? -1 : citation.Quote.IndexOf(sentence, StringComparison.Ordinal);
        if (at < 0)
        {
            return UntrustedContent.Markdown(citation.Quote);
        }

        return UntrustedContent.Markdown(citation.Quote[..at]) + "**" + UntrustedContent.Markdown(sentence!) + "**" +
            UntrustedContent.Markdown(citation.Quote[(at + sentence!.Length)..]);
    }

    /// <summary>Teams' citation pop-up: an Adaptive Card (as a string) with the source's name, who published it and when,
    /// and the quoted passage with the cited sentence in bold.</summary>
    internal static string PassageCard(Citation citation, string? answerText)
    {
        var body = new JsonArray
        {
            new JsonObject { ["type"] = "TextBlock", ["text"] = UntrustedContent.Markdown(citation.Title), ["weight"] = "Bolder", ["wrap"] = true },
        };
        var by = string.Join(" \u00B7 ", new[] { citation.Publisher, citation.Published?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) }.Where(p => !string.IsNullOrWhiteSpace(p)));
        if (by.Length > 0)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = UntrustedContent.Markdown(by), ["isSubtle"] = true, ["spacing"] = "None", ["wrap"] = true });
        }

        body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = PassageMarkdown(citation, answerText), ["wrap"] = true });
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = body,
        };
        return card.ToJsonString();
    }

    /// <summary>Builds the entity for <paramref name="channel"/>; <paramref name="potentialActions"/> are added as the message's
    /// actions. Links are kept only when http(s); briefing text is escaped for the channel (<see cref="UntrustedContent"/>).</summary>
    public static JsonElement Build(IReadOnlyList<Citation> citations, Channel channel, JsonArray? potentialActions = null, string? answerText = null)
    {
        ArgumentNullException.ThrowIfNull(citations);
        var inlineText = channel == Channel.WebChat;
        Func<string, string> shown = channel == Channel.Teams ? UntrustedContent.Html : s => s;
        var claims = new JsonArray();
        foreach (var citation in citations.OrderBy(c => c.N).Take(MaxClaims))
        {
            var appearance = new JsonObject
            {
                ["@type"] = "DigitalDocument",
                ["name"] = shown(DisplayName(citation)),
            };
            if (UntrustedContent.HttpUrl(citation.Url) is { } url)
            {
                appearance["url"] = url;
            }

            if (!inlineText)
            {
                // Teams shows this card when the citation is opened: the passage itself, not only the 160-character abstract.
                appearance["text"] = PassageCard(citation, answerText);
                appearance["encodingFormat"] = "application/vnd.microsoft.card.adaptive";
            }
            else if (appearance["url"] is null)
            {
                appearance["text"] = PassageMarkdown(citation, answerText);
            }

            appearance["abstract"] = shown(ReplyRenderer.Truncate(CitedSentence(answerText, citation) ?? citation.Quote, MaxAbstractLength));
            var keywords = Keywords(citation, shown);
            if (keywords.Count > 0)
            {
                appearance["keywords"] = keywords;
            }

            var claim = new JsonObject { ["@type"] = "Claim", ["position"] = citation.N, ["appearance"] = appearance };
            if (inlineText)
            {
                claim["@id"] = string.Create(CultureInfo.InvariantCulture, $"cite:{citation.N}");
            }

            claims.Add(claim);
        }

        var message = new JsonObject
        {
            ["type"] = "https://schema.org/Message",
            ["@type"] = "Message",
            ["@context"] = "https://schema.org",
            ["@id"] = "",
            ["additionalType"] = new JsonArray("AIGeneratedContent"),
            ["citation"] = claims,
        };
        if (potentialActions is not null)
        {
            message["potentialAction"] = potentialActions;
        }

        return JsonSerializer.SerializeToElement(message);
    }

    private static JsonArray Keywords(Citation citation, Func<string, string> shown)
    {
        var keywords = new JsonArray();
        if (citation.Published is { } date)
        {
            keywords.Add(date.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrWhiteSpace(citation.Publisher))
        {
            keywords.Add(shown(ReplyRenderer.Truncate(citation.Publisher, MaxKeywordLength)));
        }

        return keywords;
    }
}
