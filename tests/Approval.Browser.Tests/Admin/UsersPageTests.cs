using Approval.Browser.Tests.Infrastructure;
using Approval.Web.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Approval.Browser.Tests.Admin.AdminPages;

namespace Approval.Browser.Tests.Admin;

/// <summary>用户与角色: accounts listed as the service lists them; create, reset a password, lock and unlock; refusals in Chinese.</summary>
[Collection(AccountsCollection.Name)]
public sealed class UsersPageTests(ProductServer product) : BrowserTest(product)
{
    private async Task<IPage> AdminAsync(string path)
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "admin");
        await GotoAsync(page, path);
        return page;
    }

    [Fact]
    public async Task The_list_shows_every_account_of_a_role_as_the_service_has_it()
    {
        var page = await AdminAsync("/admin/users?role=approver");

        Assert.Equal("用户与角色", await HeadingAsync(page));
        await Assertions.Expect(page.Locator("nav[aria-label='系统管理'] a[aria-current='page']")).ToHaveTextAsync("用户与角色");
        StaffAccountPage expected;
        await using (var scope = Product.Services.CreateAsyncScope())
            expected = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().ListAsync(Roles.Approver, 0, 50);
        var rows = page.Locator("table.accounts tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(Math.Min(expected.Total, 50));
        var fire = rows.Filter(new() { HasText = "approver-fire-rescue" });
        await Assertions.Expect(fire).ToContainTextAsync("审批部门");
        await Assertions.Expect(fire).ToContainTextAsync("消防");
        await Assertions.Expect(fire).ToContainTextAsync("正常");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-users");
    }

    [Fact]
    public async Task The_list_reads_on_a_phone()
    {
        var page = await (await NewContextAsync(Phone)).NewPageAsync();
        await SignInAsync(page, "admin");
        await GotoAsync(page, "/admin/users?role=supervisor");

        await Assertions.Expect(page.Locator("table.accounts tbody tr").Filter(new() { HasText = "supervisor" }).First)
            .ToContainTextAsync("电子监察");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-users");
    }

    [Fact]
    public async Task A_created_approver_signs_in_in_a_new_browser_and_works_as_its_department()
    {
        var page = await AdminAsync("/admin/users");
        var name = UniqueName("fire");

        await page.GetByLabel("用户名").FillAsync(name);
        await page.GetByLabel("姓名").FillAsync("消防审批员 " + name);
        await page.GetByLabel("角色", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "审批部门" });
        await page.GetByLabel("所属部门").SelectOptionAsync("fire-rescue");
        await page.GetByLabel("初始密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"已创建账号 {name}");
        await GotoAsync(page, "/admin/users?role=approver");
        await Assertions.Expect(page.Locator("table.accounts tbody tr").Filter(new() { HasText = name })).ToContainTextAsync("消防");

        var approver = await (await NewContextAsync()).NewPageAsync();
        await AdminPages.SignInAsync(approver, name, Password);
        // Without a return page the sign-in goes to the role's home: an approver's task list.
        await Assertions.Expect(approver).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/tasks$"));
        await Assertions.Expect(approver.Locator(".user-box")).ToContainTextAsync("消防审批员 " + name);
        await Assertions.Expect(approver.Locator(".user-box")).ToContainTextAsync("审批部门");
        await Assertions.Expect(approver.Locator(".user-box a")).ToHaveAttributeAsync("href", "/tasks");
        // The department's task list through the same cookie: the account is an approver of 消防.
        var me = await approver.Context.APIRequest.GetAsync("/api/auth/me");
        Assert.Contains("\"departmentId\":\"fire-rescue\"", await me.TextAsync());
        Assert.Equal(200, (await approver.Context.APIRequest.GetAsync("/api/tasks")).Status);
        await GotoAsync(approver, "/admin/users", 403);
    }

    [Fact]
    public async Task Bad_input_is_named_next_to_each_field_in_Chinese_and_nothing_is_created()
    {
        var page = await AdminAsync("/admin/users");
        var before = await page.Locator("caption").First.InnerTextAsync();

        await page.GetByLabel("用户名").FillAsync("window");
        await page.GetByLabel("角色", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "审批部门" });
        await page.GetByLabel("初始密码").FillAsync("short");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建账号" }).ClickAsync();

        await Assertions.Expect(page.Locator("#userName-error")).ToContainTextAsync("这个用户名已被使用");
        await Assertions.Expect(page.Locator("#displayName-error")).ToContainTextAsync("请填写姓名");
        await Assertions.Expect(page.Locator("#departmentId-error")).ToContainTextAsync("审批部门的账号须选择所属部门");
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("密码至少 10 位");
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("密码须包含数字");
        await Assertions.Expect(page.Locator(".error-summary li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByLabel("用户名")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByLabel("初始密码")).ToHaveValueAsync("");
        Assert.Equal(before, await page.Locator("caption").First.InnerTextAsync());
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-users-errors");
    }

    [Fact]
    public async Task A_reset_password_replaces_the_old_one()
    {
        var name = UniqueName("sup");
        var account = await CreateAsync(Product.Services, name, Roles.Supervisor);
        var page = await AdminAsync($"/admin/users/{account.Id}");

        await page.GetByLabel("新密码").FillAsync("abc");
        await page.GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        await Assertions.Expect(page.Locator("#password-error")).ToContainTextAsync("密码至少 10 位");
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GetByLabel("新密码").FillAsync("Another#Pass2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已重置密码");

        var holder = await (await NewContextAsync()).NewPageAsync();
        await AdminPages.SignInAsync(holder, name, Password);
        await Assertions.Expect(holder.Locator("#userName-error")).ToContainTextAsync("用户名或密码不正确");
        await AdminPages.SignInAsync(holder, name, "Another#Pass2027");
        await Assertions.Expect(holder.Locator(".user-box")).ToContainTextAsync("电子监察");
    }

    [Fact]
    public async Task A_locked_account_loses_its_session_and_its_sign_in_is_refused_until_unlocked()
    {
        var name = UniqueName("win");
        var account = await CreateAsync(Product.Services, name, Roles.WindowClerk);
        var holder = await (await NewContextAsync()).NewPageAsync();
        await AdminPages.SignInAsync(holder, name, Password);
        await Assertions.Expect(holder.Locator(".user-box")).ToContainTextAsync("综合窗口");
        var page = await AdminAsync($"/admin/users/{account.Id}");

        await page.GetByRole(AriaRole.Button, new() { Name = "锁定账号" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已锁定账号");
        await Assertions.Expect(page.Locator(".account-state")).ToHaveTextAsync("已锁定：不能登录");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.SaveAsync(page, "admin-user-locked");
        await GotoAsync(holder, "/");
        await Assertions.Expect(holder.Locator(".user-box")).ToContainTextAsync("登录");
        await Assertions.Expect(holder.Locator(".user-box")).Not.ToContainTextAsync("综合窗口");
        await AdminPages.SignInAsync(holder, name, Password);
        // One answer for an unknown name, a wrong password and a locked account (PasswordSignIn): nothing tells which.
        await Assertions.Expect(holder.Locator("#userName-error")).ToContainTextAsync("用户名或密码不正确");
        await Assertions.Expect(holder.Locator(".user-box")).Not.ToContainTextAsync("综合窗口");

        await page.GetByRole(AriaRole.Button, new() { Name = "解除锁定" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("已解除锁定");
        await AdminPages.SignInAsync(holder, name, Password);
        await Assertions.Expect(holder.Locator(".user-box")).ToContainTextAsync("综合窗口");
    }

    [Fact]
    public async Task An_administrator_cannot_lock_or_demote_their_own_account()
    {
        var page = await AdminAsync("/admin/users?role=admin");
        await page.Locator("table.accounts tbody tr").Filter(new() { HasText = "系统管理员" })
            .GetByRole(AriaRole.Link, new() { Name = "管理 账号 admin", Exact = true }).ClickAsync();
        Assert.Equal("账号 admin", await HeadingAsync(page));

        await page.GetByRole(AriaRole.Button, new() { Name = "锁定账号" }).ClickAsync();
        await Assertions.Expect(page.Locator("#lock-submit-error")).ToContainTextAsync("不能锁定自己的账号");
        await page.GetByLabel("角色", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "综合窗口" });
        await page.GetByRole(AriaRole.Button, new() { Name = "保存角色" }).ClickAsync();

        await Assertions.Expect(page.Locator("#role-error")).ToContainTextAsync("不能锁定自己的账号，也不能取消自己的系统管理员角色");
        await Assertions.Expect(page.Locator(".account-state")).ToHaveTextAsync("正常");
        await Accessibility.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task A_window_clerk_gets_the_forbidden_page()
    {
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, "window");

        foreach (var path in new[] { "/admin/users", "/admin/definitions", "/admin/calendar", "/admin/authorisations" })
        {
            await GotoAsync(page, path, 403);
            Assert.Equal("无权访问此页面", await HeadingAsync(page));
        }
    }
}
