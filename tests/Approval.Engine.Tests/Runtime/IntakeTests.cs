using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

public sealed class IntakeTests
{
    private const string Enterprise = "enterprise-establishment";

    [Fact]
    public async Task Return_lists_every_missing_required_item_and_no_deadline_runs_until_resubmission()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var id = await h.FileAsync(Enterprise, ["registration-application", "articles-of-association", "premises-proof"]);

        await h.RunAsync(op => new ReturnApplication(op, EngineHarness.Window, id, null));

        var returned = await h.LoadAsync(id);
        Assert.Equal(InstanceStatus.Returned, returned.Status);
        Assert.Null(returned.DueOn);
        var notice = (await h.JournalAsync(id)).Single(j => j.Event == "Returned").Reasons!;
        Assert.Contains("股东主体资格证明", notice);
        Assert.Contains("任职文件", notice);
        Assert.Contains("银行结算账户", notice);
        Assert.DoesNotContain("授权委托书", notice);   // optional items are not demanded

        h.SetDate(new LocalDate(2024, 5, 8));
        await h.RunAsync(op => new ResubmitApplication(op, EngineHarness.Agent, id, ["shareholder-identity", "officer-appointment", "bank-account"]));
        await h.HandInAsync(id, ["shareholder-identity", "officer-appointment", "bank-account"]);
        var accepted = await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
        Assert.Equal(InstanceStatus.Running, accepted.Status);
        Assert.Equal(new LocalDate(2024, 5, 11), (await h.LoadAsync(id)).DueOn);   // 5-9, 5-10, 5-11 (adjusted Saturday)
    }

    [Fact]
    public async Task Accepting_with_required_materials_missing_is_a_conflict_and_changes_nothing()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var id = await h.FileAsync(Enterprise, ["registration-application"]);

        var error = await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id)));

        Assert.Contains("公司章程", error.Message);
        var instance = await h.LoadAsync(id);
        Assert.Equal(InstanceStatus.Filed, instance.Status);
        Assert.Null(instance.ProjectCode);
    }

    [Fact]
    public async Task Refusal_needs_a_reason_and_ends_the_project()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var id = await h.FileAsync(Enterprise);

        var blank = await Assert.ThrowsAsync<InvalidInputException>(() => h.RunAsync(op => new RefuseApplication(op, EngineHarness.Window, id, " ")));
        Assert.Equal("reason", blank.Field);
        var refused = await h.RunAsync(op => new RefuseApplication(op, EngineHarness.Window, id, "经营范围属于禁止类项目"));

        Assert.Equal(InstanceStatus.Refused, refused.Status);
        Assert.Equal("经营范围属于禁止类项目", (await h.LoadAsync(id)).OutcomeReason);
    }

    [Fact]
    public async Task Deficiency_date_missed_terminates_the_project_once_even_if_the_timer_fires_twice()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var id = await h.FileAsync(Enterprise, h.Engine.Catalog.Latest(Enterprise).Intake
            .Materials.Where(m => m.Code != "bank-account").Select(m => m.Code));
        await h.RunAsync(op => new AcceptWithDeficiencies(op, EngineHarness.Window, id, new LocalDate(2024, 5, 7)));
        var timer = (await h.LoadAsync(id)).Timers.Single(t => t.Kind == Timers.TimerKind.DeficienciesDue);

        h.Clock.Reset(h.Engine.Deadlines.EndOf(new LocalDate(2024, 5, 7)));
        await h.Engine.ExecuteAsync(FireTimer.Of(timer.Id, timer.DueAt));
        await h.Engine.ExecuteAsync(FireTimer.Of(timer.Id, timer.DueAt));
        await h.Engine.ExecuteAsync(new FireTimer("another-node", timer.Id, timer.DueAt));

        var instance = await h.LoadAsync(id);
        Assert.Equal(InstanceStatus.Terminated, instance.Status);
        Assert.Contains("单位银行结算账户", instance.OutcomeReason);
        Assert.Single(await h.JournalAsync(id), j => j.Event == "ProjectEnded");
    }

    [Fact]
    public async Task A_promise_date_beyond_the_allowed_working_days_names_the_field()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var id = await h.FileAsync(Enterprise, h.Engine.Catalog.Latest(Enterprise).Intake
            .Materials.Where(m => m.Code != "bank-account").Select(m => m.Code));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            h.RunAsync(op => new AcceptWithDeficiencies(op, EngineHarness.Window, id, new LocalDate(2024, 6, 30))));

        Assert.Equal("promisedBy", error.Field);
    }

    [Fact]
    public async Task Filing_with_an_invalid_project_code_or_unknown_material_is_refused_and_nothing_is_stored()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));

        var code = await Assert.ThrowsAsync<InvalidInputException>(() => h.FileAsync(Enterprise, projectCode: "2413-320193-89-01-544060"));
        var material = await Assert.ThrowsAsync<InvalidInputException>(() => h.FileAsync(Enterprise, ["registration-application", "no-such-thing"]));
        var definition = await Assert.ThrowsAsync<InvalidInputException>(() => h.FileAsync("no-such-definition"));

        Assert.Equal("project.projectCode", code.Field);
        Assert.Equal("materials[1]", material.Field);
        Assert.Equal("definitionId", definition.Field);
        await using var db = h.Database.CreateContext();
        Assert.Empty(db.Instances);
        Assert.Empty(db.Journal);
    }

    [Fact]
    public async Task A_project_code_given_at_filing_is_kept_and_a_second_running_filing_for_it_is_refused()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var id = await h.FileAndAcceptAsync(Enterprise, projectCode: "2509-320193-89-01-544060");

        var instance = await h.LoadAsync(id);
        Assert.Equal("2509-320193-89-01-544060", instance.ProjectCode);
        Assert.False(instance.ProjectCodeLocallyIssued);
        await Assert.ThrowsAsync<ConflictException>(() => h.FileAsync(Enterprise, projectCode: "2509-320193-89-01-544060"));
    }

    [Fact]
    public async Task An_agent_without_a_valid_authorisation_from_the_investor_cannot_file()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var project = new ProjectDetails("另一项目", "investor-2", "另一公司", "320193", "C26", 100m, null, "孙丽", "025-83123456");
        var materials = h.Engine.Catalog.Latest(Enterprise).Intake
            .Materials.Select(m => m.Code).ToList();

        await Assert.ThrowsAsync<ForbiddenException>(() => h.RunAsync(op => new FileApplication(op, EngineHarness.Agent, Enterprise, project, materials)));
        var authorizations = h.Services.GetRequiredService<AgentAuthorizations>();
        var expired = await authorizations.GrantAsync(Actor.System, "investor-2", "另一公司", EngineHarness.Agent.UserId,
            new LocalDate(2023, 1, 1), new LocalDate(2024, 5, 5));
        await Assert.ThrowsAsync<ForbiddenException>(() => h.RunAsync(op => new FileApplication(op, EngineHarness.Agent, Enterprise, project, materials)));
        await authorizations.GrantAsync(Actor.System, "investor-2", "另一公司", EngineHarness.Agent.UserId,
            new LocalDate(2024, 5, 6), new LocalDate(2025, 5, 5));

        var filed = await h.RunAsync(op => new FileApplication(op, EngineHarness.Agent, Enterprise, project, materials));
        Assert.Equal(InstanceStatus.Filed, filed.Status);
        Assert.Equal(EngineHarness.Agent.UserId, (await h.LoadAsync(filed.InstanceId)).AgentId);
    }
}
