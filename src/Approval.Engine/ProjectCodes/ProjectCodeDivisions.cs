using System.Collections.Frozen;

namespace Approval.Engine.ProjectCodes;

/// <summary>Plausibility of the six-digit 地区代码: its first two digits must be a province-level division (GB/T 2260).</summary>
/// <remarks>
/// Only the province is checked; the 2260 table changes every year and a county that was merged away may still
/// appear in a valid old code. Central-department codes (leading <c>00</c>) are accepted in legacy codes only:
/// that segment was a 地区(部门)代码 and could name a department, while the current format's 地区代码 is an
/// administrative division and no current code with <c>00</c> was found in the sources. If one turns up, add the
/// current format to <see cref="AcceptsCentral"/>.
/// </remarks>
internal static class ProjectCodeDivisions
{
    private static readonly FrozenDictionary<string, string> Provinces = new Dictionary<string, string>
    {
        ["11"] = "北京市 Beijing", ["12"] = "天津市 Tianjin", ["13"] = "河北省 Hebei", ["14"] = "山西省 Shanxi",
        ["15"] = "内蒙古自治区 Inner Mongolia", ["21"] = "辽宁省 Liaoning", ["22"] = "吉林省 Jilin",
        ["23"] = "黑龙江省 Heilongjiang", ["31"] = "上海市 Shanghai", ["32"] = "江苏省 Jiangsu", ["33"] = "浙江省 Zhejiang",
        ["34"] = "安徽省 Anhui", ["35"] = "福建省 Fujian", ["36"] = "江西省 Jiangxi", ["37"] = "山东省 Shandong",
        ["41"] = "河南省 Henan", ["42"] = "湖北省 Hubei", ["43"] = "湖南省 Hunan", ["44"] = "广东省 Guangdong",
        ["45"] = "广西壮族自治区 Guangxi", ["46"] = "海南省 Hainan", ["50"] = "重庆市 Chongqing", ["51"] = "四川省 Sichuan",
        ["52"] = "贵州省 Guizhou", ["53"] = "云南省 Yunnan", ["54"] = "西藏自治区 Tibet", ["61"] = "陕西省 Shaanxi",
        ["62"] = "甘肃省 Gansu", ["63"] = "青海省 Qinghai", ["64"] = "宁夏回族自治区 Ningxia", ["65"] = "新疆维吾尔自治区 Xinjiang",
        ["71"] = "台湾省 Taiwan", ["81"] = "香港特别行政区 Hong Kong", ["82"] = "澳门特别行政区 Macao",
    }.ToFrozenDictionary();

    private const string Central = "00";
    private const string ValidPrefixes = "11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82";

    public static bool AcceptsCentral(ProjectCodeFormat format) => format == ProjectCodeFormat.Legacy;

    public static ProjectCodeError? Check(string division, ProjectCodeFormat format)
    {
        if (division.Length != 6)
            return new ProjectCodeError(ProjectCodeSegmentNames.Division, $"has {division.Length} characters, expected 6 digits", division);
        var nonDigit = ProjectCodeSegmentRules.NonDigit(division);
        if (nonDigit is not null) return new ProjectCodeError(ProjectCodeSegmentNames.Division, nonDigit, division);

        var province = division[..2];
        if (Provinces.ContainsKey(province) || (province == Central && AcceptsCentral(format))) return null;
        var central = province == Central
            ? "; central-department codes 00xxxx occur only in legacy codes (地区(部门)代码)"
            : "";
        return new ProjectCodeError(ProjectCodeSegmentNames.Division,
            $"division '{division}': no province-level division {province} (expected {ValidPrefixes}){central}", division);
    }

    public static string Describe(string division) =>
        division.StartsWith(Central, StringComparison.Ordinal)
            ? "中央部门 (central department)"
            : $"{Provinces[division[..2]]} (province-level division {division[..2]}, 行政区划 {division})";
}
