using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// "Handed in" is one concept on every store: an uploaded file (whose record is written with the project's change) or
/// a paper original recorded by the window; a listed code is not. Correction requests keep what each department asked.
/// </summary>
public sealed class HandedInTests
{
    private const string Enterprise = "enterprise-establishment";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Handed_in_materials_and_file_records_are_stored_with_the_project_on_sqlite()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        await HandedInMaterialsAreStoredAsync(h);
    }

    [Fact]
    public async Task Handed_in_materials_and_file_records_are_stored_with_the_project_on_postgres()
    {
        await using var pg = await PostgresDatabase.CreateAsync(Ct);
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9), pg.ConnectionString);
        await HandedInMaterialsAreStoredAsync(h);
    }

    [Fact]
    public async Task What_each_department_asked_is_stored_with_the_correction_request_on_sqlite()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        await CorrectionAsksAreStoredAsync(h);
    }

    [Fact]
    public async Task What_each_department_asked_is_stored_with_the_correction_request_on_postgres()
    {
        await using var pg = await PostgresDatabase.CreateAsync(Ct);
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9), pg.ConnectionString);
        await CorrectionAsksAreStoredAsync(h);
    }

    [Fact]
    public async Task A_file_for_an_ended_project_is_refused_and_leaves_no_record()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var id = await h.FileAsync(Enterprise);
        await h.RunAsync(op => new RefuseApplication(op, EngineHarness.Window, id, "不属于本机关职权范围"));

        await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new AttachMaterialFile(op, EngineHarness.Agent, id, File(id, "premises-proof"))));

        await using var db = h.Database.CreateContext();
        Assert.False(await db.MaterialFiles.AnyAsync(f => f.InstanceId == id, Ct));
    }

    [Fact]
    public async Task Saying_a_deficient_item_is_supplied_without_handing_it_in_is_refused()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 5, 6, 9));
        var id = await h.FileAsync(Enterprise, ["registration-application", "articles-of-association", "shareholder-identity",
            "officer-appointment", "premises-proof"]);
        await h.RunAsync(op => new AcceptWithDeficiencies(op, EngineHarness.Window, id, new LocalDate(2024, 5, 7)));

        var refused = await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new SupplyDeficiencies(op, EngineHarness.Agent, id, ["bank-account"])));

        Assert.Contains("单位银行结算账户信息", refused.Message);
        var project = await h.LoadAsync(id);
        Assert.Equal(["bank-account"], project.Deficiencies);
        Assert.Equal(new LocalDate(2024, 5, 7), project.DeficienciesDueOn);
    }

    private static async Task HandedInMaterialsAreStoredAsync(EngineHarness h)
    {
        var id = await h.FileAsync(Enterprise, handIn: false);
        var listedOnly = await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id)));
        Assert.Contains("公司章程", listedOnly.Message);

        await h.RunAsync(op => new RecordPaperOriginals(op, EngineHarness.Window, id,
            ["registration-application", "shareholder-identity", "officer-appointment", "premises-proof", "bank-account"]));
        var file = File(id, "articles-of-association");
        await h.RunAsync(op => new AttachMaterialFile(op, EngineHarness.Agent, id, file));
        var accepted = await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));

        Assert.Equal(InstanceStatus.Running, accepted.Status);
        var project = await h.LoadAsync(id);
        Assert.Equal(["articles-of-association"], project.UploadedMaterials);
        Assert.Equal(5, project.PaperOriginals.Count);
        await using var db = h.Database.CreateContext();
        var stored = await db.MaterialFiles.AsNoTracking().SingleAsync(f => f.InstanceId == id, Ct);
        Assert.Equal((file.Id, "articles-of-association", file.Sha256), (stored.Id, stored.MaterialCode, stored.Sha256));
        var journal = await h.JournalAsync(id);
        Assert.Equal("公司章程：公司章程.pdf", journal.Single(j => j.Event == "MaterialUploaded").Reasons);
        Assert.Equal(EngineHarness.Window.UserId, journal.Single(j => j.Event == "PaperOriginalsRecorded").UserId);
    }

    private static async Task CorrectionAsksAreStoredAsync(EngineHarness h)
    {
        var id = await h.FileAndAcceptAsync(Enterprise);
        var licence = Assert.Single(await h.OpenTasksAsync(id, TaskKind.MatterDecision));
        await h.RunAsync(op => new DecideMatter(op, EngineHarness.Approver("market-regulation"), licence.Id,
            MatterDecision.RequestCorrection, "章程未经全体股东签字", ["articles-of-association", "补充股东会决议"]));

        var correction = Assert.Single(await h.OpenTasksAsync(id, TaskKind.ApplicantCorrection));

        var ask = Assert.Single(correction.Asks);
        Assert.Equal(("market-regulation", "SCJG-001", "章程未经全体股东签字", "approver-market-regulation"),
            (ask.DepartmentId, ask.MatterCode, ask.Comment, ask.AskedBy));
        Assert.Equal(new CorrectionItem("articles-of-association", "articles-of-association", "公司章程", true, false), ask.Items[0]);
        Assert.Equal(new CorrectionItem("补充股东会决议", null, "补充股东会决议", null, null), ask.Items[1]);
        Assert.Equal(["市市场监督管理局：公司章程（必要材料）", "市市场监督管理局：补充股东会决议"], correction.Items);
    }

    private static MaterialFile File(Guid id, string code) => new()
    {
        Id = Guid.NewGuid(), InstanceId = id, MaterialCode = code, FileName = "公司章程.pdf", ContentType = "application/pdf",
        Length = 42, Sha256 = new string('a', 64), UploadedBy = EngineHarness.Agent.UserId, UploadedAt = Instant.FromUtc(2024, 5, 6, 1, 0),
    };
}
