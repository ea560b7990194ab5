namespace Approval.Engine.ProjectCodes;

/// <summary>
/// The national online platform's check of a project code (在线平台核验): 发改投资〔2020〕1439号 forbids accepting a
/// filing whose code is missing or has not passed this check.
/// </summary>
public interface IProjectCodeVerifier
{
    /// <summary>Asks whether the platform knows the code; a code that was parsed is syntactically valid already.</summary>
    ValueTask<ProjectCodeVerification> VerifyAsync(ProjectCode code, CancellationToken ct = default);
}
