using Approval.Engine.Supervision;

namespace Approval.Web.Api.Contracts;

/// <summary>
/// One page of a list (分页): its rows in the list's order; <c>nextCursor</c>, passed back as <c>cursor</c>, reads the
/// next page and is null on the last; <c>total</c> counts every row of the list where that is cheap, else null.
/// </summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, string? NextCursor, int? Total)
{
    public static PageDto<T> From<TRow>(Page<TRow> page, Func<TRow, T> view) => new(page.Items.Select(view).ToList(), page.NextCursor, page.Total);
}
