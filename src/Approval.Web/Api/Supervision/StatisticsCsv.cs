using System.Globalization;
using System.Text;
using Approval.Web.Api.Contracts;

namespace Approval.Web.Api;

/// <summary>
/// How statistics write averages and rates, on the page and in the CSV alike: working days to two places (2.50),
/// rates as percentages to one place (95.0%), "—" when there is nothing to average.
/// </summary>
public static class StatisticsFormat
{
    public static string Days(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    public static string Rate(double? value) => value is { } v ? (v * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";
}

/// <summary>
/// The statistics as CSV (办件统计导出) in three blocks separated by an empty line: decisions per department and per
/// matter, projects per procedure, projects accepted per month. Every block starts with its Chinese header row.
/// </summary>
public static class StatisticsCsv
{
    public static readonly string[] DecisionHeader =
        ["类别", "名称", "所属部门", "在办", "超期在办", "办结", "准予许可", "不予许可", "超时默许", "超期办结", "平均办理工作日", "按时办结率"];

    public static readonly string[] ProcedureHeader =
        ["申报事项", "承诺时限（工作日）", "办理中", "超期在办", "办结", "按时办结", "超期办结", "不予许可", "不予受理", "终止办理", "平均办结工作日", "按时办结率"];

    public static readonly string[] MonthHeader = ["月份", "申报事项", "受理项目数"];

    public static string Write(StatisticsDto statistics)
    {
        var csv = new StringBuilder();
        Line(csv, DecisionHeader);
        foreach (var d in statistics.Departments)
            Line(csv, ["部门", d.DepartmentName, d.DepartmentName, .. Counts(d.Decisions)]);
        foreach (var m in statistics.Matters)
            Line(csv, ["事项", m.MatterName, statistics.Departments.FirstOrDefault(d => d.DepartmentId == m.DepartmentId)?.DepartmentName ?? m.DepartmentId,
                .. Counts(m.Decisions)]);
        csv.Append("\r\n");
        Line(csv, ProcedureHeader);
        foreach (var p in statistics.Definitions.Append(statistics.AllProjects))
            Line(csv, [p.DefinitionName ?? (p.DefinitionId is null ? "合计" : p.DefinitionId), p.TargetWorkingDays?.ToString(CultureInfo.InvariantCulture) ?? "—",
                N(p.Running), N(p.RunningOverdue), N(p.Completed), N(p.CompletedOnTime), N(p.Completed - p.CompletedOnTime), N(p.Rejected),
                N(p.Refused), N(p.Terminated), StatisticsFormat.Days(p.AverageWorkingDays), StatisticsFormat.Rate(p.OnTimeRate)]);
        csv.Append("\r\n");
        Line(csv, MonthHeader);
        foreach (var m in statistics.AcceptedPerMonth)
            Line(csv, [m.Month, m.DefinitionName, N(m.Accepted)]);
        return csv.ToString();
    }

    private static string[] Counts(DecisionCountsDto c) =>
        [N(c.Open), N(c.OpenOverdue), N(c.Decided), N(c.Approved), N(c.Rejected), N(c.DeemedApproved), N(c.DecidedLate),
            StatisticsFormat.Days(c.AverageWorkingDays), StatisticsFormat.Rate(c.OnTimeRate)];

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One record (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.</summary>
    private static void Line(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(f => f.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f));
        csv.Append("\r\n");
    }
}
