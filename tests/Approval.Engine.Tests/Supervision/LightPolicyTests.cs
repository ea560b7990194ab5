using Approval.Engine.Calendar;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Testing;
using NodaTime;

namespace Approval.Engine.Tests.Supervision;

public sealed class LightPolicyTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendars.FromDirectory(Path.Combine(RepositoryPaths.Workflows, "calendars")).National;
    private static readonly LocalDate Due = new(2024, 10, 10);
    private static readonly LocalDate Warn = new(2024, 10, 9);

    private static Instant At(int month, int day, int hour = 10) =>
        new LocalDateTime(2024, month, day, hour, 0).InZoneStrictly(Calendar.Zone).ToInstant();

    [Theory]
    [InlineData(10, 8, 10, Light.Green)]
    [InlineData(10, 9, 10, Light.Yellow)]
    [InlineData(10, 10, 23, Light.Yellow)]
    [InlineData(10, 11, 0, Light.Red)]
    public void Near_and_overdue_convention_turns_yellow_on_the_follow_up_day_and_red_after_the_due_day(int month, int day, int hour, Light expected)
    {
        var policy = new LightPolicy(new EngineOptions(), Calendar);

        Assert.Equal(expected, policy.Of(At(month, day, hour), Warn, Due));
    }

    [Theory]
    [InlineData(10, 9, Light.Green)]
    [InlineData(10, 11, Light.Yellow)]
    [InlineData(10, 14, Light.Yellow)]   // 10-11, 10-12 (adjusted Saturday), 10-14: the 3 working days of 督办
    [InlineData(10, 15, Light.Red)]
    public void Overdue_and_escalated_convention_is_yellow_when_overdue_and_red_after_the_escalation_days(int month, int day, Light expected)
    {
        var policy = new LightPolicy(new EngineOptions { LightConvention = LightConvention.OverdueAndEscalated, EscalationWorkingDays = 3 }, Calendar);

        Assert.Equal(expected, policy.Of(At(month, day), Warn, Due));
    }

    [Fact]
    public void A_share_of_time_used_makes_a_project_yellow()
    {
        var policy = new LightPolicy(new EngineOptions { YellowWhenWorkingDaysLeft = 0, YellowWhenShareUsed = 0.8 }, Calendar);
        var project = new ProjectInstance
        {
            Status = InstanceStatus.Running, AcceptedOn = new LocalDate(2024, 9, 27), TargetWorkingDays = 5, DueOn = Due,
        };

        Assert.Equal(Light.Green, policy.Of(At(10, 8), project));    // 3 of 5 used
        Assert.Equal(Light.Yellow, policy.Of(At(10, 9), project));   // 4 of 5 used
        Assert.Equal(Light.Red, policy.Of(At(10, 11), project));
    }
}
