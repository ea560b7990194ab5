using NodaTime;

namespace Approval.Engine.Runtime.Commands;

/// <summary>A department's pre-review opinion (预审意见): pass, or correction required with items.</summary>
public sealed record GiveOpinion(string OperationId, Actor Actor, Guid TaskId, bool Passed,
    IReadOnlyList<string> CorrectionItems, string? Comment) : TaskCommand(OperationId, Actor, TaskId);

/// <summary>The applicant answers a correction request (补正) with the corrected materials.</summary>
public sealed record SubmitCorrection(string OperationId, Actor Actor, Guid TaskId, IReadOnlyList<string> Materials,
    string? Note) : TaskCommand(OperationId, Actor, TaskId);

/// <summary>Fix the one date of the combined site survey (集中踏勘); it must be a working day.</summary>
public sealed record ScheduleSurvey(string OperationId, Actor Actor, Guid InstanceId, LocalDate Date)
    : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>A department's findings at the survey (踏勘意见).</summary>
public sealed record RecordFindings(string OperationId, Actor Actor, Guid TaskId, bool Agrees, string Findings)
    : TaskCommand(OperationId, Actor, TaskId);

/// <summary>Issue the results together at the window (统一出件); the project completes.</summary>
public sealed record IssueResults(string OperationId, Actor Actor, Guid InstanceId)
    : InstanceCommand(OperationId, Actor, InstanceId);
