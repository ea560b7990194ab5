using Approval.Engine.ProjectCodes;
using Approval.Testing;
using NodaTime;

namespace Approval.Engine.Tests.ProjectCodes;

public partial class LocalProjectCodeIssuerTests
{
    private static readonly FakeClock Clock = FakeClock.AtShanghai(2025, 9, 15);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static LocalProjectCodeIssuer Issuer(IIssuedProjectCodeStore store, LocalProjectCodeOptions? options = null) =>
        new(store, options ?? new LocalProjectCodeOptions { DivisionCode = "320193" }, Clock);

    [Fact]
    public async Task Issued_code_takes_year_and_month_from_the_acceptance_date()
    {
        var issuer = Issuer(new InMemoryIssuedProjectCodeStore());

        var code = await issuer.IssueAsync(new LocalDate(2026, 3, 31), Ct);

        Assert.StartsWith("2603-", code.Value);
    }

    [Fact]
    public async Task Issued_code_carries_the_configured_segments()
    {
        var options = new LocalProjectCodeOptions { DivisionCode = "141124", GuidingDepartment = "89", ProjectType = "05" };
        var issuer = Issuer(new InMemoryIssuedProjectCodeStore(), options);

        var code = await issuer.IssueAsync(new LocalDate(2025, 9, 1), Ct);

        Assert.Equal("141124", code.Segment("division")!.Value);
        Assert.Equal("89", code.Segment("guidingDepartment")!.Value);
        Assert.Equal("05", code.Segment("projectType")!.Value);
    }

    [Fact]
    public async Task Issued_code_is_current_format_with_digit_random_part_and_local_check_digit()
    {
        var issuer = Issuer(new InMemoryIssuedProjectCodeStore());

        var code = await issuer.IssueAsync(new LocalDate(2025, 9, 1), Ct);

        Assert.Equal(code, ProjectCode.Parse(code.Value));
        Assert.Equal(ProjectCodeFormat.Current, code.Format);
        Assert.All(code.Segment("random")!.Value, c => Assert.True(char.IsAsciiDigit(c)));
        Assert.True(LocalCheckDigit.Matches(code));
    }

    [Fact]
    public async Task Issued_code_is_recorded_as_locally_issued_at_the_clock_instant()
    {
        var store = new InMemoryIssuedProjectCodeStore();
        var issuer = Issuer(store);

        var code = await issuer.IssueAsync(new LocalDate(2025, 9, 1), Ct);

        Assert.True(await store.IsLocallyIssuedAsync(code, Ct));
        Assert.True(store.TryGetIssuedAt(code, out var at));
        Assert.Equal(Clock.GetCurrentInstant(), at);
    }

    [Fact]
    public async Task Ten_thousand_codes_in_one_month_are_all_different()
    {
        var store = new InMemoryIssuedProjectCodeStore();
        var issuer = Issuer(store);

        var codes = new HashSet<ProjectCode>();
        for (var i = 0; i < 10_000; i++)
            codes.Add(await issuer.IssueAsync(new LocalDate(2025, 9, 1), Ct));

        Assert.Equal(10_000, codes.Count);
        Assert.Equal(10_000, store.Count);
    }

    [Fact]
    public async Task Collisions_are_retried_with_a_new_random_part()
    {
        var store = new RefusingStore(refusals: 5);
        var issuer = Issuer(store);

        var code = await issuer.IssueAsync(new LocalDate(2025, 9, 1), Ct);

        Assert.Equal(6, store.Attempts);
        Assert.True(await store.IsLocallyIssuedAsync(code, Ct));
    }

    [Fact]
    public async Task Too_many_collisions_give_a_clear_exception()
    {
        var store = new RefusingStore(refusals: int.MaxValue);
        var issuer = Issuer(store, new LocalProjectCodeOptions { DivisionCode = "320193", MaxAttempts = 3 });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => issuer.IssueAsync(new LocalDate(2025, 9, 1), Ct));

        Assert.Equal(3, store.Attempts);
        Assert.Contains("after 3 attempts", ex.Message);
    }

    [Fact]
    public async Task Acceptance_date_before_the_current_format_is_refused()
    {
        var issuer = Issuer(new InMemoryIssuedProjectCodeStore());

        var ex = await Assert.ThrowsAsync<InvalidInputException>(() => issuer.IssueAsync(new LocalDate(2020, 9, 30), Ct));

        Assert.Equal("acceptanceDate", ex.Field);
    }

    [Fact]
    public async Task October_2020_is_the_first_issuable_month()
    {
        var issuer = Issuer(new InMemoryIssuedProjectCodeStore());

        var code = await issuer.IssueAsync(new LocalDate(2020, 10, 1), Ct);

        Assert.StartsWith("2010-", code.Value);
    }
}
