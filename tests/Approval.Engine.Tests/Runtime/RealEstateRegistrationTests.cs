using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

public sealed class RealEstateRegistrationTests
{
    [Fact]
    public async Task Transaction_tax_and_registration_run_in_order_within_five_working_days_across_spring_festival()
    {
        // Accepted on 2024-02-08, the day before 除夕 (which stays a working day in 2024), then the festival week.
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 2, 8, 15));
        var id = await h.FileAndAcceptAsync("real-estate-registration");
        var instance = await h.LoadAsync(id);
        // 2-09 (除夕, a working day), 2-18 (adjusted Sunday), 2-19, 2-20, 2-21.
        Assert.Equal(new LocalDate(2024, 2, 21), instance.DueOn);

        foreach (var (matter, department, day) in new[] { ("ZJ-001", "housing-construction", 9), ("SW-002", "taxation", 18), ("BDC-001", "real-estate-registry", 19) })
        {
            h.SetDate(new LocalDate(2024, 2, day));
            var task = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision));
            Assert.Equal(matter, task.MatterCode);
            await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver(department), task.Id, MatterDecision.Approve, null, []));
        }

        var done = await h.RunAsync(op => new IssueResults(op, EngineHarness.Window, id));
        Assert.Equal(InstanceStatus.Completed, done.Status);
        Assert.True((await h.LoadAsync(id)).OnTime);
    }

    [Fact]
    public async Task A_correction_request_stops_the_matter_clock_until_the_applicant_answers()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 6, 3, 9));
        var id = await h.FileAndAcceptAsync("real-estate-registration");
        var contract = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision));
        var before = (await h.LoadAsync(id)).DueOn!.Value;

        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("housing-construction"), contract.Id,
            MatterDecision.RequestCorrection, "合同信息与产权证不一致", ["买卖合同房屋面积与不动产权证书不一致"]));
        var correction = Assert.Single(await h.OpenTasksAsync(id, TaskKind.ApplicantCorrection));
        Assert.Equal(["市住房和城乡建设局：买卖合同房屋面积与不动产权证书不一致"], correction.Items);
        Assert.Equal(("housing-construction", "合同信息与产权证不一致"), (correction.Asks.Single().DepartmentId, correction.Asks.Single().Comment));
        Assert.Equal(global::Approval.Engine.Runtime.TaskStatus.Suspended, (await h.LoadAsync(id)).Tasks.Single(t => t.Id == contract.Id).Status);

        h.SetDate(new LocalDate(2024, 6, 6));   // the applicant's time: 6-4, 6-5, 6-6
        await h.RunAsync(op => new SubmitCorrection(op, EngineHarness.Investor, correction.Id, ["sale-contract"], "已更正合同"));

        var resumed = await h.LoadAsync(id);
        var task = resumed.Tasks.Single(t => t.Id == contract.Id);
        Assert.Equal(global::Approval.Engine.Runtime.TaskStatus.Open, task.Status);
        Assert.Equal(2, task.Round);
        Assert.Equal(h.Engine.Deadlines.Calendar.Deadline(before, 3).Date, resumed.DueOn);
        Assert.Equal(new LocalDate(2024, 6, 7), task.DueOn);
    }
}
