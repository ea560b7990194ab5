using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Approval.Web.Hosting;
using Approval.Web.Identity;
using Approval.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Approval.Web.Tests.Security;

/// <summary>Sign-in is throttled by address and account, says nothing about which names exist, and a guesser cannot lock the holder out.</summary>
public sealed class SignInThrottleTests : IAsyncLifetime
{
    private const string Attacker = "203.0.113.66";
    private const string Office = "198.51.100.10";
    private readonly ApprovalWebFactory _factory = new();
    private WebApplicationFactory<Program> _host = null!;

    public async ValueTask InitializeAsync()
    {
        // The shipped limits, not the test factory's relaxed one.
        _host = _factory.WithWebHostBuilder(b => b.UseSetting("Approval:SignIn:AttemptsPerAddressPerMinute", new SignInLimits().AttemptsPerAddressPerMinute.ToString()));
        await _factory.SeedAccountsAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private Task<HttpResponseMessage> LoginAsync(HttpClient client, string from, string userName, string password) =>
        client.SendAsync(TestPeer.From(from, HttpMethod.Post, "/api/auth/login", JsonContent.Create(new { userName, password })));

    [Fact]
    public async Task Sixty_wrong_passwords_from_one_address_are_throttled_with_retry_after()
    {
        var client = _host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;

        for (var i = 0; i < 60; i++)
        {
            last = await LoginAsync(client, Attacker, "window", "guess-" + i);
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(55, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        await last.ReadProblemAsync(HttpStatusCode.TooManyRequests);
        var wait = int.Parse(Assert.Single(last.Headers.GetValues("Retry-After")));
        Assert.InRange(wait, 1, 15 * 60);
        // Throttled means throttled: the right password from that address waits too.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, Attacker, "window", DemoData.Password)).StatusCode);
    }

    [Fact]
    public async Task The_holder_signs_in_from_their_own_address_while_someone_guesses_from_another()
    {
        var client = _host.CreateClient();
        for (var i = 0; i < 60; i++) await LoginAsync(client, Attacker, "window", "guess-" + i);

        var holder = await LoginAsync(client, Office, "window", DemoData.Password);

        Assert.Equal(HttpStatusCode.OK, holder.StatusCode);
    }

    [Fact]
    public async Task Guessing_many_names_from_one_address_exhausts_the_address_budget()
    {
        var client = _host.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 40; i++) statuses.Add((await LoginAsync(client, Attacker, "user-" + i, "guess")).StatusCode);
        var other = await LoginAsync(client, Office, "user-0", "guess");

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
    }

    [Fact]
    public async Task An_unknown_name_a_wrong_password_and_a_locked_account_get_the_same_answer()
    {
        await using (var scope = _host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var supervisor = (await users.FindByNameAsync("supervisor"))!;
            await users.SetLockoutEndDateAsync(supervisor, DateTimeOffset.MaxValue);
        }
        var client = _host.CreateClient();

        var answers = new List<string>();
        foreach (var (from, user, password) in new[]
                 {
                     ("192.0.2.1", "no-such-user", DemoData.Password),
                     ("192.0.2.2", "window", "wrong-" + DemoData.Password),
                     ("192.0.2.3", "supervisor", DemoData.Password),
                     ("192.0.2.4", "supervisor", "wrong-" + DemoData.Password),
                 })
        {
            var problem = await (await LoginAsync(client, from, user, password)).ReadProblemAsync(HttpStatusCode.Unauthorized);
            var node = JsonNode.Parse(problem.GetRawText())!.AsObject();
            node.Remove("traceId");
            answers.Add(node.ToJsonString());
        }

        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task Throttling_treats_unknown_and_existing_names_alike()
    {
        var client = _host.CreateClient();
        var unknown = new List<string>();
        var existing = new List<string>();
        static async Task<string> Answer(HttpResponseMessage r) => $"{(int)r.StatusCode} {JsonNode.Parse(await r.Content.ReadAsStringAsync())!["detail"]}";

        for (var i = 0; i < 7; i++)
        {
            unknown.Add(await Answer(await LoginAsync(client, "192.0.2.10", "no-such-user", "guess")));
            existing.Add(await Answer(await LoginAsync(client, "192.0.2.11", "agent", "guess")));
        }

        Assert.Equal(unknown, existing);
    }
}
