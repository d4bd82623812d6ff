using System.Runtime.InteropServices;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace NatoBriefBot.Core.Storage;

/// <summary>The read side of the index: listings, passages, full-text and vector search.</summary>
public sealed partial class BriefingStore
{
    /// <summary>The in-memory view of the index queries read from (reloaded only after a write).</summary>
    internal VectorCache.Snapshot CurrentSnapshot() => Vectors.Current();

    /// <summary>All briefings, oldest first (undated last), with passage counts.</summary>
    public IReadOnlyList<StoredBriefing> ListBriefings() => Vectors.Current().Briefings;

    public Task<CatalogSummary> GetSummaryAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = Vectors.Current();
        var dated = snapshot.Briefings.Where(b => b.Published is not null).Select(b => b.Published!.Value).ToList();
        return Task.FromResult(new CatalogSummary(
            snapshot.Briefings.Count,
            snapshot.Count,
            dated.Count == 0 ? null : dated.Min(),
            dated.Count == 0 ? null : dated.Max(),
            snapshot.Briefings));
    }

    /// <summary>The briefing by numeric id or by file (relative path), with its cleaned text and passages; null when absent.</summary>
    public (StoredBriefing Briefing, string Text, IReadOnlyList<StoredPassage> Passages)? GetBriefing(string idOrFile)
    {
        ArgumentNullException.ThrowIfNull(idOrFile);
        var briefing = ListBriefings().FirstOrDefault(b =>
            b.File == idOrFile || b.Id.ToString(CultureInfo.InvariantCulture) == idOrFile || System.IO.Path.GetFileName(b.File) == idOrFile);
        if (briefing is null)
        {
            return null;
        }

        using var connection = Open();
        string text;
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT text FROM briefings WHERE id = $id";
            cmd.Parameters.AddWithValue("$id", briefing.Id);
            text = (string)cmd.ExecuteScalar()!;
        }

        using var pcmd = connection.CreateCommand();
        pcmd.CommandText = "SELECT id, briefing_id, position, start, end, text FROM passages WHERE briefing_id = $id ORDER BY position";
        pcmd.Parameters.AddWithValue("$id", briefing.Id);
        return (briefing, text, ReadPassages(pcmd));
    }

    public string? GetText(string file) => GetBriefing(file)?.Text;

    /// <summary>The stored vector of each passage text of the briefing stored under <paramref name="file"/> (empty when absent),
    /// so re-ingesting a changed file embeds only the passages whose text changed.</summary>
    public Dictionary<string, float[]> GetPassageVectors(string file)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT p.text, p.vector FROM passages p JOIN briefings b ON b.id = p.briefing_id WHERE b.file = $file";
        cmd.Parameters.AddWithValue("$file", file);
        using var reader = cmd.ExecuteReader();
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        while (reader.Read())
        {
            vectors[reader.GetString(0)] = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(1)).ToArray();
        }

        return vectors;
    }

    /// <summary>The passages with the given ids (missing ids are skipped).</summary>
    public Dictionary<long, StoredPassage> GetPassages(IReadOnlyCollection<long> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var result = new Dictionary<long, StoredPassage>(ids.Count);
        if (ids.Count == 0)
        {
            return result;
        }

        using var connection = Open();
        using var cmd = connection.CreateCommand();
        // With each passage, the start and text of the one before it in its briefing, for Before.
        cmd.CommandText = "SELECT p.id, p.briefing_id, p.position, p.start, p.end, p.text, p.sentence_vectors, p.second_vectors, prev.start, prev.text " +
            "FROM passages p LEFT JOIN passages prev ON prev.briefing_id = p.briefing_id AND prev.position = p.position - 1 " +
            $"WHERE p.id IN ({string.Join(',', ids.Select((_, i) => "$p" + i))})";
        var k = 0;
        foreach (var id in ids)
        {
            cmd.Parameters.AddWithValue("$p" + k++, id);
        }

        foreach (var p in ReadPassages(cmd))
        {
            result[p.Id] = p;
        }

        return result;
    }

    /// <summary>The passages of one briefing at the given positions (for neighbouring context).</summary>
    public StoredPassage? GetPassageAt(long briefingId, int position)
    {
        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT id, briefing_id, position, start, end, text FROM passages WHERE briefing_id = $b AND position = $p";
        cmd.Parameters.AddWithValue("$b", briefingId);
        cmd.Parameters.AddWithValue("$p", position);
        return ReadPassages(cmd).FirstOrDefault();
    }

    /// <summary>Full-text search over passage terms; <paramref name="ftsQuery"/> is an FTS5 MATCH expression.
    /// Returns passage ids with a positive BM25 score, best first.</summary>
    public List<(long Id, double Score)> SearchKeywords(string ftsQuery, int limit)
    {
        var hits = new List<(long, double)>(limit);
        if (string.IsNullOrWhiteSpace(ftsQuery))
        {
            return hits;
        }

        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT rowid, bm25(passages_fts) FROM passages_fts WHERE passages_fts MATCH $q ORDER BY rank LIMIT $k";
        cmd.Parameters.AddWithValue("$q", ftsQuery);
        cmd.Parameters.AddWithValue("$k", limit);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            hits.Add((reader.GetInt64(0), -reader.GetDouble(1)));
        }

        return hits;
    }

    /// <summary>Does the full-text index's tokenizer (unicode61) cut the term into several tokens: does it hold a character
    /// other than a letter or digit beside ones that are ("20.9")?</summary>
    private static bool SplitByFullTextIndex(string term) => term.Any(c => !char.IsLetterOrDigit(c)) && term.Any(char.IsLetterOrDigit);

    /// <summary>In how many passages each term occurs (terms absent from the index are missing from the result).
    /// Answers come from a per-snapshot cache; only terms not seen since the last write are looked up.</summary>
    public Dictionary<string, long> DocumentFrequencies(IReadOnlyCollection<string> terms) => DocumentFrequencies(terms, Vectors.Current());

    /// <summary>As <see cref="DocumentFrequencies(IReadOnlyCollection{string})"/>, cached with <paramref name="snapshot"/>, so a
    /// request that holds one snapshot uses one set of frequencies.</summary>
    internal Dictionary<string, long> DocumentFrequencies(IReadOnlyCollection<string> terms, VectorCache.Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var cache = snapshot.DocumentFrequency;
        var missing = terms.Where(t => !cache.ContainsKey(t)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            using var connection = Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT doc FROM passages_vocab WHERE term = $t";
            var parameter = cmd.Parameters.Add("$t", SqliteType.Text);
            using var phrase = connection.CreateCommand();
            phrase.CommandText = "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH $q";
            var phraseParameter = phrase.Parameters.Add("$q", SqliteType.Text);
            foreach (var term in missing)
            {
                if (SplitByFullTextIndex(term))
                {
                    // "20.9", "1.7": the full-text index keeps a decimal as two tokens ("20", "9"), so its vocabulary never
                    // holds the term; the passages that hold it are those with the phrase of its parts.
                    phraseParameter.Value = "\"" + term.Replace("\"", string.Empty, StringComparison.Ordinal) + "\"";
                    cache[term] = phrase.ExecuteScalar() is long count ? count : 0;
                    continue;
                }

                parameter.Value = term;
                cache[term] = cmd.ExecuteScalar() is long df ? df : 0;
            }
        }

        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            if (cache.TryGetValue(term, out var df) && df > 0)
            {
                result[term] = df;
            }
        }

        return result;
    }

    /// <summary>Index terms spelled like <paramref name="term"/> (same first letter, within <paramref name="maxEdits"/> edits:
    /// insertions, deletions, substitutions or swaps of neighbours), closest first, then most frequent.</summary>
    public List<(string Term, long Df, int Edits)> SimilarTerms(string term, int maxEdits)
    {
        ArgumentNullException.ThrowIfNull(term);
        var result = new List<(string, long, int)>();
        if (term.Length < 2)
        {
            return result;
        }

        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT term, doc FROM passages_vocab WHERE term >= $from AND term < $to AND length(term) BETWEEN $min AND $max";
        cmd.Parameters.AddWithValue("$from", term[..1]);
        cmd.Parameters.AddWithValue("$to", ((char)(term[0] + 1)).ToString());
        cmd.Parameters.AddWithValue("$min", term.Length - maxEdits);
        cmd.Parameters.AddWithValue("$max", term.Length + maxEdits);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var candidate = reader.GetString(0);
            var edits = Text.EditDistance.Compute(term, candidate, maxEdits);
            if (edits <= maxEdits && edits > 0)
            {
                result.Add((candidate, reader.GetInt64(1), edits));
            }
        }

        result.Sort((a, b) => a.Item3 != b.Item3 ? a.Item3.CompareTo(b.Item3) : b.Item2.CompareTo(a.Item2));
        return result;
    }

    /// <summary>Index terms that begin with <paramref name="prefix"/> and are at least two letters longer ("infra" ->
    /// "infrastructur"), most frequent first, at most <paramref name="limit"/> + 1 of them.</summary>
    public List<(string Term, long Df)> TermsStartingWith(string prefix, int limit)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var result = new List<(string, long)>();
        if (prefix.Length < 2)
        {
            return result;
        }

        using var connection = Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT term, doc FROM passages_vocab WHERE term > $from AND term < $to AND length(term) >= $min ORDER BY doc DESC LIMIT $limit";
        cmd.Parameters.AddWithValue("$from", prefix);
        cmd.Parameters.AddWithValue("$to", prefix[..^1] + (char)(prefix[^1] + 1));
        cmd.Parameters.AddWithValue("$min", prefix.Length + 2);
        cmd.Parameters.AddWithValue("$limit", limit + 1);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            result.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return result;
    }

    /// <summary>Passage vectors read from the file into the in-memory view since this store opened (a diagnostic: a write
    /// should cost readers only the rows it changed).</summary>
    internal long VectorRowsLoaded => Vectors.RowsLoaded;

    /// <summary>Number of passages in the index.</summary>
    public int PassageCount => Vectors.Current().Count;

    /// <summary>Cosine (dot product of normalized vectors) search; <paramref name="allowBriefing"/> filters by briefing id.</summary>
    public List<(long Id, float Score)> SearchVectors(ReadOnlySpan<float> query, int limit, Func<long, bool>? allowBriefing = null) =>
        Vectors.Current().Search(query, limit, allowBriefing);

    private static List<StoredPassage> ReadPassages(SqliteCommand cmd)
    {
        var list = new List<StoredPassage>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
        {
            var passage = new StoredPassage(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetString(5));
            if (reader.FieldCount > 6 && !reader.IsDBNull(6))
            {
                passage = passage with { SentenceVectors = MemoryMarshal.Cast<byte, float>(((byte[])reader.GetValue(6)).AsSpan()).ToArray() };
            }

            if (reader.FieldCount > 7 && !reader.IsDBNull(7))
            {
                passage = passage with { SecondVectors = MemoryMarshal.Cast<byte, float>(((byte[])reader.GetValue(7)).AsSpan()).ToArray() };
            }

            if (reader.FieldCount > 9 && !reader.IsDBNull(9) && passage.Start - reader.GetInt32(8) is > 0 and var unrepeated)
            {
                var before = reader.GetString(9);
                passage = passage with { Before = before[..Math.Min(before.Length, unrepeated)] };
            }

            list.Add(passage);
        }

        return list;
    }

    internal static StoredBriefing ReadBriefing(SqliteDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : DateOnly.ParseExact(reader.GetString(3), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5),
        reader.GetString(6),
        reader.GetInt32(7))
    {
        EventDate = reader.FieldCount > 8 && !reader.IsDBNull(8) ? DateOnly.ParseExact(reader.GetString(8), "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
    };
}
