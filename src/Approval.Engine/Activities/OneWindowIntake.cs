using System.Security.Cryptography;
using Approval.Engine.Definitions;
using Approval.Engine.Journal;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;

namespace Approval.Engine.Activities;

/// <summary>
/// One-window intake (一窗受理): the window checks the filing against the checklist and accepts, accepts with
/// deficiencies (容缺受理), returns it with a one-time notice of every missing item (一次性告知), or refuses it (不予受理).
/// </summary>
public sealed class OneWindowIntake : IActivity
{
    public ActivityType Type => ActivityType.OneWindowIntake;

    public void Enter(StepContext step)
    {
        step.Instance.Status = InstanceStatus.Filed;
        step.Record(JournalEvents.Filed, reasons: MaterialCodes.Names(step.Definition, step.Instance.SubmittedMaterials));
    }

    public void Handle(StepContext step, Command command)
    {
        var intake = (OneWindowIntakeDefinition)step.Activity;
        switch (command)
        {
            case AcceptApplication accept:
                RequireWaitingForWindow(step);
                var missing = Missing(step.Definition, step.Instance);
                if (missing.Count > 0)
                    throw new ConflictException("Cannot accept: required materials are missing: " + Names(missing)
                        + ". Return the filing with a one-time notice, or accept with deficiencies where 容缺 is allowed.");
                Accept(step, step.Acceptance);
                break;
            case AcceptWithDeficiencies deficient:
                RequireWaitingForWindow(step);
                AcceptWithDeficiencies(step, intake, deficient);
                break;
            case ReturnApplication ret:
                RequireWaitingForWindow(step);
                Return(step, intake, ret.Note, ret.Materials);
                break;
            case RefuseApplication refuse:
                RequireWaitingForWindow(step);
                if (string.IsNullOrWhiteSpace(refuse.Reason))
                    throw new InvalidInputException("reason", "A refusal (不予受理) needs a reason the applicant can read.");
                step.EndProject(InstanceStatus.Refused, refuse.Reason.Trim());
                break;
            case ResubmitApplication resubmit:
                step.RequireApplicant();
                if (step.Instance.Status != InstanceStatus.Returned)
                    throw new ConflictException("Only a returned filing can be resubmitted.");
                step.Instance.SubmittedMaterials = MaterialCodes.Merge(intake, step.Instance.SubmittedMaterials, resubmit.Materials);
                step.Instance.Status = InstanceStatus.Filed;
                step.Record(JournalEvents.Resubmitted, reasons: MaterialCodes.Names(step.Definition, resubmit.Materials));
                break;
            default:
                throw new ConflictException($"The intake step does not take {command.GetType().Name}.");
        }
    }

    public void OnTimer(StepContext step, DurableTimer timer) { }

    /// <summary>
    /// The required materials of the checklist that have not been handed in (<see cref="HandedInMaterials"/>); in a
    /// simulation (模拟审批) the land contract that will convert it is not required yet.
    /// </summary>
    public static List<MaterialRequirement> Missing(WorkflowDefinition definition, ProjectInstance instance) =>
        HandedInMaterials.Missing(definition.Intake, instance).Where(m => !Simulations.Exempts(definition, instance, m.Code)).ToList();

    private static void AcceptWithDeficiencies(StepContext step, OneWindowIntakeDefinition intake, AcceptWithDeficiencies command)
    {
        var missing = Missing(step.Definition, step.Instance);
        if (missing.Count == 0)
            throw new ConflictException("Nothing is missing: accept the filing normally.");
        var notAllowed = missing.Where(m => !m.DeficiencyAllowed).ToList();
        if (notAllowed.Count > 0)
            throw new ConflictException("These materials may not be missing (容缺 not allowed): " + Names(notAllowed) + ".");
        var latest = step.Calendar.Deadline(step.Today, intake.MaxDeficiencyWorkingDays).Date;
        if (command.PromisedBy <= step.Today || command.PromisedBy > latest)
            throw new InvalidInputException("promisedBy",
                $"The promised date must be after {step.Today:yyyy-MM-dd} and no later than {latest:yyyy-MM-dd} " +
                $"({intake.MaxDeficiencyWorkingDays} working days); given {command.PromisedBy:yyyy-MM-dd}.");
        step.Instance.Deficiencies = missing.Select(m => m.Code).ToList();
        step.Instance.DeficienciesDueOn = command.PromisedBy;
        step.Schedule(TimerKind.DeficienciesDue, step.Deadlines.EndOf(command.PromisedBy));
        step.Record(JournalEvents.AcceptedWithDeficiencies, reasons: $"容缺：{Names(missing)}；承诺补齐日期 {command.PromisedBy:yyyy-MM-dd}");
        Accept(step, step.Acceptance);
    }

    private static void Accept(StepContext step, AcceptanceContext acceptance)
    {
        var instance = step.Instance;
        instance.ProjectCode ??= acceptance.IssuedCode;
        instance.ProjectCodeLocallyIssued = acceptance.IssuedCode is not null && instance.ProjectCode == acceptance.IssuedCode;
        instance.QueryKey = NewQueryKey();
        instance.AcceptedOn = step.Today;
        instance.Status = InstanceStatus.Running;
        instance.DueOn = step.Deadlines.ProjectDue(instance);
        var simulation = Simulations.Start(step);
        step.Record(JournalEvents.Accepted, "受理", $"项目代码 {instance.ProjectCode}；办结时限 {instance.DueOn:yyyy-MM-dd}{simulation}");
        step.CompleteStep();
    }

    private static void Return(StepContext step, OneWindowIntakeDefinition intake, string? note, IReadOnlyList<string>? ticked)
    {
        var missing = ticked is null ? Missing(step.Definition, step.Instance) : Ticked(step.Definition, step.Instance, ticked);
        if (missing.Count == 0 && string.IsNullOrWhiteSpace(note))
            throw new ConflictException("Nothing on the checklist is missing: give a note saying what must change, or accept.");
        step.Instance.Status = InstanceStatus.Returned;
        var notice = missing.Select(m => m.Name).ToList();
        if (!string.IsNullOrWhiteSpace(note)) notice.Add(note.Trim());
        step.Record(JournalEvents.Returned, "一次性告知", string.Join("；", notice));
    }

    /// <summary>
    /// The items the window ticked, in checklist order: checklist codes not handed in, including every required one
    /// not handed in, because a one-time notice that leaves one out would make the applicant come twice.
    /// </summary>
    private static List<MaterialRequirement> Ticked(WorkflowDefinition definition, ProjectInstance instance, IReadOnlyList<string> ticked)
    {
        var intake = definition.Intake;
        var unknown = ticked.Where(code => intake.Materials.All(m => m.Code != code)).ToList();
        if (unknown.Count > 0)
            throw new InvalidInputException("materials", $"Not on the checklist: {string.Join(", ", unknown)}.");
        var handedIn = intake.Materials.Where(m => ticked.Contains(m.Code) && HandedInMaterials.Has(instance, m.Code)).ToList();
        if (handedIn.Count > 0)
            throw new InvalidInputException("materials", "Already handed in, so not missing: " + Names(handedIn) + ".");
        var left = Missing(definition, instance).Where(m => !ticked.Contains(m.Code)).ToList();
        if (left.Count > 0)
            throw new InvalidInputException("materials",
                "A one-time notice lists every missing required item; not ticked: " + Names(left) + ".");
        return intake.Materials.Where(m => ticked.Contains(m.Code)).ToList();
    }

    private static void RequireWaitingForWindow(StepContext step)
    {
        step.RequireRole(ActorRole.WindowClerk);
        if (step.Instance.Status != InstanceStatus.Filed)
            throw new ConflictException($"The filing is {step.Instance.Status}, not waiting for the window.");
    }

    private static string Names(IEnumerable<MaterialRequirement> materials) => string.Join("、", materials.Select(m => m.Name));

    /// <summary>Characters of a query key: unambiguous ones only, because the key is read off paper and typed by hand.</summary>
    internal const string QueryKeyAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>
    /// Ten characters of 31: 31^10 ≈ 8.2 × 10^14 keys, so that guessing one within the tracking limits takes
    /// millennia (README, "Tracking limit"). Keys issued with eight characters before stay valid: a key is compared
    /// as stored.
    /// </summary>
    internal const int QueryKeyLength = 10;

    private static string NewQueryKey()
    {
        return string.Create(QueryKeyLength, QueryKeyAlphabet, (span, a) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = a[RandomNumberGenerator.GetInt32(a.Length)];
        });
    }
}

/// <summary>What the engine prepared before an acceptance: a locally issued code when the filing had none.</summary>
public sealed record AcceptanceContext(string? IssuedCode);
