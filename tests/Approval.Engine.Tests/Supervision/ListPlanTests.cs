using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Approval.Engine.Calendar;
using Approval.Engine.Definitions;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Testing;
using Approval.Testing.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using Npgsql;

namespace Approval.Engine.Tests.Supervision;

/// <summary>
/// The plans PostgreSQL makes for the list queries (<see cref="ListReader"/>, disclosure) and the statistics' period
/// query: captured as the readers send them, explained (no ANALYZE) on 40,000 generated projects, each first page
/// reads its intended index in the list's order — no sort of the rows the index holds, no scan of the table.
/// </summary>
/// <remarks>
/// The data are enough rows that an ordered index read of one page is clearly the cheapest plan, as it is at scale;
/// the planner's settings are left alone (forcing them would prove nothing). All-time statistics read every decided
/// row by design and are not asserted here.
/// </remarks>
public sealed class ListPlanTests(ListPlanTests.GeneratedData data) : IClassFixture<ListPlanTests.GeneratedData>
{
    private static readonly WorkingDayCalendars Calendars = WorkingDayCalendars.FromDirectory(Path.Combine(RepositoryPaths.Workflows, "calendars"));
    private readonly FakeClock _clock = FakeClock.AtShanghai(2024, 10, 16, 10);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One generated database for the class, made by the first test that asks (so that a missing server skips the test).</summary>
    public sealed class GeneratedData : IAsyncDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private PostgresDatabase? _postgres;
        private ApprovalDatabase? _database;

        public async Task<(PostgresDatabase Server, ApprovalDatabase Database)> GetAsync()
        {
            await _gate.WaitAsync(Ct);
            try
            {
                if (_postgres is null)
                {
                    var postgres = await PostgresDatabase.CreateAsync(Ct);
                    _database = new ApprovalDatabase(postgres.Options);
                    _postgres = postgres;
                    await _database.MigrateAsync(Ct);
                    await GenerateAsync(postgres.ConnectionString);
                    // Rows written round the engine: their tallies are built from them, as on an upgraded database.
                    await new TallyCompaction(_database, Calendars).RebuildAsync(Ct);
                    // EF Core caches for a second whether anyone listens to its diagnostics; the build's queries have
                    // just found no one, and a test's capture would see nothing until that runs out.
                    await Task.Delay(TimeSpan.FromSeconds(1.5), Ct);
                }
                return (_postgres, _database!);
            }
            finally
            {
                _gate.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_database is not null) await _database.DisposeAsync();
            if (_postgres is not null) await _postgres.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_departments_to_do_page_reads_its_partial_index_in_due_order()
    {
        var plans = await PlansAsync(r => r.Lists.OpenTasksAsync(new TaskQuery("dept3"), new PageRequest(50), ct: Ct));
        AssertReadsInOrder(plans.Single(), "ix_tasks_open_department_due");
    }

    [Fact]
    public async Task A_departments_near_due_and_later_pages_start_the_index_at_their_due_day()
    {
        var bounds = new LightPolicy(new EngineOptions(), Calendars).BoundsAt(_clock.GetCurrentInstant());
        var first = await PlansAsync(r => r.Lists.OpenTasksAsync(new TaskQuery("dept3", Due: DueState.NearDue), new PageRequest(20), ct: Ct));
        // The dated part, then (the page not full) the undated part.
        AssertReadsInOrder(first[0], "ix_tasks_open_department_due");
        Assert.Contains(Nodes(first[0]), n => n.Index == "ix_tasks_open_department_due" && n.Condition?.Contains("\"DueOn\" >") == true);
        var cursor = Cursor.Encode("dept" + "dept3", Cursor.Of(bounds.Today.PlusDays(5)), Cursor.Of(Guid.Empty));
        var later = await PlansAsync(r => r.Lists.OpenTasksAsync(new TaskQuery("dept3"), new PageRequest(50, cursor), ct: Ct));
        Assert.Contains(Nodes(later[0]), n => n.Index == "ix_tasks_open_department_due" && n.Condition?.Contains("\"DueOn\" >=") == true);
    }

    [Fact]
    public async Task Supervisions_open_work_page_reads_the_open_work_index_in_due_order()
    {
        var plans = await PlansAsync(r => r.Lists.OpenTasksAsync(new TaskQuery(), new PageRequest(50), runningOnly: true, ct: Ct));
        AssertReadsInOrder(plans.Single(), "ix_tasks_open_due");
    }

    /// <summary>
    /// The open-task pages run on connections that plan their statements once, generically (<see cref="ApprovalDatabase.PagePlanSettings"/>):
    /// that generic plan reads the same index in the same order, with no parallel workers and no Memoize, whatever the
    /// department, cursor or page size. Before the settings, a generic plan of the to-do page went parallel (41 ms).
    /// </summary>
    [Theory]
    [InlineData("to-do", "ix_tasks_open_department_due")]
    [InlineData("to-do, a later page", "ix_tasks_open_department_due")]
    [InlineData("to-do, near due", "ix_tasks_open_department_due")]
    [InlineData("supervision's open work", "ix_tasks_open_due")]
    public async Task The_open_task_pages_run_on_generic_plans_that_read_their_index_in_order(string page, string index)
    {
        var bounds = new LightPolicy(new EngineOptions(), Calendars).BoundsAt(_clock.GetCurrentInstant());
        var cursor = Cursor.Encode("dept" + "dept3", Cursor.Of(bounds.Today.PlusDays(5)), Cursor.Of(Guid.Empty));
        var captured = await CommandsAsync(r => page switch
        {
            "to-do" => r.Lists.OpenTasksAsync(new TaskQuery("dept3"), new PageRequest(50), counted: true, ct: Ct),
            "to-do, a later page" => r.Lists.OpenTasksAsync(new TaskQuery("dept3"), new PageRequest(50, cursor), counted: true, ct: Ct),
            "to-do, near due" => r.Lists.OpenTasksAsync(new TaskQuery("dept3", Due: DueState.NearDue), new PageRequest(20), counted: true, ct: Ct),
            _ => r.Lists.OpenTasksAsync(new TaskQuery(), new PageRequest(50), runningOnly: true, counted: true, ct: Ct),
        });

        Assert.All(captured, c => Assert.Contains("plan_cache_mode=force_generic_plan", c.Connection));
        var (server, _) = await data.GetAsync();
        await using var connection = new NpgsqlConnection(ApprovalDatabase.ForPages(server.ConnectionString));
        await connection.OpenAsync(Ct);
        var plans = new List<JsonElement>();
        foreach (var (sql, parameters, _) in captured)
        {
            await Execute(connection, "DEALLOCATE ALL");
            await Execute(connection, "PREPARE page AS " + Positional(sql, parameters));
            var arguments = string.Join(", ", parameters.Select(Literal));
            await using var explain = new NpgsqlCommand($"EXPLAIN (FORMAT JSON) EXECUTE page{(arguments.Length > 0 ? $"({arguments})" : "")}", connection);
            plans.Add(JsonDocument.Parse((string)(await explain.ExecuteScalarAsync(Ct))!).RootElement[0].GetProperty("Plan").Clone());
            await using var generic = new NpgsqlCommand("SELECT generic_plans FROM pg_prepared_statements WHERE name = 'page'", connection);
            Assert.True((long)(await generic.ExecuteScalarAsync(Ct))! > 0, $"Not a generic plan: {sql}");
        }

        // The total from the tally, then the page's rows (of dated tasks; a page not full reads the undated ones next).
        AssertReadsInOrder(plans[1], index);
        Assert.All(plans, plan => Assert.DoesNotContain(Nodes(plan), n => n.Type is "Gather" or "Gather Merge" or "Memoize"));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>EF Core's named parameters (<c>@department</c>) as PREPARE numbers them ($1, in the order of <paramref name="parameters"/>).</summary>
    private static string Positional(string sql, NpgsqlParameter[] parameters)
    {
        for (var i = 0; i < parameters.Length; i++)
            sql = System.Text.RegularExpressions.Regex.Replace(sql, "@" + System.Text.RegularExpressions.Regex.Escape(parameters[i].ParameterName.TrimStart('@')) + @"\b",
                "$$" + (i + 1));
        return sql;
    }

    /// <summary>A captured parameter's value as an SQL literal, for EXECUTE.</summary>
    private static string Literal(NpgsqlParameter parameter) => parameter.Value switch
    {
        null or DBNull => "NULL",
        string text => "'" + text.Replace("'", "''") + "'",
        int or long or short => Convert.ToString(parameter.Value, System.Globalization.CultureInfo.InvariantCulture)!,
        bool flag => flag ? "true" : "false",
        Guid id => $"'{id}'",
        LocalDate date => $"'{date:yyyy'-'MM'-'dd}'",
        DateOnly date => $"'{date:yyyy'-'MM'-'dd}'",
        var other => throw new NotSupportedException($"A parameter of {other.GetType().Name}"),
    };

    [Fact]
    public async Task Supervisions_running_projects_page_reads_the_running_deadline_index_in_order()
    {
        // The page of ids, then the page's rows with their tasks and stops by id.
        var plans = await PlansAsync(r => r.Lists.RunningProjectsAsync(null, null, new PageRequest(50), Ct));
        AssertReadsInOrder(plans[0], "ix_instances_status_due");
    }

    [Fact]
    public async Task The_window_queue_page_reads_the_filing_index_in_order()
    {
        // The queue's total is a count of the filed rows; the page after it is the list.
        var plans = await PlansAsync(r => r.Lists.IntakeQueueAsync(new PageRequest(50), Ct));
        AssertReadsInOrder(plans.Last(), "ix_instances_status_filed");
    }

    [Fact]
    public async Task An_investors_projects_page_reads_the_investor_index_newest_first()
    {
        // A unit with many projects (a few have thousands): with a handful, reading them all and sorting is the better plan.
        var plans = await PlansAsync(r => r.Lists.ForApplicantAsync(new Actor("inv-big", ActorRole.Investor), new PageRequest(50), Ct));
        // The count, the page of ids, then the page's rows with their tasks and stops by id.
        AssertReadsInOrder(plans[1], "ix_instances_investor_filed");
    }

    [Fact]
    public async Task Disclosures_page_reads_the_ended_projects_decisions_index_newest_first()
    {
        var plans = await PlansAsync(r => r.Projects.DisclosedAsync(new DisclosureFilter(), new PageRequest(50), Ct));
        AssertReadsInOrder(plans.Single(), "ix_tasks_disclosed");
    }

    [Fact]
    public async Task The_pending_extensions_page_reads_the_pending_request_index_in_order()
    {
        // The count of pending requests, the page joined to its tasks and projects, then the page's clock stops.
        var plans = await PlansAsync(r => r.Lists.PendingExtensionsAsync(new PageRequest(50), Ct));
        Assert.Equal(3, plans.Count);
        AssertReadsInOrder(plans[1], "ix_extensions_pending_requested");
    }

    [Fact]
    public async Task Statistics_and_department_counts_read_only_the_tallies_never_the_projects_rows()
    {
        var period = new StatisticsPeriod(new LocalDate(2024, 3, 1), new LocalDate(2024, 3, 31));
        var plans = await PlansAsync(async r =>
        {
            await r.Statistics.ReadAsync(period, Ct);
            await r.Lists.CountsByDepartmentAsync(null, ct: Ct);
        });
        // Open work, decisions of the period, projects, acceptances; then the boards' counts.
        Assert.Equal(5, plans.Count);
        Assert.All(plans, plan => Assert.DoesNotContain(Nodes(plan), n => n.Relation is "tasks" or "instances"));
        Assert.All(plans, plan => Assert.Contains(Nodes(plan), n => n.Relation?.StartsWith("tally_", StringComparison.Ordinal) == true));
    }

    private static void AssertReadsInOrder(JsonElement plan, string index)
    {
        var nodes = Nodes(plan);
        var shown = string.Join(" > ", nodes.Select(n => n.Type + (n.Index is { } i ? $" using {i}" : n.Relation is { } r ? $" on {r}" : "")));
        Assert.True(nodes.Any(n => n.Type is "Index Scan" or "Index Only Scan" && n.Index == index), $"Not read by {index}: {shown}");
        Assert.False(nodes.Any(n => n.Type is "Sort" or "Incremental Sort"), $"Sorted: {shown}");
        Assert.False(nodes.Any(n => n.Type == "Seq Scan" && n.Relation is "tasks" or "instances"), $"A table scanned: {shown}");
    }

    private static List<string> Indexes(JsonElement plan) => Nodes(plan).Select(n => n.Index).OfType<string>().ToList();

    private static List<(string Type, string? Index, string? Relation, string? Condition)> Nodes(JsonElement plan)
    {
        var nodes = new List<(string, string?, string?, string?)>();
        void Walk(JsonElement node)
        {
            nodes.Add((node.GetProperty("Node Type").GetString()!,
                node.TryGetProperty("Index Name", out var index) ? index.GetString() : null,
                node.TryGetProperty("Relation Name", out var relation) ? relation.GetString() : null,
                node.TryGetProperty("Index Cond", out var condition) ? condition.GetString() : null));
            if (node.TryGetProperty("Plans", out var children))
                foreach (var child in children.EnumerateArray()) Walk(child);
        }
        Walk(plan);
        return nodes;
    }

    private sealed record Readers(ListReader Lists, ProjectReader Projects, StatisticsReader Statistics);

    /// <summary>The commands one read sends, in the order it sends them.</summary>
    private async Task<IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters, string Connection)>> CommandsAsync(Func<Readers, Task> read)
    {
        var (server, database) = await data.GetAsync();
        var authorizations = new AgentAuthorizations(database, _clock);
        var lights = new LightPolicy(new EngineOptions(), Calendars);
        var readers = new Readers(new ListReader(database, authorizations, lights, _clock, Calendars),
            new ProjectReader(database, authorizations, _clock, Calendars),
            new StatisticsReader(database, DefinitionLoader.Load(RepositoryPaths.Workflows), lights, Calendars, _clock));
        using var capture = new CommandCapture(new NpgsqlConnectionStringBuilder(server.ConnectionString).Database!);
        await read(readers);
        Assert.NotEmpty(capture.Commands);
        return capture.Commands;
    }

    /// <summary>The plans of the queries one read sends, in the order it sends them.</summary>
    private async Task<List<JsonElement>> PlansAsync(Func<Readers, Task> read)
    {
        var commands = await CommandsAsync(read);
        var (server, _) = await data.GetAsync();
        var plans = new List<JsonElement>();
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(Ct);
        foreach (var (sql, parameters, _) in commands)
        {
            await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + sql, connection);
            explain.Parameters.AddRange(parameters);
            var json = (string)(await explain.ExecuteScalarAsync(Ct))!;
            plans.Add(JsonDocument.Parse(json).RootElement[0].GetProperty("Plan").Clone());
        }
        return plans;
    }

    /// <summary>The commands EF Core sends to one database, with copies of their parameters, as its diagnostics report them.</summary>
    private sealed class CommandCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _database;
        private readonly ConcurrentQueue<(string, NpgsqlParameter[], string)> _commands = new();
        private readonly List<IDisposable> _subscriptions = [];

        public CommandCapture(string database)
        {
            _database = database;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        /// <summary>Each command's text, parameters and the connection string it ran on (without the password).</summary>
        public IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters, string Connection)> Commands => [.. _commands];

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
                && data.Command.Connection?.Database == _database)
                _commands.Enqueue((data.Command.CommandText, data.Command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToArray(),
                    data.Command.Connection.ConnectionString));
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions)
                foreach (var subscription in _subscriptions) subscription.Dispose();
        }
    }

    /// <summary>
    /// 40,000 projects in one statement each for projects and tasks: 20 % filed, 40 % running, 20 % completed, 10 %
    /// rejected, 10 % refused, filed over three years, a quarter by one investor and the rest by 5,000 others; five tasks per accepted project over twelve
    /// departments, open in running projects (around today's due days) and decided otherwise; an extension request for
    /// about one task in six, pending where the task is open.
    /// </summary>
    private static async Task GenerateAsync(string connectionString)
    {
        const string sql = """
            INSERT INTO instances ("Id","DefinitionId","DefinitionVersion","ProjectCodeLocallyIssued","ProjectName","InvestorId","InvestorName",
              "Division","Industry","InvestmentAmount","Status","CurrentActivityId","SubmittedMaterials","Deficiencies","FiledAt",
              "TargetWorkingDays","ExtensionWorkingDays","JournalCount","Version","AcceptedOn","DueOn","EndedAt","EndedOn","OnTime","UsedWorkingDays")
            SELECT md5(n::text)::uuid, (ARRAY['enterprise-establishment','real-estate-registration','industrial-construction-permit'])[1 + n % 3], 1,
              false, 'p' || n, CASE WHEN n % 4 = 0 THEN 'inv-big' ELSE 'inv' || (n % 5000) END, 'x', '320193', 'C26', 1,
              CASE WHEN n % 10 < 2 THEN 'Filed' WHEN n % 10 < 6 THEN 'Running' WHEN n % 10 < 8 THEN 'Completed' WHEN n % 10 = 8 THEN 'Rejected' ELSE 'Refused' END,
              'parallel-approvals', '[]', '[]', timestamptz '2022-01-01 02:00Z' + (n % 1000) * interval '1 day', 50, 0, 5, 1,
              CASE WHEN n % 10 >= 2 THEN date '2022-01-02' + n % 1000 END,
              CASE WHEN n % 10 BETWEEN 2 AND 5 THEN date '2024-10-16' + (n % 60 - 20) WHEN n % 10 >= 6 THEN date '2022-03-01' + n % 1000 END,
              CASE WHEN n % 10 >= 6 THEN timestamptz '2022-03-01 02:00Z' + (n % 1000) * interval '1 day' END,
              CASE WHEN n % 10 >= 6 THEN date '2022-03-01' + n % 1000 END,
              CASE WHEN n % 10 IN (6, 7) THEN n % 3 > 0 END, CASE WHEN n % 10 IN (6, 7) THEN n % 50 END
            FROM generate_series(1, 40000) n;
            INSERT INTO tasks ("Id","InstanceId","ActivityId","Kind","DepartmentId","MatterCode","Title","Status","Outcome","Items","Round",
              "OpenedOn","LimitWorkingDays","ExtensionWorkingDays","DueOn","WarnOn","DecidedAt","DecidedLate","UsedWorkingDays","ProjectEndedAt")
            SELECT gen_random_uuid(), i."Id", 'parallel-approvals', 'MatterDecision', 'dept' || ((k * 7 + length(i."ProjectName") + n) % 12),
              'M' || ((k * 7 + n) % 30), 't', CASE WHEN i."Status" = 'Running' AND k % 2 = 0 THEN 'Open' ELSE 'Done' END,
              CASE WHEN i."Status" = 'Running' AND k % 2 = 0 THEN NULL ELSE 'Approved' END, '[]', 1, i."AcceptedOn", 10, 0, i."DueOn" - k, i."DueOn" - k - 3,
              CASE WHEN i."Status" = 'Running' AND k % 2 = 0 THEN NULL ELSE i."FiledAt" + interval '20 days' END,
              CASE WHEN i."Status" = 'Running' AND k % 2 = 0 THEN NULL ELSE k = 3 END,
              CASE WHEN i."Status" = 'Running' AND k % 2 = 0 THEN NULL ELSE k + 2 END, i."EndedAt"
            FROM (SELECT *, row_number() OVER () AS n FROM instances) i CROSS JOIN generate_series(0, 4) k
            WHERE i."Status" NOT IN ('Filed', 'Refused');
            INSERT INTO extensions ("Id","InstanceId","TaskId","WorkingDays","Reason","Status","RequestedBy","RequestedAt")
            SELECT gen_random_uuid(), t."InstanceId", t."Id", 2, 'r', CASE WHEN t."Status" = 'Open' THEN 'Pending' ELSE 'Approved' END, 'a',
              timestamptz '2022-01-01 02:00Z' + (row_number() OVER ()) * interval '1 hour'
            FROM tasks t WHERE t."OpenedOn" IS NOT NULL AND get_byte(uuid_send(t."Id"), 0) < 40;
            ANALYZE;
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 300 };
        await command.ExecuteNonQueryAsync(Ct);
    }
}
