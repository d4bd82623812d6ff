using System.Globalization;
using NatoBriefBot.Tests.Support;
using StackExchange.Redis;

namespace NatoBriefBot.Tests.ScaleOut;

/// <summary>
/// The scaled-out set-up, real parts only: a redis-server with AOF on, an index snapshot published by <c>ingest --publish</c>,
/// three bot instances (<c>dotnet NatoBriefBot.dll</c>) serving that snapshot folder with <c>ConnectionStrings__Redis</c> set, and
/// nginx from <c>deploy/nginx.conf.template</c> in front of them. All on random free loopback ports; every process is stopped
/// at the end. Shared by the tests of <see cref="ScaleOutCollection"/>.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    public const int Instances = 3;

    private readonly TempFolder _folder = new();
    private readonly BotServerProcess?[] _bots = new BotServerProcess?[Instances];

    public ServerProcess Redis { get; private set; } = null!;

    public ServerProcess Nginx { get; private set; } = null!;

    public int[] BotPorts { get; } = new int[Instances];

    public string KeyPrefix { get; } = $"test{Guid.NewGuid():N}:";

    public string SnapshotFolder => _folder.Combine("snapshots");

    public string WorkIndex => _folder.Combine("work.db");

    public string BaseUrl => $"http://127.0.0.1:{Nginx.Port}";

    public string InstanceUrl(int i) => $"http://127.0.0.1:{BotPorts[i]}";

    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(60) };

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["ConnectionStrings__Redis"] = $"127.0.0.1:{Redis.Port}",
        ["Redis__KeyPrefix"] = KeyPrefix,
        ["Embedding__Provider"] = "Hashing",
    };

    public async Task InitializeAsync()
    {
        var redisFolder = _folder.Combine("redis");
        Directory.CreateDirectory(redisFolder);
        Redis = RedisOn(BotServerProcess.FreePort(), redisFolder);
        await Redis.StartAsync();

        var ingest = await PublishAsync();
        Assert.True(ingest.ExitCode == 0, ingest.StdOut + ingest.StdErr);

        await Task.WhenAll(Enumerable.Range(0, Instances).Select(StartInstanceAsync));
        Nginx = await StartNginxAsync();
    }

    /// <summary>Ingests <paramref name="paths"/> (the seeds when none) into the work index and publishes it.</summary>
    public Task<ProcessResult> PublishAsync(params string[] paths) =>
        BotProcess.RunAsync(["ingest", .. paths, "--db", WorkIndex, "--publish", SnapshotFolder], environment: new Dictionary<string, string> { ["Embedding__Provider"] = "Hashing" });

    public async Task StartInstanceAsync(int i)
    {
        BotPorts[i] = BotPorts[i] == 0 ? BotServerProcess.FreePort() : BotPorts[i];
        _bots[i] = await BotServerProcess.StartAsync(
            ["--urls", $"http://127.0.0.1:{BotPorts[i]}", $"--Storage:SnapshotFolder={SnapshotFolder}", "--Limits:AskPerMinute=100000", "--Limits:TokensPerMinute=100000", "--Limits:PostsPerMinute=100000"],
            Environment);
    }

    /// <summary>Kills instance <paramref name="i"/> (its port stays reserved for a restart).</summary>
    public async Task KillInstanceAsync(int i)
    {
        if (_bots[i] is { } bot)
        {
            await bot.DisposeAsync();
            _bots[i] = null;
        }
    }

    public async Task RestartRedisAsync(Func<Task>? whileDown = null)
    {
        await Redis.StopAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }

        await Redis.StartAsync();
    }

    /// <summary>A direct connection to the test's Redis, for checks.</summary>
    public async Task<ConnectionMultiplexer> ConnectRedisAsync() =>
        await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Redis.Port},abortConnect=false,connectTimeout=3000");

    private ServerProcess RedisOn(int port, string folder) => new("redis-server", port,
        "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", folder,
        "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--protected-mode", "no");

    private async Task<ServerProcess> StartNginxAsync()
    {
        var prefix = _folder.Combine("nginx");
        Directory.CreateDirectory(prefix);
        var port = BotServerProcess.FreePort();
        var template = await File.ReadAllTextAsync(Path.Combine(TestEngine.Root, "deploy", "nginx.conf.template"));
        var servers = string.Join("\n        ", BotPorts.Select(p => $"server 127.0.0.1:{p} max_fails=1 fail_timeout=2s;"));
        var config = template.Replace("__PREFIX__", prefix, StringComparison.Ordinal)
            .Replace("__LISTEN__", port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("__SERVERS__", servers, StringComparison.Ordinal);
        var path = Path.Combine(prefix, "nginx.conf");
        await File.WriteAllTextAsync(path, config);
        var nginx = new ServerProcess("nginx", port, "-p", prefix, "-c", path, "-e", Path.Combine(prefix, "error.log"));
        await nginx.StartAsync();
        return nginx;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        foreach (var bot in _bots)
        {
            if (bot is not null)
            {
                await bot.DisposeAsync();
            }
        }

        if (Nginx is not null)
        {
            await Nginx.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }

        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ScaleOutCollection : ICollectionFixture<ScaleOutFixture>
{
    public const string Name = "ScaleOut";
}
