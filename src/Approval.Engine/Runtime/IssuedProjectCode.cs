using NodaTime;

namespace Approval.Engine.Runtime;

/// <summary>A project code this system issued itself (本地赋码), for projects without a platform code and for demonstrations.</summary>
public sealed class IssuedProjectCode
{
    public string Code { get; set; } = "";
    public Instant IssuedAt { get; set; }
}
