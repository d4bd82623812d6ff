using System.Globalization;
using System.Text.RegularExpressions;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Core.Answering;

/// <summary>What a message that talks to the bot itself, not about the briefings, does.</summary>
public enum SmallTalkKind
{
    /// <summary>"hi", "good morning".</summary>
    Greeting,

    /// <summary>"what can you do?", "who are you", "help".</summary>
    Help,

    /// <summary>"thanks", "ok great".</summary>
    Thanks,

    /// <summary>"bye", "see you".</summary>
    Goodbye,
}

/// <summary>
/// Messages that are conversation rather than questions ("hi", "thanks!", "what can you do?"): they get a plain reply
/// (what the bot is, with questions to start from) instead of a search of the briefings that would quote something
/// unrelated or say "I couldn't find that". Only a whole message counts: "hi, who chairs the meeting?" is a question.
/// </summary>
public static partial class SmallTalk
{
    /// <summary>The kind of small talk <paramref name="message"/> is, or null for anything else (a question).</summary>
    public static SmallTalkKind? Classify(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Spaces().Replace(NotLetters().Replace(message.ToLowerInvariant(), " "), " ").Trim();
        if (text.Length == 0 || text.Length > 40)
        {
            return null;
        }

        return GreetingRegex().IsMatch(text) ? SmallTalkKind.Greeting
            : HelpRegex().IsMatch(text) ? SmallTalkKind.Help
            : ThanksRegex().IsMatch(text) ? SmallTalkKind.Thanks
            : GoodbyeRegex().IsMatch(text) ? SmallTalkKind.Goodbye
            : null;
    }

    /// <summary>The reply to small talk, given what the index holds.</summary>
    public static string Reply(SmallTalkKind kind, CatalogSummary catalog) => kind switch
    {
        SmallTalkKind.Thanks => "Glad to help. Ask me anything else about the briefings.",
        SmallTalkKind.Goodbye => "Goodbye! Come back any time with a question about the briefings.",
        _ => Introduction(catalog),
    };

    /// <summary>What the bot does and what it knows, ending with an invitation to ask (followed by example questions when
    /// the channel shows them); also the welcome for new members.</summary>
    public static string Introduction(CatalogSummary catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.BriefingCount == 0)
        {
            return "Hello! I answer questions about NATO defence ministers' briefings, citing my sources. " +
                   "No briefings have been loaded yet, so I can't answer anything right now: ask the bot's owner to run the `ingest` command.";
        }

        var span = (catalog.Earliest, catalog.Latest) switch
        {
            ({ } from, { } to) when from == to => $" from {Format(from)}",
            ({ } from, { } to) => $" from {Format(from)} to {Format(to)}",
            _ => "",
        };
        var noun = catalog.BriefingCount == 1 ? "briefing" : "briefings";
        return "Hello! I answer questions about NATO defence ministers' briefings and cite the briefing behind every statement. " +
               $"I know {catalog.BriefingCount.ToString(CultureInfo.InvariantCulture)} {noun}{span}. Ask me anything about them, for example:";
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:(?:hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day))(?: (?:there|all|everyone|team|bot))?)+$")]
    private static partial Regex GreetingRegex();

    [GeneratedRegex(@"^(?:(?:hi|hello|hey) )?(?:help(?: me)?|what can you do|what do you do|what are you|who are you|what can i ask(?: you)?|what do you know(?: about)?|how does this work|how do i use (?:this|you)|what is this|start|get started|menu)(?: please)?$")]
    private static partial Regex HelpRegex();

    [GeneratedRegex(@"^(?:(?:ok|okay|great|perfect|cool|nice|awesome|good|brilliant|got it)(?: )?)*(?:thanks|thank you|thx|ty|cheers|much appreciated|many thanks)?(?: (?:so much|very much|a lot|again))?$")]
    private static partial Regex ThanksRegex();

    [GeneratedRegex(@"^(?:bye|goodbye|bye bye|see you|see ya|cya|good night|that s all|that is all)(?: (?:later|soon|for now|thanks|thank you))?$")]
    private static partial Regex GoodbyeRegex();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotLetters();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
