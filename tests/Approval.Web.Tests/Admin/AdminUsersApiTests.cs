using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Engine.Runtime;
using Approval.Web.Identity;
using Approval.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Admin;

/// <summary>/api/admin/users: the administrator's accounts, through the same StaffAccounts as the page.</summary>
public sealed class AdminUsersApiTests(ApprovalWebFactory factory) : IClassFixture<ApprovalWebFactory>
{
    private const string Password = "Staff#Pass2026";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Unique(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    private async Task<JsonElement> CreateAsync(HttpClient admin, string userName, string role, string? departmentId = null)
    {
        var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { userName, displayName = "测试 " + userName, role, departmentId, password = Password }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task<HttpClient> SignInAsync(string userName, string password = Password)
    {
        var client = factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password }, Ct);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<HttpStatusCode> LoginStatusAsync(string userName, string password) =>
        (await factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { userName, password }, Ct)).StatusCode;

    [Fact]
    public async Task The_list_shows_accounts_with_role_department_and_lock_and_filters_by_role()
    {
        var admin = await factory.ClientForAsync("admin");

        var all = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users", Ct);
        var approvers = await admin.GetFromJsonAsync<JsonElement>("/api/admin/users?role=approver", Ct);

        var window = all.GetProperty("items").EnumerateArray().Single(a => a.GetProperty("userName").GetString() == "window");
        Assert.Equal(("window", false), (window.GetProperty("role").GetString(), window.GetProperty("locked").GetBoolean()));
        Assert.True(all.GetProperty("total").GetInt32() >= all.GetProperty("items").GetArrayLength());
        Assert.NotEmpty(approvers.GetProperty("items").EnumerateArray());
        Assert.All(approvers.GetProperty("items").EnumerateArray(), a =>
        {
            Assert.Equal("approver", a.GetProperty("role").GetString());
            Assert.False(string.IsNullOrEmpty(a.GetProperty("departmentId").GetString()));
        });
    }

    [Theory]
    [InlineData("/api/admin/users?role=root", "role")]
    [InlineData("/api/admin/users?page=0", "page")]
    public async Task A_bad_filter_or_page_is_a_400_naming_it(string url, string field)
    {
        var admin = await factory.ClientForAsync("admin");

        var response = await admin.GetAsync(url, Ct);

        await response.AssertInvalidAsync(field);
    }

    [Fact]
    public async Task An_unknown_account_is_a_404()
    {
        var admin = await factory.ClientForAsync("admin");

        var response = await admin.PostAsync($"/api/admin/users/{Guid.NewGuid()}/lock", null, Ct);

        await response.ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_created_approver_signs_in_as_an_approver_of_its_department()
    {
        var admin = await factory.ClientForAsync("admin");
        var name = Unique("fire");

        var created = await CreateAsync(admin, name, "approver", "fire-rescue");
        var me = await (await SignInAsync(name)).GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);

        Assert.Equal(("approver", "fire-rescue", false),
            (created.GetProperty("role").GetString(), created.GetProperty("departmentId").GetString(), created.GetProperty("locked").GetBoolean()));
        Assert.Equal(("approver", "fire-rescue"), (me.GetProperty("role").GetString(), me.GetProperty("departmentId").GetString()));
    }

    [Fact]
    public async Task Every_refused_field_is_named_in_one_problem_and_nothing_is_created()
    {
        var admin = await factory.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = "window", displayName = "", role = "approver", password = "short" }, Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.Contains("already taken", errors.GetProperty("userName")[0].GetString());
        Assert.True(errors.TryGetProperty("displayName", out _));
        Assert.True(errors.TryGetProperty("departmentId", out _));
        Assert.True(errors.GetProperty("password").GetArrayLength() >= 2);
    }

    [Theory]
    [InlineData("approver", "no-such-department", "departmentId")]
    [InlineData("investor", null, "role")]
    [InlineData("root", null, "role")]
    public async Task An_unknown_department_or_a_role_that_is_not_staff_is_refused(string role, string? department, string field)
    {
        var admin = await factory.ClientForAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/admin/users",
            new { userName = Unique("bad"), displayName = "测试", role, departmentId = department, password = Password }, Ct);

        var problem = await response.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Locking_refuses_the_sign_in_and_the_token_already_issued_and_unlocking_restores_the_sign_in()
    {
        var admin = await factory.ClientForAsync("admin");
        var name = Unique("win");
        var id = (await CreateAsync(admin, name, "window")).GetProperty("id").GetString();
        var session = await SignInAsync(name);

        var locked = await admin.PostAsync($"/api/admin/users/{id}/lock", null, Ct);
        var tokenAfterLock = await session.GetAsync("/api/auth/me", Ct);
        var loginWhileLocked = await LoginStatusAsync(name, Password);
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/users/{id}", Ct);
        var unlocked = await admin.PostAsync($"/api/admin/users/{id}/unlock", null, Ct);

        Assert.Equal(HttpStatusCode.NoContent, locked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tokenAfterLock.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, loginWhileLocked);
        Assert.True(listed.GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(name, Password));
    }

    [Fact]
    public async Task A_password_reset_ends_the_sessions_and_only_the_new_password_signs_in()
    {
        var admin = await factory.ClientForAsync("admin");
        var name = Unique("sup");
        var id = (await CreateAsync(admin, name, "supervisor")).GetProperty("id").GetString();
        var session = await SignInAsync(name);

        var weak = await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "abc" }, Ct);
        var reset = await admin.PostAsJsonAsync($"/api/admin/users/{id}/password", new { password = "Another#Pass2027" }, Ct);

        Assert.Equal("password", (await weak.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await LoginStatusAsync(name, Password));
        Assert.Equal(HttpStatusCode.OK, await LoginStatusAsync(name, "Another#Pass2027"));
    }

    [Fact]
    public async Task A_new_role_and_department_apply_at_the_next_sign_in_and_end_the_old_session()
    {
        var admin = await factory.ClientForAsync("admin");
        var name = Unique("apr");
        var id = (await CreateAsync(admin, name, "approver", "fire-rescue")).GetProperty("id").GetString();
        var session = await SignInAsync(name);

        var missing = await admin.PutAsJsonAsync($"/api/admin/users/{id}/role", new { role = "approver" }, Ct);
        var changed = await admin.PutAsJsonAsync($"/api/admin/users/{id}/role", new { role = "approver", departmentId = "natural-resources" }, Ct);
        var me = await (await SignInAsync(name)).GetFromJsonAsync<JsonElement>("/api/auth/me", Ct);

        Assert.Equal("departmentId", (await missing.ReadProblemAsync(HttpStatusCode.BadRequest)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal("natural-resources", me.GetProperty("departmentId").GetString());
    }

    [Fact]
    public async Task An_administrator_cannot_lock_or_demote_themselves()
    {
        var admin = await factory.ClientForAsync("admin");
        var self = (await admin.GetFromJsonAsync<JsonElement>("/api/auth/me", Ct)).GetProperty("userId").GetString();

        var locked = await admin.PostAsync($"/api/admin/users/{self}/lock", null, Ct);
        var demoted = await admin.PutAsJsonAsync($"/api/admin/users/{self}/role", new { role = "window" }, Ct);

        Assert.Contains("your own", (await locked.ReadProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Contains("your own", (await demoted.ReadProblemAsync(HttpStatusCode.Conflict)).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/admin/users", Ct)).StatusCode);
    }

    [Fact]
    public async Task The_last_administrator_who_can_sign_in_cannot_be_locked_by_an_administrator_from_another_provider()
    {
        await factory.SeedAccountsAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<StaffAccounts>();
        var admins = (await accounts.ListAsync(Roles.Administrator, 0, 100, Ct)).Accounts.Where(a => !a.Locked).ToList();
        // An administrator signed in through the external identity provider has no built-in account of its own.
        var external = new Actor("external-admin", ActorRole.Administrator);
        foreach (var other in admins.Skip(1)) await accounts.LockAsync(external, other.Id, Ct);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => accounts.LockAsync(external, admins[0].Id, Ct));

        Assert.Equal(StaffAccounts.LastAdministratorRefused, refused.Message);
        foreach (var other in admins.Skip(1)) await accounts.UnlockAsync(other.Id, Ct);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("window", HttpStatusCode.Forbidden)]
    [InlineData("supervisor", HttpStatusCode.Forbidden)]
    public async Task Only_administrators_may_see_or_change_accounts(string? user, HttpStatusCode expected)
    {
        var http = await factory.ClientForAsync(user);

        var list = await http.GetAsync("/api/admin/users", Ct);
        var create = await http.PostAsJsonAsync("/api/admin/users",
            new { userName = Unique("x"), displayName = "x", role = "admin", password = Password }, Ct);

        Assert.Equal((expected, expected), (list.StatusCode, create.StatusCode));
    }

    [Fact]
    public async Task The_endpoints_are_in_the_OpenAPI_document_with_their_problems()
    {
        var http = factory.CreateClient();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var paths = document.GetProperty("paths");
        var create = paths.GetProperty("/api/admin/users").GetProperty("post");
        Assert.True(create.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(create.GetProperty("responses").TryGetProperty("403", out _));
        Assert.True(paths.GetProperty("/api/admin/users/{id}/lock").GetProperty("post").GetProperty("responses").TryGetProperty("409", out _));
        Assert.True(paths.TryGetProperty("/api/admin/users/{id}/role", out _));
        Assert.True(paths.TryGetProperty("/api/admin/users/{id}/password", out _));
    }
}
