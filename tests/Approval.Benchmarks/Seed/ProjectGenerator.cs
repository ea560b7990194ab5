using System.Diagnostics;
using Approval.Engine.Documents;
using Approval.Engine.Journal;
using Approval.Engine.Persistence;
using Approval.Engine.ProjectCodes;
using Approval.Engine.Runtime;
using Approval.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace Approval.Benchmarks.Seed;

/// <summary>What the generator wrote.</summary>
public sealed record GeneratedData(int Projects, long Rows, TimeSpan Elapsed, IReadOnlyDictionary<InstanceStatus, int> ByStatus)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}

/// <summary>
/// Clones template projects (<see cref="TemplateProjects"/>) into many: new ids, project codes, query keys, investors,
/// agents, project names, operation ids and document numbers; every date moved by a whole number of working days
/// (<see cref="WorkingDayShift"/>), so that the engine's deadlines stay right. Running, filed and returned projects
/// end their template's last event 1–40 working days before <c>today</c> (their lights are of every colour), ended
/// ones anywhere in the three years before it. Rows are written table by table in batches (<see cref="RowSink"/>).
/// </summary>
public sealed class ProjectGenerator
{
    private const int Batch = 2_000;

    private readonly ApprovalDatabase _database;
    private readonly WorkingDayShift _shift;
    private readonly LocalDate _today;
    private readonly Random _random;
    private readonly Action<string> _progress;

    public ProjectGenerator(ApprovalDatabase database, Engine.Calendar.WorkingDayCalendar calendar, LocalDate today, int seed, Action<string> progress)
    {
        _database = database;
        _today = today;
        _random = new Random(seed);
        _progress = progress;
        _shift = new WorkingDayShift(calendar, new LocalDate(2018, 1, 1), new LocalDate(2027, 12, 31));
    }

    private sealed class Template(TemplateProject project)
    {
        public TemplateProject Project { get; } = project;
        public Dictionary<string, List<object?[]>> Rows { get; } = [];
        public string? Code;
        public string? QueryKey;
        public string ProjectName = "";
        public string InvestorId = "";
        public string InvestorName = "";
        public string? AgentId;
        public LocalDate? StepDue;
        public LocalDate Anchor;
        /// <summary>Working days from the last event to the current step's deadline: how long the project may wait and still be in time.</summary>
        public int StepRoom = 40;
        public double Weight;
    }

    private static readonly string[] ProjectNames =
    [
        "年产{0}万吨新材料项目", "{0}号标准厂房建设项目", "智能制造产业园{0}期工程", "新能源汽车零部件{0}号生产线", "物流仓储中心{0}号库",
        "高端装备制造基地{0}期", "生物医药研发楼{0}号", "电子信息产业园{0}号厂房", "食品加工扩建项目（{0}）", "数据中心{0}号机房楼",
    ];

    private static readonly string[] Companies = ["新材料", "智能装备", "电子科技", "生物医药", "物流", "食品", "新能源", "建设发展", "精密机械", "环保科技"];

    public async Task<GeneratedData> GenerateAsync(IReadOnlyList<TemplateProject> templates, int projects, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        await using var db = _database.CreateContext();
        var tables = new List<RowTable>
        {
            RowTable.Of<ProjectInstance>(db), RowTable.Of<WorkTask>(db), RowTable.Of<DurableTimer>(db), RowTable.Of<ClockStop>(db),
            RowTable.Of<Extension>(db), RowTable.Of<JournalEntry>(db), RowTable.Of<ProcessedOperation>(db),
            RowTable.Of<IssuedDocument>(db), RowTable.Of<MaterialFile>(db), RowTable.Of<IssuedProjectCode>(db),
        };
        var authorizations = RowTable.Of<AgentAuthorization>(db);
        var loaded = await LoadAsync(db, templates, tables, ct);
        var documents = await db.IssuedDocuments.AsNoTracking()
            .GroupBy(d => new { d.Prefix, d.Kind, d.Year }).Select(g => new { g.Key.Prefix, g.Key.Kind, g.Key.Year, Max = g.Max(d => d.Sequence) })
            .ToListAsync(ct);
        var sequences = documents.ToDictionary(d => (d.Prefix, d.Kind, d.Year), d => d.Max);
        var usedCodes = (await db.IssuedProjectCodes.AsNoTracking().Select(c => c.Code).ToListAsync(ct)).ToHashSet();

        var investors = Math.Max(1, projects / 3);
        var agents = 50 + projects / 200;
        var granted = new HashSet<(int Agent, int Investor)>();
        var byStatus = new Dictionary<InstanceStatus, int>();
        var codeSerials = new Dictionary<string, int>();
        var total = loaded.Sum(t => t.Weight);

        await using var sink = await RowSink.OpenAsync(_database.Provider, _database.Options.ConnectionString);
        var lastReport = Stopwatch.StartNew();
        for (var first = 0; first < projects; first += Batch)
        {
            ct.ThrowIfCancellationRequested();
            var count = Math.Min(Batch, projects - first);
            var clones = new List<(Template Template, Clone Clone)>(count);
            var grants = new List<object?[]>();
            for (var n = first; n < first + count; n++)
            {
                var template = Pick(loaded, total);
                var clone = NewClone(template, n, investors, agents, codeSerials, usedCodes);
                clones.Add((template, clone));
                byStatus[template.Project.Status] = byStatus.GetValueOrDefault(template.Project.Status) + 1;
                if (clone.Agent is { } agent && granted.Add((agent, clone.Investor)))
                    grants.Add(authorizations.RowOf(new AgentAuthorization
                    {
                        Id = Guid.NewGuid(), AgentId = AgentId(agent), InvestorId = InvestorId(clone.Investor), InvestorName = clone.InvestorName,
                        ValidFrom = new LocalDate(2023, 1, 1), ValidTo = new LocalDate(2029, 12, 31), GrantedBy = InvestorId(clone.Investor),
                        GrantedAt = Instant.FromUtc(2023, 1, 1, 2, 0),
                    }));
            }
            foreach (var table in tables)
            {
                if (!clones.Any(c => c.Template.Rows.ContainsKey(table.Name))) continue;
                sink.Begin(table);
                foreach (var (template, clone) in clones)
                    if (template.Rows.TryGetValue(table.Name, out var rows))
                        foreach (var row in rows) sink.Write(Transform(table, row, clone, sequences));
                sink.End();
            }
            if (grants.Count > 0)
            {
                sink.Begin(authorizations);
                foreach (var row in grants) sink.Write(row);
                sink.End();
            }
            sink.Commit();
            if (lastReport.Elapsed.TotalSeconds >= 5 || first + count == projects)
            {
                lastReport.Restart();
                _progress($"seed: {first + count:N0} of {projects:N0} projects, {sink.Rows:N0} rows, " +
                    $"{sink.Rows / started.Elapsed.TotalSeconds:N0} rows/s, {started.Elapsed.TotalSeconds:F0} s");
            }
        }
        return new GeneratedData(projects, sink.Rows, started.Elapsed, byStatus);
    }

    private static string InvestorId(int n) => $"investor-{n:D6}";
    private static string AgentId(int n) => $"agent-{n:D4}";

    private Template Pick(List<Template> templates, double total)
    {
        var x = _random.NextDouble() * total;
        foreach (var t in templates)
        {
            x -= t.Weight;
            if (x <= 0) return t;
        }
        return templates[^1];
    }

    /// <summary>The mix: about 10% filed, 8% returned, 2% refused, 40% running, 32% completed, 8% rejected, 2% terminated.</summary>
    private static double ShapeWeight(TemplateShape shape) => shape switch
    {
        TemplateShape.Filed => 10, TemplateShape.Returned => 8, TemplateShape.Refused => 2,
        TemplateShape.Running => 30, TemplateShape.RunningClockStopped => 4, TemplateShape.RunningExtensionPending => 3,
        TemplateShape.RunningCorrection => 3,
        TemplateShape.CompletedOnTime => 18, TemplateShape.CompletedLate => 6, TemplateShape.CompletedAfterStop => 4,
        TemplateShape.CompletedAfterExtension => 4, TemplateShape.Rejected => 8, TemplateShape.Terminated => 2,
        _ => 1,
    };

    private sealed class Clone
    {
        public required int Shift;
        public required string Tag;
        public required int Investor;
        public required string InvestorName;
        public int? Agent;
        public required Dictionary<string, string> Strings;
        public Dictionary<Guid, Guid> Ids { get; } = [];
        public required string OldInstance;
        public required string NewInstance;
    }

    private Clone NewClone(Template template, int n, int investors, int agents, Dictionary<string, int> serials, HashSet<string> used)
    {
        // Open work ends 1–40 working days before today (lights of every colour); filings wait 1–10; ended ones anywhere in three years.
        var back = template.Project.IsEnded ? _random.Next(1, 750)
            : template.Project.Shape is TemplateShape.Filed or TemplateShape.Returned ? _random.Next(1, 11)
            // Most running projects are within their step's time (a survey date, for one, can only be fixed then); the rest late.
            : _random.NextDouble() < 0.7 ? _random.Next(1, Math.Max(2, template.StepRoom + 1))
            : _random.Next(1, 41);
        var shift = _shift.WorkingDaysBetween(template.Anchor, _shift.WorkingDay(_today, -back));
        var investor = _random.Next(investors);
        var company = Companies[investor % Companies.Length];
        var investorName = $"{company}{investor:D6}有限公司";
        int? agent = template.AgentId is null ? null : _random.Next(agents);
        var strings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [template.InvestorId] = InvestorId(investor),
            [template.InvestorName] = investorName,
            [template.ProjectName] = string.Format(ProjectNames[n % ProjectNames.Length], n + 1),
        };
        if (template.AgentId is { } oldAgent) strings[oldAgent] = AgentId(agent!.Value);
        if (template.QueryKey is { } key) strings[key] = Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        if (template.Code is { } code) strings[code] = NewCode(code, shift, serials, used);
        var newId = Guid.NewGuid();
        var clone = new Clone
        {
            Shift = shift, Tag = $"seed{n}", Investor = investor, InvestorName = investorName, Agent = agent, Strings = strings,
            OldInstance = template.Project.Id.ToString(), NewInstance = newId.ToString(),
        };
        clone.Ids[template.Project.Id] = newId;
        return clone;
    }

    /// <summary>A local code (本地赋码) of the moved month: the template's middle, a serial per month, the check digit.</summary>
    private string NewCode(string code, int shift, Dictionary<string, int> serials, HashSet<string> used)
    {
        var parts = code.Split('-');
        var month = new LocalDate(2000 + int.Parse(parts[0][..2]), int.Parse(parts[0][2..4]), 1);
        var moved = _shift.Move(month.PlusDays(14), shift);
        var yearMonth = $"{moved.Year % 100:00}{moved.Month:00}";
        var middle = string.Join('-', parts[1..^1]);
        while (true)
        {
            var key = yearMonth + middle;
            var serial = serials.GetValueOrDefault(key);
            serials[key] = serial + 1;
            // 100,000 a month and middle: beyond that, the next 行业 (industry) segment's codes.
            var variant = serial / 100_000;
            var variedMiddle = variant == 0 ? middle : VaryMiddle(parts, variant);
            var body = $"{yearMonth}-{variedMiddle}-{serial % 100_000:D5}";
            var text = body + LocalCheckDigit.Compute(body.Replace("-", ""));
            if (used.Add(text)) return ProjectCode.Parse(text).ToString();
        }
    }

    private static string VaryMiddle(string[] parts, int variant)
    {
        var middle = parts[1..^1].ToArray();
        var last = middle.Length - 1;
        middle[last] = ((int.Parse(middle[last]) + variant) % 100).ToString("D2");
        return string.Join('-', middle);
    }

    private object?[] Transform(RowTable table, object?[] row, Clone clone, Dictionary<(string, DocumentKind, int), int> sequences)
    {
        var result = new object?[row.Length];
        var columns = table.Columns;
        for (var i = 0; i < row.Length; i++)
        {
            var value = row[i];
            result[i] = value switch
            {
                null => null,
                Guid id => clone.Ids.TryGetValue(id, out var mapped) ? mapped : clone.Ids[id] = Guid.NewGuid(),
                Instant at => _shift.Move(at, clone.Shift),
                LocalDate day => _shift.Move(day, clone.Shift),
                string text when columns[i].Name == "OperationId" => $"{clone.Tag}:{text}",
                string text when columns[i].Name == "Result" =>
                    Replace(text.Replace(clone.OldInstance, clone.NewInstance, StringComparison.OrdinalIgnoreCase), clone.Strings),
                string text => clone.Strings.TryGetValue(text, out var mapped) ? mapped : text,
                _ => value,
            };
        }
        if (table.Type.ClrType == typeof(IssuedDocument))
        {
            var prefix = (string)result[table.IndexOf("Prefix")]!;
            var kind = (DocumentKind)result[table.IndexOf("Kind")]!;
            var year = ((LocalDate)result[table.IndexOf("IssuedOn")]!).Year;
            var sequence = sequences.GetValueOrDefault((prefix, kind, year)) + 1;
            sequences[(prefix, kind, year)] = sequence;
            result[table.IndexOf("Year")] = year;
            result[table.IndexOf("Sequence")] = sequence;
        }
        return result;
    }

    private static string Replace(string text, Dictionary<string, string> strings)
    {
        foreach (var (from, to) in strings)
            if (from.Length >= 8) text = text.Replace(from, to, StringComparison.Ordinal);
        return text;
    }

    private async Task<List<Template>> LoadAsync(ApprovalDbContext db, IReadOnlyList<TemplateProject> templates, List<RowTable> tables,
        CancellationToken ct)
    {
        var ids = templates.Select(t => t.Id).ToList();
        var byId = templates.ToDictionary(t => t.Id, t => new Template(t));
        void Add(RowTable table, Guid instance, object entity)
        {
            var rows = byId[instance].Rows;
            if (!rows.TryGetValue(table.Name, out var list)) rows[table.Name] = list = [];
            list.Add(table.RowOf(entity));
        }
        RowTable T<TEntity>() => tables.Single(t => t.Type.ClrType == typeof(TEntity));

        foreach (var i in await db.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToListAsync(ct))
        {
            var t = byId[i.Id];
            t.Code = i.ProjectCode;
            t.QueryKey = i.QueryKey;
            t.ProjectName = i.ProjectName;
            t.InvestorId = i.InvestorId;
            t.InvestorName = i.InvestorName;
            t.AgentId = i.AgentId;
            t.StepDue = i.StepDueOn;
            Add(T<ProjectInstance>(), i.Id, i);
        }
        foreach (var x in await db.Tasks.AsNoTracking().Where(x => ids.Contains(x.InstanceId)).ToListAsync(ct)) Add(T<WorkTask>(), x.InstanceId, x);
        foreach (var x in await db.Timers.AsNoTracking().Where(x => ids.Contains(x.InstanceId)).ToListAsync(ct)) Add(T<DurableTimer>(), x.InstanceId, x);
        foreach (var x in await db.ClockStops.AsNoTracking().Where(x => ids.Contains(x.InstanceId)).ToListAsync(ct)) Add(T<ClockStop>(), x.InstanceId, x);
        foreach (var x in await db.Extensions.AsNoTracking().Where(x => ids.Contains(x.InstanceId)).ToListAsync(ct)) Add(T<Extension>(), x.InstanceId, x);
        var journal = await db.Journal.AsNoTracking().Where(x => ids.Contains(x.InstanceId)).OrderBy(x => x.InstanceId).ThenBy(x => x.Sequence).ToListAsync(ct);
        foreach (var x in journal) Add(T<JournalEntry>(), x.InstanceId, x);
        foreach (var x in await db.Operations.AsNoTracking().Where(x => x.InstanceId != null && ids.Contains(x.InstanceId.Value)).ToListAsync(ct))
            Add(T<ProcessedOperation>(), x.InstanceId!.Value, x);
        foreach (var x in await db.IssuedDocuments.AsNoTracking().Where(x => ids.Contains(x.InstanceId)).ToListAsync(ct)) Add(T<IssuedDocument>(), x.InstanceId, x);
        foreach (var x in await db.MaterialFiles.AsNoTracking().Where(x => ids.Contains(x.InstanceId)).ToListAsync(ct)) Add(T<MaterialFile>(), x.InstanceId, x);
        var codes = byId.Values.Where(t => t.Code is not null).Select(t => t.Code!).Distinct().ToList();
        foreach (var x in await db.IssuedProjectCodes.AsNoTracking().Where(x => codes.Contains(x.Code)).ToListAsync(ct))
        {
            // The permit whose code a 竣工联合验收 names issued it; the acceptance's clone gets a code of its own, unissued here.
            var owner = byId.Values.FirstOrDefault(t => t.Code == x.Code && t.Project.DefinitionId != "joint-completion-acceptance");
            if (owner is not null) Add(T<IssuedProjectCode>(), owner.Project.Id, x);
        }
        foreach (var t in byId.Values)
        {
            var last = journal.Where(j => j.InstanceId == t.Project.Id).Select(j => j.At).DefaultIfEmpty().Max();
            t.Anchor = last.InZone(_shift.Zone).Date;
            if (t.StepDue is { } stepDue) t.StepRoom = Math.Clamp(_shift.WorkingDaysBetween(t.Anchor, stepDue), 0, 40);
            t.Weight = ShapeWeight(t.Project.Shape);
        }
        // Each shape's weight is shared among its templates (one per procedure and stage).
        foreach (var group in byId.Values.GroupBy(t => t.Project.Shape))
            foreach (var t in group) t.Weight /= group.Count();
        return [.. byId.Values];
    }
}
