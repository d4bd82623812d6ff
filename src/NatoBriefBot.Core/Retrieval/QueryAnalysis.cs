namespace NatoBriefBot.Core.Retrieval;

/// <summary>What kind of answer a question wants; the composer prefers sentences that carry it.</summary>
public enum QuestionType
{
    Other,
    Who,
    When,
    Where,
    HowMany,
    HowMuch,
    Why,
    YesNo,
    Nationality,
}

/// <summary>Which end of the timeline a question asks about ("the latest meeting", "the first summit").</summary>
public enum Recency
{
    None,
    Latest,
    Earliest,
}

/// <summary>An inclusive range of publication dates a question restricts itself to.</summary>
public readonly record struct DateRange(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly date) => date >= From && date <= To;
}

/// <summary>A question as the retriever and composer see it.</summary>
/// <param name="Text">The (follow-up-resolved) question.</param>
/// <param name="Terms">Its search terms (stop words removed, synonyms and acronym expansions added).</param>
/// <param name="CoreTerms">The terms the user actually wrote (no expansions): what an answer must cover.</param>
/// <param name="Alternatives">For a core term, other terms that stand for it (synonyms, acronym expansions).</param>
/// <param name="Salient">Proper names, numbers and years the user wrote: if the briefings never mention one, they can't answer.</param>
/// <param name="Dates">Publication-date restriction, when the question names a period.</param>
/// <param name="DateText">The period as the user wrote it ("October 2024"), for follow-ups.</param>
public sealed record QueryAnalysis(
    string Text,
    IReadOnlyList<string> Terms,
    IReadOnlyList<string> CoreTerms,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Alternatives,
    IReadOnlyList<string> Salient,
    QuestionType Type,
    DateRange? Dates,
    string? DateText,
    Recency Recency,
    bool PrefersNewest)
{
    /// <summary>The period is relative ("this year", "last year"): it boosts briefings of that period but excludes none.</summary>
    public bool DatesAreSoft { get; init; }

    /// <summary>Core terms written only before the part of the text that asks (a greeting, a lead-in, a sentence setting
    /// the scene): they weigh less than the words of the question itself.</summary>
    public IReadOnlySet<string> ContextTerms { get; init; } = new HashSet<string>();

    /// <summary>"who is Mark Rutte?": the question names a person and asks what they are (a role answers it).</summary>
    public bool AsksWhoSomeoneIs { get; init; }

    /// <summary>What a "how many" question counts ("how many defence ministers attended" -> "minist"), as a term: the answer
    /// gives a number of those; null for other questions.</summary>
    public string? CountedTerm { get; init; }

    /// <summary>What the question asks for several of by count ("what were the three main topics" -> "topic"), as a term:
    /// the answer lists them, often one sentence each ("Global partnerships will be the third topic"); null otherwise.</summary>
    public string? ListedTerm { get; init; }

    /// <summary>The part of the question that asks (lower case), without the scene-setting around it; null when that is the
    /// whole question.</summary>
    public string? Clause { get; init; }

    /// <summary>The question asks for a name ("what is the name of…", "the general's name"): an answer must name someone
    /// or something the question does not.</summary>
    public bool AsksForName { get; init; }

    /// <summary>A when-question asking for a calendar date ("on what date…"): a day, month or year answers it, "next week"
    /// or "in the coming months" does not.</summary>
    public bool AsksForExactDate { get; init; }

    /// <summary>A how-much question about what something costs or is worth: its answer is a sum of money.</summary>
    public bool AsksForMoney { get; init; }

    /// <summary>"How old is…", "what age…": the answer is a person's age, not any number the sentence holds.</summary>
    public bool AsksForAge { get; init; }

    /// <summary>"summarize the June 2024 meeting", "what happened at the Vilnius summit": the question wants what a briefing
    /// is about, which its opening sentences say.</summary>
    public bool AsksForOverview { get; init; }

    /// <summary>"who is sec gen now", "bitcoin price today": the question is about the present, which the briefings, all
    /// written before it, may no longer describe.</summary>
    public bool AsksAboutPresent { get; init; }

    /// <summary>"what did rutte say about…", "according to zelenskyy": the name terms of the person whose words the question
    /// asks for; null when it asks for no one's words.</summary>
    public IReadOnlyList<string>? AskedSpeaker { get; init; }

    /// <summary>'saw this: "no wish to stay on beyond this year" - who said it?': the terms of the words the user quotes
    /// (three words or more between double quotation marks); empty when it quotes none.</summary>
    public IReadOnlyList<string> QuotedTerms { get; init; } = [];

    /// <summary>"what did leaders actually agree", "who ended up getting the job", "the outcome of the talks": the question
    /// wants what came of an event, which a briefing that only announces the event does not say.</summary>
    public bool AsksForOutcome { get; init; }

    /// <summary>The kind of place a where-question asks for ("which town", "what country", "which us state"), or null when
    /// it names none: a country does not answer "which town".</summary>
    public Text.Lexicon.PlaceKind? AsksForPlaceKind { get; init; }
}
