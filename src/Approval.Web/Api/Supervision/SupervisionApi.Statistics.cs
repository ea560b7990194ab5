using System.Text;
using Approval.Engine.Supervision;
using Approval.Web.Api.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Approval.Web.Api;

public static partial class SupervisionApi
{
    private static async Task<Ok<StatisticsDto>> GetStatistics(string? from, string? to, SupervisionBoard board, CancellationToken ct) =>
        TypedResults.Ok(await board.StatisticsAsync(PeriodOf(from, to), ct));

    /// <summary>The statistics as CSV for Excel: UTF-8 with a byte-order mark (so Excel reads the Chinese), headers in Chinese.</summary>
    private static async Task<FileContentHttpResult> GetStatisticsCsv(string? from, string? to, SupervisionBoard board, CancellationToken ct)
    {
        var statistics = await board.StatisticsAsync(PeriodOf(from, to), ct);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(StatisticsCsv.Write(statistics))).ToArray();
        return TypedResults.File(bytes, "text/csv; charset=utf-8", $"statistics-{statistics.AsOf:yyyy-MM-dd}.csv");
    }

    private static StatisticsPeriod PeriodOf(string? from, string? to) => new(
        string.IsNullOrWhiteSpace(from) ? null : ApiInput.Date(from, "from"),
        string.IsNullOrWhiteSpace(to) ? null : ApiInput.Date(to, "to"));
}
