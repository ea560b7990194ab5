using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Service;
using Approval.Engine.Tests.Runtime;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;
using static Approval.Engine.Tests.Service.ServiceHarness;

namespace Approval.Engine.Tests.Service;

/// <summary>
/// The after-service walk on both stores (PostgreSQL saves through the engine's own writer): ratings, a 差评's
/// rectification closed on time, a 督办 replied to, cards — then the supervisor's counts, grouped in SQL.
/// </summary>
public sealed class ServiceReaderTests
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Ratings_rectifications_escalations_and_cards_are_counted_per_department_matter_and_clerk(string store)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var pg = store == "postgres" ? await PostgresDatabase.CreateAsync(ct) : null;
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2026, 9, 24, 9), pg?.ConnectionString);
        var reader = h.Services.GetRequiredService<ServiceReader>();

        var good = await LicenceDecidedAsync(h);
        await RateAsync(h, good, "SCJG-001", RatingLevel.VerySatisfied, "efficient");
        var bad = await LicenceDecidedAsync(h);
        await RateAsync(h, bad, "SCJG-001", RatingLevel.Dissatisfied, "slow", "排队时间长");
        var rectification = Assert.Single(await h.OpenTasksAsync(bad, TaskKind.Rectification));
        h.SetDate(new LocalDate(2026, 10, 8));
        await h.RunAsync(op => new CloseRectification(op, EngineHarness.Approver("market-regulation"), rectification.Id, "增设窗口", "已电话回访"));

        var byDepartment = Assert.Single(await reader.RatingsAsync(RatingGrouping.Department, null, null, ct));
        Assert.Equal(("market-regulation", 2, 1, 0.5), (byDepartment.Key, byDepartment.Total, byDepartment.Bad, byDepartment.Satisfaction));
        Assert.Equal(3.5, byDepartment.AverageScore);
        Assert.Equal("SCJG-001", Assert.Single(await reader.RatingsAsync(RatingGrouping.Matter, null, null, ct)).Key);
        Assert.Equal(("window-wang", 2), Assert.Single(await reader.RatingsAsync(RatingGrouping.Clerk, null, null, ct)) is var c ? (c.Key, c.Total) : default);
        Assert.Empty(await reader.RatingsAsync(RatingGrouping.Department, new LocalDate(2026, 10, 1), null, ct));

        var rectifications = await reader.RectificationsAsync(ct: ct);
        Assert.Equal((1, 0, 1, 1, 1.0), (rectifications.Total, rectifications.Open, rectifications.Closed, rectifications.ClosedOnTime, rectifications.OnTimeShare));
        var row = Assert.Single(rectifications.Rows);
        Assert.Equal((TaskStatus.Done, RatingLevel.Dissatisfied, "排队时间长", "增设窗口"), (row.Status, row.Level, row.Comment, row.Measures));
        Assert.Equal("slow", (await reader.RatingOfRectificationAsync(rectification.Id, ct))!.Reason);

        // 公安's seal matter (GA-001, 1 working day from 9-24: due 9-28) left late: 督办 on 9-30 with 2 working days to reply (10-08, 10-09 after 国庆), yellow card on 10-09.
        var seal = (await h.OpenTasksAsync(good, TaskKind.MatterDecision)).Single(t => t.MatterCode == "GA-001");
        h.SetDate(new LocalDate(2026, 9, 30));
        await h.Scheduler.RunDueAsync();
        await h.RunAsync(op => new IssueEscalation(op, EngineHarness.Supervisor, good, seal.Id, null, "请说明原因", 2));
        h.SetDate(new LocalDate(2026, 10, 9));
        await h.Scheduler.RunDueAsync();

        var escalation = Assert.Single(await reader.EscalationsAsync(ct: ct), e => e.TargetTaskId == seal.Id);
        Assert.Equal((EscalationStatus.AwaitingReply, seal.DepartmentId!, new LocalDate(2026, 10, 9)), (escalation.Status, escalation.DepartmentId, escalation.ReplyDueOn!.Value));
        Assert.Equal(escalation.Id, (await reader.EscalationOfReplyTaskAsync(escalation.ReplyTaskId, ct))!.Id);
        var month = await reader.PerDepartmentAsync(new LocalDate(2026, 9, 1), new LocalDate(2026, 10, 31), ct);
        Assert.Equal(1, month[seal.DepartmentId!].Escalations);
        Assert.True(month[seal.DepartmentId!].YellowCards >= 1);
        Assert.Equal(2, month["market-regulation"].Ratings.Total);
    }
}
