using System.Globalization;
using System.Text;

namespace NatoBriefBot.Benchmarks;

/// <summary>
/// Writes a deterministic corpus of news-like briefings for benchmarks: a headline, a dateline, and paragraphs of
/// sentences drawn from a Zipf-distributed vocabulary (so full-text posting lists look like real text), plus some
/// page junk. Not for quality measurements: the text is meaningless, only its shape is realistic.
/// </summary>
internal static class SyntheticCorpus
{
    private static readonly string[] Common =
    [
        "the", "of", "and", "to", "in", "a", "on", "for", "that", "with", "said", "will", "by", "as", "at", "from", "is", "was",
        "NATO", "defence", "ministers", "allies", "support", "Ukraine", "security", "meeting", "summit", "alliance", "military",
        "secretary", "general", "production", "industry", "deterrence", "investment", "pledge", "capabilities", "forces",
        "training", "assistance", "command", "headquarters", "Brussels", "Washington", "council", "plan", "plans", "new",
        "billion", "euros", "percent", "spending", "air", "missile", "maritime", "cyber", "space", "partners", "Europe",
    ];

    private static readonly string[] Syllables = ["ka", "lo", "ri", "sta", "ven", "mar", "tel", "dro", "pha", "qui", "nor", "bel", "sen", "tor", "gan", "lix", "pre", "vol", "dun", "ser"];

    /// <summary>Writes <paramref name="count"/> briefings of about <paramref name="sentences"/> sentences into <paramref name="folder"/>.</summary>
    public static void Write(string folder, int count, int sentences, int seed = 42)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var vocabulary = BuildVocabulary(random, 20_000);
        for (var i = 0; i < count; i++)
        {
            var sb = new StringBuilder();
            sb.AppendLine(Sentence(random, vocabulary, 8).TrimEnd('.'));
            var date = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 2000));
            sb.AppendLine(CultureInfo.InvariantCulture, $"{random.Next(0, 24):00}:{random.Next(0, 60):00} {date:dd.MM.yyyy}");
            sb.AppendLine();
            for (var s = 0; s < sentences; s++)
            {
                sb.Append(Sentence(random, vocabulary, random.Next(12, 30))).Append(' ');
                if (s % 4 == 3)
                {
                    sb.AppendLine().AppendLine();
                }
            }

            sb.AppendLine().AppendLine("AD").AppendLine("2 min read");
            File.WriteAllText(Path.Combine(folder, $"synthetic_{i:000000}.txt"), sb.ToString());
        }
    }

    private static string[] BuildVocabulary(Random random, int size)
    {
        var words = new string[size];
        Common.CopyTo(words, 0);
        for (var i = Common.Length; i < size; i++)
        {
            var length = random.Next(2, 5);
            var w = new StringBuilder();
            for (var k = 0; k < length; k++)
            {
                w.Append(Syllables[random.Next(Syllables.Length)]);
            }

            words[i] = i % 7 == 0 ? char.ToUpperInvariant(w[0]) + w.ToString()[1..] : w.ToString();
        }

        return words;
    }

    /// <summary>A sentence of Zipf-distributed words (rank r drawn with probability ~ 1/r).</summary>
    private static string Sentence(Random random, string[] vocabulary, int length)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var rank = (int)Math.Min(vocabulary.Length - 1, Math.Floor(Math.Exp(random.NextDouble() * Math.Log(vocabulary.Length))) - 1);
            var word = vocabulary[rank];
            sb.Append(i == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            sb.Append(i == length - 1 ? "." : random.Next(12) == 0 ? ", " : " ");
        }

        return sb.ToString();
    }
}
