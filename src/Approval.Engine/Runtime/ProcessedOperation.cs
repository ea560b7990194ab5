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
}
