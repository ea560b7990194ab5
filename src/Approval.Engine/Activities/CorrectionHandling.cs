using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;

namespace Approval.Engine.Activities;

/// <summary>The applicant's side of a correction (补正): checks who answers and records what was handed in.</summary>
public static class CorrectionHandling
{
    /// <summary>Closes the applicant's correction task and adds the corrected materials to the filing.</summary>
    public static WorkTask Submit(StepContext step, SubmitCorrection command)
    {
        var task = step.OpenTaskOf(command.TaskId);
        if (task.Kind != TaskKind.ApplicantCorrection)
            throw new ConflictException("This task is not a correction request.");
        step.RequireApplicant();
        if (command.Materials.Count == 0 && string.IsNullOrWhiteSpace(command.Note))
            throw new InvalidInputException("materials", "A correction needs the corrected materials or a note saying what was corrected.");
        step.Instance.SubmittedMaterials = step.Instance.SubmittedMaterials.Union(command.Materials).ToList();
        step.CloseTask(task, Outcomes.Corrected, command.Note);
        return task;
    }
}
