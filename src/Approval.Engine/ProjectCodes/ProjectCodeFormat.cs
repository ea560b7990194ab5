namespace Approval.Engine.ProjectCodes;

/// <summary>The two layouts of the project code (投资项目统一代码) that are in circulation.</summary>
/// <remarks>
/// The members start at 1 so that <c>default(ProjectCodeFormat)</c>, which is what
/// <c>default(ProjectCode).Format</c> reports, is not mistaken for a real format.
/// </remarks>
public enum ProjectCodeFormat
{
    /// <summary>
    /// The format used until October/November 2020: <c>YYYY-AAAAAA-II-TT-NNNNNN</c>
    /// (年份代码-地区(部门)代码-行业代码-项目类型代码-流水号).
    /// </summary>
    Legacy = 1,

    /// <summary>
    /// The format of 发改投资〔2020〕1439号 and GB/T 40058-2021: <c>YYMM-AAAAAA-DD-TT-RRRRRC</c>
    /// (时间代码-地区代码-中央业务指导部门代码-项目类型代码-随机码+校验码).
    /// </summary>
    Current = 2,
}
