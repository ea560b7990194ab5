namespace Approval.Engine.ProjectCodes;

/// <summary>
/// A verifier for installations without a connection to the online platform (在线平台): it accepts every syntactically
/// valid code and says so, so that nobody mistakes its answer for the platform's.
/// </summary>
public sealed class OfflineProjectCodeVerifier : IProjectCodeVerifier
{
    /// <summary>The <see cref="ProjectCodeVerification.Source"/> of every answer.</summary>
    public const string SourceName = "offline";

    /// <inheritdoc/>
    public ValueTask<ProjectCodeVerification> VerifyAsync(ProjectCode code, CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        var answer = code.IsEmpty
            ? new ProjectCodeVerification(false, SourceName, "no project code was given")
            : new ProjectCodeVerification(true, SourceName,
                "syntax checked only; not verified with the national online platform (未经在线平台核验)");
        return ValueTask.FromResult(answer);
    }
}
