using Approval.Engine.Calendar;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Engine.Tests.Persistence;
using Approval.Testing;
using NodaTime;

namespace Approval.Engine.Tests.Supervision;

/// <summary>
/// The version reads a kept answer is checked against (<see cref="ProjectReader.VersionsAsync"/>,
/// <see cref="ProjectReader.TrackVersionAsync"/>): a project's own version and those of the other applications under
/// its code, and nothing else; the tracked project by code and key as tracking finds it.
/// </summary>
public abstract class ProjectVersionsTests(TestStore store) : MigratedStoreTests(store)
{
    private static readonly WorkingDayCalendars Calendars = WorkingDayCalendars.FromDirectory(Path.Combine(RepositoryPaths.Workflows, "calendars"));
    private readonly FakeClock _clock = FakeClock.AtShanghai(2024, 10, 16, 10);

    private ProjectReader Reader(ApprovalDatabase database) => new(database, new AgentAuthorizations(database, _clock), _clock, Calendars);

    [Fact]
    public async Task A_projects_versions_are_its_own_and_those_of_the_applications_under_its_code()
    {
        var database = await MigratedAsync();
        var permit = await SaveAsync(database, Project("2410-320100-04-01-000001", "KEYONE000001", version: 3));
        var acceptance = await SaveAsync(database, Project("2410-320100-04-01-000001", "KEYTWO000002", version: 7, definition: "joint-completion-acceptance"));
        await SaveAsync(database, Project("2410-320100-04-01-000009", "KEYTHR000003", version: 2));
        var withoutCode = await SaveAsync(database, Project(null, null, version: 1));
        await SaveAsync(database, Project(null, null, version: 5));
        var reader = Reader(database);

        Assert.Equal([new ProjectStamp(permit.Id, 3), new ProjectStamp(acceptance.Id, 7)],
            (await reader.VersionsAsync(permit.Id, Ct)).OrderBy(s => s.Version));
        Assert.Equal([new ProjectStamp(withoutCode.Id, 1)], await reader.VersionsAsync(withoutCode.Id, Ct));
        Assert.Empty(await reader.VersionsAsync(Guid.NewGuid(), Ct));
    }

    [Fact]
    public async Task Tracking_finds_the_version_by_code_and_key_in_any_case_and_nothing_for_a_wrong_key()
    {
        var database = await MigratedAsync();
        var permit = await SaveAsync(database, Project("2410-320100-04-01-000001", "KEYONE000001", version: 3));
        var acceptance = await SaveAsync(database, Project("2410-320100-04-01-000001", "KEYTWO000002", version: 7, definition: "joint-completion-acceptance"));
        var reader = Reader(database);

        Assert.Equal(new ProjectStamp(permit.Id, 3), await reader.TrackVersionAsync("2410-320100-04-01-000001", " keyone000001 ", Ct));
        Assert.Equal(new ProjectStamp(acceptance.Id, 7), await reader.TrackVersionAsync("2410-320100-04-01-000001", "KEYTWO000002", Ct));
        Assert.Null(await reader.TrackVersionAsync("2410-320100-04-01-000001", "KEYTHR000003", Ct));
        Assert.Null(await reader.TrackVersionAsync("2410-320100-04-01-000002", "KEYONE000001", Ct));
    }

    private static ProjectInstance Project(string? code, string? key, int version, string definition = "industrial-construction-permit") => new()
    {
        Id = Guid.NewGuid(), DefinitionId = definition, DefinitionVersion = 1, ProjectName = "项目", ProjectCode = code,
        QueryKey = key, InvestorId = "investor-1", InvestorName = "某公司", Status = InstanceStatus.Running, CurrentActivityId = "parallel-approvals",
        FiledAt = Instant.FromUtc(2024, 9, 1, 0, 0), AcceptedOn = new LocalDate(2024, 9, 2), TargetWorkingDays = 50, Version = version,
    };

    private static async Task<ProjectInstance> SaveAsync(ApprovalDatabase database, ProjectInstance instance)
    {
        await using var db = database.CreateContext();
        db.Instances.Add(instance);
        await db.SaveSeedAsync(Ct);
        return instance;
    }
}

/// <summary><see cref="ProjectVersionsTests"/> on a SQLite file.</summary>
public sealed class SqliteProjectVersionsTests() : ProjectVersionsTests(TestStore.Sqlite);

/// <summary><see cref="ProjectVersionsTests"/> on a PostgreSQL database of each test's own.</summary>
public sealed class PostgresProjectVersionsTests() : ProjectVersionsTests(TestStore.Postgres);
