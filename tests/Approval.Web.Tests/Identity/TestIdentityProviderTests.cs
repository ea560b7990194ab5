using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Approval.Testing.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Approval.Web.Tests.Identity;

/// <summary>The in-process provider itself holds to the code flow the product relies on: PKCE S256, one use per code, state carried.</summary>
public sealed class TestIdentityProviderTests : IAsyncLifetime
{
    private const string Redirect = "https://localhost/signin-oidc";
    private TestIdentityProvider _provider = null!;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false });

    public async ValueTask InitializeAsync()
    {
        _provider = await TestIdentityProvider.StartAsync();
        _provider.User = new TestIdentityUser("ext-1", new Dictionary<string, string> { ["role"] = "window" });
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _provider.DisposeAsync();
    }

    private static string Challenge(string verifier) => Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private async Task<HttpResponseMessage> AuthorizeAsync(string? challenge, string method = "S256") =>
        await _http.GetAsync(QueryHelpers.AddQueryString(_provider.Issuer + "/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = _provider.ClientId, ["redirect_uri"] = Redirect, ["response_type"] = "code", ["scope"] = "openid profile",
            ["state"] = "state-42", ["nonce"] = "nonce-42", ["code_challenge"] = challenge, ["code_challenge_method"] = method,
        }));

    private async Task<HttpResponseMessage> RedeemAsync(string code, string verifier) =>
        await _http.PostAsync(_provider.Issuer + "/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = Redirect, ["code_verifier"] = verifier,
            ["client_id"] = _provider.ClientId, ["client_secret"] = _provider.ClientSecret,
        }));

    [Fact]
    public async Task A_code_is_redeemed_once_and_only_with_the_verifier_of_its_challenge()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var authorize = await AuthorizeAsync(Challenge(verifier));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var answer = QueryHelpers.ParseQuery(authorize.Headers.Location!.Query);
        Assert.Equal("state-42", answer["state"].ToString());
        var code = answer["code"].ToString();

        var wrongVerifier = await RedeemAsync(code, Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32)));
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);

        // A refused attempt used the code up, as a real provider does; a fresh one with the right verifier works once.
        var again = QueryHelpers.ParseQuery((await AuthorizeAsync(Challenge(verifier))).Headers.Location!.Query)["code"].ToString();
        var tokens = await RedeemAsync(again, verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var idToken = (await tokens.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id_token").GetString()!;
        Assert.Equal("nonce-42", new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(idToken).GetClaim("nonce").Value);
        Assert.Equal(HttpStatusCode.BadRequest, (await RedeemAsync(again, verifier)).StatusCode);
    }

    [Theory]
    [InlineData(null, "S256")]
    [InlineData("abc", "plain")]
    public async Task Authorize_without_a_S256_challenge_is_refused(string? challenge, string method)
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await AuthorizeAsync(challenge, method)).StatusCode);
    }
}
