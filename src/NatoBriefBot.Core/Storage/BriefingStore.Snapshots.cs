using Microsoft.Data.Sqlite;

namespace NatoBriefBot.Core.Storage;

/// <summary>
/// The index read from a folder of published snapshots (<see cref="StorageOptions.SnapshotFolder"/>): read-only files that
/// <c>ingest --publish</c> writes beside and renames into place, and a pointer file <c>current</c> naming the newest. The
/// store looks at the pointer at most once a second and moves to a new snapshot without a restart; a request that has
/// pinned a snapshot (<see cref="PinSnapshot"/>) reads that one to its end, so no answer mixes two snapshots.
/// </summary>
public sealed partial class BriefingStore
{
    private BriefingStore(SnapshotFolder snapshots)
    {
        _ = SqliteInit.Value;
        _snapshots = snapshots;
        _source = NewSource(snapshots.Newest(), SqliteOpenMode.ReadOnly);
    }

    /// <summary>Whether this store only reads published snapshots (and so must never be written).</summary>
    public bool IsSnapshot => _snapshots is not null;

    /// <summary>A store that reads the newest snapshot in <paramref name="folder"/>.</summary>
    /// <exception cref="IndexUnavailableException">Nothing has been published there yet.</exception>
    public static BriefingStore FromSnapshots(string folder) => new(new SnapshotFolder(System.IO.Path.GetFullPath(folder)));

    /// <summary>Makes every read of the current async flow (a request) use the snapshot current now, until disposed.</summary>
    public IDisposable PinSnapshot()
    {
        var previous = _pinned.Value;
        _pinned.Value = CurrentSource();
        return new Unpin(this, previous);
    }

    private Source CurrentSource()
    {
        if (_pinned.Value is { } pinned)
        {
            return pinned;
        }

        var source = _source;
        if (_snapshots?.Changed(source.Path) is { } newer)
        {
            lock (_snapshots)
            {
                if (_source.Path != newer)
                {
                    _source = NewSource(newer, SqliteOpenMode.ReadOnly);
                }

                source = _source;
            }
        }

        return source;
    }

    private Source NewSource(string path, SqliteOpenMode mode)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = true }.ToString();
        return new Source(path, connectionString, new VectorCache(this, path, connectionString));
    }

    private sealed record Source(string Path, string ConnectionString, VectorCache Vectors);

    private sealed class Unpin(BriefingStore store, Source? previous) : IDisposable
    {
        public void Dispose() => store._pinned.Value = previous;
    }
}

/// <summary>A folder of published index snapshots and its pointer file <c>current</c>.</summary>
internal sealed class SnapshotFolder(string folder)
{
    public const string PointerName = "current";

    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(1);

    private long _lookedAt = Environment.TickCount64;

    /// <summary>The newest snapshot's path.</summary>
    /// <exception cref="IndexUnavailableException">Nothing has been published yet.</exception>
    public string Newest()
    {
        try
        {
            var name = File.ReadAllText(Path.Combine(folder, PointerName)).Trim();
            var path = Path.Combine(folder, Path.GetFileName(name));
            if (name.Length > 0 && File.Exists(path))
            {
                return path;
            }
        }
        catch (IOException)
        {
            // Reported below.
        }

        throw new IndexUnavailableException(
            $"No index snapshot has been published to '{folder}' yet. Run: dotnet run --project src/NatoBriefBot -- ingest --publish {folder}");
    }

    /// <summary>The newest snapshot when it is not <paramref name="current"/>; null when unchanged or not looked at (once a second).</summary>
    public string? Changed(string current)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lookedAt);
        if (now - last < LookEvery.TotalMilliseconds || Interlocked.CompareExchange(ref _lookedAt, now, last) != last)
        {
            return null;
        }

        try
        {
            var newest = Newest();
            return newest == current ? null : newest;
        }
        catch (IndexUnavailableException)
        {
            return null;
        }
    }
}
