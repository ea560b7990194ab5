using System.Collections.Concurrent;
using System.Data.Common;
using Approval.Engine.Runtime;
using Approval.Engine.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Approval.Engine.Persistence;

/// <summary>What a command addresses: the project itself, or one of its tasks, extensions or timers.</summary>
public enum AggregateKeyKind { Instance, Task, Extension, Timer }

/// <summary>The id a command carries and what it is the id of.</summary>
public readonly record struct AggregateKey(AggregateKeyKind Kind, Guid Id);

/// <summary>Before a command runs: its operation's first result if it was applied already, and the project it addresses.</summary>
internal sealed record LoadedAggregate(ProcessedOperation? Done, ProjectInstance? Instance);

/// <summary>
/// Reads everything a command needs in one round trip: the operation-id record, the instance with its tasks,
/// pending timers, clock stops and extensions, found from whatever id the command carries.
/// </summary>
/// <remarks>
/// With LINQ this was seven queries and seven round trips (operation, the task's instance, the aggregate as a split
/// query); on PostgreSQL each round trip cost both the engine and the server more CPU than the statement itself.
/// Here the statements go out together as one command (PostgreSQL runs them in one batch; SQLite steps through
/// them) and the rows are read with <see cref="RowMaterializer{T}"/>, then attached, so the context tracks them
/// exactly as a tracking query would. Only what a command can act on is loaded, because tracking is most of what a
/// command costs the engine: pending timers (fired and cancelled ones never change again), and the tasks of the
/// current step, the open or waiting ones, the one the command names and those with an extension request. Finished
/// tasks of earlier steps never change again either; a project at its last step no longer reads all its history.
/// </remarks>
internal static class AggregateLoader
{
    private static readonly ConcurrentDictionary<(IModel, AggregateKeyKind?), string> Sql = new();

    public static async Task<LoadedAggregate> LoadAsync(ApprovalDbContext db, string operationId, AggregateKey? key,
        CancellationToken ct)
    {
        var operations = RowMaterializer<ProcessedOperation>.For(db);
        var instances = RowMaterializer<ProjectInstance>.For(db);
        var tasks = RowMaterializer<WorkTask>.For(db);
        var timers = RowMaterializer<DurableTimer>.For(db);
        var stops = RowMaterializer<ClockStop>.For(db);
        var extensions = RowMaterializer<Extension>.For(db);

        // Through EF Core's command pipeline rather than a bare DbCommand, so that the statements are logged, seen by
        // diagnostic listeners and interceptors, and enlisted in the context's transaction like every other query.
        var connection = db.GetService<IRelationalConnection>();
        var sql = Sql.GetOrAdd((db.Model, key?.Kind), k => BuildSql(db, k.Item2));
        // RelationalTypeMapping makes parameters through a command; this one only does that.
        using var maker = connection.DbConnection.CreateCommand();
        var parameters = new List<object> { Parameter(maker, operations, nameof(ProcessedOperation.OperationId), "op", operationId) };
        if (key is { } k) parameters.Add(Parameter(maker, instances, nameof(ProjectInstance.Id), "key", k.Id));
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql, parameters, db.Model);
        await using var result = await command.RelationalCommand.ExecuteReaderAsync(new RelationalCommandParameterObject(
            connection, command.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>(),
            CommandSource.FromSqlQuery), ct);
        var reader = result.DbDataReader;
        var done = await reader.ReadAsync(ct) ? operations.Read(reader) : null;
        if (key is null) return new LoadedAggregate(done, null);

        await reader.NextResultAsync(ct);
        var instance = await reader.ReadAsync(ct) ? instances.Read(reader) : null;
        await reader.NextResultAsync(ct);
        var taskRows = await tasks.ReadAllAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var timerRows = await timers.ReadAllAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var stopRows = await stops.ReadAllAsync(reader, ct);
        await reader.NextResultAsync(ct);
        var extensionRows = await extensions.ReadAllAsync(reader, ct);
        if (instance is null) return new LoadedAggregate(done, null);

        instance.Tasks = taskRows;
        instance.Timers = timerRows;
        instance.ClockStops = stopRows;
        instance.Extensions = extensionRows;
        db.Attach(instance);
        return new LoadedAggregate(done, instance);
    }

    /// <summary>Task states a command can still change (besides the tasks of the current step).</summary>
    private static readonly Runtime.TaskStatus[] LiveStatuses = [Runtime.TaskStatus.Open, Runtime.TaskStatus.Suspended, Runtime.TaskStatus.Waiting];

    /// <summary>
    /// Whether a load reads the task (unless the command names it): the statement's rule, for a project held in memory
    /// (<see cref="AggregateCache"/>).
    /// </summary>
    internal static bool Loads(ProjectInstance instance, WorkTask task) =>
        task.ActivityId == instance.CurrentActivityId || LiveStatuses.Contains(task.Status) ||
        instance.Extensions.Exists(e => e.TaskId == task.Id);

    /// <summary>Whether a load reads the timer.</summary>
    internal static bool Loads(DurableTimer timer) => timer.Status == TimerStatus.Pending;

    /// <summary>Drops from a project in memory the rows a load would not read.</summary>
    internal static void Trim(ProjectInstance instance)
    {
        instance.Tasks = instance.Tasks.FindAll(t => Loads(instance, t));
        instance.Timers = instance.Timers.FindAll(Loads);
    }

    /// <summary>
    /// A copy of a project held in memory, attached to <paramref name="db"/> as a load attaches what it read: the
    /// command may change it without changing the original.
    /// </summary>
    internal static ProjectInstance AttachCopy(ApprovalDbContext db, ProjectInstance original)
    {
        var copy = RowMaterializer<ProjectInstance>.For(db).Copy(original);
        copy.Tasks = original.Tasks.ConvertAll(RowMaterializer<WorkTask>.For(db).Copy);
        copy.Timers = original.Timers.ConvertAll(RowMaterializer<DurableTimer>.For(db).Copy);
        copy.ClockStops = original.ClockStops.ConvertAll(RowMaterializer<ClockStop>.For(db).Copy);
        copy.Extensions = original.Extensions.ConvertAll(RowMaterializer<Extension>.For(db).Copy);
        db.Attach(copy);
        return copy;
    }

    private static string BuildSql(DbContext db, AggregateKeyKind? kind)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var operations = RowMaterializer<ProcessedOperation>.For(db);
        var statements = new List<string>
        {
            Select(operations, $"{operations.Column(nameof(ProcessedOperation.OperationId))} = {sql.GenerateParameterNamePlaceholder("op")}"),
        };
        if (kind is not { } k) return statements[0];

        var key = sql.GenerateParameterNamePlaceholder("key");
        var instances = RowMaterializer<ProjectInstance>.For(db);
        var tasks = RowMaterializer<WorkTask>.For(db);
        var timers = RowMaterializer<DurableTimer>.For(db);
        var stops = RowMaterializer<ClockStop>.For(db);
        var extensions = RowMaterializer<Extension>.For(db);
        var instanceId = k switch
        {
            AggregateKeyKind.Instance => key,
            AggregateKeyKind.Task => OwnerOf(tasks, nameof(WorkTask.Id), nameof(WorkTask.InstanceId)),
            AggregateKeyKind.Extension => OwnerOf(extensions, nameof(Extension.Id), nameof(Extension.InstanceId)),
            AggregateKeyKind.Timer => OwnerOf(timers, nameof(DurableTimer.Id), nameof(DurableTimer.InstanceId)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        statements.Add(Select(instances, $"{instances.Column(nameof(ProjectInstance.Id))} = {instanceId}"));
        var live = string.Join(", ", LiveStatuses.Select(status => Literal(tasks, nameof(WorkTask.Status), status)));
        statements.Add(Select(tasks, $"{tasks.Column(nameof(WorkTask.InstanceId))} = {instanceId} AND (" +
            $"{tasks.Column(nameof(WorkTask.ActivityId))} = (SELECT {instances.Column(nameof(ProjectInstance.CurrentActivityId))} " +
            $"FROM {instances.Table} WHERE {instances.Column(nameof(ProjectInstance.Id))} = {instanceId})" +
            $" OR {tasks.Column(nameof(WorkTask.Status))} IN ({live})" +
            $" OR {tasks.Column(nameof(WorkTask.Id))} IN (SELECT {extensions.Column(nameof(Extension.TaskId))} FROM {extensions.Table} " +
            $"WHERE {extensions.Column(nameof(Extension.InstanceId))} = {instanceId})" +
            (k == AggregateKeyKind.Task ? $" OR {tasks.Column(nameof(WorkTask.Id))} = {key}" : "") + ")"));
        var pending = Literal(timers, nameof(DurableTimer.Status), TimerStatus.Pending);
        statements.Add(Select(timers, $"{timers.Column(nameof(DurableTimer.InstanceId))} = {instanceId} AND " +
            $"{timers.Column(nameof(DurableTimer.Status))} = {pending}"));
        statements.Add(Select(stops, $"{stops.Column(nameof(ClockStop.InstanceId))} = {instanceId}"));
        statements.Add(Select(extensions, $"{extensions.Column(nameof(Extension.InstanceId))} = {instanceId}"));
        return string.Join(";\n", statements);

        // A constant in the column's own mapping (enums are stored as text), written into the statement once.
        static string Literal<T>(RowMaterializer<T> rows, string property, object value) where T : class, new() =>
            rows.EntityType.FindProperty(property)!.GetRelationalTypeMapping().GenerateSqlLiteral(value);

        string OwnerOf<T>(RowMaterializer<T> child, string id, string owner) where T : class, new() =>
            $"(SELECT {child.Column(owner)} FROM {child.Table} WHERE {child.Column(id)} = {key})";

        static string Select<T>(RowMaterializer<T> rows, string where) where T : class, new() =>
            $"SELECT {rows.Columns} FROM {rows.Table} WHERE {where}";
    }

    /// <summary>A parameter converted and typed by the property's own mapping (enum as text, Guid as text on SQLite, …).</summary>
    private static DbParameter Parameter<T>(DbCommand maker, RowMaterializer<T> rows, string property, string name, object value)
        where T : class, new() =>
        rows.EntityType.FindProperty(property)!.GetRelationalTypeMapping().CreateParameter(maker, name, value, nullable: false);
}
