using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>
/// An investor's authorisation (委托) of a proxy agent (代办员): within its validity the agent may file for the
/// investor and follow the investor's projects; outside it, neither.
/// </summary>
public sealed class AgentAuthorization
{
    public Guid Id { get; set; }
    public string AgentId { get; set; } = "";
    public string InvestorId { get; set; } = "";
    public string InvestorName { get; set; } = "";
    public LocalDate ValidFrom { get; set; }
    public LocalDate ValidTo { get; set; }
    public string GrantedBy { get; set; } = "";
    public Instant GrantedAt { get; set; }
    public Instant? RevokedAt { get; set; }

    public bool IsValidOn(LocalDate day) => RevokedAt is null && ValidFrom <= day && day <= ValidTo;
}
