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
public sealed record CommandResult(
    Guid InstanceId,
    InstanceStatus Status,
    string CurrentActivityId,
    string? ProjectCode = null,
    string? QueryKey = null,
    Guid? TaskId = null,
    Guid? ExtensionId = null,
    bool Replayed = false);
