namespace Approval.Engine.Documents;

/// <summary>The numbered documents (文书) the window issues to an applicant.</summary>
public enum DocumentKind
{
    /// <summary>受理通知书: the filing was accepted (or accepted with deficiencies).</summary>
    Receipt,
    /// <summary>一次性告知书 / 补正材料通知书: the filing was returned with every missing item.</summary>
    OneTimeNotice,
    /// <summary>不予受理通知书: the filing was refused.</summary>
    Refusal,
    /// <summary>
    /// 联合验收意见书: the one document a completion issues for the whole project where its definition names one
    /// (竣工联合验收), with every department's finding and decision.
    /// </summary>
    JointAcceptance,
}
