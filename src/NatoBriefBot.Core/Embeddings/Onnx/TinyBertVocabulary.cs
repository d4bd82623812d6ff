namespace NatoBriefBot.Core.Embeddings.Onnx;

/// <summary>
/// The word-piece vocabulary of <see cref="TinyBertModel"/>: BERT's special tokens, every lower-case letter, digit and
/// common punctuation mark (alone and as a <c>##</c> continuation, so no word falls back to [UNK]), and a few hundred
/// whole words and suffixes from English and from NATO briefings.
/// </summary>
internal static class TinyBertVocabulary
{
    public static readonly string[] SpecialTokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"];

    private const string Words = """
        the of and to in a is that for it as was with be by on not he this are or his from at which but have an they
        has had were their been one all would there more also its after first new who will can about two over other
        into than some these only time may year years when said could such most between under three against during
        people since before many while where both each those made through well four government state states country
        countries international national world public war military defence defense security forces force support
        alliance nato allies ally allied member members ministers minister meeting meetings summit brussels vilnius
        washington madrid secretary general stoltenberg rutte jens mark ukraine ukrainian russia russian moscow kyiv
        kiev china chinese united kingdom america american europe european union eu us uk france french germany german
        poland polish turkey turkish sweden swedish finland finnish norway canada italy spain netherlands baltic
        estonia latvia lithuania romania black sea north atlantic treaty organization organisation eastern flank
        deterrence posture troops soldiers army navy air missile missiles drone drones ammunition artillery weapons
        tank tanks aircraft fighter jets f jet shells production industry industrial capacity spending budget gdp
        percent billion million euros dollars target targets pledge commitment commitments plan plans planning
        regional defences readiness rapid battlegroups battalion brigade headquarters exercise exercises command
        cyber space nuclear hybrid threat threats attack attacks aggression invasion conflict peace ceasefire
        agreement agreed agree decision decided announce announced announcement statement press conference news
        briefing briefings report reported reports according told says say stated noted added warned called
        week month day today yesterday tomorrow june july october february march april may monday tuesday wednesday
        thursday friday saturday sunday morning evening two thousand twenty twenty-three twenty-four
        help aid assistance package packages delivery deliveries deliver provide provided provides send sent training
        train trained coalition partners partner cooperation dialogue council defence-ministers ministerial level
        high strong stronger strength increase increased increasing boost boosted ensure ensuring continue continued
        need needs must should long term short medium years-long future current recent last next major key main
        important critical clear together common collective article five seven principle sovereignty territory
        border borders integrity independence democracy freedom values rules order law global stability crisis
        """;

    private const string Suffixes = "s es ed ing er ers est ly ion ions tion tions sion al ally ity ment ments ness ic ical ive ize ise ised ized an ans ian ians ist ists ary ory ure able ible ful less ous";

    private const string Punctuation = ".,;:!?'\"()-[]{}/\\%$&*+=<>@#_|~`^";

    /// <summary>The vocabulary in file order; a token's line number is its id.</summary>
    public static IReadOnlyList<string> Build()
    {
        var tokens = new List<string>(SpecialTokens);
        var seen = new HashSet<string>(tokens, StringComparer.Ordinal);

        void Add(string token)
        {
            if (token.Length > 0 && seen.Add(token))
            {
                tokens.Add(token);
            }
        }

        foreach (var c in "abcdefghijklmnopqrstuvwxyz0123456789")
        {
            Add(c.ToString());
            Add("##" + c);
        }

        foreach (var c in Punctuation)
        {
            Add(c.ToString());
        }

        foreach (var word in Words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var piece in word.Split('-'))
            {
                Add(piece);
            }
        }

        foreach (var suffix in Suffixes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Add("##" + suffix);
        }

        return tokens;
    }
}
