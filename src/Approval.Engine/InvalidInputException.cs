namespace Approval.Engine;

/// <summary>Input that the domain refuses, naming the field so that a user can correct it.</summary>
/// <remarks>
/// The web layer turns this into an RFC 7807 problem (400) whose <c>errors</c> carry <see cref="Field"/>;
/// engine code throws it for anything a caller sent, never for its own faults.
/// </remarks>
public class InvalidInputException(string field, string message) : Exception(message)
{
    /// <summary>The input field, query parameter or file entry that is wrong (e.g. <c>workingDays</c>).</summary>
    public string Field { get; } = field;
}
