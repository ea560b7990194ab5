using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Approval.Benchmarks.EngineLoad;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Supervision;
using Approval.Testing;
using Approval.Web.Api;
using Approval.Web.Api.Authorisations;
using Approval.Web.Hosting;
using Approval.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using TaskStatus = Approval.Engine.Runtime.TaskStatus;

namespace Approval.Benchmarks.Reads;

/// <summary>
/// <c>reads --store postgres|sqlite --projects N [--connection …] [--calls C]</c>: times each list and count reader the
/// API calls, through the same services (built by the product's own <c>AddApproval</c>), against a generated database:
/// p50/p95 of single calls, rows returned, bytes allocated and JSON bytes per call, one line per endpoint.
/// </summary>
public static class ReadsCommand
{
    public const string Usage =
        "usage: reads --store postgres|sqlite --projects N [--connection CS] [--calls C] [--only TEXT]\n" +
        "  --connection  the generated database; default: sqlite ./approval-seed-<N>.db, postgres the newest approval_seed_<N>_* database\n" +
        "                on the server APPROVAL_POSTGRES points at (as `seed` names them)\n" +
        "  --calls       timed calls per endpoint after 3 untimed ones (1 when slower than a second); at most 20 s of them (at least 3) (default 30)\n" +
        "  --only        only the endpoints whose name contains TEXT (e.g. \"/api/tracking\", \"/api/projects/{id}\"); repeatable";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        string? store = null, connection = null;
        int? projects = null;
        var calls = 30;
        var only = new List<string>();
        try
        {
            for (var i = 0; i < args.Count; i++)
            {
                string Next() => ++i < args.Count ? args[i] : throw new ArgumentException($"{args[i - 1]}: a value is missing");
                switch (args[i])
                {
                    case "--store": store = Next(); break;
                    case "--projects": projects = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--connection": connection = Next(); break;
                    case "--calls": calls = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--only": only.Add(Next()); break;
                    default: throw new ArgumentException($"unknown option '{args[i]}'");
                }
            }
            if (store is not ("postgres" or "sqlite")) throw new ArgumentException($"--store: expected postgres or sqlite, given {store ?? "nothing"}");
            if (connection is null && projects is null) throw new ArgumentException("--projects or --connection: required");
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            Console.Error.WriteLine("reads: " + ex.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var provider = store == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        connection ??= provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.GetFullPath($"approval-seed-{projects}.db")}"
            : await NewestSeedDatabaseAsync(projects!.Value);
        await RunAsync(provider, connection, calls, only);
        return 0;
    }

    private static async Task<string> NewestSeedDatabaseAsync(int projects)
    {
        var server = Environment.GetEnvironmentVariable(BenchmarkStore.PostgresVariable)
            ?? throw new InvalidOperationException($"reads --store postgres without --connection needs {BenchmarkStore.PostgresVariable}");
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await using var find = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE @p ORDER BY datname DESC LIMIT 1", conn);
        find.Parameters.AddWithValue("p", $"approval\\_seed\\_{projects}\\_%");
        var name = await find.ExecuteScalarAsync() as string
            ?? throw new InvalidOperationException($"no database approval_seed_{projects}_* on the server; run seed first or give --connection");
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static async Task RunAsync(DatabaseProvider provider, string connection, int calls, IReadOnlyList<string> only)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = Path.Combine(RepositoryPaths.Root, "src", "Approval.Web"),
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Approval:Database:Provider"] = provider.ToString(),
            ["Approval:Database:ConnectionString"] = connection,
            ["Approval:WorkflowsDirectory"] = RepositoryPaths.Workflows,
            ["Approval:Scheduler:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            // The identity migration's first look for its history table fails on a fresh database, as designed: not news.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            ["Logging:LogLevel:LuckyPennySoftware"] = "None",
        });
        builder.AddApproval();
        await using var app = builder.Build();
        var services = app.Services;
        // The product's start-up path: engine and identity migrations (nothing to do on a seeded database but the identity tables).
        await services.GetRequiredService<ApprovalDatabase>().MigrateAsync();
        var tallied = System.Diagnostics.Stopwatch.StartNew();
        if (await services.GetRequiredService<Approval.Engine.Supervision.TallyCompaction>().RebuildIfMissingAsync())
            Console.WriteLine($"reads: tallies built from the rows (a database seeded before them) in {tallied.Elapsed.TotalSeconds:F1} s");
        await IdentityDatabase.MigrateAsync(services);

        var board = services.GetRequiredService<SupervisionBoard>();
        var lists = services.GetRequiredService<ListReader>();
        var reader = services.GetRequiredService<ProjectReader>();
        var views = services.GetRequiredService<ProjectViews>();
        var tasks = services.GetRequiredService<DepartmentTasks>();
        var engine = services.GetRequiredService<WorkflowEngine>();
        var misses = services.GetRequiredService<TrackingMisses>();
        var answers = services.GetRequiredService<ProjectAnswers>();
        var calendars = services.GetRequiredService<Engine.Calendar.IWorkingDayCalendars>();
        var json = services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

        // Who and what to ask for: the busiest department, investor and agent, and a sample of projects to track and open.
        await using var db = services.GetRequiredService<ApprovalDatabase>().CreateContext();
        var counts = await db.Set<ProjectInstance>().GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var department = await db.Set<WorkTask>().Where(t => t.DepartmentId != null && (t.Status == TaskStatus.Open || t.Status == TaskStatus.Suspended))
            .GroupBy(t => t.DepartmentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var investor = await db.Set<ProjectInstance>().Where(i => !i.InvestorId.StartsWith("seed-")).GroupBy(i => i.InvestorId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var agent = await db.Set<ProjectInstance>().Where(i => i.AgentId != null && !i.AgentId.StartsWith("seed-")).GroupBy(i => i.AgentId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var sample = await db.Set<ProjectInstance>().Where(i => i.QueryKey != null && i.ProjectCode != null)
            .OrderBy(i => i.Id).Take(500).Select(i => new { i.Id, i.ProjectCode, i.QueryKey }).ToListAsync();
        Console.WriteLine($"reads: {provider} {Describe(provider, connection)}: {string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{c.Count:N0} {c.Key}"))}");
        Console.WriteLine($"reads: machine {Environment.ProcessorCount} cores, load average {Machine.LoadAverage()}, {(Machine.IsOptimised() ? "Release" : "NOT optimised")}; " +
            $"department {department}, investor {investor}, agent {agent}; up to {calls} timed calls per endpoint after 3 untimed (1 when slow), at most {BudgetSeconds} s each (at least 3 calls)");

        var supervisor = new Actor("supervisor-bench", ActorRole.Supervisor);
        var approver = new Actor("approver-bench", ActorRole.Approver, department);
        var applicant = new Actor(investor, ActorRole.Investor);
        var proxy = new Actor(agent!, ActorRole.Agent);
        var grants = services.CreateScope().ServiceProvider.GetRequiredService<AuthorisationGrants>();
        var random = new Random(1);

        var endpoints = new List<(string Name, Func<Task<(object Result, int Rows)>> Call)>
        {
            ("GET /api/supervision/statistics", async () => { var s = await board.StatisticsAsync(StatisticsPeriod.AllTime); return (s, s.Departments.Count + s.Matters.Count + s.Definitions.Count); }),
            ("GET /api/supervision/projects", async () => { var p = await board.ProjectsAsync(null, null, PageRequest.First); return (p, p.Items.Count); }),
            ("GET /api/supervision/projects?light=red", async () => { var p = await board.ProjectsAsync(Light.Red, null, PageRequest.First); return (p, p.Items.Count); }),
            ("GET /api/supervision/tasks", async () => { var p = await board.TasksAsync(null, null, PageRequest.First); return (p, p.Items.Count); }),
            ("GET /api/supervision/tasks?light=red", async () => { var p = await board.TasksAsync(Light.Red, null, PageRequest.First); return (p, p.Items.Count); }),
            ("GET /api/supervision/departments", async () => { var d = await board.DepartmentsAsync(null); return (d, d.Count); }),
            ($"GET /api/supervision/departments?department={department}", async () => { var d = await board.DepartmentsAsync(department); return (d, d.Count); }),
            ("GET /api/tasks (to-do)", async () => { var p = await tasks.OpenAsync(approver, null, PageRequest.First, default); return (p.Map(r => r.Task.Id), p.Items.Count); }),
            ("GET /api/tasks/counts", async () => { var c = await tasks.CountsAsync(approver, default); return (c, 1); }),
            ("GET /api/intake/queue", async () => { var p = await lists.IntakeQueueAsync(PageRequest.First); return (p.Map(views.Summary), p.Items.Count); }),
            ("GET /api/projects (investor's)", async () => { var p = await lists.ForApplicantAsync(applicant, PageRequest.First); return (p.Map(x => views.Summary(x, applicant)), p.Items.Count); }),
            ("GET /api/projects (agent's)", async () => { var p = await lists.ForApplicantAsync(proxy, PageRequest.First); return (p.Map(x => views.Summary(x, proxy)), p.Items.Count); }),
            ("GET /api/disclosure", async () => { var p = await reader.DisclosedAsync(new DisclosureFilter(), new PageRequest(PageRequest.MaxSize)); return (p, p.Items.Count); }),
            ("GET /api/authorisations (agent's)", async () => { var p = await grants.PageAsync(proxy, PageRequest.First); return (p.Map(r => r.Grant), p.Items.Count); }),
            ("GET /api/supervision/extensions", async () => { var p = await board.PendingExtensionsAsync(PageRequest.First); return (p, p.Items.Count); }),
            ("GET /api/tracking", async () =>
            {
                var p = sample[random.Next(sample.Count)];
                var found = await TrackingApi.LookUpAsync(p.ProjectCode!, p.QueryKey!, "bench", answers, misses, default);
                return (found.Found!, 1);
            }),
            ("GET /api/projects/{id}", async () =>
            {
                var p = sample[random.Next(sample.Count)];
                return ((await answers.DetailAsync(supervisor, p.Id, default)).Value, 1);
            }),
            // The same project again and again: what a busy project costs once its answer is kept (ProjectAnswers).
            ("GET /api/tracking (one project again)", async () =>
            {
                var found = await TrackingApi.LookUpAsync(sample[0].ProjectCode!, sample[0].QueryKey!, "bench", answers, misses, default);
                return (found.Found!, 1);
            }),
            ("GET /api/projects/{id} (one project again)", async () => ((await answers.DetailAsync(supervisor, sample[0].Id, default)).Value, 1)),
        };

        foreach (var (name, call) in endpoints)
        {
            if (only.Count > 0 && !only.Any(o => name.Contains(o, StringComparison.Ordinal))) continue;
            try
            {
                Console.WriteLine(await MeasureAsync(name, call, calls, json));
                Console.Out.Flush();
            }
            catch (Exception ex)
            {
                Console.WriteLine($"read {name}: FAILED {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    /// <summary>
    /// One untimed call (three when it is fast), then up to <paramref name="calls"/> timed ones, fewer when they
    /// take longer than <see cref="BudgetSeconds"/> together (at least 3): a reader that loads whole tables takes tens
    /// of seconds a call at a million projects.
    /// </summary>
    private static async Task<string> MeasureAsync(string name, Func<Task<(object Result, int Rows)>> call, int calls, JsonSerializerOptions json)
    {
        var first = Stopwatch.StartNew();
        var last = await call();
        if (first.Elapsed.TotalSeconds < 1)
            for (var i = 0; i < 2; i++) last = await call();
        var times = new List<double>(calls);
        long allocated = 0;
        var wall = Stopwatch.StartNew();
        while (times.Count < calls && (times.Count < 3 || wall.Elapsed.TotalSeconds < BudgetSeconds))
        {
            var before = GC.GetTotalAllocatedBytes(precise: false);
            var started = Stopwatch.GetTimestamp();
            last = await call();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            allocated += GC.GetTotalAllocatedBytes(precise: false) - before;
        }
        var bytes = last.Result is null ? 0 : JsonSerializer.SerializeToUtf8Bytes(last.Result, last.Result.GetType(), json).Length;
        var sorted = times.Order().ToArray();
        return string.Format(CultureInfo.InvariantCulture,
            "read {0,-55} p50_ms={1,8:F2} p95_ms={2,8:F2} max_ms={3,8:F2} rows={4,5} json_bytes={5,9} alloc_kb_per_call={6,9:F0} calls={7}",
            name, Percentile(sorted, 50), Percentile(sorted, 95), sorted[^1], last.Rows, bytes, allocated / 1024.0 / sorted.Length, sorted.Length);
    }

    /// <summary>Timed calls of one endpoint stop after this many seconds (once 3 are timed).</summary>
    private const double BudgetSeconds = 20;

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Describe(DatabaseProvider provider, string connection) => provider == DatabaseProvider.Postgres
        ? "database " + new NpgsqlConnectionStringBuilder(connection).Database
        : "file " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource;
}
