namespace NatoBriefBot.Tests.Channels.BotFramework;

/// <summary>The shape of a plain turn's replies: typing, repeated while the turn runs (once on a fast machine, more on a
/// slow one), then the one answer.</summary>
internal static class TypingThenAnswer
{
    public static void Assert(IReadOnlyList<string?> types)
    {
        Xunit.Assert.True(types.Count >= 2, $"typing then an answer, got: {string.Join(", ", types)}");
        Xunit.Assert.Equal("message", types[^1]);
        Xunit.Assert.All(types.SkipLast(1), t => Xunit.Assert.Equal("typing", t));
    }
}
