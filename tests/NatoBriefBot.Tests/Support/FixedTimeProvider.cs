namespace NatoBriefBot.Tests.Support;

/// <summary>A clock that stands still until a test moves it.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now;

    public FixedTimeProvider(int year, int month, int day)
        : this(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
