namespace Regie.Testing;

/// <summary>
/// The real clock, moved forward by the test: "five hours later". Written here rather than taking a frozen fake
/// clock, because the running application's timers, cookies and background work must keep going in real time;
/// only what the application reads as "now" moves.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
