using Approval.Engine.Activities;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Testing;
using NodaTime;

namespace Approval.Engine.Tests.Supervision;

public sealed class StatisticsTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendars.FromDirectory(Path.Combine(RepositoryPaths.Workflows, "calendars")).National;
    private static readonly DefinitionCatalog Catalog = DefinitionLoader.Load(RepositoryPaths.Workflows);
    private static readonly LocalDate Opened = new(2024, 9, 27);

    private static Instant At(int month, int day, int hour = 10) =>
        new LocalDateTime(2024, month, day, hour, 0).InZoneStrictly(Calendar.Zone).ToInstant();

    private static WorkTask Matter(string code, string department, LocalDate due, string? outcome = null, Instant? decidedAt = null,
        TaskKind kind = TaskKind.MatterDecision) => new()
    {
        Id = Guid.NewGuid(), Kind = kind, MatterCode = code, DepartmentId = department, OpenedOn = Opened, LimitWorkingDays = 5,
        DueOn = due, Status = outcome is null ? Engine.Runtime.TaskStatus.Open : Engine.Runtime.TaskStatus.Done, Outcome = outcome, DecidedAt = decidedAt,
    };

    private static ProjectInstance Project(InstanceStatus status, params WorkTask[] tasks) => new()
    {
        Id = Guid.NewGuid(), DefinitionId = "enterprise-establishment", Status = status, Tasks = [.. tasks],
    };

    private static DecisionCounts Of(SupervisionStatistics statistics, string matterCode) =>
        statistics.Matters.Single(m => m.MatterCode == matterCode).Decisions;

    [Fact]
    public void Decision_days_leave_out_stopped_time_through_the_task_deadline()
    {
        // 5 working days from 09-27 with 10-08..10-09 stopped are due 10-12; decided 10-10 after 09-29, 09-30 and 10-10.
        var task = Matter("SCJG-001", "market-regulation", new LocalDate(2024, 10, 12), Outcomes.Approved, At(10, 10));

        var counts = Of(Statistics.Compute([Project(InstanceStatus.Completed, task)], Catalog, Calendar, At(10, 20)), "SCJG-001");

        Assert.Equal(3, counts.AverageWorkingDays);
        Assert.Equal(0, counts.DecidedLate);
        Assert.Equal(1.0, counts.OnTimeRate);
    }

    [Fact]
    public void A_decision_after_the_deadline_day_is_late_and_counts_the_days_past_it()
    {
        var task = Matter("SCJG-001", "market-regulation", new LocalDate(2024, 10, 10), Outcomes.Rejected, At(10, 11, 9));

        var counts = Of(Statistics.Compute([Project(InstanceStatus.Rejected, task)], Catalog, Calendar, At(10, 20)), "SCJG-001");

        Assert.Equal((1, 1, 1, 6.0), (counts.Rejected, counts.Decided, counts.DecidedLate, counts.AverageWorkingDays!.Value));
        Assert.Equal(0.0, counts.OnTimeRate);
    }

    [Fact]
    public void A_deemed_approval_took_the_whole_limit_and_is_late()
    {
        var due = new LocalDate(2024, 10, 10);
        var task = Matter("GA-001", "public-security", due, Outcomes.DeemedApproved, Calendar.EndOfDay(due));

        var counts = Of(Statistics.Compute([Project(InstanceStatus.Running, task)], Catalog, Calendar, At(10, 20)), "GA-001");

        Assert.Equal((1, 0, 1, 5.0), (counts.DeemedApproved, counts.Approved, counts.DecidedLate, counts.AverageWorkingDays!.Value));
    }

    [Fact]
    public void Open_matters_of_running_projects_are_open_and_overdue_once_their_deadline_day_is_over()
    {
        var late = Matter("SW-001", "taxation", new LocalDate(2024, 10, 10));
        var onTrack = Matter("SW-001", "taxation", new LocalDate(2024, 10, 14));
        var ofEndedProject = Matter("SW-001", "taxation", new LocalDate(2024, 10, 8));

        var statistics = Statistics.Compute([Project(InstanceStatus.Running, late, onTrack), Project(InstanceStatus.Terminated, ofEndedProject)],
            Catalog, Calendar, At(10, 11, 0));

        var counts = Of(statistics, "SW-001");
        Assert.Equal((2, 1, 0), (counts.Open, counts.OpenOverdue, counts.Decided));
        Assert.Null(counts.AverageWorkingDays);
        Assert.Null(counts.OnTimeRate);
    }

    [Fact]
    public void A_department_adds_up_its_matters_and_opinions_are_not_counted()
    {
        var tasks = new[]
        {
            Matter("SW-001", "taxation", new LocalDate(2024, 10, 10), Outcomes.Approved, At(9, 29)),
            Matter("SW-002", "taxation", new LocalDate(2024, 10, 10), Outcomes.Approved, At(9, 30)),
            Matter("SW-002", "taxation", new LocalDate(2024, 10, 10), Outcomes.Passed, At(9, 30), TaskKind.PreReviewOpinion),
        };

        var statistics = Statistics.Compute([Project(InstanceStatus.Completed, tasks)], Catalog, Calendar, At(10, 20));

        var taxation = statistics.Departments.Single(d => d.DepartmentId == "taxation").Decisions;
        Assert.Equal((2, 2, 1.5), (taxation.Decided, taxation.Approved, taxation.AverageWorkingDays!.Value));
    }

    [Fact]
    public void Departments_without_matters_are_left_out_and_every_catalogue_matter_is_listed()
    {
        var statistics = Statistics.Compute([], Catalog, Calendar, At(10, 20));

        Assert.DoesNotContain(statistics.Departments, d => d.DepartmentId == "government-services");
        Assert.Contains(statistics.Departments, d => d.DepartmentId == "market-regulation");
        Assert.Equal(Catalog.Matters.Select(m => m.Code), statistics.Matters.Select(m => m.MatterCode));
        Assert.Equal(new LocalDate(2024, 10, 20), statistics.AsOf);
    }

    [Fact]
    public void Project_on_time_rate_counts_completed_projects_and_their_working_days_leave_out_stops()
    {
        ProjectInstance Completed(bool onTime, LocalDate endedOn, LocalDate dueOn) => new()
        {
            Id = Guid.NewGuid(), DefinitionId = "enterprise-establishment", Status = InstanceStatus.Completed, OnTime = onTime,
            AcceptedOn = Opened, TargetWorkingDays = 3, DueOn = dueOn, EndedOn = endedOn,
        };
        var projects = new[]
        {
            Completed(true, new LocalDate(2024, 9, 30), new LocalDate(2024, 10, 8)),   // 09-29, 09-30: 2 days
            Completed(false, new LocalDate(2024, 10, 9), new LocalDate(2024, 10, 8)),  // one day past a 3-day limit: 4
            new() { Id = Guid.NewGuid(), DefinitionId = "real-estate-registration", Status = InstanceStatus.Rejected },
        };

        var statistics = Statistics.Compute(projects, Catalog, Calendar, At(10, 20));

        var enterprise = statistics.Definitions.Single(d => d.DefinitionId == "enterprise-establishment");
        Assert.Equal((2, 1, 0.5, 3.0), (enterprise.Completed, enterprise.CompletedOnTime, enterprise.OnTimeRate!.Value, enterprise.AverageWorkingDays!.Value));
        Assert.Equal((2, 1, 0.5), (statistics.AllProjects.Completed, statistics.AllProjects.Rejected, statistics.AllProjects.OnTimeRate!.Value));
    }
}

public sealed class StatisticsPeriodTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendars.FromDirectory(Path.Combine(RepositoryPaths.Workflows, "calendars")).National;
    private static readonly DefinitionCatalog Catalog = DefinitionLoader.Load(RepositoryPaths.Workflows);

    private static Instant At(int month, int day) => new LocalDateTime(2024, month, day, 10, 0).InZoneStrictly(Calendar.Zone).ToInstant();

    private static WorkTask Decided(int month, int day) => new()
    {
        Id = Guid.NewGuid(), Kind = TaskKind.MatterDecision, MatterCode = "SCJG-001", DepartmentId = "market-regulation",
        OpenedOn = new LocalDate(2024, month, day).PlusDays(-1), LimitWorkingDays = 5, DueOn = new LocalDate(2024, 12, 31),
        Status = Engine.Runtime.TaskStatus.Done, Outcome = Outcomes.Approved, DecidedAt = At(month, day),
    };

    private static ProjectInstance Completed(LocalDate accepted, LocalDate ended, params WorkTask[] tasks) => new()
    {
        Id = Guid.NewGuid(), DefinitionId = "enterprise-establishment", Status = InstanceStatus.Completed, OnTime = true,
        AcceptedOn = accepted, EndedOn = ended, DueOn = ended, TargetWorkingDays = 3, Tasks = [.. tasks],
    };

    [Fact]
    public void A_period_counts_decisions_by_their_day_and_ended_projects_by_theirs()
    {
        var projects = new[]
        {
            Completed(new LocalDate(2024, 8, 30), new LocalDate(2024, 9, 3), Decided(9, 2)),
            Completed(new LocalDate(2024, 10, 8), new LocalDate(2024, 10, 10), Decided(10, 9)),
        };

        var october = Statistics.Compute(projects, Catalog, Calendar, At(11, 1), new StatisticsPeriod(new LocalDate(2024, 10, 1), new LocalDate(2024, 10, 31)));

        Assert.Equal(1, october.Departments.Single(d => d.DepartmentId == "market-regulation").Decisions.Decided);
        Assert.Equal(1, october.AllProjects.Completed);
        Assert.Equal([(new YearMonth(2024, 10), 1)], october.AcceptedPerMonth.Select(m => (m.Month, m.Accepted)));
    }

    [Fact]
    public void Months_without_an_accepted_project_between_the_first_and_the_last_are_listed_with_none()
    {
        var projects = new[]
        {
            Completed(new LocalDate(2024, 8, 30), new LocalDate(2024, 9, 3)),
            Completed(new LocalDate(2024, 10, 8), new LocalDate(2024, 10, 10)),
        };

        var statistics = Statistics.Compute(projects, Catalog, Calendar, At(11, 1));

        Assert.Equal([("2024-08", 1), ("2024-09", 0), ("2024-10", 1)],
            statistics.AcceptedPerMonth.Select(m => ($"{m.Month.Year}-{m.Month.Month:00}", m.Accepted)));
    }

    [Fact]
    public void A_period_ending_before_it_starts_is_refused_naming_its_end()
    {
        var refused = Assert.Throws<InvalidInputException>(() => new StatisticsPeriod(new LocalDate(2024, 10, 2), new LocalDate(2024, 10, 1)));

        Assert.Equal("to", refused.Field);
    }
}
