using Microsoft.Data.Sqlite;

namespace NatoBriefBot.Core.Storage;

/// <summary>The index schema, created idempotently, and the checks that a file really is our index.</summary>
internal static class SqliteSchema
{
    public const int Version = 4;
    public const string AppName = "NatoBriefBot";

    private const string CreateSql = """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS briefings (
            id INTEGER PRIMARY KEY,
            file TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            published TEXT,
            publisher TEXT,
            url TEXT,
            content_hash TEXT NOT NULL,
            text TEXT NOT NULL,
            ingested_at TEXT NOT NULL,
            gen INTEGER NOT NULL DEFAULT 0,
            root TEXT,
            event_date TEXT);
        CREATE TABLE IF NOT EXISTS passages (
            id INTEGER PRIMARY KEY,
            briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            terms TEXT NOT NULL,
            vector BLOB NOT NULL,
            sentence_vectors BLOB,
            second_vectors BLOB);
        CREATE INDEX IF NOT EXISTS ix_passages_briefing ON passages(briefing_id, position);
        CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5(
            terms, content='passages', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE IF NOT EXISTS passages_vocab USING fts5vocab(passages_fts, 'row');
        CREATE TRIGGER IF NOT EXISTS passages_ai AFTER INSERT ON passages BEGIN
            INSERT INTO passages_fts(rowid, terms) VALUES (new.id, new.terms);
        END;
        CREATE TRIGGER IF NOT EXISTS passages_ad AFTER DELETE ON passages BEGIN
            INSERT INTO passages_fts(passages_fts, rowid, terms) VALUES ('delete', old.id, old.terms);
        END;
        """;

    /// <summary>Creates the schema on an empty file, or checks that an existing file is a NatoBriefBot index of a version we read.</summary>
    public static void Ensure(SqliteConnection connection, string path)
    {
        var tables = Scalar<long>(connection, "SELECT count(*) FROM sqlite_master WHERE type='table'");
        if (tables > 0)
        {
            var hasMeta = Scalar<long>(connection, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='meta'") == 1;
            var app = hasMeta ? ReadMeta(connection, "app") : null;
            if (app != AppName)
            {
                throw new BriefBotException(
                    $"'{path}' is an SQLite database, but not a NatoBriefBot index. Point --db (or Storage:DatabasePath) at another file, or move this one away.");
            }

            var version = int.TryParse(ReadMeta(connection, "schema_version"), out var v) ? v : 0;
            if (version > Version)
            {
                throw new BriefBotException(
                    $"'{path}' was written by a newer NatoBriefBot (index schema {version}; this one reads {Version}). Update the bot, or re-index into a new file.");
            }
        }

        var addSentenceVectors = tables > 0 &&
            Scalar<long>(connection, "SELECT count(*) FROM pragma_table_info('passages') WHERE name = 'sentence_vectors'") == 0;
        var addSecondVectors = tables > 0 &&
            Scalar<long>(connection, "SELECT count(*) FROM pragma_table_info('passages') WHERE name = 'second_vectors'") == 0;
        var addGeneration = tables > 0 &&
            Scalar<long>(connection, "SELECT count(*) FROM pragma_table_info('briefings') WHERE name = 'gen'") == 0;
        var addRoot = tables > 0 &&
            Scalar<long>(connection, "SELECT count(*) FROM pragma_table_info('briefings') WHERE name = 'root'") == 0;
        var addEventDate = tables > 0 &&
            Scalar<long>(connection, "SELECT count(*) FROM pragma_table_info('briefings') WHERE name = 'event_date'") == 0;
        using var tx = connection.BeginTransaction();
        Execute(connection, CreateSql, tx);
        if (addSentenceVectors)
        {
            // Schema 1 had no sentence vectors; passages re-ingested from now on carry them.
            Execute(connection, "ALTER TABLE passages ADD COLUMN sentence_vectors BLOB", tx);
        }

        if (addSecondVectors)
        {
            // Schema 3 had no second-encoder sentence vectors; the next ingest fills them in (the encoder is part of the
            // content hash, so every briefing is re-embedded once).
            Execute(connection, "ALTER TABLE passages ADD COLUMN second_vectors BLOB", tx);
        }

        if (addGeneration)
        {
            // Schema 2 did not record which write generation stored a briefing; readers load those once, in full.
            Execute(connection, "ALTER TABLE briefings ADD COLUMN gen INTEGER NOT NULL DEFAULT 0", tx);
        }

        if (addRoot)
        {
            // Schema 2 did not record the folder a briefing was ingested from; the next ingest of it fills it in.
            Execute(connection, "ALTER TABLE briefings ADD COLUMN root TEXT", tx);
        }

        if (addEventDate)
        {
            // Indexes written before undated briefings were placed in time lack the column; the next ingest fills it
            // (EventDating). Readers of an older version ignore it, so the schema version stays.
            Execute(connection, "ALTER TABLE briefings ADD COLUMN event_date TEXT", tx);
        }

        // Readers find what changed since their snapshot through this index, without reading the briefings' text.
        Execute(connection, "CREATE INDEX IF NOT EXISTS ix_briefings_gen ON briefings(gen)", tx);

        WriteMeta(connection, "app", AppName, tx);
        WriteMeta(connection, "schema_version", Version.ToString(System.Globalization.CultureInfo.InvariantCulture), tx);
        tx.Commit();
    }

    /// <summary>The first problems <c>PRAGMA quick_check</c> finds (pages, b-trees, record formats), in one line; null when the file is sound.</summary>
    public static string? IntegrityProblem(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA quick_check(3)";
        using var reader = cmd.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read())
        {
            problems.Add(reader.GetString(0).ReplaceLineEndings(" ").Trim());
        }

        return problems is ["ok"] ? null : string.Join("; ", problems);
    }

    public static string? ReadMeta(SqliteConnection connection, string key, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT value FROM meta WHERE key = $key";
        cmd.Parameters.AddWithValue("$key", key);
        return cmd.ExecuteScalar() as string;
    }

    public static void WriteMeta(SqliteConnection connection, string key, string value, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO meta(key, value) VALUES ($key, $value) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        cmd.Parameters.AddWithValue("$key", key);
        cmd.Parameters.AddWithValue("$value", value);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Bumps the generation counter; readers compare it to know their caches are stale. A briefing records the
    /// generation that wrote it (<see cref="CurrentGenerationSql"/>), so readers load only briefings newer than their snapshot.</summary>
    public static void BumpGeneration(SqliteConnection connection, SqliteTransaction tx) => Execute(connection, BumpGenerationSql, tx);

    public const string BumpGenerationSql = """
        INSERT INTO meta(key, value) VALUES ('generation', '1')
        ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)
        """;

    public const string CurrentGenerationSql = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'generation')";

    public static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public static T Scalar<T>(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType(cmd.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
