using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Web.Api.Contracts;
using NodaTime;

namespace Approval.Web.Api;

public static partial class TasksApi
{
    // Required members are nullable too, so that a missing one is our 400 naming it instead of the binder's message;
    // optional ones have defaults, so that OpenAPI tells them apart.
    /// <summary>A pre-review opinion: <paramref name="Passed"/> is required; without a pass, at least one correction item.</summary>
    public sealed record OpinionRequest(bool? Passed, IReadOnlyList<string?>? CorrectionItems = null, string? Comment = null);

    /// <summary>Findings at the site survey: whether the department agrees, and what it found (both required).</summary>
    public sealed record FindingsRequest(bool? Agrees, string? Findings);

    /// <summary>
    /// A matter decision: <c>approve</c>, <c>reject</c> (reasons required), <c>requestCorrection</c> (items required), or
    /// <c>approveOnCommitment</c> (告知承诺: only for a matter the applicant chose on commitment; opens the 事后核查).
    /// </summary>
    public sealed record DecisionRequest(MatterDecision? Decision, string? Reasons = null, IReadOnlyList<string?>? Items = null);

    /// <summary>A verification of a commitment (事后核查): <c>confirmed</c>; <c>findings</c> required when false (承诺不实 → 撤销).</summary>
    public sealed record VerificationRequest(bool? Confirmed, string? Findings = null);

    /// <summary>A clock stop (art. 45): the reason (e.g. <c>expertReview</c>), the written notice, the expected working days.</summary>
    public sealed record ClockStopRequest(ClockStopReason? Reason, string? Notice, int? ExpectedWorkingDays);

    /// <summary>Resumption; counting restarts on <paramref name="ResumesOn"/>, or the next day when absent.</summary>
    public sealed record ClockResumeRequest(LocalDate? ResumesOn = null);

    /// <summary>An extension request (延期): working days and the reason the applicant will see (both required).</summary>
    public sealed record ExtensionRequest(int? WorkingDays, string? Reason);

    /// <summary>A task with the project it belongs to.</summary>
    public sealed record TaskDetailResponse(TaskDto Task, ProjectSummaryDto Project);
}
