using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace NatoBriefBot.Channels.BotFramework.Auth;

/// <summary>
/// The OpenID metadata and signing keys of one issuer. A fetch has the HTTP client's short timeout; every request that needs
/// the metadata meanwhile waits for that one fetch (never one after another); after a failed fetch the next one waits
/// <c>retryInterval</c>, and requests fail at once in between; the last good keys keep serving while a refresh fails;
/// good metadata is refreshed in the background once it is <c>refreshAfter</c> old.
/// </summary>
internal sealed partial class OpenIdMetadataCache(
    string url, HttpClient http, TimeSpan retryInterval, TimeSpan refreshAfter, TimeProvider clock, ILogger logger)
{
    private readonly Lock _gate = new();
    private OpenIdConnectConfiguration? _current;
    private DateTimeOffset _fetchedAt;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;
    private Task<OpenIdConnectConfiguration?>? _fetch;

    /// <summary>The current metadata: the cached one (refreshed in the background when old), or with none yet the result of
    /// the shared fetch.</summary>
    /// <exception cref="InvalidOperationException">No metadata could be fetched.</exception>
    public async Task<OpenIdConnectConfiguration> GetAsync(CancellationToken cancellationToken)
    {
        Task<OpenIdConnectConfiguration?> fetch;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_current is not null)
            {
                if (now - _fetchedAt >= refreshAfter)
                {
                    StartFetch(now);
                }

                return _current;
            }

            fetch = StartFetch(now) ?? throw Unavailable();
        }

        return await fetch.WaitAsync(cancellationToken).ConfigureAwait(false) ?? throw Unavailable();
    }

    /// <summary>Fetches again because a token named a key the metadata lacks (at most once per retry interval, sharing a
    /// running fetch), then returns the current metadata: the new one, or the last good one when the fetch failed.</summary>
    public async Task<OpenIdConnectConfiguration?> RefreshAsync(CancellationToken cancellationToken)
    {
        Task<OpenIdConnectConfiguration?>? fetch;
        lock (_gate)
        {
            fetch = StartFetch(clock.GetUtcNow());
        }

        if (fetch is not null)
        {
            await fetch.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        lock (_gate)
        {
            return _current;
        }
    }

    /// <summary>The running fetch, a new one when the retry interval allows, or null. Called under the lock.</summary>
    private Task<OpenIdConnectConfiguration?>? StartFetch(DateTimeOffset now)
    {
        if (_fetch is null && now - _lastAttempt >= retryInterval)
        {
            _lastAttempt = now;
            // On the thread pool, so the task is stored before its own clean-up (which takes the lock) can run.
            _fetch = Task.Run(FetchAsync);
        }

        return _fetch;
    }

    private async Task<OpenIdConnectConfiguration?> FetchAsync()
    {
        try
        {
            var retriever = new HttpDocumentRetriever(http) { RequireHttps = new Uri(url).Scheme == Uri.UriSchemeHttps };
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(url, retriever, CancellationToken.None).ConfigureAwait(false);
            lock (_gate)
            {
                _current = configuration;
                _fetchedAt = clock.GetUtcNow();
            }

            return configuration;
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException or OperationCanceledException or InvalidOperationException or ArgumentException)
        {
            LogFetchFailed(logger, url, ex.GetType().Name, retryInterval.TotalSeconds);
            return null;
        }
        finally
        {
            lock (_gate)
            {
                _fetch = null;
            }
        }
    }

    private InvalidOperationException Unavailable() =>
        new($"the OpenID metadata at {url} could not be fetched; the next attempt is at most {retryInterval.TotalSeconds:0} s away");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the OpenID metadata from {Url} ({Error}); keeping the last good keys, if any, and trying again after {Seconds} s")]
    private static partial void LogFetchFailed(ILogger logger, string url, string error, double seconds);
}
