using System.Globalization;
using System.Text.RegularExpressions;
using NatoBriefBot.Core.Text;
using NatoBriefBot.Core.Storage;

namespace NatoBriefBot.Core.Answering;

/// <summary>What a message that talks to the bot itself, not about the briefings, does.</summary>
public enum SmallTalkKind
{
    /// <summary>"hi", "good morning".</summary>
    Greeting,

    /// <summary>"what can you do?", "what sources do you use", "help".</summary>
    Help,

    /// <summary>"thanks", "ok great".</summary>
    Thanks,

    /// <summary>"bye", "see you", "that's all for today".</summary>
    Goodbye,

    /// <summary>"how's it going", "how are you", "anyone there?".</summary>
    HowAreYou,

    /// <summary>"are you a real person?", "who are you".</summary>
    Identity,
}

/// <summary>
/// Messages that are conversation rather than questions ("hi", "thanks!", "are you a real person?", "what sources do you
/// draw on?"): they get a plain reply (what the bot is, with questions to start from) instead of a search of the
/// briefings that would quote something unrelated or say "I couldn't find that". The whole message must be small talk:
/// its greetings, thanks and farewells are taken out, and what is left, if anything, must be addressed to the bot and
/// use only words about the bot's own work (asking, answers, sources, briefings) and function words. "hi, who chairs the
/// meeting?" and "what do you know about Rutte" are questions.
/// </summary>
public static partial class SmallTalk
{
    /// <summary>The kind of small talk <paramref name="message"/> is, or null for anything else (a question).</summary>
    public static SmallTalkKind? Classify(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var typed = Spaces().Replace(NotLetters().Replace(message.ToLowerInvariant(), " "), " ").Trim();
        if (typed.Length == 0)
        {
            return null;
        }

        var text = " " + string.Join(' ', typed.Split(' ').Select(Mend)) + " ";

        var addressed = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(Addressing.Contains);
        var found = new HashSet<SmallTalkKind>();
        foreach (var (kind, phrase) in Phrases)
        {
            text = phrase.Replace(text, _ =>
            {
                found.Add(kind);
                return " ";
            });
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "NATO briefings", "defence news", "questions about NATO meetings": the bot's own field naming what it reads, or
        // what they are about, is still about the bot's work.
        var rest = words.Where((w, i) => !Fillers.Contains(w) && !(OwnField.Contains(w) && (NamesWhatItReads(words, i) || IsTopicOfWhatItReads(words, i))))
            .ToList();
        if (rest.Count > 0)
        {
            // What is left asks about the bot itself: it speaks to the bot and says nothing about any briefing's subject.
            if (!addressed || !rest.All(w => AboutTheBot.Contains(w) || FunctionWords.Contains(w)))
            {
                return null;
            }

            found.Add(SmallTalkKind.Help);
        }

        if (found.Count == 0)
        {
            // "ok", "great", "cool": an acknowledgement, answered as thanks are.
            return SmallTalkKind.Thanks;
        }

        // The reply answers the most specific thing said: "hi, who are you?" is about the bot, "thanks, bye" a farewell.
        return Precedence.Cast<SmallTalkKind?>().FirstOrDefault(k => found.Contains(k!.Value));
    }

    /// <summary>"NATO briefings": a field word before another, or before what the bot reads.</summary>
    private static bool NamesWhatItReads(string[] words, int i) =>
        i + 1 < words.Length && (OwnField.Contains(words[i + 1]) || WhatItReads.Contains(words[i + 1]));

    /// <summary>"questions about NATO meetings": a field word after what the bot reads, with only function words and field
    /// words between.</summary>
    private static bool IsTopicOfWhatItReads(string[] words, int i)
    {
        for (var j = i - 1; j >= 0; j--)
        {
            if (WhatItReads.Contains(words[j]))
            {
                return true;
            }

            if (!FunctionWords.Contains(words[j]) && !OwnField.Contains(words[j]))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// A small-talk word as typed in a hurry ("heyy", "helo", "thnaks", "realy helpfull"), read as the word it stands for:
    /// one whose letters are the same with each run of a repeated letter counted once, or, for a word of five letters or
    /// more that is no English word, the one word of the small-talk vocabulary a single slip away. Other words stay.
    /// </summary>
    private static string Mend(string word)
    {
        if (Vocabulary.Contains(word))
        {
            return word;
        }

        var single = SingleLetters(word);
        if (BySingleLetters.TryGetValue(single, out var same))
        {
            return same;
        }

        if (word.Length < 5 || Lexicon.Default.IsKnownWord(word))
        {
            return word;
        }

        var near = BySingleLetters.Where(v => v.Value.Length >= 4 && EditDistance.Compute(v.Key, single, 1) <= 1).Take(2).ToList();
        return near.Count == 1 ? near[0].Value : word;
    }

    private static string SingleLetters(string word) =>
        string.Concat(word.Where((c, i) => i == 0 || c != word[i - 1]));

    /// <summary>The reply to small talk, given what the index holds.</summary>
    public static string Reply(SmallTalkKind kind, CatalogSummary catalog) => kind switch
    {
        SmallTalkKind.Thanks => "Glad to help. Ask me anything else about the briefings.",
        SmallTalkKind.Goodbye => "Goodbye! Come back any time with a question about the briefings.",
        SmallTalkKind.Identity => "I'm NatoBriefBot, a bot rather than a person. " + Introduction(catalog, opening: null),
        SmallTalkKind.HowAreYou => "All well here, thanks for asking! " + Introduction(catalog, opening: null),
        _ => Introduction(catalog),
    };

    /// <summary>Does this kind of small talk get example questions to start from (a greeting, a question about the bot)?</summary>
    public static bool OffersExamples(SmallTalkKind kind) => kind is not (SmallTalkKind.Thanks or SmallTalkKind.Goodbye);

    /// <summary>What the bot does and what it knows, ending with an invitation to ask (followed by example questions when
    /// the channel shows them); also the welcome for new members.</summary>
    public static string Introduction(CatalogSummary catalog) => Introduction(catalog, "Hello! ");

    private static string Introduction(CatalogSummary catalog, string? opening)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.BriefingCount == 0)
        {
            return opening + "I answer questions about NATO defence ministers' briefings, citing my sources. " +
                   "No briefings have been loaded yet, so I can't answer anything right now: ask the bot's owner to run the `ingest` command.";
        }

        var span = (catalog.Earliest, catalog.Latest) switch
        {
            ({ } from, { } to) when from == to => $" from {Format(from)}",
            ({ } from, { } to) => $" from {Format(from)} to {Format(to)}",
            _ => "",
        };
        var noun = catalog.BriefingCount == 1 ? "briefing" : "briefings";
        return opening + "I answer questions about NATO defence ministers' briefings and cite the briefing behind every statement. " +
               $"I know {catalog.BriefingCount.ToString(CultureInfo.InvariantCulture)} {noun}{span}. Ask me anything about them, for example:";
    }

    private static string Format(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static readonly SmallTalkKind[] Precedence =
        [SmallTalkKind.Identity, SmallTalkKind.Help, SmallTalkKind.Goodbye, SmallTalkKind.Thanks, SmallTalkKind.HowAreYou, SmallTalkKind.Greeting];

    /// <summary>Small-talk phrases, taken out of the message (lower case, words separated by single spaces) in this order.</summary>
    private static readonly (SmallTalkKind Kind, Regex Phrase)[] Phrases =
    [
        (SmallTalkKind.Identity, IdentityRegex()),
        (SmallTalkKind.HowAreYou, HowAreYouRegex()),
        (SmallTalkKind.Thanks, ThanksRegex()),
        (SmallTalkKind.Goodbye, GoodbyeRegex()),
        (SmallTalkKind.Greeting, GreetingRegex()),
        (SmallTalkKind.Help, HelpRegex()),
    ];

    /// <summary>Words that speak to the bot: a question about the bot has one.</summary>
    private static readonly HashSet<string> Addressing = new(StringComparer.Ordinal)
    {
        "you", "your", "yours", "yourself", "u", "ur", "bot", "chatbot", "assistant", "this",
    };

    /// <summary>Words about the bot's own work: what it can do, what it answers from, how to ask it.</summary>
    private static readonly HashSet<string> AboutTheBot = new(StringComparer.Ordinal)
    {
        "you", "your", "yours", "yourself", "u", "ur", "bot", "chatbot", "assistant", "tool", "service", "system", "app",
        "help", "helping", "helpful", "assist", "ask", "asking", "question", "questions", "answer", "answers", "answering",
        "reply", "replies", "source", "sources", "material", "materials", "access", "data", "document", "documents",
        "information", "info", "briefing", "briefings", "article", "articles", "news", "file", "files", "content", "knowledge",
        "cover", "covers", "covering", "covered", "topic", "topics", "subject", "subjects", "use", "using", "uses", "work",
        "works", "working", "meant", "supposed", "designed", "built", "made", "able", "capable", "purpose", "draw",
        "drawing", "drawn", "based", "rely", "relying", "come", "comes", "pull", "pulling", "trained", "limit", "limits",
        "limitations", "example", "examples", "thing", "things", "stuff", "anything", "something", "everything", "cite",
        "cites", "citing", "search", "searching", "read", "reading", "range", "actually", "real", "really",
        "exactly", "specific", "sort", "sorts", "kind", "kinds", "type", "types", "words", "short",
        "briefly", "few", "start", "starting", "begin", "beginning", "before",
        "first", "know", "tell", "explain", "describe", "show", "give", "want", "wanted", "need", "needed", "like", "get",
        "got", "have", "has", "had", "let", "go", "going", "do", "does", "did", "can", "could",
    };

    /// <summary>The field the bot covers, as a modifier of what it reads ("NATO briefings", "defence ministers' news") or as
    /// what it is about ("questions about NATO meetings").</summary>
    private static readonly HashSet<string> OwnField = new(StringComparer.Ordinal)
    {
        "nato", "alliance", "defence", "defense", "ministers", "ministerial", "ministerials", "meeting", "meetings", "summit", "summits",
        "security", "policy",
    };

    /// <summary>What the bot reads, named with its field ("NATO briefings").</summary>
    private static readonly HashSet<string> WhatItReads = new(StringComparer.Ordinal)
    {
        "briefing", "briefings", "article", "articles", "news", "document", "documents", "material", "materials", "questions", "topics",
    };

    /// <summary>Function words, which say nothing about a subject.</summary>
    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "for", "with", "from", "in", "on", "about", "at", "by", "as", "into", "and", "or",
        "so", "if", "what", "which", "who", "how", "where", "why", "is", "are", "am", "was", "were", "be", "been", "will",
        "would", "should", "shall", "may", "might", "must", "i", "me", "my", "we", "us", "our", "it", "its", "that", "this",
        "these", "those", "there", "here", "s", "d", "ll", "m", "ve", "re", "t", "not", "no", "any", "some", "all", "each",
        "every", "more", "most", "also", "too", "very", "whats", "im", "id", "ive", "dont", "cant",
    };

    /// <summary>Words that add nothing to small talk ("ok great, thanks", "hi again, quick question").</summary>
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "ok", "okay", "k", "great", "perfect", "cool", "nice", "awesome", "good", "brilliant", "excellent", "alright",
        "right", "well", "so", "please", "pls", "plz", "just", "quick", "quickly", "lol", "haha", "hmm", "um", "oh", "ah",
        "and", "but", "also", "then", "again", "got", "it", "that", "s", "helpful", "very",
    };

    /// <summary>True for a word that adds nothing to a message ("ok", "great", "right", "so"), in any case.</summary>
    internal static bool IsFiller(string word) => Fillers.Contains(word.ToLowerInvariant());

    /// <summary>Words of the small-talk phrases, besides those of the word lists.</summary>
    private static readonly string[] PhraseWords =
    [
        "hi", "hello", "hey", "heya", "hiya", "howdy", "greetings", "morning", "afternoon", "evening", "there", "everyone", "team",
        "thanks", "thank", "thankyou", "thx", "cheers", "appreciated", "appreciate", "bye", "goodbye", "later", "soon", "done",
        "doing", "today", "nice", "meet", "pleased", "hope", "whats", "person", "human", "robot", "machine", "computer", "program",
        "name", "made", "built", "created", "programmed", "menu", "started", "examples", "instructions", "assistance",
        "anyone", "anybody", "someone", "somebody", "home", "around", "awake", "alive", "online", "listening", "still",
    ];

    /// <summary>Every word small talk is made of.</summary>
    private static readonly HashSet<string> Vocabulary =
        new(AboutTheBot.Concat(FunctionWords).Concat(Fillers).Concat(Addressing).Concat(OwnField).Concat(WhatItReads).Concat(PhraseWords), StringComparer.Ordinal);

    /// <summary>The vocabulary by its letters with repeats counted once ("helo" for "hello"); the first word keeps a form.</summary>
    private static readonly Dictionary<string, string> BySingleLetters = Vocabulary
        .GroupBy(SingleLetters, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    [GeneratedRegex(@" (?:(?:are|r) (?:you|u) (?:a |an )?(?:real |actual )?(?:person|human|human being|bot|robot|machine|ai|computer|program|chatbot|chat bot|assistant)|(?:are|r) (?:you|u) (?:real|human|a real one)|is this (?:a )?(?:real )?(?:bot|robot|person|human|ai|machine)|am i (?:talking|chatting|speaking) (?:to|with) (?:a )?(?:real )?(?:person|human|bot|robot|machine|ai)|who (?:made|built|created|wrote|programmed|runs) (?:you|this)|(?:who|what) (?:are|r) (?:you|u)(?= (?:and |$))|what is your name|what s your name|whats your name)(?= )")]
    private static partial Regex IdentityRegex();

    [GeneratedRegex(@" (?:how (?:are|r) (?:you|u|things)(?: doing| today| going)?|how s (?:it going|everything|things|life|your day)|hows (?:it going|everything|things|life)|how is (?:it going|everything|your day)|how (?:have|ve) you been|how do you do|what s up|whats up|wassup|sup|nice to meet you|good to meet you|pleased to meet you|hope you re (?:well|good|doing well)|hope you are (?:well|good|doing well)|(?:is |are )?(?:there )?(?:any|some)(?:one|body) (?:there|here|home|around|about|awake|listening)|(?:are )?(?:you|u) (?:still )?(?:there|around|awake|alive|online|listening)|is this (?:thing )?(?:on|working))(?= )")]
    private static partial Regex HowAreYouRegex();

    [GeneratedRegex(@" (?:(?:that (?:was|s|is) |thats |you (?:were|ve been|have been) )?(?:(?:really|very|super|so) )?(?:helpful|useful)|that helps|thanks|thank (?:you|u)|thankyou|thx|thnx|thanx|ty|cheers|much appreciated|many thanks|appreciate it|i appreciate (?:it|that|your help|the help))(?: (?:so|very) much| a lot| a bunch| again| loads)?(?: for (?:your|the|all the|all your) (?:help|assistance)| for that| for this| for everything| for the answers?)?(?: today)?(?= )")]
    private static partial Regex ThanksRegex();

    [GeneratedRegex(@" (?:bye|goodbye|bye bye|see (?:you|ya|u)|cya|good night|talk (?:to you )?(?:later|soon)|that s (?:all|it|everything)|thats (?:all|it|everything)|that is (?:all|it|everything)|that ll be all|that will be all|i m done|im done|i am done|all done|signing off)(?: (?:that )?i \w+)?(?: for (?:now|today|the day|tonight))?(?: later| soon)?(?= )")]
    private static partial Regex GoodbyeRegex();

    [GeneratedRegex(@" (?:hi|hello|hey|heya|hiya|howdy|greetings|yo|good (?:morning|afternoon|evening|day))(?: (?:there|all|everyone|team|folks|bot|again))?(?= )")]
    private static partial Regex GreetingRegex();

    [GeneratedRegex(@" (?:help(?: me)?|menu|get started|getting started|start|examples?|instructions)(?= )")]
    private static partial Regex HelpRegex();

    [GeneratedRegex(@"[^\p{L}\p{Nd}]+")]
    private static partial Regex NotLetters();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
