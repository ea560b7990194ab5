using Approval.Engine.ProjectCodes;
using Approval.Engine.Runtime;
using Approval.Engine.Runtime.Commands;
using Approval.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace Approval.Engine.Tests.Runtime;

/// <summary>
/// The project code at acceptance: a given code is confirmed by the platform (在线平台核验) outside the command's
/// attempt; a project without one gets a local code recorded in the acceptance's own save.
/// </summary>
public sealed class AcceptanceCodeTests
{
    private const string Enterprise = "enterprise-establishment";
    private const string GivenCode = "2509-320193-89-01-544060";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_given_code_is_verified_once_and_no_local_code_is_issued()
    {
        var platform = new ScriptedVerifier(confirm: true);
        await using var h = await StartAsync(platform);
        var id = await h.FileAsync(Enterprise, projectCode: GivenCode);

        var accepted = await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));

        Assert.Equal((InstanceStatus.Running, GivenCode), (accepted.Status, accepted.ProjectCode));
        Assert.Equal([GivenCode], platform.Asked);
        await using var db = h.Database.CreateContext();
        Assert.Empty(await db.IssuedProjectCodes.ToListAsync(Ct));
        Assert.False((await h.LoadAsync(id)).ProjectCodeLocallyIssued);
    }

    [Fact]
    public async Task A_code_the_platform_does_not_confirm_is_not_accepted_and_nothing_changes()
    {
        await using var h = await StartAsync(new ScriptedVerifier(confirm: false));
        var id = await h.FileAsync(Enterprise, projectCode: GivenCode);
        var journal = await h.JournalAsync(id);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id)));

        Assert.Contains(GivenCode, refused.Message);
        Assert.Contains("unknown to the platform", refused.Message);
        var instance = await h.LoadAsync(id);
        Assert.Equal(InstanceStatus.Filed, instance.Status);
        Assert.Equal(journal.Count, (await h.JournalAsync(id)).Count);
    }

    [Fact]
    public async Task The_platform_is_asked_without_holding_up_other_commands()
    {
        var platform = new ScriptedVerifier(confirm: true) { Answer = new TaskCompletionSource() };
        await using var h = await StartAsync(platform);
        var id = await h.FileAsync(Enterprise, projectCode: GivenCode);

        var accepting = h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
        await platform.Called.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        // While the platform has not answered, another project is filed: on SQLite that needs the write gate.
        var other = await h.FileAsync(Enterprise).WaitAsync(TimeSpan.FromSeconds(30), Ct);
        platform.Answer.SetResult();

        Assert.Equal(InstanceStatus.Running, (await accepting).Status);
        Assert.Equal(InstanceStatus.Filed, (await h.LoadAsync(other)).Status);
    }

    [Fact]
    public async Task Local_codes_are_recorded_with_the_acceptance_and_a_taken_code_is_retried_with_another()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 9, 2, 10));
        // 40% of the month's codes are taken already, so several of the proposals below collide.
        var options = h.Services.GetRequiredService<LocalProjectCodeOptions>();
        var taken = Enumerable.Range(0, 100_000).Where(n => n % 5 < 2).Select(n => LocalCode(options, "2409", n)).ToHashSet();
        await using (var db = h.Database.CreateContext())
        {
            db.IssuedProjectCodes.AddRange(taken.Select(c => new IssuedProjectCode { Code = c, IssuedAt = Instant.FromUtc(2024, 9, 1, 0, 0) }));
            await db.SaveChangesAsync(Ct);
        }

        var codes = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            var id = await h.FileAsync(Enterprise);
            var accepted = await h.RunAsync(op => new AcceptApplication(op, EngineHarness.Window, id));
            Assert.Equal(InstanceStatus.Running, accepted.Status);
            codes.Add(accepted.ProjectCode!);
        }

        Assert.Equal(10, codes.Distinct().Count());
        Assert.DoesNotContain(codes, taken.Contains);
        await using var check = h.Database.CreateContext();
        var recorded = await check.IssuedProjectCodes.Where(c => codes.Contains(c.Code)).ToListAsync(Ct);
        Assert.Equal(codes.Order(), recorded.Select(c => c.Code).Order());
        Assert.All(recorded, c => Assert.Equal(h.Clock.GetCurrentInstant(), c.IssuedAt));
    }

    private static Task<EngineHarness> StartAsync(IProjectCodeVerifier verifier) =>
        EngineHarness.StartAsync(FakeClock.AtShanghai(2025, 9, 15, 10), replace: s => s.Replace(ServiceDescriptor.Singleton(verifier)));

    /// <summary>The code the issuer composes for a month and a random part (the layout of <see cref="LocalProjectCodeIssuer"/>).</summary>
    private static string LocalCode(LocalProjectCodeOptions options, string yearMonth, int random)
    {
        var body = $"{yearMonth}-{options.DivisionCode}-{options.GuidingDepartment}-{options.ProjectType}-{random:00000}";
        return body + LocalCheckDigit.Compute(body.Replace("-", ""));
    }

    /// <summary>A platform that confirms or refuses every code, and can be made to wait before answering.</summary>
    private sealed class ScriptedVerifier(bool confirm) : IProjectCodeVerifier
    {
        public List<string> Asked { get; } = [];
        public TaskCompletionSource Called { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource? Answer { get; init; }

        public async ValueTask<ProjectCodeVerification> VerifyAsync(ProjectCode code, CancellationToken ct = default)
        {
            lock (Asked) Asked.Add(code.Value);
            Called.TrySetResult();
            if (Answer is not null) await Answer.Task.WaitAsync(ct);
            return new ProjectCodeVerification(confirm, "test-platform", confirm ? null : "unknown to the platform");
        }
    }
}
