using System.Reflection;
using Approval.Engine.Journal;
using Approval.Engine.Persistence;
using Approval.Engine.Runtime;
using Approval.Engine.Tests.Runtime;
using Approval.Engine.Timers;
using Approval.Testing;
using Microsoft.EntityFrameworkCore;

namespace Approval.Engine.Tests.Persistence;

/// <summary>
/// Only the engine writes a project's rows (<see cref="ProjectStore"/>): no public member of the context reaches them,
/// and a SaveChanges that writes one anyway (through <c>Set&lt;T&gt;()</c>) is refused and writes nothing.
/// </summary>
public sealed class ProjectRowOwnershipTests
{
    private static readonly Type[] ProjectRows =
        [typeof(ProjectInstance), typeof(WorkTask), typeof(DurableTimer), typeof(ClockStop), typeof(Extension), typeof(JournalEntry), typeof(ProcessedOperation)];

    [Fact]
    public void The_context_exposes_no_set_of_a_projects_rows_outside_the_engine()
    {
        var sets = typeof(ApprovalDbContext).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(DbSet<>))
            .Select(p => p.PropertyType.GetGenericArguments()[0]).ToList();

        Assert.NotEmpty(sets);
        Assert.Empty(sets.Intersect(ProjectRows));
    }

    [Fact]
    public async Task A_save_outside_the_engine_that_writes_a_projects_rows_is_refused_and_writes_nothing()
    {
        await using var h = await EngineHarness.StartAsync(FakeClock.AtShanghai(2024, 3, 4, 10));
        var id = await h.FileAndAcceptAsync("enterprise-establishment");
        var before = await h.LoadAsync(id);

        await using (var db = h.Database.CreateContext())
        {
            var instance = await db.Set<ProjectInstance>().SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken);
            instance.ProjectName = "绕过引擎改名";
            db.Set<JournalEntry>().Add(new JournalEntry { InstanceId = id, Sequence = before.JournalCount + 1, Event = "Edited", UserId = "dba" });

            var refused = await Assert.ThrowsAsync<ProjectRowsWrittenOutsideTheEngineException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
            Assert.Contains("CorrectProject", refused.Message);
        }

        var after = await h.LoadAsync(id);
        Assert.Equal((before.ProjectName, before.Version), (after.ProjectName, after.Version));
        Assert.Equal(before.JournalCount, (await h.JournalAsync(id)).Count);
    }
}
