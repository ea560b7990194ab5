using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;

namespace Approval.Engine.Activities;

/// <summary>
/// Combined site survey (集中踏勘): one date, a working day, for every listed department; each records its findings.
/// A department silent by the step's deadline is deemed to agree (缺席默认) or blocks, as the definition says.
/// </summary>
public sealed class CombinedSiteSurvey : IActivity
{
    public ActivityType Type => ActivityType.CombinedSiteSurvey;

    public void Enter(StepContext step)
    {
        var survey = (CombinedSiteSurveyDefinition)step.Activity;
        ReviewRounds.Open(step, TaskKind.SurveyFinding, survey.Departments, survey.BudgetWorkingDays, "集中踏勘");
    }

    public void Handle(StepContext step, Command command)
    {
        switch (command)
        {
            case ScheduleSurvey schedule:
                step.RequireRole(ActorRole.WindowClerk, ActorRole.Supervisor);
                Schedule(step, schedule);
                break;
            case RecordFindings findings:
                var task = step.OpenTaskOf(findings.TaskId);
                step.RequireDepartment(task);
                if (step.Instance.SurveyOn is not { } surveyOn)
                    throw new ConflictException("The survey date has not been fixed yet.");
                if (step.Today < surveyOn)
                    throw new ConflictException($"The survey takes place on {surveyOn:yyyy-MM-dd}; findings can be recorded from that day.");
                if (string.IsNullOrWhiteSpace(findings.Findings))
                    throw new InvalidInputException("findings", "Findings must say what the department found on site.");
                step.CloseTask(task, findings.Agrees ? Outcomes.Agreed : Outcomes.Disagreed, findings.Findings.Trim(),
                    findings.Agrees ? null : [findings.Findings.Trim()]);
                ReviewRounds.Advance(step, TaskKind.SurveyFinding);
                break;
            case SubmitCorrection correction:
                var corrected = CorrectionHandling.Submit(step, correction);
                ReviewRounds.Corrected(step, corrected, TaskKind.SurveyFinding);
                break;
            default:
                throw new ConflictException($"The site survey does not take {command.GetType().Name}.");
        }
    }

    public void OnTimer(StepContext step, DurableTimer timer)
    {
        var task = step.Instance.Tasks.FirstOrDefault(t => t.Id == timer.TaskId);
        var survey = (CombinedSiteSurveyDefinition)step.Activity;
        if (task is null || !task.IsOpen || timer.Kind != TimerKind.TaskDeadline || survey.Absence != AbsenceRule.DeemedAgreement)
        {
            TaskTimers.Record(step, timer);
            return;
        }
        step.CloseTask(task, Outcomes.DeemedAgreed, "缺席默认：未在期限内提交踏勘意见，视为同意");
        ReviewRounds.Advance(step, TaskKind.SurveyFinding);
    }

    private static void Schedule(StepContext step, ScheduleSurvey command)
    {
        if (!step.Calendar.IsWorkingDay(command.Date))
            throw new InvalidInputException("date", $"The survey date {command.Date:yyyy-MM-dd} is not a working day.");
        if (command.Date < step.Today || (step.Instance.StepDueOn is { } due && command.Date > due))
            throw new InvalidInputException("date",
                $"The survey date must be between {step.Today:yyyy-MM-dd} and the step's deadline {step.Instance.StepDueOn:yyyy-MM-dd}.");
        step.Instance.SurveyOn = command.Date;
        step.Record(JournalEvents.SurveyScheduled, reasons: $"踏勘日期 {command.Date:yyyy-MM-dd}");
    }
}
