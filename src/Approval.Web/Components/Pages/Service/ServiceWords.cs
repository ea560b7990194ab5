using Approval.Engine.Service;

namespace Approval.Web.Components.Pages.Service;

/// <summary>The words of 好差评 and 督办 on the pages.</summary>
public static class ServiceWords
{
    public static string Of(EscalationStatus status) => status switch
    {
        EscalationStatus.AwaitingReply => "待部门回复",
        EscalationStatus.Replied => "已回复，待办结",
        _ => "已办结",
    };

    public static string Of(CardColour? card) => card switch
    {
        CardColour.Yellow => "黄牌",
        CardColour.Red => "红牌",
        _ => "—",
    };

    /// <summary>A rate as a percentage (92.5%), "—" when there is nothing to rate.</summary>
    public static string Percent(double? rate) => rate is { } r ? $"{r * 100:0.#}%" : "—";

    public static string Score(double? score) => score is { } s ? s.ToString("0.00") : "—";
}
