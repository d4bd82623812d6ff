using Microsoft.Data.Sqlite;

namespace NatoBriefBot.Core.Storage;

/// <summary>The index file cannot be used: damaged, not an index, locked by another program or unreadable.
/// <see cref="Exception.Message"/> says which and what to do; hosts report it in one line and fail their health check.</summary>
public sealed class IndexUnavailableException : BriefBotException
{
    public IndexUnavailableException(string message) : base(message) { }

    public IndexUnavailableException() { }

    public IndexUnavailableException(string message, Exception inner) : base(message, inner) { }

    /// <summary>The user-facing explanation of an SQLite failure on the index at <paramref name="path"/>.</summary>
    public static IndexUnavailableException From(string path, SqliteException ex)
    {
        ArgumentNullException.ThrowIfNull(ex);
        return new(Explain(path, ex.SqliteErrorCode, ex.Message), ex);
    }

    /// <summary>The index at <paramref name="path"/> failed SQLite's integrity check with <paramref name="problem"/>.</summary>
    public static IndexUnavailableException Damaged(string path, string problem) => new(
        $"The index '{path}' is damaged (SQLite's check found: {problem}). Move it away or delete it, then ingest again into a new file.");

    private static string Explain(string path, int code, string detail) => code switch
    {
        26 => $"'{path}' is not a NatoBriefBot index (it is not a valid SQLite database). Point --db at another file, or move this one away and ingest again.",
        11 => Damaged(path, "unreadable pages").Message,
        5 or 6 => $"The index '{path}' is locked by another program (another ingest or a tool holding it open). Wait for it to finish or close it, then try again.",
        8 => $"The index '{path}' is read-only. Make the file and its folder writable, or copy it somewhere writable and point --db at the copy.",
        14 => $"The index '{path}' could not be opened. Check that its folder exists and may be written, or point --db at another file.",
        3 or 23 => $"The bot may not open the index '{path}'. Check the file's permissions.",
        10 or 13 => $"The index '{path}' could not be read or written (disk error or disk full: {detail}). Free space or check the disk, then try again.",
        _ => $"Could not use the index '{path}': {detail}.",
    };
}
