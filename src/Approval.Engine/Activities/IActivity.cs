using Approval.Engine.Definitions;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Engine.Timers;

namespace Approval.Engine.Activities;

/// <summary>
/// The behaviour of one activity type (Elsa's activity): what happens when the flow enters it, how it answers
/// the commands that resume its bookmarks (open tasks), and what its timers do.
/// </summary>
public interface IActivity
{
    ActivityType Type { get; }

    /// <summary>The flow has reached this activity: open its tasks and timers, or complete at once.</summary>
    void Enter(StepContext step);

    /// <summary>A command addressed to this activity; throws <see cref="ConflictException"/> for one it does not take.</summary>
    void Handle(StepContext step, Command command);

    /// <summary>One of this activity's timers is due.</summary>
    void OnTimer(StepContext step, DurableTimer timer);
}
