using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;

namespace NatoBriefBot.Core.Text;

/// <summary>Reading the lexicon's tab-separated data (record types are described in its header).</summary>
public sealed partial class Lexicon
{
    /// <summary>Name of the embedded data file.</summary>
    public const string ResourceName = "NatoBriefBot.Core.Text.Lexicon.wordnet-lexicon.tsv";

    private Lexicon(TextReader reader)
    {
        var words = new Dictionary<string, WordCounts>(StringComparer.Ordinal);
        var exceptions = new Dictionary<string, List<Inflection>>(StringComparer.Ordinal);
        var places = new Dictionary<string, List<DemonymPlace>>(StringComparer.Ordinal);
        var demonymsOf = new Dictionary<string, List<(PartOfSpeech Pos, string Demonym)>>(StringComparer.Ordinal);
        var synonyms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var derived = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var broader = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var phrasalVerbs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var nameForms = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var properNames = new HashSet<string>(StringComparer.Ordinal);
        var currencies = new HashSet<string>(StringComparer.Ordinal);
        var personNouns = new HashSet<string>(StringComparer.Ordinal);
        var namedPlaces = new Dictionary<string, PlaceKind>(StringComparer.Ordinal);
        var capitals = new Dictionary<string, string>(StringComparer.Ordinal);

        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            switch (f[0])
            {
                case "W" when f.Length == 3:
                    words[f[1]] = WordCounts.Parse(f[2]);
                    break;
                case "X" when f.Length == 4:
                    Add(exceptions, f[1], new Inflection(ParsePos(f[2], lineNumber), [.. f[3].Split('|')]));
                    break;
                case "D" when f.Length == 5:
                    var place = new DemonymPlace(ParsePos(f[2], lineNumber), ParseKind(f[3], lineNumber), List(f[4]));
                    Add(places, f[1], place);
                    foreach (var name in place.Names)
                    {
                        Add(demonymsOf, name, (place.Pos, f[1]));
                    }

                    break;
                case "S" when f.Length == 3:
                    synonyms[f[1]] = List(f[2]);
                    break;
                case "R" when f.Length == 3:
                    derived[f[1]] = List(f[2]);
                    break;
                case "H" when f.Length == 3:
                    broader[f[1]] = List(f[2]);
                    break;
                case "V" when f.Length == 3:
                    phrasalVerbs[f[1]] = f[2].Length == 0 ? [] : List(f[2]);
                    break;
                case "A" when f.Length == 3:
                    // Both ways: "alpine" -> "alps" and "alps" -> "alpine".
                    foreach (var name in List(f[2]))
                    {
                        Add(nameForms, f[1], name);
                        Add(nameForms, name, f[1]);
                    }

                    break;
                case "N" when f.Length == 2:
                    properNames.Add(f[1]);
                    break;
                case "M" when f.Length == 2:
                    currencies.Add(f[1]);
                    break;
                case "K" when f.Length == 2:
                    personNouns.Add(f[1]);
                    break;
                case "P" when f.Length == 3:
                    namedPlaces[f[1]] = ParseKind(f[2], lineNumber);
                    break;
                case "C" when f.Length == 3:
                    capitals[f[1]] = f[2];
                    break;
                default:
                    throw new InvalidDataException($"Lexicon data line {lineNumber} is not a known record: '{line}'.");
            }
        }

        // A compound WordNet writes with a hyphen is often typed closed up ("frontrunners", "ceasefire"): that spelling
        // is the same word, not an unknown one (which would count as a name).
        foreach (var (lemma, counts) in words.Where(w => w.Key.Contains('-', StringComparison.Ordinal)).ToList())
        {
            words.TryAdd(lemma.Replace("-", string.Empty, StringComparison.Ordinal), counts);
        }

        _words = words.ToFrozenDictionary(StringComparer.Ordinal);
        _exceptions = exceptions.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);
        _places = places.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), StringComparer.Ordinal);
        _demonymsOf = demonymsOf.ToFrozenDictionary(
            kv => kv.Key,
            kv => (IReadOnlyList<string>)kv.Value.OrderBy(d => d.Pos == PartOfSpeech.Adjective ? 0 : 1).Select(d => d.Demonym).Distinct().ToList().AsReadOnly(),
            StringComparer.Ordinal);
        _synonyms = synonyms.ToFrozenDictionary(StringComparer.Ordinal);
        _derived = derived.ToFrozenDictionary(StringComparer.Ordinal);
        _broader = broader.ToFrozenDictionary(StringComparer.Ordinal);
        _phrasalVerbs = phrasalVerbs.ToFrozenDictionary(StringComparer.Ordinal);
        _nameForms = nameForms.ToFrozenDictionary(kv => kv.Key, kv => (IReadOnlyList<string>)kv.Value.Distinct(StringComparer.Ordinal).ToList().AsReadOnly(), StringComparer.Ordinal);
        _properNames = properNames.ToFrozenSet(StringComparer.Ordinal);
        _currencies = currencies.ToFrozenSet(StringComparer.Ordinal);
        _personNouns = personNouns.ToFrozenSet(StringComparer.Ordinal);
        _namedPlaces = namedPlaces.ToFrozenDictionary(StringComparer.Ordinal);
        _capitals = capitals.ToFrozenDictionary(StringComparer.Ordinal);
        _capitalsOf = capitals.GroupBy(kv => kv.Value, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.Select(kv => kv.Key).Order(StringComparer.Ordinal)], StringComparer.Ordinal);
        _lettersOnlyWords = new Lazy<string[]>(
            () => [.. _words.Keys.Where(w => w.All(char.IsAsciiLetter) && !_properNames.Contains(w)).Order(StringComparer.Ordinal)],
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Number of single-word lemmas loaded (a health figure for tests and diagnostics).</summary>
    public int WordCount => _words.Count;

    /// <summary>Reads a lexicon from data in the embedded file's format (tests use small hand-made data).</summary>
    public static Lexicon Load(TextReader reader) => new(reader ?? throw new ArgumentNullException(nameof(reader)));

    private static Lexicon LoadEmbedded()
    {
        using var stream = typeof(Lexicon).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(Lexicon).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return new Lexicon(reader);
    }

    private static void Add<T>(Dictionary<string, List<T>> table, string key, T value)
    {
        if (!table.TryGetValue(key, out var list))
        {
            table[key] = list = [];
        }

        list.Add(value);
    }

    private static IReadOnlyList<string> List(string field) => Array.AsReadOnly(field.Split('|'));

    private static PartOfSpeech ParsePos(string field, int line) => field switch
    {
        "n" => PartOfSpeech.Noun,
        "v" => PartOfSpeech.Verb,
        "a" => PartOfSpeech.Adjective,
        "r" => PartOfSpeech.Adverb,
        _ => throw new InvalidDataException($"Lexicon data line {line}: unknown part of speech '{field}'."),
    };

    private static PlaceKind ParseKind(string field, int line) => Enum.TryParse<PlaceKind>(field, ignoreCase: true, out var kind)
        ? kind
        : throw new InvalidDataException($"Lexicon data line {line}: unknown kind of place '{field}'.");

    /// <summary>Kinds of places, in the order a demonym's places are preferred.</summary>
    public enum PlaceKind
    {
        Country,
        Continent,
        Region,
        State,
        City,
    }

    private sealed record Inflection(PartOfSpeech Pos, ImmutableArray<string> Bases);

    private sealed record DemonymPlace(PartOfSpeech Pos, PlaceKind Kind, IReadOnlyList<string> Names);

    /// <summary>SemCor tag counts of one lemma per part of speech; -1 where WordNet has no such lemma.</summary>
    private readonly record struct WordCounts(int Noun, int Verb, int Adjective, int Adverb)
    {
        public int Total => Math.Max(Noun, 0) + Math.Max(Verb, 0) + Math.Max(Adjective, 0) + Math.Max(Adverb, 0);

        public bool Has(PartOfSpeech pos) => Of(pos) >= 0;

        public int Of(PartOfSpeech pos) => pos switch
        {
            PartOfSpeech.Noun => Noun,
            PartOfSpeech.Verb => Verb,
            PartOfSpeech.Adjective => Adjective,
            _ => Adverb,
        };

        /// <summary>The summed count over the given parts of speech; -1 when the lemma is none of them.</summary>
        public int CountIn(ReadOnlySpan<PartOfSpeech> parts)
        {
            var total = -1;
            foreach (var pos in parts)
            {
                if (Has(pos))
                {
                    total = Math.Max(total, 0) + Of(pos);
                }
            }

            return total;
        }

        /// <summary>Parses "n12 v3" (POS letter and tag count per part of speech).</summary>
        public static WordCounts Parse(string field)
        {
            int n = -1, v = -1, a = -1, r = -1;
            foreach (var item in field.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var count = int.Parse(item.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture);
                switch (item[0])
                {
                    case 'n': n = count; break;
                    case 'v': v = count; break;
                    case 'a': a = count; break;
                    case 'r': r = count; break;
                    default: throw new InvalidDataException($"Lexicon word counts '{field}' name an unknown part of speech.");
                }
            }

            return new WordCounts(n, v, a, r);
        }
    }
}
