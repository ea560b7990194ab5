namespace Approval.Engine.ProjectCodes;

/// <summary>The ids of the segments of a project code (项目代码), used in segments and in errors.</summary>
public static class ProjectCodeSegmentNames
{
    /// <summary>Legacy 年份代码: the four-digit year.</summary>
    public const string Year = "year";

    /// <summary>Current 时间代码: YYMM, year and month the code was assigned.</summary>
    public const string YearMonth = "yearMonth";

    /// <summary>地区代码 (legacy: 地区(部门)代码): six-digit administrative division.</summary>
    public const string Division = "division";

    /// <summary>Legacy 行业代码: two-digit industry.</summary>
    public const string Industry = "industry";

    /// <summary>Current 中央业务指导部门代码: the central department guiding this kind of project.</summary>
    public const string GuidingDepartment = "guidingDepartment";

    /// <summary>项目类型代码: legacy 01 审批 / 02 核准 / 03 备案; current per GB/T 40058 §4.5.</summary>
    public const string ProjectType = "projectType";

    /// <summary>Legacy 流水号: six-digit serial number.</summary>
    public const string Serial = "serial";

    /// <summary>Current 随机码: five random characters.</summary>
    public const string Random = "random";

    /// <summary>Current 校验码: one check character.</summary>
    public const string Check = "check";

    /// <summary>Not a segment: the code as a whole (length, hyphens, characters).</summary>
    public const string Code = "code";

    /// <summary>The Chinese term for a segment id, for messages; the id itself when unknown.</summary>
    public static string TermFor(string name) => name switch
    {
        Year => "年份代码",
        YearMonth => "时间代码",
        Division => "地区代码",
        Industry => "行业代码",
        GuidingDepartment => "中央业务指导部门代码",
        ProjectType => "项目类型代码",
        Serial => "流水号",
        Random => "随机码",
        Check => "校验码",
        Code => "项目代码",
        _ => name,
    };
}
