using NodaTime;

namespace Approval.Engine.Runtime.Commands;

/// <summary>The project data given at filing.</summary>
public sealed record ProjectDetails(
    string ProjectName,
    string InvestorId,
    string InvestorName,
    string Division,
    string Industry,
    decimal InvestmentAmount,
    string? ProjectCode,
    string ContactName,
    string ContactPhone);

/// <summary>File an application (申报), by the investor or by an authorised proxy agent.</summary>
/// <param name="OperationId">The operation id.</param>
/// <param name="Actor">The investor or the agent; it signs any commitment chosen.</param>
/// <param name="DefinitionId">The procedure.</param>
/// <param name="Project">The project data.</param>
/// <param name="Materials">The checklist codes it hands in.</param>
/// <param name="CommitmentMatters">
/// Matters of the procedure to be approved on commitment (告知承诺); each must be commitment-eligible in the catalogue.
/// Filing with them is signing their commitment texts.
/// </param>
/// <param name="Simulation">
/// File in simulation (模拟审批) because the land is not yet obtained (土地未摘牌); only where the definition allows it.
/// </param>
public sealed record FileApplication(string OperationId, Actor Actor, string DefinitionId, ProjectDetails Project,
    IReadOnlyList<string> Materials, IReadOnlyList<string>? CommitmentMatters = null, bool Simulation = false) : Command(OperationId, Actor);

/// <summary>Resubmit after a one-time notice, with the complete set of materials now handed in.</summary>
public sealed record ResubmitApplication(string OperationId, Actor Actor, Guid InstanceId, IReadOnlyList<string> Materials)
    : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>Accept (受理): every required material is there.</summary>
public sealed record AcceptApplication(string OperationId, Actor Actor, Guid InstanceId)
    : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>Accept with deficiencies (容缺受理): the missing items may be 容缺 and are promised by a date.</summary>
public sealed record AcceptWithDeficiencies(string OperationId, Actor Actor, Guid InstanceId, LocalDate PromisedBy)
    : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>Return with a one-time notice (一次性告知) listing every missing item.</summary>
/// <param name="OperationId">The operation id.</param>
/// <param name="Actor">The window clerk.</param>
/// <param name="InstanceId">The filing.</param>
/// <param name="Note">What the checklist cannot say, if anything.</param>
/// <param name="Materials">
/// The checklist items the window ticked as missing; <c>null</c> lists the required items not handed in. Ticked items
/// must include every required item not handed in (the notice is given once, with everything) and may add optional
/// ones not handed in.
/// </param>
public sealed record ReturnApplication(string OperationId, Actor Actor, Guid InstanceId, string? Note,
    IReadOnlyList<string>? Materials = null)
    : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>Refuse (不予受理), with the reason the law requires.</summary>
public sealed record RefuseApplication(string OperationId, Actor Actor, Guid InstanceId, string Reason)
    : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>Hand in materials promised under 容缺.</summary>
public sealed record SupplyDeficiencies(string OperationId, Actor Actor, Guid InstanceId, IReadOnlyList<string> Materials)
    : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>
/// The window records that it received the paper originals (纸质原件) of these materials; each then counts as handed in.
/// </summary>
public sealed record RecordPaperOriginals(string OperationId, Actor Actor, Guid InstanceId, IReadOnlyList<string> Materials)
    : InstanceCommand(OperationId, Actor, InstanceId);

/// <summary>
/// The applicant uploaded a file for a material: the file's record is written with the project's change, and the
/// material counts as handed in.
/// </summary>
/// <param name="OperationId">The upload's idempotency key; a retried upload finds the first one.</param>
/// <param name="Actor">The investor or the proxy agent.</param>
/// <param name="InstanceId">The project.</param>
/// <param name="File">The stored file's record; its content is already in file storage under its hash.</param>
public sealed record AttachMaterialFile(string OperationId, Actor Actor, Guid InstanceId, MaterialFile File)
    : InstanceCommand(OperationId, Actor, InstanceId);
