using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>A command that has been applied, kept so that a retry with the same operation id returns the first result.</summary>
public sealed class ProcessedOperation
{
    public string OperationId { get; set; } = "";
    public string CommandType { get; set; } = "";
    public Guid? InstanceId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>The first result, serialised.</summary>
    public string Result { get; set; } = "";
    public Instant At { get; set; }

    /// <summary>
    /// The version of the instance this operation produced. Unique per instance: the operations are the instance's
    /// version history, so of two commands that started from the same version only one can commit, whatever else
    /// they wrote (null for rows written before this column existed).
    /// </summary>
    public int? InstanceVersion { get; set; }

    /// <summary>
    /// The request this operation id was first used for (<see cref="Runtime.RequestFingerprint"/>): the same id with
    /// another request is refused. Null for rows written before this column existed; those compare by
    /// <see cref="CommandType"/> alone.
    /// </summary>
    public string? RequestFingerprint { get; set; }
}
