using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;

namespace Approval.Engine.Activities;

/// <summary>
/// 告知承诺 (commitment-based approval): the applicant signs a matter's commitment at filing; the department approves
/// on it when it takes the matter up (准予许可（告知承诺）), which opens a verification task (事后核查) with its own
/// working-day limit, lights and timers; the verification confirms the commitment, or finds it false — then the
/// approval is revoked (撤销) and the project unit is marked for the credit record.
/// </summary>
/// <remarks>
/// A verification outlives its step and the project's completion: it is a task of the parallel approvals it came from,
/// resumed by its own command whatever step the project stands at, and its timer keeps running after the results are
/// issued. A project ended otherwise (rejected, terminated) cancels it with everything else.
/// </remarks>
public static class Commitments
{
    /// <summary>A matter on commitment is decided within this many working days of being taken up (当场或次日).</summary>
    public const int DecisionWorkingDays = 1;

    /// <summary>
    /// At filing: checks the chosen matters (in the procedure's parallel approvals, commitment-eligible in the catalogue)
    /// and journals each signature — the commitment text, who signed and when.
    /// </summary>
    /// <exception cref="InvalidInputException">A matter is not in the procedure or not eligible (field <c>commitmentMatters</c>).</exception>
    public static List<string> Validate(WorkflowDefinition definition, DefinitionCatalog catalog, IReadOnlyList<string>? chosen)
    {
        if (chosen is null || chosen.Count == 0) return [];
        var inProcedure = definition.Activities.OfType<ParallelApprovalsDefinition>().SelectMany(a => a.Matters).Select(m => m.MatterCode).ToHashSet();
        var eligible = inProcedure.Where(code => catalog.Matter(code).Commitment is not null).Order(StringComparer.Ordinal).ToList();
        var codes = chosen.Select(c => c?.Trim() ?? "").Distinct().ToList();
        foreach (var code in codes)
        {
            if (!inProcedure.Contains(code) || catalog.Matter(code).Commitment is null)
                throw new InvalidInputException("commitmentMatters",
                    $"'{code}' cannot be chosen on commitment (告知承诺) in {definition.Name}; eligible: {(eligible.Count == 0 ? "none" : string.Join(", ", eligible))}.");
        }
        return codes;
    }

    /// <summary>Journals the applicant's signature of each chosen commitment (the step's actor signs).</summary>
    public static void Sign(StepContext step)
    {
        foreach (var code in step.Instance.CommitmentMatters)
        {
            var matter = step.Catalog.Matter(code);
            step.Record(JournalEvents.CommitmentSigned, reasons: $"{matter.Name}（{matter.Code}）：{matter.Commitment!.Text}",
                departmentId: matter.DepartmentId);
        }
    }

    /// <summary>Whether the applicant chose this matter on commitment.</summary>
    public static bool IsOnCommitment(ProjectInstance instance, string? matterCode) =>
        matterCode is not null && instance.CommitmentMatters.Contains(matterCode);

    /// <summary>The department approves on commitment: the decision is recorded and the verification opens.</summary>
    public static void ApproveOnCommitment(StepContext step, WorkTask decision, string? reasons)
    {
        if (!IsOnCommitment(step.Instance, decision.MatterCode))
            throw new ConflictException($"The applicant did not choose {decision.Title} on commitment (告知承诺); approve or reject it.");
        var matter = step.Catalog.Matter(decision.MatterCode!);
        step.CloseTask(decision, Outcomes.ApprovedOnCommitment, string.IsNullOrWhiteSpace(reasons) ? "申请人已签署告知承诺书，当场作出许可决定" : reasons.Trim());
        step.OpenTask(TaskKind.CommitmentVerification, matter.DepartmentId, matter.Code, $"事后核查：{matter.Name}",
            matter.Commitment!.VerificationWorkingDays);
    }

    /// <summary>The department's verification: confirmed, or false (the approval is revoked, the unit marked).</summary>
    public static void Verify(StepContext step, VerifyCommitment command)
    {
        var task = step.Instance.Tasks.FirstOrDefault(t => t.Id == command.TaskId && t.Kind == TaskKind.CommitmentVerification)
            ?? throw new NotFoundException($"Task {command.TaskId}");
        if (step.Actor.Role == ActorRole.Approver && step.Actor.DepartmentId != task.DepartmentId) throw new NotFoundException($"Task {command.TaskId}");
        step.RequireDepartment(task);
        if (!task.IsOpen) throw new ConflictException(Closed(step, task));
        var findings = command.Findings?.Trim();
        if (command.Confirmed)
        {
            step.CloseTask(task, Outcomes.CommitmentConfirmed, string.IsNullOrEmpty(findings) ? "经核查，承诺属实" : findings);
            return;
        }
        if (string.IsNullOrEmpty(findings))
            throw new InvalidInputException("findings", "A false commitment (承诺不实) must say what the verification found.");
        step.CloseTask(task, Outcomes.CommitmentFalse, findings);
        step.Instance.InvestorCreditMarked = true;
        var matter = step.Catalog.Matter(task.MatterCode!);
        step.Record(JournalEvents.ApprovalRevoked, Outcomes.CommitmentFalse,
            $"撤销{matter.Name}（告知承诺）：{findings}；项目单位 {step.Instance.InvestorName} 记入信用记录", task);
    }

    /// <summary>Why a closed verification takes no second finding: recorded already (when, with what outcome), or cancelled.</summary>
    private static string Closed(StepContext step, WorkTask task) => task is { Status: Runtime.TaskStatus.Done, DecidedAt: { } at, Outcome: { } outcome }
        ? $"The verification (事后核查) of {task.MatterCode} was already recorded on {step.Calendar.LocalDateOf(at):yyyy-MM-dd} ({Outcomes.Code(outcome)}); it cannot be recorded again."
        : $"The verification (事后核查) of {task.MatterCode} was cancelled when the project ended; there is nothing left to verify.";
}
