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

/// <summary>Several inputs refused at once, so that a caller corrects them all in one go instead of one per attempt.</summary>
public sealed class InvalidInputsException(IReadOnlyList<InvalidInputException> errors)
    : InvalidInputException(errors[0].Field, string.Join(" ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    /// <summary>Every refusal, one or more per field, in the order the checks ran.</summary>
    public IReadOnlyList<InvalidInputException> Errors { get; } = errors;
}

/// <summary>Runs several input checks and refuses them together (<see cref="InvalidInputsException"/>).</summary>
/// <example><code>
/// var errors = new InputErrors();
/// var agrees = errors.Check(() => Required(body.Agrees, "agrees"));
/// var findings = errors.Check(() => RequiredText(body.Findings, "findings"));
/// errors.ThrowIfAny();
/// </code></example>
public sealed class InputErrors
{
    private readonly List<InvalidInputException> _errors = [];

    public bool Any => _errors.Count > 0;

    /// <summary>The value the check reads, or the type's default when it refused (then <see cref="ThrowIfAny"/> throws).</summary>
    public T Check<T>(Func<T> check)
    {
        try
        {
            return check();
        }
        catch (InvalidInputsException many)
        {
            _errors.AddRange(many.Errors);
        }
        catch (InvalidInputException one)
        {
            _errors.Add(one);
        }
        return default!;
    }

    public void Add(InvalidInputException error) => _errors.Add(error);

    /// <summary>Throws the one refusal, or all of them together.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count == 1) throw _errors[0];
        if (_errors.Count > 1) throw new InvalidInputsException([.. _errors]);
    }
}
