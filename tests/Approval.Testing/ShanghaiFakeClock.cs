using NodaTime;
using NodaTime.Testing;

namespace Approval.Testing;

/// <summary>NodaTime.Testing's <see cref="FakeClock"/> set to a local time in Asia/Shanghai, where every deadline is counted.</summary>
public static class ShanghaiFakeClock
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    extension(FakeClock)
    {
        /// <summary>A clock standing still at the given local time in Asia/Shanghai (<c>FakeClock.AtShanghai(2024, 9, 27, 10)</c>).</summary>
        public static FakeClock AtShanghai(int year, int month, int day, int hour = 9, int minute = 0) =>
            new(new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Shanghai).ToInstant());
    }
}
