using Approval.Engine.Runtime;

namespace Approval.Web.Identity;

/// <summary>The role names used in accounts, tokens and policies, and how they map to the engine's actor roles.</summary>
public static class Roles
{
    public const string Agent = "agent";
    public const string WindowClerk = "window";
    public const string Approver = "approver";
    public const string Supervisor = "supervisor";
    public const string Administrator = "admin";
    public const string Investor = "investor";

    public static readonly IReadOnlyDictionary<string, ActorRole> ToActorRole = new Dictionary<string, ActorRole>
    {
        [Agent] = ActorRole.Agent, [WindowClerk] = ActorRole.WindowClerk, [Approver] = ActorRole.Approver,
        [Supervisor] = ActorRole.Supervisor, [Administrator] = ActorRole.Administrator, [Investor] = ActorRole.Investor,
    };

    /// <summary>Claim types our own tokens and cookies carry besides the role.</summary>
    public const string DepartmentClaim = "approval:department";
    public const string InvestorClaim = "approval:investor";
    public const string DisplayNameClaim = "approval:name";
}
