using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using NatoBriefBot.Core.Embeddings;
using NatoBriefBot.Core.Ingestion.Chunking;
using NatoBriefBot.Core.Storage;
using NatoBriefBot.Core.Text;

namespace NatoBriefBot.Core.Ingestion;

/// <summary>A file that could not be ingested, and why.</summary>
public sealed record IngestFailure(string File, string Reason);

/// <summary>Something about a stored file the user should know (e.g. a link that was dropped).</summary>
public sealed record IngestNote(string File, string Note);

/// <summary>What one ingest run did.</summary>
public sealed record IngestReport(int Added, int Updated, int Unchanged, int Removed, IReadOnlyList<IngestFailure> Failed, int Passages, TimeSpan Elapsed)
{
    public int Total => Added + Updated + Unchanged + Failed.Count;

    /// <summary>Stored briefings whose passages an older term analyzer produced and this run did not rewrite (their
    /// files were not part of it, or failed): their search terms are stale until they are ingested again.</summary>
    public int StaleAnalyzer { get; init; }

    /// <summary>Files stored with a caveat, e.g. a link dropped because it was not http or https.</summary>
    public IReadOnlyList<IngestNote> Notes { get; init; } = [];
}

/// <summary>Progress of a run: files handled so far out of the total.</summary>
public readonly record struct IngestProgress(int Done, int Total);

/// <summary>How a run treats what is already in the index.</summary>
/// <param name="Rebuild">Empty the index first and ingest everything again.</param>
/// <param name="Prune">Remove stored briefings whose files were not found in this run; not done when a path given was
/// not found at all (a mistyped folder must not empty the index).</param>
public sealed record IngestRunOptions(bool Rebuild = false, bool Prune = false);

/// <summary>
/// briefing files -> read and clean -> passages -> embeddings -> index. Files are prepared in parallel and written
/// one transaction per briefing by a single writer. Unchanged files (same content hash) are skipped; a bad file is
/// reported by name and the rest still go in.
/// </summary>
public sealed class IngestionPipeline(
    IBriefingReader reader,
    PassageChunker chunker,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    EmbedderProfile profile,
    BriefingStore store,
    SecondOpinionEncoder secondOpinion)
{
    public async Task<IngestReport> IngestAsync(
        IReadOnlyList<string> paths, IngestRunOptions options, IProgress<IngestProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        var started = DateTime.UtcNow;
        if (profile.MaxInputTokens < chunker.MaxTokens)
        {
            throw new BriefBotException(
                $"Ingestion:PassageTokens ({chunker.MaxTokens}) is larger than the embedder '{profile.Name}' accepts ({profile.MaxInputTokens} tokens). Lower Ingestion:PassageTokens.");
        }

        if (options.Rebuild)
        {
            store.Clear();
        }

        store.EnsureEmbedder(profile);
        var found = BriefingFiles.Find(paths, out var missing);
        var failures = new List<IngestFailure>(missing.Select(m => new IngestFailure(m, "not found: no such file or folder")));
        var known = store.GetContentHashes();
        var storedRoots = store.GetRoots();
        var (files, refused) = IngestRoots.Check(found, storedRoots);
        failures.AddRange(refused);
        var rootOf = files.ToDictionary(f => f.Relative, f => f.Root, StringComparer.Ordinal);
        var moved = new List<(string File, string Root)>();
        var notes = new List<IngestNote>();

        // Passages analyzed by an older TermAnalyzer have stale terms (and lexical vectors): rewrite every file of
        // this run, whatever its content hash says.
        var analyzerChanged = store.GetAnalyzer() is { } analyzer && analyzer != TermAnalyzer.Version;
        var skippable = analyzerChanged ? new Dictionary<string, string>(StringComparer.Ordinal) : known;
        var rewritten = new HashSet<string>(StringComparer.Ordinal);
        // Every name found counts as seen, refused ones too: a prune must not delete the stored briefing that a refusal
        // (its name taken by another folder's file) just protected.
        var seen = new HashSet<string>(found.Select(f => f.Relative), StringComparer.Ordinal);
        int added = 0, updated = 0, unchanged = 0, passages = 0, done = 0;

        var prepared = Channel.CreateBounded<Prepared>(new BoundedChannelOptions(64) { SingleReader = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
                    async (file, ct) => await prepared.Writer.WriteAsync(await PrepareAsync(file, skippable, ct).ConfigureAwait(false), ct).ConfigureAwait(false))
                    .ConfigureAwait(false);
            }
            finally
            {
                prepared.Writer.Complete();
            }
        }, cancellationToken);

        using var writer = store.OpenWriter();
        await foreach (var item in prepared.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            seen.Add(item.File);
            if (item.Failure is not null)
            {
                failures.Add(new IngestFailure(item.File, item.Failure));
            }
            else if (item.Record is null)
            {
                unchanged++;
                if (storedRoots.GetValueOrDefault(item.File) != rootOf[item.File])
                {
                    moved.Add((item.File, rootOf[item.File]));
                }
            }
            else
            {
                writer.Upsert(item.Record);
                notes.AddRange(item.Notes.Select(n => new IngestNote(item.File, n)));
                rewritten.Add(item.File);
                passages += item.Record.Passages.Count;
                if (known.ContainsKey(item.File))
                {
                    updated++;
                }
                else
                {
                    added++;
                }
            }

            progress?.Report(new IngestProgress(++done, files.Count));
        }

        await producer.ConfigureAwait(false);
        store.SetRoots(moved);
        // A path that was not found (a mistyped folder) may hold briefings the index has: pruning would delete them all.
        var removed = options.Prune && missing.Count == 0 ? store.Delete(known.Keys.Where(k => !seen.Contains(k)).ToList()) : 0;
        if (options.Prune && missing.Count > 0)
        {
            notes.Add(new IngestNote(missing[0], "nothing was pruned, because this path was not found; check the paths and run again with --prune"));
        }

        if (added + updated + removed > 0 || !store.UndatedPlaced())
        {
            store.DateUndated();
        }

        failures.Sort((a, b) => string.CompareOrdinal(a.File, b.File));
        var stale = analyzerChanged ? known.Keys.Count(k => !rewritten.Contains(k) && (!options.Prune || seen.Contains(k))) : 0;
        if (stale == 0)
        {
            store.SetAnalyzer(TermAnalyzer.Version);
        }

        return new IngestReport(added, updated, unchanged, removed, failures, passages, DateTime.UtcNow - started) { StaleAnalyzer = stale, Notes = notes };
    }

    private async Task<Prepared> PrepareAsync(BriefingFile file, Dictionary<string, string> known, CancellationToken ct)
    {
        var extension = Path.GetExtension(file.FullPath).ToLowerInvariant();
        if (!reader.SupportedExtensions.Contains(extension))
        {
            var what = extension.Length == 0 ? "files without an extension are" : $"'{extension}' files are";
            return new Prepared(file.Relative, null, $"{what} not supported; convert it to one of {string.Join(", ", reader.SupportedExtensions.Order(StringComparer.Ordinal))}");
        }

        try
        {
            var content = await File.ReadAllBytesAsync(file.FullPath, ct).ConfigureAwait(false);
            var hash = await HashAsync(file, content, ct).ConfigureAwait(false);
            if (known.TryGetValue(file.Relative, out var storedHash) && storedHash == hash)
            {
                return new Prepared(file.Relative, null, null);
            }

            var parsed = await reader.ReadAsync(file.FullPath, file.Root, content, ct).ConfigureAwait(false);
            var chunks = chunker.Chunk(parsed.Text);
            if (chunks.Count == 0)
            {
                return new Prepared(file.Relative, null, "no article text is left after removing page junk");
            }

            // Passages and their sentences go to the embedder together: passage vectors serve retrieval, sentence vectors
            // serve answer selection.
            var sentences = chunks.Select(c => SentenceSplitter.Split(c.Text).Select(span => span.Of(c.Text)).ToList()).ToList();
            var vectors = await EmbedAsync([.. chunks.Select(c => c.Text), .. sentences.SelectMany(x => x)], known.ContainsKey(file.Relative) ? file.Relative : null, ct).ConfigureAwait(false);
            var second = await secondOpinion.EmbedAsync([.. sentences.SelectMany(x => x)], ct).ConfigureAwait(false);
            var records = new List<PassageRecord>(chunks.Count);
            var next = chunks.Count;
            var nextSecond = 0;
            for (var i = 0; i < chunks.Count; i++)
            {
                var c = chunks[i];
                var sentenceVectors = new float[sentences[i].Count * profile.Dimensions];
                for (var k = 0; k < sentences[i].Count; k++)
                {
                    vectors[next++].CopyTo(sentenceVectors.AsSpan(k * profile.Dimensions));
                }

                float[]? secondVectors = null;
                if (second.Length > 0)
                {
                    var dims = second[0].Length;
                    secondVectors = new float[sentences[i].Count * dims];
                    for (var k = 0; k < sentences[i].Count; k++)
                    {
                        second[nextSecond++].CopyTo(secondVectors.AsSpan(k * dims));
                    }
                }

                records.Add(new PassageRecord(c.Position, c.Start, c.End, c.Text, string.Join(' ', TermAnalyzer.Terms(c.Text)), vectors[i], sentenceVectors, secondVectors));
            }

            return new Prepared(file.Relative, new BriefingRecord(file.Relative, parsed.Title, parsed.Published, parsed.Publisher, parsed.Url, hash, parsed.Text, records) { Root = file.Root }, null)
            {
                Notes = parsed.Notes,
            };
        }
        catch (BriefingRejectedException ex)
        {
            return new Prepared(file.Relative, null, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Prepared(file.Relative, null, "the file could not be read: " + ex.Message);
        }
    }

    /// <summary>The vector of each passage text. A changed file that is already stored keeps the stored vectors of its passages whose
    /// text is unchanged (the index holds only vectors of the configured embedder), so an edit re-embeds only what it touched.</summary>
    private async Task<float[][]> EmbedAsync(List<string> texts, string? storedFile, CancellationToken ct)
    {
        var vectors = new float[texts.Count][];
        var stored = storedFile is null ? null : store.GetPassageVectors(storedFile);
        var missing = new List<int>(texts.Count);
        for (var i = 0; i < texts.Count; i++)
        {
            if (stored is not null && stored.TryGetValue(texts[i], out var vector) && vector.Length == profile.Dimensions)
            {
                vectors[i] = vector;
            }
            else
            {
                missing.Add(i);
            }
        }

        if (missing.Count > 0)
        {
            var embeddings = await embedder.GenerateAsync(missing.Select(i => texts[i]), cancellationToken: ct).ConfigureAwait(false);
            for (var k = 0; k < missing.Count; k++)
            {
                vectors[missing[k]] = embeddings[k].Vector.ToArray();
            }
        }

        return vectors;
    }

    /// <summary>The content hash covers the file, its sidecar and everything that shapes the stored passages.</summary>
    private async Task<string> HashAsync(BriefingFile file, byte[] content, CancellationToken ct)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes($"{profile.Name}|{profile.Dimensions}|{secondOpinion.Name}|{chunker.MaxTokens}|{chunker.OverlapTokens}|{PipelineVersion}\n"));
        sha.AppendData(content);
        foreach (var sidecar in BriefingFiles.SidecarsOf(file.FullPath))
        {
            sha.AppendData(await File.ReadAllBytesAsync(sidecar, ct).ConfigureAwait(false));
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Bump when cleaning, chunking or the way vectors are computed changes, so re-ingesting refreshes stored
    /// briefings (5: each text encoded alone, as a question is, instead of in int8 batches that shaded each other;
    /// 6: a slashed publication date that reads both ways is resolved by the article instead of left out; 7 kept the page's
    /// lists of other stories' headlines, which the bot must not answer from (they report other stories); 8 drops them again,
    /// so indexes written by 7 are rewritten).</summary>
    private const int PipelineVersion = 8;

    private sealed record Prepared(string File, BriefingRecord? Record, string? Failure)
    {
        public IReadOnlyList<string> Notes { get; init; } = [];
    }
}
