using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace NatoBriefBot.Tests.Support;

/// <summary>A logger provider that keeps every entry with its level, for tests that check what a host logged.</summary>
public sealed class LogRecorder : ILoggerProvider
{
    public ConcurrentQueue<Entry> Entries { get; } = new();

    public sealed record Entry(LogLevel Level, string Category, string Message, Exception? Exception);

    public ILogger CreateLogger(string categoryName) => new Recorder(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Recorder(LogRecorder owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue(new Entry(logLevel, category, formatter(state, exception), exception));
    }
}
