using Approval.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Approval.Browser.Tests.Admin;

/// <summary>What the administrator's page tests share: accounts of their own, signing in with their passwords.</summary>
internal static class AdminPages
{
    public const string Password = "Staff#Pass2026";

    /// <summary>A user name no other test uses, e.g. fire-1a2b3c.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Creates an account through the same service as the page (for tests whose subject is a later action).</summary>
    public static async Task<StaffAccount> CreateAsync(IServiceProvider services, string userName, string role, string? departmentId = null)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaffAccounts>()
            .CreateAsync(new NewStaffAccount(userName, "测试 " + userName, role, departmentId, Password));
    }

    /// <summary>Signs in on /account/login with a password of the test's own.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        var response = await page.GotoAsync("/account/login");
        Assert.Equal(200, response!.Status);
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
