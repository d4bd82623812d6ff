using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace NatoBriefBot.Core.Storage;

/// <summary>
/// A write session on the index for a run of upserts (an ingest): one connection and its prepared statements,
/// reused for every briefing. Each <see cref="Upsert"/> is still its own transaction. Not thread-safe: one writer
/// at a time per session.
/// </summary>
public sealed class BriefingWriter : IDisposable
{
    /// <summary>WAL pages between automatic checkpoints during a session (SQLite's default is 1000); fewer, larger checkpoints mean fewer fsyncs.</summary>
    private const int SessionCheckpointPages = 8192;

    private readonly SqliteConnection _connection;
    private readonly bool _session;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _briefing;
    private readonly SqliteCommand _passage;
    private readonly SqliteCommand _generation;
    private readonly SqliteParameter[] _briefingValues;
    private readonly SqliteParameter[] _passageValues;

    internal BriefingWriter(SqliteConnection connection, bool session)
    {
        _connection = connection;
        _session = session;
        if (session)
        {
            SqliteSchema.Execute(connection, FormattableString.Invariant($"PRAGMA wal_autocheckpoint={SessionCheckpointPages};"));
        }

        _delete = Command("DELETE FROM briefings WHERE file = $file", out _, ("$file", SqliteType.Text));
        _briefing = Command(
            $"""
            INSERT INTO briefings(file, title, published, publisher, url, content_hash, text, ingested_at, root, gen)
            VALUES ($file, $title, $published, $publisher, $url, $hash, $text, $at, $root, {SqliteSchema.CurrentGenerationSql}) RETURNING id
            """,
            out _briefingValues,
            ("$file", SqliteType.Text), ("$title", SqliteType.Text), ("$published", SqliteType.Text), ("$publisher", SqliteType.Text),
            ("$url", SqliteType.Text), ("$hash", SqliteType.Text), ("$text", SqliteType.Text), ("$at", SqliteType.Text), ("$root", SqliteType.Text));
        _passage = Command(
            """
            INSERT INTO passages(briefing_id, position, start, end, text, terms, vector, sentence_vectors, second_vectors)
            VALUES ($b, $pos, $start, $end, $text, $terms, $vector, $sentences, $second)
            """,
            out _passageValues,
            ("$b", SqliteType.Integer), ("$pos", SqliteType.Integer), ("$start", SqliteType.Integer), ("$end", SqliteType.Integer),
            ("$text", SqliteType.Text), ("$terms", SqliteType.Text), ("$vector", SqliteType.Blob), ("$sentences", SqliteType.Blob),
            ("$second", SqliteType.Blob));
        _generation = Command(SqliteSchema.BumpGenerationSql, out _);
    }

    /// <summary>Writes (or replaces) one briefing and its passages in a single transaction.</summary>
    /// <exception cref="IndexUnavailableException">The index is locked by another program, damaged or cannot be written.</exception>
    public void Upsert(BriefingRecord briefing)
    {
        ArgumentNullException.ThrowIfNull(briefing);
        try
        {
            Write(briefing);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 5 or 6 or 8 or 10 or 11 or 13 or 26)
        {
            throw IndexUnavailableException.From(_connection.DataSource, ex);
        }
    }

    private void Write(BriefingRecord briefing)
    {
        using var tx = _connection.BeginTransaction();
        _delete.Transaction = _briefing.Transaction = _passage.Transaction = _generation.Transaction = tx;
        _delete.Parameters[0].Value = briefing.File;
        _delete.ExecuteNonQuery();
        _generation.ExecuteNonQuery();

        object?[] values =
        [
            briefing.File, briefing.Title, briefing.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), briefing.Publisher,
            briefing.Url, briefing.ContentHash, briefing.Text, DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture), briefing.Root,
        ];
        for (var i = 0; i < values.Length; i++)
        {
            _briefingValues[i].Value = values[i] ?? DBNull.Value;
        }

        var id = (long)_briefing.ExecuteScalar()!;
        foreach (var p in briefing.Passages)
        {
            _passageValues[0].Value = id;
            _passageValues[1].Value = p.Position;
            _passageValues[2].Value = p.Start;
            _passageValues[3].Value = p.End;
            _passageValues[4].Value = p.Text;
            _passageValues[5].Value = p.Terms;
            _passageValues[6].Value = MemoryMarshal.AsBytes(p.Vector.AsSpan()).ToArray();
            _passageValues[7].Value = p.SentenceVectors is { } sv ? MemoryMarshal.AsBytes(sv.AsSpan()).ToArray() : DBNull.Value;
            _passageValues[8].Value = p.SecondVectors is { Length: > 0 } second ? MemoryMarshal.AsBytes(second.AsSpan()).ToArray() : DBNull.Value;
            _passage.ExecuteNonQuery();
        }

        tx.Commit();
    }

    public void Dispose()
    {
        _delete.Dispose();
        _briefing.Dispose();
        _passage.Dispose();
        _generation.Dispose();
        if (_session)
        {
            try
            {
                SqliteSchema.Execute(_connection, "PRAGMA wal_autocheckpoint=1000; PRAGMA wal_checkpoint(PASSIVE);");
            }
            catch (SqliteException)
            {
                // A busy database only postpones the checkpoint; the next write's autocheckpoint does it.
            }
        }

        _connection.Dispose();
    }

    private SqliteCommand Command(string sql, out SqliteParameter[] values, params (string Name, SqliteType Type)[] parameters)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        values = parameters.Select(p => cmd.Parameters.Add(p.Name, p.Type)).ToArray();
        cmd.Prepare();
        return cmd;
    }
}
