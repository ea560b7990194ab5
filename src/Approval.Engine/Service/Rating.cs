using NodaTime;

namespace Approval.Engine.Service;

/// <summary>
/// A 好差评 rating (政务服务好差评) of one decided matter, or of the whole project once it has ended: the level on the
/// national five-level scale, a reason chosen from <see cref="RatingReasons"/>, and a comment (required for a 差评).
/// </summary>
/// <remarks>
/// One per matter and one per project (unique index on (instance, matter key)); the rater may change it until
/// <see cref="EditableUntil"/> (the end of that working day). The rater (<see cref="RatedBy"/>) is kept for the record
/// and never shown to the department. Written only by the engine's commands.
/// </remarks>
public sealed class Rating
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    /// <summary>The matter rated (事项编码); <see cref="WholeProject"/> for the rating of the whole service.</summary>
    public string MatterKey { get; set; } = WholeProject;
    /// <summary>The department rated: the matter's, or the service centre's for the whole project.</summary>
    public string DepartmentId { get; set; } = "";
    /// <summary>The window clerk who accepted the filing (受理人), so that ratings can be read per clerk.</summary>
    public string? ClerkId { get; set; }
    public RatingLevel Level { get; set; }
    /// <summary>The reason's code (<see cref="RatingReasons"/>).</summary>
    public string Reason { get; set; } = "";
    public string? Comment { get; set; }
    /// <summary>The user who rated (the investor or its agent, in the investor's name).</summary>
    public string RatedBy { get; set; } = "";
    public Instant RatedAt { get; set; }
    public LocalDate RatedOn { get; set; }
    public LocalDate EditableUntil { get; set; }
    /// <summary>How many times the rating was changed after it was first given.</summary>
    public int Edits { get; set; }
    /// <summary>The rectification task (整改) a 差评 opened; null for a good rating.</summary>
    public Guid? RectificationTaskId { get; set; }

    /// <summary>The <see cref="MatterKey"/> of the rating of the whole project.</summary>
    public const string WholeProject = "*";

    public bool IsWholeProject => MatterKey == WholeProject;
}

/// <summary>The national five-level scale (非常满意 … 非常不满意); stable codes in the API are the camelCase names.</summary>
public enum RatingLevel
{
    VerySatisfied,
    Satisfied,
    BasicallySatisfied,
    Dissatisfied,
    VeryDissatisfied,
}

/// <summary>The scale's words, scores and what counts as a 差评.</summary>
public static class RatingLevels
{
    public static readonly IReadOnlyList<RatingLevel> All = Enum.GetValues<RatingLevel>();

    public static string Label(RatingLevel level) => level switch
    {
        RatingLevel.VerySatisfied => "非常满意",
        RatingLevel.Satisfied => "满意",
        RatingLevel.BasicallySatisfied => "基本满意",
        RatingLevel.Dissatisfied => "不满意",
        _ => "非常不满意",
    };

    /// <summary>A 差评 (不满意, 非常不满意): a comment is required and a rectification opens.</summary>
    public static bool IsBad(RatingLevel level) => level is RatingLevel.Dissatisfied or RatingLevel.VeryDissatisfied;

    /// <summary>Points for the satisfaction rate: 5 (非常满意) down to 1 (非常不满意).</summary>
    public static int Score(RatingLevel level) => 5 - (int)level;

    /// <summary>The stable code of a level, e.g. <c>veryDissatisfied</c>.</summary>
    public static string Code(RatingLevel level) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(level.ToString());

    /// <summary>The level of a code (case-insensitive); null when it is none.</summary>
    public static RatingLevel? Parse(string? code) =>
        Enum.TryParse<RatingLevel>(code?.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level) && !int.TryParse(code, out _) ? level : null;
}

/// <summary>The reasons a rater chooses from (评价原因), by stable code with the words a person reads.</summary>
public static class RatingReasons
{
    public static readonly IReadOnlyDictionary<string, string> Good = new Dictionary<string, string>
    {
        ["efficient"] = "办事效率高",
        ["courteous"] = "服务态度好",
        ["clearGuidance"] = "一次告知清楚",
        ["fewerTrips"] = "少跑腿、不跑腿",
        ["other"] = "其他",
    };

    public static readonly IReadOnlyDictionary<string, string> Bad = new Dictionary<string, string>
    {
        ["slow"] = "办理超时或拖延",
        ["unclearGuidance"] = "告知不清、反复补正",
        ["poorAttitude"] = "服务态度差",
        ["extraMaterials"] = "要求提交不必要的材料",
        ["other"] = "其他",
    };

    /// <summary>The reasons offered for a level: a 差评's or a good rating's.</summary>
    public static IReadOnlyDictionary<string, string> For(RatingLevel level) => RatingLevels.IsBad(level) ? Bad : Good;

    public static string Label(string code) => Good.GetValueOrDefault(code) ?? Bad.GetValueOrDefault(code) ?? code;
}
