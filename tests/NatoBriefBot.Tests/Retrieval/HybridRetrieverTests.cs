using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Retrieval;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Retrieval;

public sealed class HybridRetrieverTests(SeededEngine seeds) : IClassFixture<SeededEngine>
{
    [Theory]
    [InlineData("What is MARCOM's role in protecting undersea infrastructure?", "001_")]
    [InlineData("Where will the centre for critical undersea infrastructure be set up?", "001_")]
    [InlineData("What did Rutte announce about NSATU in Wiesbaden?", "003_")]
    [InlineData("What did Italy pledge?", "002_")]
    public async Task RetrieveAsync_SeedQuestion_RightBriefingFirst(string question, string filePrefix)
    {
        var result = await seeds.Retriever.RetrieveAsync(question);

        Assert.StartsWith(filePrefix, result.Evidence[0].Briefing.File, StringComparison.Ordinal);
        Assert.True(result.Evidence.Count <= new RetrievalOptions().MaxEvidence);
        Assert.Equal(result.Evidence.OrderByDescending(e => e.Score).Select(e => e.Passage.Id), result.Evidence.Select(e => e.Passage.Id));
    }

    [Theory]
    [InlineData("acording to stoltenberg, how much military support have allies given ukraine each year", "acording")]
    [InlineData("what did italy pledge becuase of the war", "becuase")]
    public async Task RetrieveAsync_StopWordTypedWithASlip_NotATermOfTheQuestion(string question, string slipped)
    {
        var result = await seeds.Retriever.RetrieveAsync(question);
        var term = TermAnalyzer.Normalize(slipped);

        Assert.DoesNotContain(term, result.Query.CoreTerms);
        Assert.DoesNotContain(term, result.Query.Terms);
        Assert.DoesNotContain(term, result.TermWeights.Keys);
        Assert.StartsWith("002_", result.Evidence[0].Briefing.File, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acording", true)]
    [InlineData("betwen", true)]
    [InlineData("wich", false)]
    [InlineData("according", false)]
    [InlineData("abound", false)]
    public void IsSlippedStopWord_Word_OneSlipFromALongStopWordAndNoWordOfItsOwn(string word, bool expected)
    {
        Assert.Equal(expected, QueryAnalyzer.IsSlippedStopWord(word));
    }

    [Fact]
    public async Task RetrieveAsync_WithOrWithoutTheQuestionMark_TheSameVectorsAndEvidence()
    {
        var asked = await seeds.Retriever.RetrieveAsync("Hi, I'm reading about the summit. Where will the new Ukraine command be based?");
        var typed = await seeds.Retriever.RetrieveAsync("Hi, I'm reading about the summit. Where will the new Ukraine command be based");

        Assert.Equal(asked.QueryVector.ToArray(), typed.QueryVector.ToArray());
        Assert.Equal(asked.ClauseVector.ToArray(), typed.ClauseVector.ToArray());
        Assert.Equal(asked.Evidence.Select(e => (e.Passage.Id, e.Score)), typed.Evidence.Select(e => (e.Passage.Id, e.Score)));
    }

    [Fact]
    public async Task RetrieveAsync_OtherThanHint_ThoseBriefingsRankBehindWithoutBeingRuledOut()
    {
        const string Question = "What did ministers discuss about Ukraine?";
        var plain = await seeds.Retriever.RetrieveAsync(Question);
        var first = plain.Evidence[0].Briefing.File;

        var other = await seeds.Retriever.RetrieveAsync(Question, new RetrievalHints([]) { OtherThanFiles = [first] });

        Assert.NotEqual(first, other.Evidence[0].Briefing.File);
        Assert.Empty(other.PreferredFiles);

        // Only one briefing mentions the Aegis Ashore base: turned away from, it is still found.
        var only = (await seeds.Retriever.RetrieveAsync("Where is the new Aegis Ashore base?")).Evidence[0].Briefing.File;
        var still = await seeds.Retriever.RetrieveAsync("Where is the new Aegis Ashore base?", new RetrievalHints([]) { OtherThanFiles = [only] });
        Assert.Contains(still.Evidence, e => e.Briefing.File == only);
    }

    [Fact]
    public async Task RetrieveAsync_FollowUpHints_SentencesOfTheCitedBriefingMarkedForTheAnswerModel()
    {
        var cited = (await seeds.Retriever.RetrieveAsync("What did Italy pledge?")).Evidence[0].Briefing.File;
        var column = Array.IndexOf(Core.Answering.Selection.AnswerFeatures.Names, "previous_briefing");

        var followUp = await seeds.Retriever.RetrieveAsync("What did ministers discuss about Ukraine?", new RetrievalHints([cited]));
        var standalone = await seeds.Retriever.RetrieveAsync("What did ministers discuss about Ukraine?");

        Assert.Equal([cited], followUp.PreferredFiles);
        var marked = Core.Answering.Selection.AnswerFeatures.Extract(followUp, followUp.Scorer!, followUp.Evidence.Count);
        Assert.Contains(marked, c => c.Evidence.Briefing.File != cited);
        Assert.All(marked, c => Assert.Equal(c.Evidence.Briefing.File == cited ? 1 : 0, c.Features[column]));
        Assert.All(Core.Answering.Selection.AnswerFeatures.Extract(standalone, standalone.Scorer!, standalone.Evidence.Count), c => Assert.Equal(0, c.Features[column]));
    }

    [Fact]
    public async Task RetrieveAsync_QuotedLine_TheSentenceWritingItMarkedForTheAnswerModel()
    {
        var column = Array.IndexOf(Core.Answering.Selection.AnswerFeatures.Names, "quoted");

        var pasted = await seeds.Retriever.RetrieveAsync("saw \"the closer that authoritarian actors align\" - who said it?");
        var plain = await seeds.Retriever.RetrieveAsync("who spoke about authoritarian actors?");

        var candidates = Core.Answering.Selection.AnswerFeatures.Extract(pasted, pasted.Scorer!, pasted.Evidence.Count);
        var best = candidates.MaxBy(c => c.Features[column])!;
        Assert.Contains("authoritarian actors align", best.Sentence.Text, StringComparison.Ordinal);
        Assert.Equal(1, best.Features[column]);
        Assert.All(Core.Answering.Selection.AnswerFeatures.Extract(plain, plain.Scorer!, plain.Evidence.Count), c => Assert.Equal(0, c.Features[column]));
    }

    [Fact]
    public async Task RetrieveAsync_FollowUpMovingToAnotherPeriod_KeepsOnlyPreferredBriefingsOfThatPeriod()
    {
        const string Question = "Which Ukrainian defence minister joined NATO ministers in October 2024?";
        var undated = seeds.Store.ListBriefings().Single(b => b.File.StartsWith("000_", StringComparison.Ordinal)).File;
        var october = seeds.Store.ListBriefings().Single(b => b.File.StartsWith("003_", StringComparison.Ordinal)).File;

        var moved = await seeds.Retriever.RetrieveAsync(Question, new RetrievalHints([undated, october]) { MovedPeriod = true });
        var kept = await seeds.Retriever.RetrieveAsync(Question, new RetrievalHints([undated, october]));

        Assert.Equal([october], moved.PreferredFiles);
        Assert.Equal(2, kept.PreferredFiles.Count);
    }

    [Fact]
    public async Task RetrieveAsync_NameNoBriefingMentions_ReportedAsUnknownSalient()
    {
        var result = await seeds.Retriever.RetrieveAsync("What did NATO decide about Antarctica?");

        Assert.Equal([TermAnalyzer.Normalize("Antarctica")], result.UnknownSalient);
    }

    [Fact]
    public async Task RetrieveAsync_LongCommonWordMisspeltTwice_NotAnUnknownName()
    {
        // "supossed" is two slips from "supposed", which no briefing writes either: a misspelt word, not a name whose absence
        // settles the question. Capitalized, the same letters read as a name.
        var typed = await seeds.Retriever.RetrieveAsync("when is stoltenberg supossed to step down");
        var named = await seeds.Retriever.RetrieveAsync("when is stoltenberg meeting Supossed");

        Assert.Empty(typed.UnknownSalient);
        Assert.Contains(TermAnalyzer.Normalize("Supossed"), named.UnknownSalient);
    }

    [Theory]
    [InlineData("what did the dutchman call his top priority")]
    [InlineData("what did the austrian say about ukraine")]
    public async Task RetrieveAsync_NationalityNoBriefingWrites_NotAnUnknownName(string question)
    {
        var result = await seeds.Retriever.RetrieveAsync(question);

        Assert.Empty(result.UnknownSalient);
    }

    [Fact]
    public async Task RetrieveAsync_NameOnlyInTheUsersOwnStory_NotAnUnknownName()
    {
        // The user tells of themselves first; the question stands on its own. A statement of what they saw or read names
        // what the question is about, so a name there still counts.
        var story = await seeds.Retriever.RetrieveAsync("I served alongside Aussies in Malaya, fine soldiers. Which leaders did Stoltenberg invite to the Washington summit?");
        var topic = await seeds.Retriever.RetrieveAsync("I saw something about Malaya in the news. Which leaders did Stoltenberg invite to the Washington summit?");
        var asked = await seeds.Retriever.RetrieveAsync("I served with the army. Which leaders from Malaya did Stoltenberg invite to the Washington summit?");

        Assert.Empty(story.UnknownSalient);
        Assert.Contains(TermAnalyzer.Normalize("Malaya"), topic.UnknownSalient);
        Assert.Contains(TermAnalyzer.Normalize("Malaya"), asked.UnknownSalient);
    }

    [Fact]
    public async Task RetrieveAsync_LowerCaseWordOnlyTheBriefingsKnow_AName()
    {
        // "rutte" is one letter from "butte", but no dictionary has it and the briefings do: a name. "deterrenc" is a slip
        // of "deterrence", which stems the same: not a name.
        var name = await seeds.Retriever.RetrieveAsync("who is rutte");
        var slip = await seeds.Retriever.RetrieveAsync("what did they say about deterrenc");

        Assert.Contains(TermAnalyzer.Normalize("Rutte"), name.Query.Salient);
        Assert.Empty(slip.Query.Salient);
    }

    [Theory]
    [InlineData("How much is the NSPA joint procurement of 155mm ammunition worth?")]
    [InlineData("how much is the nspa joint procurement of 155mm ammunition worth")]
    public async Task RetrieveAsync_AcronymTheBriefingsWriteOut_NotAnUnknownName(string question)
    {
        // The seeds write "NATO Support and Procurement Agency", never "NSPA".
        var result = await seeds.Retriever.RetrieveAsync(question);

        Assert.Empty(result.UnknownSalient);
        Assert.Contains(TermAnalyzer.Normalize("agency"), result.Query.Terms);
    }

    [Fact]
    public async Task RetrieveAsync_CountryCodeInCapitals_KnownByItsCountry()
    {
        // A seed names Germany, none Brazil: "DEU" is a country the briefings know, "BRA" one they never mention.
        var known = await seeds.Retriever.RetrieveAsync("what did DEU offer Ukraine in June 2024?");
        var unknown = await seeds.Retriever.RetrieveAsync("what did BRA offer Ukraine in June 2024?");

        Assert.Empty(known.UnknownSalient);
        Assert.Contains(TermAnalyzer.Normalize("Germany"), known.Query.Terms);
        Assert.NotEmpty(unknown.UnknownSalient);
    }

    [Fact]
    public async Task RetrieveAsync_OrdinalOfANumberTheBriefingsWrite_NotAnUnknownName()
    {
        // A seed writes "in Brussels on June 13 and 14"; a question says "on the 13th". No seed writes 97.
        var day = await seeds.Retriever.RetrieveAsync("what did NATO ministers discuss on the 13th of June 2024?");
        var unknownRank = await seeds.Retriever.RetrieveAsync("what did NATO ministers discuss at their 97th meeting?");

        Assert.Empty(day.UnknownSalient);
        Assert.Equal(["97th"], unknownRank.UnknownSalient);
    }

    [Fact]
    public async Task RetrieveAsync_YesNoQuestionWithANumberNoBriefingWrites_NotAnUnknownName()
    {
        // "Does NATO have 300,000 troops…?" checks a claim; "How many of the 300,000 troops…" asks about a number no one gave.
        var claim = await seeds.Retriever.RetrieveAsync("Does NATO have 777,000 troops on high readiness?");
        var asked = await seeds.Retriever.RetrieveAsync("How many of the 777,000 troops are on high readiness?");

        Assert.Empty(claim.UnknownSalient);
        Assert.NotEmpty(asked.UnknownSalient);
    }

    [Fact]
    public async Task RetrieveAsync_KnownNames_NoUnknownSalient()
    {
        var result = await seeds.Retriever.RetrieveAsync("What did Stoltenberg say about Ukraine?");

        Assert.Empty(result.UnknownSalient);
        Assert.True(result.TermWeights[TermAnalyzer.Normalize("Stoltenberg")] > 0);
    }

    [Fact]
    public async Task RetrieveAsync_IndexBuiltWithHashing_SaysToReindex()
    {
        using var folder = new TempFolder();
        var store = Records.Store(folder);
        store.Upsert(Records.Briefing("a.txt", "Ministers discussed new air defence systems for Ukraine."));
        using var services = TestEngine.Build(store.Path);

        var ex = await Assert.ThrowsAsync<Core.BriefBotException>(() => services.GetRequiredService<IRetriever>().RetrieveAsync("What did ministers discuss?"));

        Assert.Contains("built with the embedder 'lexical-hashing-v1'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ingest --rebuild", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetrieveAsync_Question_IsEmbeddedAsSearchQuery_WithoutItsQuestionMark()
    {
        var recorder = new RecordingEmbedder(seeds.Embedder);
        var retriever = new HybridRetriever(seeds.Store, recorder, seeds.Services.GetRequiredService<EmbedderProfile>(), new QueryAnalyzer(TimeProvider.System), new RetrievalOptions());

        await retriever.RetrieveAsync("Who leads the alliance?");

        var (texts, options) = Assert.Single(recorder.Calls);
        Assert.Equal(["Who leads the alliance"], texts);
        Assert.True(EmbeddingPurpose.IsQuery(options));
    }

    /// <summary>Passes calls on to the real embedder and remembers what was asked.</summary>
    private sealed class RecordingEmbedder(IEmbeddingGenerator<string, Embedding<float>> inner) : DelegatingEmbeddingGenerator<string, Embedding<float>>(inner)
    {
        public List<(string[] Texts, EmbeddingGenerationOptions? Options)> Calls { get; } = [];

        public override Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            Calls.Add(([.. values], options));
            return base.GenerateAsync(values, options, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
        }
    }

    [Fact]
    public async Task RetrieveAsync_EvidencePassages_AreStoredPassagesOfStoredBriefings()
    {
        var result = await seeds.Retriever.RetrieveAsync("How many troops are on high readiness?");

        Assert.NotEmpty(result.Evidence);
        foreach (var e in result.Evidence)
        {
            var (briefing, text, passages) = seeds.Store.GetBriefing(e.Briefing.File)!.Value;
            Assert.Equal(briefing, e.Briefing);
            Assert.Contains(passages, p => p.Id == e.Passage.Id && p.Text == e.Passage.Text);
            Assert.Equal(text[e.Passage.Start..e.Passage.End], e.Passage.Text);
        }
    }
}

/// <summary>Retrieval over briefings written straight into the index with publication dates (hashing vectors).</summary>
public sealed class HybridRetrieverDatedTests : IDisposable
{
    private const string AirDefence = "Ministers discussed new air defence systems for Ukraine and more Patriot batteries.";

    private readonly TempFolder _folder = new();
    private readonly List<ServiceProvider> _engines = [];

    public void Dispose()
    {
        _engines.ForEach(e => e.Dispose());
        _folder.Dispose();
    }

    private (IRetriever Retriever, BriefingStore Store) Engine(IDictionary<string, string?>? overrides = null, params BriefingRecord[] records)
    {
        var services = TestEngine.Build(_folder.Combine(Guid.NewGuid().ToString("N") + ".db"), Records.HashingEngine(overrides), new FixedTimeProvider(2025, 3, 10));
        _engines.Add(services);
        var store = services.GetRequiredService<BriefingStore>();
        store.EnsureEmbedder(services.GetRequiredService<Core.Embeddings.EmbedderProfile>());
        foreach (var record in records)
        {
            store.Upsert(record);
        }

        return (services.GetRequiredService<IRetriever>(), store);
    }

    private static BriefingRecord[] ThreeAirDefenceBriefings() =>
    [
        Records.Briefing("jun2023.txt", AirDefence, new DateOnly(2023, 6, 14)),
        Records.Briefing("oct2024.txt", AirDefence, new DateOnly(2024, 10, 17)),
        Records.Briefing("undated.txt", AirDefence),
    ];

    [Fact]
    public async Task RetrieveAsync_MonthNamed_BriefingOfThatMonthFirstOthersKept()
    {
        var (retriever, _) = Engine(null, ThreeAirDefenceBriefings());

        var result = await retriever.RetrieveAsync("What air defence systems did ministers discuss in October 2024?");

        // A period boosts; it excludes nothing, since an earlier article may announce the event asked about.
        var files = result.Evidence.SelectMany(e => e.AlsoIn.Prepend(e)).Select(e => e.Briefing.File).ToList();
        Assert.Equal("oct2024.txt", files[0]);
        Assert.Contains("undated.txt", files);
        Assert.Contains("jun2023.txt", files);
    }

    [Fact]
    public async Task RetrieveAsync_PrepositionTheBriefingsUse_NotAName()
    {
        var (retriever, _) = Engine(null, Records.Briefing("a.txt", "Ministers debated whether to move toward more support for Ukraine."));

        // No dictionary lists "whether" or "toward" and the briefing uses them: still not names a sentence must contain, as a
        // lower-case word only the briefings know would be ("rutte").
        var result = await retriever.RetrieveAsync("whether allies are moving toward more support for ukraine");

        Assert.DoesNotContain(TermAnalyzer.Normalize("whether"), result.Query.Salient);
        Assert.DoesNotContain(TermAnalyzer.Normalize("toward"), result.Query.Salient);
    }

    [Fact]
    public async Task RetrieveAsync_NameWordNetKnows_NotCorrectedToASimilarlySpelledIndexWord()
    {
        var (retriever, _) = Engine(null, Records.Briefing("keynote.txt", "The company spoke on stage at the Moscone Center about Stoltenberg's security message."));

        var name = await retriever.RetrieveAsync("What did they say about moscow?");
        var typo = await retriever.RetrieveAsync("What did they say about stoltenburg?");

        // "moscow" names a place: it is not a typo of "Moscone", and no briefing mentions it.
        Assert.Equal([TermAnalyzer.Normalize("moscow")], name.UnknownSalient);
        Assert.Empty(typo.UnknownSalient);
    }

    [Fact]
    public async Task RetrieveAsync_MisspeltWord_WeighsWhatItsCorrectionWeighs()
    {
        var (retriever, _) = Engine(
            null,
            Records.Briefing("a.txt", "Stoltenberg said ministers would discuss air defence."),
            Records.Briefing("b.txt", "Stoltenberg said the summit would agree a pledge."),
            Records.Briefing("c.txt", "The exhibition opened in Vilnius with 200 works."));

        var result = await retriever.RetrieveAsync("what did stoltenbrg say about the exhibition");

        // Two of three briefings name Stoltenberg: the slip is read as that common word, not as a word no briefing has,
        // which would make it count more than "exhibition", the question's point.
        Assert.Equal("what did Stoltenberg say about the exhibition", result.Query.Text);
        Assert.DoesNotContain(TermAnalyzer.Normalize("stoltenbrg"), result.TermWeights.Keys);
        Assert.True(result.TermWeights[TermAnalyzer.Normalize("stoltenberg")] < result.TermWeights[TermAnalyzer.Normalize("exhibition")]);
    }

    [Fact]
    public async Task RetrieveAsync_WordCutShort_TheIndexedWordItBegins()
    {
        var (retriever, _) = Engine(
            null,
            Records.Briefing("a.txt", "Rutte said deterrence and defence would be his top priority."),
            Records.Briefing("b.txt", "A new centre will protect undersea infrastructure."));

        var result = await retriever.RetrieveAsync("what's rutte's top prio");

        // "prio" is no word and no briefing writes it; "priority" is the one indexed word that starts so, and the question is
        // read with it.
        Assert.Contains(TermAnalyzer.Normalize("priority"), result.Query.Terms);
        Assert.DoesNotContain(TermAnalyzer.Normalize("prio"), result.Query.CoreTerms);
        Assert.Equal("a.txt", result.Evidence[0].Briefing.File);
    }

    [Fact]
    public async Task RetrieveAsync_SlipBeforeAFinalY_CorrectedToTheWordTheStemmerWroteWithI()
    {
        var (retriever, _) = Engine(null, Records.Briefing("patriot.txt", "Germany offered an additional Patriot battery to Ukraine, officials said."));

        var result = await retriever.RetrieveAsync("what did germnay offer");

        // "germany" is indexed as "germani"; the slip "germnay" keeps its y, one swap and one letter away from it.
        Assert.Equal("what did Germany offer", result.Query.Text);
        Assert.Contains(TermAnalyzer.Normalize("germany"), result.Query.Salient);
        Assert.Empty(result.UnknownSalient);
    }

    [Fact]
    public async Task RetrieveAsync_SlipEquallyNearTwoWords_StandsForBoth()
    {
        var (retriever, _) = Engine(
            null,
            Records.Briefing("command.txt", "The command will have several hundred personnel at headquarters."),
            Records.Briefing("coach.txt", "The coach left for personal reasons."),
            Records.Briefing("other.txt", "Her personal view was that personal ties matter."));

        var result = await retriever.RetrieveAsync("how many personel will work at the command");

        // "personel" is one letter from "personnel" and from the more frequent "personal": both stand for it, and the
        // passage about the command wins on its other words.
        var alternatives = result.Query.Alternatives[TermAnalyzer.Normalize("personel")];
        Assert.Contains(TermAnalyzer.Normalize("personnel"), alternatives);
        Assert.Contains(TermAnalyzer.Normalize("personal"), alternatives);
        Assert.Equal("command.txt", result.Evidence[0].Briefing.File);
    }

    [Fact]
    public async Task RetrieveAsync_SlipWithOneReading_ReadAsTheWordByTheEncodersToo()
    {
        var (retriever, _) = Engine(
            null,
            Records.Briefing("priority.txt", "Rutte said deterrence and defence is his top priority. Priority goes to air defence."),
            Records.Briefing("other.txt", "The exhibition opened in Vilnius with 200 works."));

        var typed = await retriever.RetrieveAsync("whats rutte's top priorty");
        var spelled = await retriever.RetrieveAsync("whats rutte's top priority");

        // The lower-case "priority" is how the briefings write the word; the capital opening a sentence says nothing.
        Assert.Equal("whats rutte's top priority", typed.Query.Text);
        Assert.Equal(spelled.QueryVector.ToArray(), typed.QueryVector.ToArray());
        Assert.Equal(spelled.Evidence.Select(e => (e.Passage.Id, e.Score)), typed.Evidence.Select(e => (e.Passage.Id, e.Score)));
    }

    [Fact]
    public async Task RetrieveAsync_SlipOfAWordNoBriefingHas_ReadAsTheDictionaryWord()
    {
        var (retriever, _) = Engine(null, Records.Briefing("ceo.txt", "Halvorsen will step down in September after ten years as chief executive."));

        var typed = await retriever.RetrieveAsync("what salery does halvorsen get");

        // No briefing writes "salary" either: the word is read as meant, and is what the briefings lack.
        Assert.Equal("what salary does halvorsen get", typed.Query.Text);
        Assert.Contains(TermAnalyzer.Normalize("salary"), typed.MissingTerms);
    }

    [Fact]
    public async Task RetrieveAsync_SlipEquallyNearTwoWordsOrADictionaryWord_KeptAsTyped()
    {
        var (retriever, _) = Engine(
            null,
            Records.Briefing("command.txt", "The command will have several hundred personnel at headquarters, a popular choice."),
            Records.Briefing("coach.txt", "The coach left for personal reasons."));

        var ambiguous = await retriever.RetrieveAsync("how many personel will work at the command");
        var word = await retriever.RetrieveAsync("what is the population of the command");

        // Which of "personnel" and "personal" was meant is for the passages' other words to decide; "population" is a
        // word, not a slip of "popular", though no briefing writes it.
        Assert.Equal("how many personel will work at the command", ambiguous.Query.Text);
        Assert.Equal("what is the population of the command", word.Query.Text);
    }

    [Theory]
    [InlineData("whats rutte's top priorty", "whats rutte's top priority")]
    [InlineData("what did stoltenbrg's deputy say", "what did Stoltenberg's deputy say")]
    [InlineData("population of vilnius", "population of vilnius")]
    public void Respelled_Slips_WrittenAsTheBriefingsWriteTheWord(string typed, string expected)
    {
        var corrections = new Dictionary<string, string>
        {
            [TermAnalyzer.Normalize("priorty")] = TermAnalyzer.Normalize("priority"),
            [TermAnalyzer.Normalize("stoltenbrg")] = TermAnalyzer.Normalize("stoltenberg"),
            [TermAnalyzer.Normalize("population")] = TermAnalyzer.Normalize("popular"),
        };
        var surfaces = HybridRetriever.Surfaces(corrections.Values, ["Priority goes to Stoltenberg's plan.", "His top priority is popular."]);

        Assert.Equal("priority", surfaces[TermAnalyzer.Normalize("priority")]);
        Assert.Equal("Stoltenberg", surfaces[TermAnalyzer.Normalize("stoltenberg")]);
        Assert.Equal(expected, HybridRetriever.Respelled(typed, corrections.ToDictionary(kv => kv.Key, kv => surfaces[kv.Value])));
    }

    [Fact]
    public async Task RetrieveAsync_ShortWordNoDictionaryKnows_CorrectedButNotAShortDictionaryWord()
    {
        var (retriever, _) = Engine(null, Records.Briefing("aegis.txt", "NATO will add an Aegis Ashore base in Poland and a new golf course near the base."));

        var slip = await retriever.RetrieveAsync("agis ashore base where");
        var word = await retriever.RetrieveAsync("gulf base where");

        Assert.Equal("Aegis ashore base where", slip.Query.Text);
        Assert.Equal("gulf base where", word.Query.Text);
        Assert.False(word.Query.Alternatives.TryGetValue(TermAnalyzer.Normalize("gulf"), out var alternatives) &&
            alternatives.Contains(TermAnalyzer.Normalize("golf")));
    }

    [Fact]
    public async Task RetrieveAsync_CapitalNoBriefingMentions_StandsForItsCountry()
    {
        var (retriever, _) = Engine(null, Records.Briefing("hybrid.txt", "Ministers discussed Russia's campaign of sabotage against allied infrastructure."));

        var capital = await retriever.RetrieveAsync("What were moscow's hostile moves said to include?");
        var city = await retriever.RetrieveAsync("What were Vilnius's hostile moves said to include?");

        Assert.Empty(capital.UnknownSalient);
        Assert.Contains(TermAnalyzer.Normalize("Russia"), capital.Query.Alternatives[TermAnalyzer.Normalize("moscow")]);
        // Only a national capital stands for its country, and only when no briefing names the capital itself.
        Assert.Equal([TermAnalyzer.Normalize("Vilnius")], city.UnknownSalient);
    }

    [Fact]
    public async Task RetrieveAsync_CapitalWithAShortTerm_StandsForItsCountryToo()
    {
        var (retriever, _) = Engine(null, Records.Briefing("pledges.txt", "Italy has pledged another SAMP/T air defence system to Ukraine."));

        var retrieval = await retriever.RetrieveAsync("what did rome pledge");

        // "Rome" is the term "rom": shorter than any word spelling correction looks at, but still a capital.
        Assert.Equal(3, TermAnalyzer.Normalize("rome").Length);
        Assert.Empty(retrieval.UnknownSalient);
        Assert.Contains(TermAnalyzer.Normalize("Italy"), retrieval.Query.Alternatives[TermAnalyzer.Normalize("rome")]);
    }

    [Fact]
    public async Task RetrieveAsync_PeriodWithoutBriefings_PeriodUncovered()
    {
        var (retriever, _) = Engine(null, ThreeAirDefenceBriefings());

        var covered = await retriever.RetrieveAsync("What air defence systems did ministers discuss in October 2024?");
        var uncovered = await retriever.RetrieveAsync("What air defence systems did ministers discuss in March 2021?");

        Assert.False(covered.PeriodUncovered);
        Assert.True(uncovered.PeriodUncovered);
    }

    [Fact]
    public async Task RetrieveAsync_PeriodCarriedFromTheConversation_RanksButDoesNotRuleOut()
    {
        var (retriever, _) = Engine(null, ThreeAirDefenceBriefings());

        var carried = await retriever.RetrieveAsync("What air defence systems did ministers discuss in March 2021?", new RetrievalHints([]) { CarriedPeriod = true });

        Assert.False(carried.PeriodUncovered);
        Assert.True(carried.Query.DatesAreSoft);
        Assert.NotEmpty(carried.Evidence);
    }

    [Fact]
    public async Task RetrieveAsync_NoPeriod_AllBriefingsEligible()
    {
        var (retriever, _) = Engine(null, ThreeAirDefenceBriefings());

        var result = await retriever.RetrieveAsync("What air defence systems did ministers discuss?");

        Assert.Equal(["jun2023.txt", "oct2024.txt", "undated.txt"], result.Evidence.SelectMany(e => e.AlsoIn.Prepend(e)).Select(e => e.Briefing.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RetrieveAsync_LastYear_BoostsThatYearRelativeToClockExcludesNothing()
    {
        var (retriever, _) = Engine(null, ThreeAirDefenceBriefings());

        var result = await retriever.RetrieveAsync("What air defence systems did ministers discuss last year?");

        var files = result.Evidence.SelectMany(e => e.AlsoIn.Prepend(e)).Select(e => e.Briefing.File).ToList();
        Assert.Equal("oct2024.txt", files[0]);
        Assert.True(files.IndexOf("jun2023.txt") > 0, "a relative period ranks, it does not exclude");
        Assert.False(result.PeriodUncovered);
    }

    [Fact]
    public async Task RetrieveAsync_Latest_NewestBriefingFirst()
    {
        var (retriever, _) = Engine(null,
            Records.Briefing("b-new.txt", AirDefence, new DateOnly(2024, 10, 17)),
            Records.Briefing("a-old.txt", AirDefence, new DateOnly(2023, 6, 14)),
            Records.Briefing("c-mid.txt", AirDefence, new DateOnly(2024, 6, 13)));

        var latest = await retriever.RetrieveAsync("What are the latest air defence systems for Ukraine?");
        var earliest = await retriever.RetrieveAsync("What did the earliest briefing say about air defence systems for Ukraine?");

        Assert.Equal(["b-new.txt", "c-mid.txt", "a-old.txt"], latest.Evidence.SelectMany(e => e.AlsoIn.Prepend(e)).Select(e => e.Briefing.File));
        Assert.Equal("a-old.txt", earliest.Evidence[0].Briefing.File);
    }

    [Fact]
    public async Task RetrieveAsync_OneSideZeroed_OrderFollowsTheOtherSide()
    {
        var records = Directory.GetFiles(TestEngine.SeedsFolder).Order(StringComparer.Ordinal)
            .Select(f => Records.Briefing(Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        const string question = "How many troops are on high readiness?";
        var vectorOnly = Engine(new Dictionary<string, string?> { ["Retrieval:KeywordWeight"] = "0", ["Retrieval:RerankWeight"] = "0" }, records);
        var keywordOnly = Engine(new Dictionary<string, string?> { ["Retrieval:VectorWeight"] = "0", ["Retrieval:RerankWeight"] = "0" }, records);

        var byVector = await vectorOnly.Retriever.RetrieveAsync(question);
        var byKeyword = await keywordOnly.Retriever.RetrieveAsync(question);

        var vectorHits = vectorOnly.Store.SearchVectors(Records.Embedder.Embed(question), byVector.Evidence.Count);
        var vectorTexts = vectorOnly.Store.GetPassages(vectorHits.Select(h => h.Id).ToList());
        Assert.Equal(vectorHits.Select(h => vectorTexts[h.Id].Text), byVector.Evidence.Select(e => e.Passage.Text));
        Assert.NotEqual(byVector.Evidence.Select(e => e.Passage.Text), byKeyword.Evidence.Select(e => e.Passage.Text));
    }
}
