using NodaTime;

namespace Approval.Testing;

/// <summary>A clock that stands still until a test moves it (NodaTime.Testing is not obtainable here).</summary>
public sealed class FakeClock(Instant now) : IClock
{
    private readonly object _gate = new();
    private Instant _now = now;

    /// <summary>A clock at the given local time in Asia/Shanghai.</summary>
    public static FakeClock AtShanghai(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(new LocalDateTime(year, month, day, hour, minute)
            .InZoneStrictly(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).ToInstant());

    public Instant GetCurrentInstant()
    {
        lock (_gate) return _now;
    }

    public void Advance(Duration by)
    {
        lock (_gate) _now += by;
    }

    public void Set(Instant to)
    {
        lock (_gate) _now = to;
    }
}
