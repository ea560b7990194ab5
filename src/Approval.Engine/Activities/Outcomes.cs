namespace Approval.Engine.Activities;

/// <summary>The outcome words written on tasks and in the journal; one list so that readers and writers agree.</summary>
public static class Outcomes
{
    public const string Passed = "Passed";
    public const string CorrectionRequired = "CorrectionRequired";
    public const string Agreed = "Agreed";
    public const string Disagreed = "Disagreed";
    /// <summary>缺席默认: a department that recorded no findings by the deadline is deemed to agree.</summary>
    public const string DeemedAgreed = "DeemedAgreed";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    /// <summary>超时默许: a matter whose department let its time run out is deemed approved.</summary>
    public const string DeemedApproved = "DeemedApproved";
    public const string Corrected = "Corrected";
    /// <summary>告知承诺: approved on the applicant's commitment, to be verified afterwards.</summary>
    public const string ApprovedOnCommitment = "ApprovedOnCommitment";
    /// <summary>事后核查: the commitment was found true.</summary>
    public const string CommitmentConfirmed = "CommitmentConfirmed";
    /// <summary>事后核查: the commitment was found false; the approval is revoked (撤销).</summary>
    public const string CommitmentFalse = "CommitmentFalse";
    /// <summary>模拟审批意见：同意 — a simulated approval; nothing is issued until the conversion.</summary>
    public const string SimulatedApproved = "SimulatedApproved";
    /// <summary>模拟审批意见：不同意 — a simulated rejection; the simulation ends without a formal decision.</summary>
    public const string SimulatedRejected = "SimulatedRejected";
    /// <summary>A 差评's rectification closed with the call-back record (整改完成，已回访).</summary>
    public const string Rectified = "Rectified";
    /// <summary>The department replied to a 督办.</summary>
    public const string Replied = "Replied";

    // Case-insensitive: the engine's PascalCase names and the API's camelCase codes name the same outcome.
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        [Passed] = "预审通过",
        [CorrectionRequired] = "需要补正",
        [Agreed] = "同意",
        [Disagreed] = "不同意",
        [DeemedAgreed] = "视为同意（缺席默认）",
        // 行政许可法 art. 38: the decision is 准予行政许可 or 不予行政许可.
        [Approved] = "准予许可",
        [Rejected] = "不予许可",
        [DeemedApproved] = "视为准予许可（超时默许）",
        [Corrected] = "已补正",
        [ApprovedOnCommitment] = "准予许可（告知承诺）",
        [CommitmentConfirmed] = "核查属实",
        [CommitmentFalse] = "承诺不实，撤销许可",
        [SimulatedApproved] = "模拟审批意见：同意",
        [SimulatedRejected] = "模拟审批意见：不同意",
        [Rectified] = "已整改（已回访）",
        [Replied] = "已回复督办",
    };

    /// <summary>The stable code of an outcome as every answer shows it, e.g. <c>deemedApproved</c>.</summary>
    public static string Code(string outcome) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(outcome);

    /// <summary>The Chinese term of an outcome, e.g. 准予许可 for <see cref="Approved"/>.</summary>
    public static string Label(string outcome) => Labels.TryGetValue(outcome, out var label) ? label : Code(outcome);

    public static bool IsApproval(string? outcome) => outcome is Approved or DeemedApproved or ApprovedOnCommitment;
    /// <summary>A simulated decision (模拟审批意见): never a formal decision, never issued, never counted as one.</summary>
    public static bool IsSimulated(string? outcome) => outcome is SimulatedApproved or SimulatedRejected;

    public static bool AsksCorrection(string? outcome) => outcome is CorrectionRequired or Disagreed;
}
