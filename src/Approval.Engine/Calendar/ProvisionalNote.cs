namespace Approval.Engine.Calendar;

/// <summary>
/// Why a date is provisional (暂定): it rests on a year whose holiday arrangement is not yet published or verified, and
/// moves when that arrangement is added and the calendars are reloaded.
/// </summary>
/// <param name="Code">A stable code for programs: <see cref="NoticeNotPublished"/>, <see cref="NextYearNoticeNotPublished"/>,
/// <see cref="NoticeUnverified"/>, <see cref="YearNotLoaded"/>, <see cref="RegionalYearNotLoaded"/> or <see cref="RegionalYearUnverified"/>.</param>
/// <param name="Reason">The reason in Chinese, for people (the same text as the calendar API's <c>provisionalReason</c>).</param>
public sealed record ProvisionalNote(string Code, string Reason)
{
    /// <summary>The State Council's notice for a later year than any verified one is not published yet (2027 before its notice).</summary>
    public const string NoticeNotPublished = "holidayNoticeNotPublished";

    /// <summary>A date from 25 December on, which next year's 元旦 arrangement can still change, whose notice is not in yet.</summary>
    public const string NextYearNoticeNotPublished = "nextYearNoticeNotPublished";

    /// <summary>The year's arrangement is in the data file but not marked verified.</summary>
    public const string NoticeUnverified = "holidayNoticeUnverified";

    /// <summary>An earlier year the calendar data does not carry.</summary>
    public const string YearNotLoaded = "holidayYearNotLoaded";

    /// <summary>The region's overlay does not carry the year (ethnic-autonomous holidays unknown).</summary>
    public const string RegionalYearNotLoaded = "regionalYearNotLoaded";

    /// <summary>The region's overlay carries the year but not verified.</summary>
    public const string RegionalYearUnverified = "regionalYearUnverified";

    /// <summary>
    /// What a promise of a date says about it (the receipt's 受理通知书 wording): the date is provisional, why, and that
    /// it will be recomputed when the arrangement is published.
    /// </summary>
    public string DeadlineNotice =>
        $"该期限为暂定日期（{Reason}）。国务院办公厅公布相关年度节假日安排后，期限将按公布的安排重新计算，可能提前或推后，届时以本系统显示为准。";
}
