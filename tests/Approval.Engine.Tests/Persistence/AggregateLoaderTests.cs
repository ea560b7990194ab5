using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Engine.Tests.Persistence;

/// <summary>
/// <see cref="AggregateLoader"/> must read exactly what EF Core's own queries read, every column of every entity,
/// on each provider; and what it returns must be tracked so that saving and optimistic concurrency work.
/// </summary>
public abstract class AggregateLoaderTests(TestStore store) : MigratedStoreTests(store)
{
    private static readonly Instant At = Instant.FromUtc(2024, 9, 27, 2, 30, 15) + Duration.FromMilliseconds(123);

    [Theory]
    [InlineData(AggregateKeyKind.Instance)]
    [InlineData(AggregateKeyKind.Task)]
    [InlineData(AggregateKeyKind.Extension)]
    [InlineData(AggregateKeyKind.Timer)]
    public async Task Reads_the_aggregate_as_ef_core_reads_it_from_any_id_a_command_carries(AggregateKeyKind kind)
    {
        var database = await MigratedAsync();
        var stored = Aggregate();
        await SaveAsync(database, stored);
        var key = new AggregateKey(kind, kind switch
        {
            AggregateKeyKind.Instance => stored.Id,
            AggregateKeyKind.Task => stored.Tasks[1].Id,
            AggregateKeyKind.Extension => stored.Extensions[0].Id,
            _ => stored.Timers[0].Id,
        });

        await using var db = database.CreateContext();
        var loaded = await AggregateLoader.LoadAsync(db, "never-used", key, Ct);

        Assert.Null(loaded.Done);
        var instance = Assert.IsType<ProjectInstance>(loaded.Instance);
        await using var reference = database.CreateContext();
        var expected = await reference.Instances.AsNoTracking().Include(i => i.Tasks)
            .Include(i => i.Timers.Where(t => t.Status == TimerStatus.Pending)).Include(i => i.ClockStops).Include(i => i.Extensions)
            .AsSplitQuery().SingleAsync(i => i.Id == stored.Id, Ct);
        AssertSameColumns(db.Model, expected, instance);
        // The current step's tasks, open or waiting ones, and those with an extension; not the finished earlier steps.
        AssertSameRows(db.Model, expected.Tasks.Where(t => t.ActivityId == expected.CurrentActivityId).ToList(), instance.Tasks);
        Assert.Equal(5, expected.Tasks.Count);
        AssertSameRows(db.Model, expected.Timers, instance.Timers);
        AssertSameRows(db.Model, expected.ClockStops, instance.ClockStops);
        AssertSameRows(db.Model, expected.Extensions, instance.Extensions);
        Assert.All(instance.Timers, t => Assert.Equal(TimerStatus.Pending, t.Status));
        Assert.Equal(2, instance.Timers.Count);
        Assert.All(db.ChangeTracker.Entries(), e => Assert.Equal(EntityState.Unchanged, e.State));
        Assert.Equal(1 + 3 + 2 + 2 + 1, db.ChangeTracker.Entries().Count());
    }

    [Fact]
    public async Task Loads_tasks_of_earlier_steps_only_when_open_named_by_the_command_or_extended()
    {
        var database = await MigratedAsync();
        var stored = Aggregate();
        var reviewed = stored.Tasks.Single(t => t.ActivityId == "joint-pre-review");
        var surveyed = stored.Tasks.Single(t => t.ActivityId == "site-survey");
        await SaveAsync(database, stored);

        await using (var db = database.CreateContext())
        {
            var named = (await AggregateLoader.LoadAsync(db, "op", new AggregateKey(AggregateKeyKind.Task, reviewed.Id), Ct)).Instance!;
            Assert.Contains(named.Tasks, t => t.Id == reviewed.Id);
            Assert.DoesNotContain(named.Tasks, t => t.Id == surveyed.Id);
            Assert.Equal(4, named.Tasks.Count);
        }
        await using (var db = database.CreateContext())
        {
            var row = await db.Tasks.SingleAsync(t => t.Id == surveyed.Id, Ct);
            row.Status = TaskStatus.Waiting;
            db.Extensions.Add(new Extension
            {
                Id = Guid.NewGuid(), InstanceId = stored.Id, TaskId = reviewed.Id, WorkingDays = 2, Reason = "补充材料",
                Status = ExtensionStatus.Pending, RequestedBy = "approver-natural-resources", RequestedAt = At,
            });
            await db.SaveSeedAsync(Ct);
        }
        await using (var db = database.CreateContext())
        {
            var instance = (await AggregateLoader.LoadAsync(db, "op", new AggregateKey(AggregateKeyKind.Instance, stored.Id), Ct)).Instance!;
            Assert.Equal(stored.Tasks.Select(t => t.Id).Order(), instance.Tasks.Select(t => t.Id).Order());
        }
    }

    [Fact]
    public async Task Returns_the_first_result_of_an_operation_already_applied()
    {
        var database = await MigratedAsync();
        var stored = Aggregate();
        await SaveAsync(database, stored);
        var operation = new ProcessedOperation
        {
            OperationId = "op-1", CommandType = "DecideMatter:abc", InstanceId = stored.Id, UserId = "approver-市场监管",
            Result = """{"status":"Running","备注":"同意"}""", At = At,
        };
        await using (var db = database.CreateContext())
        {
            db.Operations.Add(operation);
            await db.SaveSeedAsync(Ct);
        }

        await using var again = database.CreateContext();
        var byOperation = await AggregateLoader.LoadAsync(again, "op-1", null, Ct);
        var withProject = await AggregateLoader.LoadAsync(again, "op-1", new AggregateKey(AggregateKeyKind.Instance, stored.Id), Ct);

        AssertSameColumns(again.Model, operation, Assert.IsType<ProcessedOperation>(byOperation.Done));
        Assert.Null(byOperation.Instance);
        Assert.Equal("op-1", withProject.Done?.OperationId);
        Assert.Equal(stored.Id, withProject.Instance?.Id);
    }

    [Theory]
    [InlineData(AggregateKeyKind.Instance)]
    [InlineData(AggregateKeyKind.Task)]
    [InlineData(AggregateKeyKind.Extension)]
    [InlineData(AggregateKeyKind.Timer)]
    public async Task Finds_nothing_for_an_unknown_id(AggregateKeyKind kind)
    {
        var database = await MigratedAsync();
        await SaveAsync(database, Aggregate());

        await using var db = database.CreateContext();
        var loaded = await AggregateLoader.LoadAsync(db, "op", new AggregateKey(kind, Guid.NewGuid()), Ct);

        Assert.Null(loaded.Done);
        Assert.Null(loaded.Instance);
        Assert.Empty(db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task Changes_to_what_it_loaded_are_saved_and_guarded_by_the_version()
    {
        var database = await MigratedAsync();
        var stored = Aggregate();
        await SaveAsync(database, stored);
        var key = new AggregateKey(AggregateKeyKind.Instance, stored.Id);

        await using (var db = database.CreateContext())
        {
            var instance = (await AggregateLoader.LoadAsync(db, "op", key, Ct)).Instance!;
            instance.Tasks.Single(t => t.Status == TaskStatus.Open).Status = TaskStatus.Done;
            instance.Deficiencies.Add("施工图审查合格书");
            instance.Version++;
            Assert.Equal(2, await db.SaveSeedAsync(Ct));
        }
        await using (var check = database.CreateContext())
        {
            var saved = await check.Instances.AsNoTracking().Include(i => i.Tasks).SingleAsync(i => i.Id == stored.Id, Ct);
            Assert.Equal(["消防设计审查意见", "施工图审查合格书"], saved.Deficiencies);
            Assert.DoesNotContain(saved.Tasks, t => t.Status == TaskStatus.Open);
            Assert.Equal(stored.Version + 1, saved.Version);
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var a = (await AggregateLoader.LoadAsync(first, "op", key, Ct)).Instance!;
        var b = (await AggregateLoader.LoadAsync(second, "op", key, Ct)).Instance!;
        a.CurrentActivityId = "completion"; a.Version++;
        b.CurrentActivityId = "site-survey"; b.Version++;
        await first.SaveSeedAsync(Ct);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveSeedAsync(Ct));
    }

    [Fact]
    public async Task A_save_that_started_from_a_stale_version_fails_whole_and_leaves_nothing()
    {
        var database = await MigratedAsync();
        var stored = Aggregate();
        await SaveAsync(database, stored);
        var key = new AggregateKey(AggregateKeyKind.Instance, stored.Id);
        await using var winner = database.CreateContext();
        await using var loser = database.CreateContext();
        var won = (await AggregateLoader.LoadAsync(winner, "op-a", key, Ct)).Instance!;
        var lost = (await AggregateLoader.LoadAsync(loser, "op-b", key, Ct)).Instance!;

        won.CurrentActivityId = "completion";
        won.Version++;
        winner.Operations.Add(Operation("op-a", won));
        await ProjectStore.SaveAtomicallyAsync(winner, Ct);

        // The loser changes other rows than the winner did: only the version guard can stop it.
        lost.Tasks.Single(t => t.Status == TaskStatus.Open).Status = TaskStatus.Done;
        lost.Tasks.Add(new WorkTask { Id = Guid.NewGuid(), InstanceId = lost.Id, ActivityId = "completion", Title = "出件" });
        lost.Timers[0].Status = TimerStatus.Cancelled;
        lost.Version++;
        loser.Journal.Add(new Journal.JournalEntry { InstanceId = lost.Id, Sequence = 99, Event = "Stale", UserId = "u", ActorRole = "Approver", At = At, WorkingDay = new LocalDate(2024, 9, 27) });
        loser.Operations.Add(Operation("op-b", lost));
        var failed = await Assert.ThrowsAnyAsync<DbUpdateException>(() => ProjectStore.SaveAtomicallyAsync(loser, Ct));

        Assert.True(failed is DbUpdateConcurrencyException || ApprovalDatabase.IsUniqueViolation(failed), failed.ToString());
        await using var check = database.CreateContext();
        var now = await check.Instances.AsNoTracking().Include(i => i.Tasks).Include(i => i.Timers).SingleAsync(i => i.Id == stored.Id, Ct);
        Assert.Equal(("completion", stored.Version + 1), (now.CurrentActivityId, now.Version));
        Assert.Equal(5, now.Tasks.Count);
        Assert.Equal(1, now.Tasks.Count(t => t.Status == TaskStatus.Open));
        Assert.Equal(2, now.Timers.Count(t => t.Status == TimerStatus.Pending));
        Assert.False(await check.Journal.AnyAsync(j => j.InstanceId == stored.Id, Ct));
        Assert.Equal(["op-a"], await check.Operations.Select(o => o.OperationId).ToListAsync(Ct));
    }

    private static ProcessedOperation Operation(string id, ProjectInstance instance) => new()
    {
        OperationId = id, CommandType = "Test", InstanceId = instance.Id, UserId = "u", Result = "{}", At = At,
        InstanceVersion = instance.Version,
    };

    /// <summary>An instance with every column set to something other than its default, and children of each kind.</summary>
    private static ProjectInstance Aggregate()
    {
        var id = Guid.NewGuid();
        var tasks = new[] { TaskStatus.Done, TaskStatus.Open, TaskStatus.Suspended }.Select((status, n) => new WorkTask
        {
            Id = Guid.NewGuid(), InstanceId = id, ActivityId = "parallel-approvals", Kind = TaskKind.MatterDecision,
            DepartmentId = n == 2 ? null : "natural-resources", MatterCode = n == 2 ? null : "ZRZY-002", Title = "建设工程规划许可证核发",
            Status = status, Outcome = n == 0 ? "Approved" : null, Comment = n == 0 ? "同意，按图施工" : null,
            Items = n == 0 ? ["总平面图", "建筑设计方案"] : [], Round = n + 1, OpenedOn = new LocalDate(2024, 9, 30),
            LimitWorkingDays = 10, ExtensionWorkingDays = n, DueOn = new LocalDate(2024, 10, 21), WarnOn = new LocalDate(2024, 10, 17),
            DecidedAt = n == 0 ? At : null, DecidedBy = n == 0 ? "approver-natural-resources" : null,
        }).ToList();
        // Finished tasks of earlier steps.
        tasks.AddRange(new[] { ("joint-pre-review", TaskKind.PreReviewOpinion), ("site-survey", TaskKind.SurveyFinding) }.Select(step => new WorkTask
        {
            Id = Guid.NewGuid(), InstanceId = id, ActivityId = step.Item1, Kind = step.Item2, DepartmentId = "fire-rescue",
            Title = "意见：消防救援", Status = TaskStatus.Done, Outcome = "Agreed", Items = ["消防通道"], OpenedOn = new LocalDate(2024, 9, 23),
            LimitWorkingDays = 3, DueOn = new LocalDate(2024, 9, 26), WarnOn = new LocalDate(2024, 9, 25), DecidedAt = At,
            DecidedBy = "approver-fire-rescue",
        }));
        return new ProjectInstance
        {
            Id = id, DefinitionId = "industrial-construction-permit", DefinitionVersion = 2, ProjectCode = "2409-320193-89-01-544060",
            ProjectCodeLocallyIssued = true, ProjectName = "年产10万吨新材料项目", InvestorId = "investor-1",
            InvestorName = "某某新材料有限公司", AgentId = "agent-li", Division = "320193", Industry = "C26",
            InvestmentAmount = 52000.75m, Status = InstanceStatus.Running, CurrentActivityId = "parallel-approvals",
            SubmittedMaterials = ["申请表", "营业执照", "用地批准书"], Deficiencies = ["消防设计审查意见"],
            DeficienciesDueOn = new LocalDate(2024, 10, 15), QueryKey = "K7Q2-M9XD", FiledAt = At,
            AcceptedOn = new LocalDate(2024, 9, 27), TargetWorkingDays = 50, ExtensionWorkingDays = 5,
            DueOn = new LocalDate(2024, 12, 20), StepStartedOn = new LocalDate(2024, 9, 30), SurveyOn = new LocalDate(2024, 9, 29),
            StepDueOn = new LocalDate(2024, 11, 8), EndedAt = At + Duration.FromDays(3), EndedOn = new LocalDate(2024, 9, 30),
            OnTime = false, OutcomeReason = "测试：所有列都有值", JournalCount = 17, Version = 9,
            Tasks = tasks,
            Timers =
            [
                Timer(id, tasks[1].Id, TimerStatus.Pending, TimerKind.TaskWarning),
                Timer(id, null, TimerStatus.Pending, TimerKind.ProjectDeadline),
                Timer(id, tasks[0].Id, TimerStatus.Fired, TimerKind.TaskDeadline),
                Timer(id, tasks[0].Id, TimerStatus.Cancelled, TimerKind.TaskWarning),
            ],
            ClockStops =
            [
                new ClockStop
                {
                    Id = Guid.NewGuid(), InstanceId = id, ActivityId = "parallel-approvals", TaskId = tasks[2].Id,
                    Reason = ClockStopReason.ExpertReview, Notice = "需组织专家评审，预计10个工作日", StartsOn = new LocalDate(2024, 10, 8),
                    ExpectedWorkingDays = 10, ResumesOn = new LocalDate(2024, 10, 22), RequestedBy = "approver-natural-resources", RequestedAt = At,
                },
                new ClockStop
                {
                    Id = Guid.NewGuid(), InstanceId = id, ActivityId = "joint-pre-review", Reason = ClockStopReason.Correction,
                    Notice = "补正材料", StartsOn = new LocalDate(2024, 9, 30), RequestedBy = "window-wang", RequestedAt = At,
                },
            ],
            Extensions =
            [
                new Extension
                {
                    Id = Guid.NewGuid(), InstanceId = id, TaskId = tasks[1].Id, WorkingDays = 5, Reason = "情况复杂，需延期",
                    Status = ExtensionStatus.Approved, RequestedBy = "approver-natural-resources", RequestedAt = At,
                    DecidedBy = "supervisor-zhao", DecidedAt = At + Duration.FromHours(2), DecisionNote = "同意延期5个工作日",
                },
            ],
        };
    }

    private static DurableTimer Timer(Guid instance, Guid? task, TimerStatus status, TimerKind kind) => new()
    {
        Id = Guid.NewGuid(), InstanceId = instance, TaskId = task, Kind = kind, DueAt = At + Duration.FromDays(20), Status = status,
        LeaseOwner = status == TimerStatus.Pending ? "node-a" : null, LeaseExpiresAt = status == TimerStatus.Pending ? At : null,
        Attempts = 2, FiredAt = status == TimerStatus.Fired ? At : null,
    };

    /// <summary>Every mapped property of the two entities is equal, compared with the property's own value comparer.</summary>
    private static void AssertSameColumns<T>(IModel model, T expected, T actual) where T : class
    {
        foreach (var property in model.FindEntityType(typeof(T))!.GetProperties())
        {
            var e = property.PropertyInfo!.GetValue(expected);
            var a = property.PropertyInfo!.GetValue(actual);
            Assert.True(property.GetValueComparer().Equals(e, a), $"{typeof(T).Name}.{property.Name}: expected {e}, read {a}");
        }
    }

    private static void AssertSameRows<T>(IModel model, IEnumerable<T> expected, IEnumerable<T> actual) where T : class
    {
        var id = model.FindEntityType(typeof(T))!.FindPrimaryKey()!.Properties.Single().PropertyInfo!;
        var byId = actual.ToDictionary(row => id.GetValue(row)!);
        var wanted = expected.ToList();
        Assert.Equal(wanted.Count, byId.Count);
        foreach (var row in wanted) AssertSameColumns(model, row, byId[id.GetValue(row)!]);
    }

    private static async Task SaveAsync(ApprovalDatabase database, ProjectInstance instance)
    {
        await using var db = database.CreateContext();
        db.Instances.Add(instance);
        await db.SaveSeedAsync(Ct);
    }
}

/// <summary><see cref="AggregateLoaderTests"/> on a SQLite file.</summary>
public sealed class SqliteAggregateLoaderTests() : AggregateLoaderTests(TestStore.Sqlite);

/// <summary><see cref="AggregateLoaderTests"/> on a PostgreSQL database of each test's own.</summary>
public sealed class PostgresAggregateLoaderTests() : AggregateLoaderTests(TestStore.Postgres);
