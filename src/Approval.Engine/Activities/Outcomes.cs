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

    public static bool IsApproval(string? outcome) => outcome is Approved or DeemedApproved;
    public static bool AsksCorrection(string? outcome) => outcome is CorrectionRequired or Disagreed;
}
