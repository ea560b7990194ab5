using Approval.Engine.Runtime;
using Approval.Engine.Timers;
using NodaTime;

namespace Approval.Engine.Tests.Persistence;

/// <summary>A project with a row in every table a save writes, for the persistence tests.</summary>
internal static class SampleProject
{
    public static readonly Instant At = Instant.FromUtc(2024, 9, 27, 2, 30);

    /// <summary>A filed project at its approvals with an earlier step's task, timers, a clock stop and an extension request.</summary>
    public static ProjectInstance New()
    {
        var id = Guid.NewGuid();
        WorkTask Task(string activity) => new()
        {
            Id = Guid.NewGuid(), InstanceId = id, ActivityId = activity, Kind = TaskKind.MatterDecision, DepartmentId = "natural-resources",
            MatterCode = "ZRZY-002", Title = "建设工程规划许可证核发", OpenedOn = new LocalDate(2024, 9, 30), LimitWorkingDays = 10,
            DueOn = new LocalDate(2024, 10, 21), WarnOn = new LocalDate(2024, 10, 17),
        };
        var earlier = Task("joint-pre-review");
        var current = Task("parallel-approvals");
        DurableTimer Timer(WorkTask task) => new()
        {
            Id = Guid.NewGuid(), InstanceId = id, TaskId = task.Id, Kind = TimerKind.TaskDeadline, DueAt = At + Duration.FromDays(20),
        };
        return new ProjectInstance
        {
            Id = id, DefinitionId = "industrial-construction-permit", DefinitionVersion = 1, ProjectName = "年产10万吨新材料项目",
            InvestorId = "investor-1", InvestorName = "某某新材料有限公司", Division = "320193", Status = InstanceStatus.Running,
            CurrentActivityId = "parallel-approvals", FiledAt = At, TargetWorkingDays = 50,
            Tasks = [earlier, current],
            Timers = [Timer(earlier), Timer(current)],
            ClockStops =
            [
                new ClockStop
                {
                    Id = Guid.NewGuid(), InstanceId = id, ActivityId = "parallel-approvals", TaskId = current.Id,
                    Reason = ClockStopReason.ExpertReview, Notice = "需组织专家评审", StartsOn = new LocalDate(2024, 10, 8),
                    ExpectedWorkingDays = 10, RequestedBy = "approver-natural-resources", RequestedAt = At,
                },
            ],
            Extensions =
            [
                new Extension
                {
                    Id = Guid.NewGuid(), InstanceId = id, TaskId = current.Id, WorkingDays = 5, Reason = "情况复杂，需延期",
                    RequestedBy = "approver-natural-resources", RequestedAt = At,
                },
            ],
        };
    }
}
