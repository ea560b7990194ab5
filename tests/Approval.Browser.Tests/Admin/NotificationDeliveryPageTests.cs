using Approval.Browser.Tests.Infrastructure;
using Approval.Engine.Notifications;
using Approval.Engine.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime;

namespace Approval.Browser.Tests.Admin;

/// <summary>消息投递: the administrator sees a dead letter with its address masked and sends it again; other roles get 403.</summary>
public sealed class NotificationDeliveryPageTests(ProductServer product) : BrowserTest(product)
{
    [Fact]
    public async Task The_administrator_sends_a_dead_letter_again()
    {
        var code = "DL-" + Guid.NewGuid().ToString("N")[..8];
        var id = await DeadLetterAsync(code);

        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "admin");
        await GotoAsync(page, "/admin/notifications");
        Assert.Equal("消息投递", await HeadingAsync(page));
        var row = page.Locator("tbody tr").Filter(new() { HasText = code });
        await Assertions.Expect(row).ToContainTextAsync("139****1111");
        await Assertions.Expect(row).ToContainTextAsync("6 次");
        await Assertions.Expect(row).Not.ToContainTextAsync("13900001111");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-notifications");

        await row.GetByRole(AriaRole.Button, new() { Name = "重新投递" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已重新投递");
        await Assertions.Expect(page.Locator("tbody tr").Filter(new() { HasText = code })).ToHaveCountAsync(0);
        // Its attempts start again (the dispatcher running in the background may have made the first already).
        await using var db = Product.Services.GetRequiredService<ApprovalDatabase>().CreateContext();
        var delivery = await db.NotificationDeliveries.AsNoTracking().SingleAsync(d => d.Id == id);
        Assert.InRange(delivery.Attempts, 0, 1);
    }

    [Fact]
    public async Task An_investor_gets_the_forbidden_page()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "investor");
        await GotoAsync(page, "/admin/notifications", 403);
    }

    private async Task<Guid> DeadLetterAsync(string code)
    {
        var now = SystemClock.Instance.GetCurrentInstant();
        var id = Guid.NewGuid();
        await using var db = Product.Services.GetRequiredService<ApprovalDatabase>().CreateContext();
        db.NotificationDeliveries.Add(new NotificationDelivery
        {
            Id = id, MessageId = "test-" + id.ToString("N"), InstanceId = Guid.NewGuid(), Sequence = 1, ProjectCode = code,
            Kind = NotificationKinds.Accepted, Channel = DeliveryChannel.Sms, Address = "13900001111", Title = "申请已受理", Body = "项目已受理。",
            Status = DeliveryStatus.DeadLetter, Attempts = 6, CreatedAt = now, NextAttemptAt = now, LastError = "The SMS gateway answered 503.",
        });
        await db.SaveChangesAsync();
        return id;
    }
}
