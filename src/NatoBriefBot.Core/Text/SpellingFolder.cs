using System.Collections.Frozen;

namespace NatoBriefBot.Core.Text;

/// <summary>Folds British spellings onto American ones (defence -> defense, organise -> organize, centre -> center),
/// so a question in either spelling finds briefings in the other.</summary>
internal static class SpellingFolder
{
    private static readonly FrozenDictionary<string, string> Words = new Dictionary<string, string>
    {
        ["defence"] = "defense", ["defences"] = "defenses", ["offence"] = "offense", ["offences"] = "offenses",
        ["licence"] = "license", ["pretence"] = "pretense", ["programme"] = "program", ["programmes"] = "programs",
        ["catalogue"] = "catalog", ["dialogue"] = "dialog", ["analyse"] = "analyze", ["analysed"] = "analyzed",
        ["travelled"] = "traveled", ["travelling"] = "traveling", ["cancelled"] = "canceled", ["labelled"] = "labeled",
        ["modelling"] = "modeling", ["fuelled"] = "fueled", ["counsellor"] = "counselor", ["enrolment"] = "enrollment",
        ["manoeuvre"] = "maneuver", ["manoeuvres"] = "maneuvers", ["aluminium"] = "aluminum", ["tyre"] = "tire",
        ["grey"] = "gray", ["cheque"] = "check", ["kyiv"] = "kyiv", ["kiev"] = "kyiv", ["judgement"] = "judgment",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenSet<string> OurKeep = new[]
    {
        "four", "hour", "our", "your", "tour", "pour", "flour", "sour", "dour", "contour", "detour", "velour", "troubadour",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> IseKeep = new[]
    {
        "otherwise", "precise", "exercise", "promise", "enterprise", "compromise", "surprise", "advise", "revise",
        "expertise", "franchise", "premise", "televise", "supervise", "concise", "noise", "praise", "raise", "cruise",
        "chinese", "wise", "rise", "arise", "likewise", "clockwise", "disguise", "merchandise", "despise", "devise",
        "improvise", "treatise", "incise", "excise", "poise", "anise", "mortise", "paradise", "demise", "reprise",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> TreKeep = new[] { "genre", "acre", "massacre", "mediocre", "ogre", "lucre", "macabre" }
        .ToFrozenSet(StringComparer.Ordinal);

    public static string Fold(string word)
    {
        if (word.Length < 4)
        {
            return word;
        }

        if (Words.TryGetValue(word, out var mapped))
        {
            return mapped;
        }

        foreach (var (suffix, replacement) in IseSuffixes)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length > suffix.Length + 2)
            {
                var baseWord = word[..^suffix.Length] + "ise";
                return IseKeep.Contains(baseWord) || IseKeep.Contains(word) ? word : word[..^suffix.Length] + replacement;
            }
        }

        if (word.EndsWith("our", StringComparison.Ordinal) && !OurKeep.Contains(word) && word.Length > 5)
        {
            return word[..^3] + "or";
        }

        if (word.EndsWith("ours", StringComparison.Ordinal) && !OurKeep.Contains(word[..^1]) && word.Length > 6)
        {
            return word[..^4] + "ors";
        }

        if (word.EndsWith("tre", StringComparison.Ordinal) && !TreKeep.Contains(word) && word.Length > 4)
        {
            return word[..^3] + "ter";
        }

        if (word.EndsWith("tres", StringComparison.Ordinal) && !TreKeep.Contains(word[..^1]) && word.Length > 5)
        {
            return word[..^4] + "ters";
        }

        return word;
    }

    private static readonly (string Suffix, string Replacement)[] IseSuffixes =
    [
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"),
    ];
}
