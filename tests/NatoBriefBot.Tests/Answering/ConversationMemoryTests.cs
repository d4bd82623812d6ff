using NatoBriefBot.Core.Answering;
using NatoBriefBot.Tests.Support;

namespace NatoBriefBot.Tests.Answering;

public class ConversationMemoryTests
{
    private readonly FixedTimeProvider _clock = new(2025, 3, 10);

    private ConversationMemory Memory(int maxTurns = 6, int maxConversations = 100, int minutes = 60) =>
        new(new AnsweringOptions { MaxTurns = maxTurns, MaxConversations = maxConversations, ConversationMinutes = minutes }, _clock);

    private static ConversationTurn Turn(string question) =>
        new(question, question, new Answer(question, AnswerOutcome.NotInBriefings, "n/a", []));

    [Fact]
    public void Remember_MoreThanMaxTurns_KeepsNewest()
    {
        var memory = Memory(maxTurns: 2);

        memory.Remember("c", Turn("one"));
        memory.Remember("c", Turn("two"));
        memory.Remember("c", Turn("three"));

        Assert.Equal(["two", "three"], memory.History("c").Select(t => t.Question));
    }

    [Fact]
    public void Remember_MoreThanMaxConversations_ForgetsLeastRecentlyUsed()
    {
        var memory = Memory(maxConversations: 2);

        memory.Remember("a", Turn("a1"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        memory.Remember("b", Turn("b1"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        memory.Remember("a", Turn("a2"));
        _clock.Advance(TimeSpan.FromSeconds(1));
        memory.Remember("c", Turn("c1"));

        Assert.Equal(2, memory.Count);
        Assert.Empty(memory.History("b"));
        Assert.Equal(["a1", "a2"], memory.History("a").Select(t => t.Question));
        Assert.Single(memory.History("c"));
    }

    [Fact]
    public void History_IdleLongerThanLimit_Forgotten()
    {
        var memory = Memory(minutes: 30);
        memory.Remember("c", Turn("one"));

        _clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Single(memory.History("c"));

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Empty(memory.History("c"));
        Assert.Equal(0, memory.Count);
    }

    [Fact]
    public void Remember_ActiveConversation_IdleTimerRestarts()
    {
        var memory = Memory(minutes: 30);
        memory.Remember("c", Turn("one"));
        _clock.Advance(TimeSpan.FromMinutes(20));
        memory.Remember("c", Turn("two"));

        _clock.Advance(TimeSpan.FromMinutes(20));

        Assert.Equal(2, memory.History("c").Count);
    }

    [Fact]
    public void Remember_NullConversation_NothingStored()
    {
        var memory = Memory();

        memory.Remember(null, Turn("one"));

        Assert.Equal(0, memory.Count);
        Assert.Empty(memory.History(null));
    }

    [Fact]
    public void History_Conversations_KeptApart()
    {
        var memory = Memory();

        memory.Remember("a", Turn("a1"));
        memory.Remember("b", Turn("b1"));

        Assert.Equal(["a1"], memory.History("a").Select(t => t.Question));
        Assert.Equal(["b1"], memory.History("b").Select(t => t.Question));
    }
}
