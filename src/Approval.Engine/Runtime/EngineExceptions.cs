namespace Approval.Engine.Runtime;

/// <summary>The thing asked for does not exist, or the caller may not know that it does (HTTP 404).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>The command no longer fits the state: the task is decided, the step is over (HTTP 409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The actor may not do this, e.g. decide another department's matter (HTTP 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>
/// An operation id (the <c>Idempotency-Key</c>) sent again with another request than the one it was first used for:
/// another command, target or body (HTTP 422, as the IETF Idempotency-Key draft specifies). Nothing is applied, and the
/// first answer is not returned, so that a caller who changed their mind never believes the second request was done.
/// </summary>
public sealed class IdempotencyKeyReusedException(string operationId)
    : Exception("This Idempotency-Key was already used for another request (another action, target or body); send a new key for a new request.")
{
    public string OperationId { get; } = operationId;
}
