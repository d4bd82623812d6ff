using System.Diagnostics;
using System.Net.Sockets;

namespace NatoBriefBot.Tests.ScaleOut;

/// <summary>A real server program from Debian's packages (redis-server, nginx) started on a loopback port and stopped by
/// its process id at the end.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo _info;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();
    private Process? _process;

    public ServerProcess(string program, int port, params string[] args)
    {
        Port = port;
        _info = new ProcessStartInfo(Locate(program)) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            _info.ArgumentList.Add(arg);
        }
    }

    public int Port { get; }

    /// <summary>Starts the program and waits until its port accepts connections.</summary>
    public async Task StartAsync()
    {
        _process = Process.Start(_info) ?? throw new InvalidOperationException($"{_info.FileName} did not start");
        _process.OutputDataReceived += (_, e) => _output.Enqueue(e.Data ?? string.Empty);
        _process.ErrorDataReceived += (_, e) => _output.Enqueue(e.Data ?? string.Empty);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        try
        {
            await WaitForPortAsync(Port, TimeSpan.FromSeconds(20));
        }
        catch (SocketException ex)
        {
            throw new InvalidOperationException(
                $"{_info.FileName} {string.Join(' ', _info.ArgumentList)} did not listen on {Port} (exited: {_process.HasExited}):\n{string.Join('\n', _output)}", ex);
        }
    }

    /// <summary>Kills the process (SIGKILL: what survives is what it had made durable).</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public static async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private static string Locate(string program) =>
        new[] { "/usr/bin/", "/usr/sbin/", "/usr/local/bin/", "/usr/local/sbin/" }.Select(d => d + program).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{program} is not installed; ./test.sh installs it (apt-get install -y redis-server nginx).");

    public ValueTask DisposeAsync() => new(StopAsync());
}
