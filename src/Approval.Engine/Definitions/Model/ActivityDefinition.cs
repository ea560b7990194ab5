namespace Approval.Engine.Definitions;

/// <summary>The five domain activities (一窗受理、联合预审、集中踏勘、并联审批、限时办结); JSON <c>type</c> strings are exactly these names.</summary>
public enum ActivityType
{
    /// <summary>One-window intake (一窗受理).</summary>
    OneWindowIntake,

    /// <summary>Joint pre-review (联合预审).</summary>
    JointPreReview,

    /// <summary>Combined site survey (集中踏勘).</summary>
    CombinedSiteSurvey,

    /// <summary>Parallel approvals (并联审批).</summary>
    ParallelApprovals,

    /// <summary>Completion within the time limit (限时办结).</summary>
    DeadlineCompletion,
}

/// <summary>One step (环节) of a workflow definition, with the working days it may take.</summary>
/// <param name="Id">Unique within its definition, kebab-case (e.g. <c>joint-pre-review</c>).</param>
/// <param name="Name">What the applicant and the window see (e.g. 联合预审).</param>
/// <param name="BudgetWorkingDays">The step's own time limit in working days (环节时限).</param>
public abstract record ActivityDefinition(string Id, string Name, int BudgetWorkingDays)
{
    /// <summary>Which of the five domain activities this is.</summary>
    public abstract ActivityType Type { get; }
}
