using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Approval.Testing.Persistence;
using Approval.Web.Identity;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Approval.Web.Tests.Security;

/// <summary>Signing out, a lock-out, deleting the account and a password change end its tokens and cookies at once.</summary>
public abstract class RevocationTests
{
    private const string Password = "Revocation#2026";
    private WebApplicationFactory<Program> _web = null!;

    /// <summary>The host of the test, on the store of the subclass.</summary>
    protected abstract Task<WebApplicationFactory<Program>> HostAsync();

    /// <summary>A fresh supervisor account of this test alone, signed in by bearer token: (client, access token, refresh token).</summary>
    private async Task<(HttpClient Client, string UserName, string Refresh)> SignedInAsync()
    {
        _web = await HostAsync();
        var userName = "sv-" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = _web.Services.CreateAsyncScope())
        {
            await Administrators.EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = userName, DisplayName = "电子监察 测试" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Supervisor);
        }
        var client = _web.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { userName, password = Password });
        var tokens = await login.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me")).StatusCode);
        return (client, userName, tokens.GetProperty("refreshToken").GetString()!);
    }

    private async Task WithUserAsync(string userName, Func<UserManager<ApplicationUser>, ApplicationUser, Task<IdentityResult>> change)
    {
        await using var scope = _web.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        Assert.True((await change(users, (await users.FindByNameAsync(userName))!)).Succeeded);
    }

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _web.CreateClient().PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    [Fact]
    public async Task After_sign_out_the_access_token_and_the_refresh_token_are_refused()
    {
        var (client, _, refresh) = await SignedInAsync();

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/logout", null, TestContext.Current.CancellationToken)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
        await (await RefreshAsync(refresh)).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string> Changes => ["lock-out", "delete", "change-password", "reset-password"];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task A_change_to_the_account_ends_its_tokens(string change)
    {
        var (client, userName, refresh) = await SignedInAsync();

        await WithUserAsync(userName, change switch
        {
            "lock-out" => (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue),
            "delete" => (users, user) => users.DeleteAsync(user),
            "change-password" => (users, user) => users.ChangePasswordAsync(user, Password, Password + "-new"),
            _ => async (users, user) => await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), Password + "-reset"),
        });

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
        await (await RefreshAsync(refresh)).ReadProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_refresh_token_gives_a_working_access_token_while_the_account_stands()
    {
        var (_, _, refresh) = await SignedInAsync();

        var answer = await RefreshAsync(refresh);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var client = _web.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    /// <summary>The token is read once, by the revocation check; what the bearer handler refused by itself is still refused.</summary>
    [Fact]
    public async Task An_altered_or_expired_access_token_is_refused_and_a_standing_one_works()
    {
        var (client, _, _) = await SignedInAsync();
        var token = client.DefaultRequestHeaders.Authorization!.Parameter!;
        var altered = _web.CreateClient();
        altered.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await altered.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);

        // The scheme's clock moved past the token's expiry (the tests of a class run one at a time, so no other test sees it).
        var options = _web.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(IdentityConstants.BearerScheme);
        var clock = options.TimeProvider;
        options.TimeProvider = new Later(options.BearerTokenExpiration + TimeSpan.FromMinutes(1));
        try
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
        }
        finally
        {
            options.TimeProvider = clock;
        }
        var me = await client.GetAsync("/api/auth/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal("supervisor", (await me.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("role").GetString());
    }

    private sealed class Later(TimeSpan ahead) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + ahead;
    }

    [Fact]
    public async Task A_cookie_session_ends_when_the_account_is_locked_out()
    {
        var (_, userName, _) = await SignedInAsync();
        var cookie = await CookieClients.SignedInAsync(_web, userName, Password);

        await WithUserAsync(userName, (users, user) => users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue));

        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/auth/me", TestContext.Current.CancellationToken)).StatusCode);
    }
}

public sealed class SqliteRevocationTests(ApprovalWebFactory factory) : RevocationTests, IClassFixture<ApprovalWebFactory>
{
    protected override Task<WebApplicationFactory<Program>> HostAsync() => Task.FromResult<WebApplicationFactory<Program>>(factory);
}

/// <summary>The same on PostgreSQL (Identity's store there), on a database of the class's own.</summary>
public sealed class PostgresRevocationTests(PostgresRevocationTests.Host host) : RevocationTests, IClassFixture<PostgresRevocationTests.Host>
{
    protected override Task<WebApplicationFactory<Program>> HostAsync() => host.StartAsync();

    public sealed class Host : IAsyncDisposable
    {
        private readonly ApprovalWebFactory _factory = new();
        private readonly SemaphoreSlim _start = new(1, 1);
        private PostgresDatabase? _database;
        private WebApplicationFactory<Program>? _host;

        /// <summary>Created on first use, inside a test, so that a machine without PostgreSQL skips the tests.</summary>
        public async Task<WebApplicationFactory<Program>> StartAsync()
        {
            await _start.WaitAsync();
            try
            {
                _database ??= await PostgresDatabase.CreateAsync();
                return _host ??= _factory.WithWebHostBuilder(b =>
                {
                    b.UseSetting("Approval:Database:Provider", "Postgres");
                    b.UseSetting("Approval:Database:ConnectionString", _database.ConnectionString);
                });
            }
            finally
            {
                _start.Release();
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_host is not null) await _host.DisposeAsync();
            await _factory.DisposeAsync();
            if (_database is not null) await _database.DisposeAsync();
        }
    }
}
