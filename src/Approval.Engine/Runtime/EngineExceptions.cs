namespace Approval.Engine.Runtime;

/// <summary>The thing asked for does not exist, or the caller may not know that it does (HTTP 404).</summary>
public sealed class NotFoundException(string what) : Exception($"{what} was not found.");

/// <summary>The command no longer fits the state: the task is decided, the step is over (HTTP 409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The actor may not do this, e.g. decide another department's matter (HTTP 403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
