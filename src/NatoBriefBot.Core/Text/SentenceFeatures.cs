using System.Text.RegularExpressions;

namespace NatoBriefBot.Core.Text;

/// <summary>Cheap signals of what a sentence contains: dates, numbers, amounts, places, people, nationalities.</summary>
public static partial class SentenceFeatures
{
    /// <summary>Capitalized words that are titles, institutions or sentence furniture rather than a person's name.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "NATO", "Secretary", "General", "Defence", "Defense", "Minister", "Ministers", "Prime", "President", "Alliance", "Allies",
        "Summit", "Council", "Commission", "Group", "Command", "Agency", "Ukraine", "Russia", "The", "This", "That", "He", "She",
        "We", "It", "In", "On", "At", "Mr", "Mrs", "Ms", "Dr", "North", "Atlantic", "Washington", "Brussels", "Vilnius",
        "Speaking", "According", "Since", "Over", "But", "And", "Head", "Chief", "Military", "Committee", "Ministerial",
        "Nuclear", "Planning", "Contact", "Support", "Security", "Assistance", "Training", "Maritime", "United", "States",
        "European", "Union", "Kingdom", "Defense's", "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    };

    /// <summary>Titles that come before a surname alone.</summary>
    private static readonly HashSet<string> Honorifics = new(StringComparer.Ordinal) { "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Sir", "Dame" };

    public static bool HasDate(string sentence) => DateRegex().IsMatch(sentence);

    /// <summary>A capitalized word news writes that is never a person's name: a month, a weekday, a word of an institution's
    /// name ("Council", "Alliance").</summary>
    public static bool IsNeverAName(string word) => NotNames.Contains(word);

    /// <summary>The sentence without an opening participle phrase that sets the scene of a statement ("Previewing the meeting
    /// on Wednesday (14 June 2023), Stoltenberg said…", "Speaking to reporters on Monday, she told…"): a date there is when
    /// the words were said, not a date the sentence reports. "During the summit in July, …" and "Starting on 1 July, the
    /// rule applies" set no scene for a statement and are kept, as is a scene the question asks about: its terms have the
    /// participle's ("what day did he preview the meeting").</summary>
    public static string WithoutSetting(string sentence, IReadOnlySet<string> asked)
    {
        ArgumentNullException.ThrowIfNull(asked);
        const int StatementWords = 10;
        var setting = SettingRegex().Match(sentence);
        if (!setting.Success || asked.Contains(TermAnalyzer.Normalize(setting.Groups["verb"].Value)))
        {
            return sentence;
        }

        var rest = sentence[setting.Length..];
        var opening = string.Join(' ', rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(StatementWords));
        return Speakers.Reports(opening) ? rest : sentence;
    }

    [GeneratedRegex(@"^(?<verb>\p{Lu}\p{Ll}+ing)\b[^,;:""\u201C]{0,120},\s")]
    private static partial Regex SettingRegex();

    /// <summary>A calendar date: a day with its month ("14 June", "June 13 and 14"), a month with its year, a year, a numeric
    /// date or a named weekday; not "next week" or "in the coming months".</summary>
    public static bool HasCalendarDate(string sentence) => DayOrYearRegex().IsMatch(sentence) || MonthYearRegex().IsMatch(sentence);

    /// <summary>A person's age as news writes it: "Halvorsen, 61, told reporters", "the 46-year-old", "aged 27", "27 years
    /// old".</summary>
    public static bool HasAge(string sentence) => AgeRegex().IsMatch(sentence);

    [GeneratedRegex(@"\p{Lu}[\p{L}'’-]+,\s*\d{1,3},|\b\d{1,3}[-\s]years?[-\s]old\b|\baged\s+\d{1,3}\b")]
    private static partial Regex AgeRegex();

    /// <summary>A role that can answer "who": "a three-star general", "the defence minister".</summary>
    public static bool HasRole(string sentence) => RoleRegex().IsMatch(sentence);

    /// <summary>The roles named in the text ("a three-star general", "the defence minister"), as written.</summary>
    public static IEnumerable<string> Roles(string sentence) => RoleRegex().Matches(sentence).Select(m => m.Value);

    /// <summary>The places named in the text: the first word after a place word ("in Vilnius", "visited Kyiv"), a name
    /// ending in "City" ("Salt Lake City", "Mexico City"), and any
    /// capitalized word WordNet names a place by ("the Vilnius Summit", "Bulgaria"), except as a sentence's first word
    /// when it is also a common word ("Reading the report…").</summary>
    public static IEnumerable<string> Places(string sentence) =>
        PlaceRegex().Matches(sentence).Select(m => m.Groups["place"].Value)
            .Concat(NamedCityRegex().Matches(sentence).Select(m => m.Value))
            .Concat(TermAnalyzer.Tokenize(sentence)
                .Where((t, i) => t.IsCapitalized && (Lexicon.Default.DemonymsOf(t.Surface).Count > 0 ||
                    (Lexicon.Default.NamedPlace(t.Surface) is not null && (i > 0 || Lexicon.Default.IsProperName(t.Surface)))))
                .Select(t => t.Surface))
            .Distinct(StringComparer.Ordinal);

    /// <summary>A number that can answer "how many" or "how much": digits or number words, not the day or year of a date
    /// ("on 14 June 2023", "October 17-18", "in 2022").</summary>
    public static bool HasNumber(string sentence) => NumberRegex().IsMatch(DayOrYearRegex().Replace(sentence, " "));

    public static bool HasAmount(string sentence) => AmountRegex().IsMatch(sentence) || InCurrency(sentence);

    /// <summary>A sum of money: a number with a currency ("£34m", "EUR 20.9 billion", "1.6 million dollars", "61 billion
    /// krónur", "1.1 billion Swiss francs").</summary>
    public static bool HasMoney(string sentence) => MoneyRegex().IsMatch(sentence) || InCurrency(sentence);

    /// <summary>A number followed by a word WordNet knows as a currency ("61 billion krónur", "3,000 zlotys"), perhaps after
    /// a name saying whose ("2 billion Hong Kong dollars").</summary>
    private static bool InCurrency(string sentence) =>
        NumberThenWordRegex().Matches(sentence).Any(m => Lexicon.Default.IsCurrency(m.Groups["unit"].Value));

    public static bool HasPlace(string sentence) => Places(sentence).Any();

    /// <summary>A capitalized nationality word ("Norwegian", "Germans"), as WordNet knows them.</summary>
    public static bool HasDemonym(string sentence) =>
        TermAnalyzer.Tokenize(sentence).Any(t => t.IsCapitalized && Lexicon.Default.IsDemonym(t.Surface));

    /// <summary>People named in the text: runs of two or more capitalized words that are not titles, institutions or a
    /// leading nationality ("Danish Prime Minister Mette Frederiksen" gives "Mette Frederiksen"), in order of appearance.
    /// Only a country's nationality word is dropped, so a name such as "Norman Schwarzkopf" stays whole.</summary>
    public static List<string> People(string text)
    {
        var people = new List<string>();
        foreach (Match m in CapitalRunRegex().Matches(text))
        {
            var words = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(w => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w)
                .ToList();
            var name = new List<string>();
            for (var i = 0; i <= words.Count; i++)
            {
                if (i < words.Count && !NotNames.Contains(words[i]) && !Vocabulary.StopWords.Contains(words[i].ToLowerInvariant()))
                {
                    if (name.Count > 0 || !Lexicon.Default.IsNationality(words[i]))
                    {
                        name.Add(words[i]);
                    }

                    continue;
                }

                // "Mr Stoltenberg", "Dr Steinhoff": an honorific makes one capitalized word a name.
                var honorific = name.Count == 1 && i - 2 >= 0 && Honorifics.Contains(words[i - 2].TrimEnd('.'));
                if ((name.Count >= 2 || honorific) && name.All(w => w.Length > 1 && !w.All(char.IsUpper)) && !IsPlaceName(name))
                {
                    var full = string.Join(' ', name);
                    if (!people.Contains(full))
                    {
                        people.Add(full);
                    }
                }

                name.Clear();
            }
        }

        return people;
    }

    /// <summary>A run of capitalized words that names a place, not a person: a country WordNet gives a nationality for
    /// ("New Zealand", "South Korea"), or one ending in a country, region or state ("North Korea"). A city at the end
    /// does not count: it is often a surname too ("Lloyd Austin").</summary>
    private static bool IsPlaceName(List<string> words)
    {
        var full = string.Join(' ', words);
        return Lexicon.Default.DemonymsOf(full).Count > 0 ||
            Lexicon.Default.NamedPlace(words[^1]) is Lexicon.PlaceKind.Country or Lexicon.PlaceKind.Region or Lexicon.PlaceKind.State or Lexicon.PlaceKind.Continent;
    }

    /// <summary>The months' names as a regular-expression alternation (the date patterns share it).</summary>
    internal const string MonthNames = "January|February|March|April|May|June|July|August|September|October|November|December";

    internal const string WeekdayNames = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    /// <summary>The months' usual abbreviations ("oct 2024", "Sept"), as a regular-expression alternation.</summary>
    internal const string MonthAbbreviations = "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    [GeneratedRegex(@"\b(?:" + MonthNames + "|" + MonthAbbreviations + @")\b|\b(?:19|20)\d{2}\b|\b(?:" + WeekdayNames + @")\b|\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b(?:next|last)\s+(?:week|month|year)\b|(?i:\b(?:in|within|over|during)\s+the\s+(?:coming|next|past|last|following)\s+(?:few\s+|two\s+|three\s+|several\s+)?(?:days|weeks|months|years)\b|\b(?:later|earlier|early|end of)\s+(?:this|next|last)\s+(?:week|month|year)\b|\b(?:today|tomorrow|yesterday|tonight)\b)")]
    private static partial Regex DateRegex();

    [GeneratedRegex(@"(?i:\b(?:a|an|the|his|her|its|their)\s+(?:[\w'’-]+\s+){0,3}(?:general|admiral|commander|minister|secretary|chief|director|president|officer|envoy|ambassador|governor|chancellor|executive|head)\b)")]
    private static partial Regex RoleRegex();

    [GeneratedRegex(@"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NumberRegex();

    // Days with their month ("14 June", "June 13 and 14", "October 17-18"), years, and numeric dates.
    [GeneratedRegex(@"\b\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|and)\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:" + MonthNames + @")\b|\b(?:" + MonthNames + @")\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*(?:-|–|and)\s*\d{1,2}(?:st|nd|rd|th)?)?\b|(?<!\d|\d[.,])(?:19|20)\d{2}(?![\d%]|[.,]\d)|\b\d{1,2}\.\d{1,2}\.\d{4}\b")]
    private static partial Regex DayOrYearRegex();

    [GeneratedRegex(@"\b(?:" + MonthNames + @")\s+(?:19|20)\d{2}\b|\b(?:" + WeekdayNames + @")\b")]
    private static partial Regex MonthYearRegex();

    // A number, then its unit, written apart or hyphenated ("1.5 billion euros", "a 500-million-euro site").
    [GeneratedRegex(@"(?:EUR|USD|\$|€|£)\s?\d|\d[\d.,]*(?:\s*|-)(?:%|(?:percent|per cent|billion|bln|bn|million|mln|euros?|dollars?)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex AmountRegex();

    [GeneratedRegex(@"(?<![\d.,])\d(?:[\d.,]*\d)?(?:\s+|-)(?:(?:thousand|million|billion|trillion|bln|bn|mln)(?:\s+|-))?(?:(?-i:(?:[A-Z][a-z]+|US|U\.S\.)\s+){1,2}(?=\p{Ll}))?(?<unit>\p{L}{3,})", RegexOptions.IgnoreCase)]
    private static partial Regex NumberThenWordRegex();

    [GeneratedRegex(@"(?:EUR|USD|GBP|\$|€|£|¥)\s?\d|\d[\d.,]*(?:\s*|-)(?:(?:thousand|million|billion|trillion|bln|bn|mln|m|k)(?:\s+|-))?(?-i:(?:[A-Z][a-z]+|US|U\.S\.)\s+){0,2}(?:euros?|dollars?|pounds|sterling|yen|francs?|kronor|kroner|crowns|zloty|rupees?|yuan)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyRegex();

    // After a word that places something ("in", "towards", "visited") or names a settlement ("the fishing town of Grindavík",
    // "the Lithuanian capital Vilnius"); letters of any alphabet.
    [GeneratedRegex(@"\b(?:in|at|to|towards?|into|from|near|outside|visited|visit|(?:town|city|village|port|capital)(?:\s+of)?)\s+(?:the\s+)?(?<place>\p{Lu}\p{Ll}+|[A-Z]{2,})")]
    private static partial Regex PlaceRegex();

    // A city whose name ends in "City": one to three capitalized words before it, not an article ("The City").
    [GeneratedRegex(@"\b(?!(?:The|A|An|This|That|Our|Their|Its)\s)(?:\p{Lu}\p{Ll}+\s+){1,3}City\b")]
    private static partial Regex NamedCityRegex();

    // Accented letters inside a word keep it whole ("Laura Jiménez"); a run starts at a Latin capital.
    [GeneratedRegex(@"(?:\b[A-Z][\p{L}\-]+(?:'s|’s)?)(?:\s+[A-Z][\p{L}\-]+(?:'s|’s)?)+")]
    private static partial Regex CapitalRunRegex();
}
