namespace Approval.Engine.Runtime.Commands;

/// <summary>
/// Every change to a project is a command with an operation id chosen by the caller: replaying the same
/// operation id returns the first result and changes nothing.
/// </summary>
public abstract record Command(string OperationId, Actor Actor);

/// <summary>A command addressed to a project.</summary>
public abstract record InstanceCommand(string OperationId, Actor Actor, Guid InstanceId) : Command(OperationId, Actor);

/// <summary>A command addressed to one task (the bookmark of a waiting activity).</summary>
public abstract record TaskCommand(string OperationId, Actor Actor, Guid TaskId) : Command(OperationId, Actor);

/// <summary>What a command did; stored with its operation id so that a retry gets the same answer.</summary>
/// <param name="InstanceId">The project.</param>
/// <param name="Status">The project's status after the command.</param>
/// <param name="CurrentActivityId">The step the project is in after the command.</param>
/// <param name="ProjectCode">The project code (投资项目统一代码), once it has one.</param>
/// <param name="QueryKey">The investor's query key (查询码), from acceptance on.</param>
/// <param name="TaskId">The task the command acted on, if any.</param>
/// <param name="ExtensionId">The extension request the command created, if any.</param>
/// <param name="OpenedTasks">
/// The tasks that are waiting for someone because of this command (opened, or re-opened when a correction restarted
/// their clock), so that the caller can show them or act on them without reading the to-do lists again.
/// </param>
/// <param name="Replayed">True when the operation id had been processed before and this is its first answer again.</param>
public sealed record CommandResult(
    Guid InstanceId,
    InstanceStatus Status,
    string CurrentActivityId,
    string? ProjectCode = null,
    string? QueryKey = null,
    Guid? TaskId = null,
    Guid? ExtensionId = null,
    IReadOnlyList<OpenedTask>? OpenedTasks = null,
    bool Replayed = false)
{
    // Compared by content: a replayed result is read back from JSON and must equal the first one.
    public bool Equals(CommandResult? other) =>
        other is not null && InstanceId == other.InstanceId && Status == other.Status &&
        CurrentActivityId == other.CurrentActivityId && ProjectCode == other.ProjectCode && QueryKey == other.QueryKey &&
        TaskId == other.TaskId && ExtensionId == other.ExtensionId && Replayed == other.Replayed &&
        (OpenedTasks ?? []).SequenceEqual(other.OpenedTasks ?? []);

    public override int GetHashCode() => HashCode.Combine(InstanceId, Status, CurrentActivityId, TaskId, Replayed);
}

/// <summary>A task opened by a command: who must act on it and in which step (待办).</summary>
public sealed record OpenedTask(Guid TaskId, TaskKind Kind, string ActivityId, string? DepartmentId, string? MatterCode);
