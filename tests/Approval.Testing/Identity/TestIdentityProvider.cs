using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Approval.Testing.Identity;

/// <summary>A user the test identity provider signs in without asking (the claims its tokens carry besides <c>sub</c>).</summary>
public sealed record TestIdentityUser(string Subject, IReadOnlyDictionary<string, string> Claims);

/// <summary>
/// An OpenID Connect provider on a free loopback port, standing in for a provincial unified identity platform
/// (统一身份认证), Entra ID or Keycloak in tests without internet: discovery document, JWKS, an authorization endpoint
/// that signs <see cref="User"/> in at once and issues a code (PKCE S256 required, state and nonce carried), a token
/// endpoint that exchanges the code, and an end-session endpoint. Its issuer has a path
/// (<c>http://127.0.0.1:port/realms/approval</c>, as Keycloak's has), so a client that appends <c>/v2.0</c> to
/// the authority finds nothing.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    public const string RealmPath = "/realms/approval";

    private readonly WebApplication _app;
    private readonly RsaSecurityKey _key;
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentQueue<string> _ended = new();

    private sealed record Grant(string ClientId, string RedirectUri, string? Nonce, string Challenge, TestIdentityUser User);

    private TestIdentityProvider(WebApplication app, RsaSecurityKey key, string clientId, string clientSecret)
    {
        _app = app;
        _key = key;
        ClientId = clientId;
        ClientSecret = clientSecret;
    }

    /// <summary>The issuer and authority, e.g. <c>http://127.0.0.1:41234/realms/approval</c>.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>The one client registered here.</summary>
    public string ClientId { get; }

    public string ClientSecret { get; }

    /// <summary>Whom <c>/authorize</c> signs in; null answers <c>login_required</c>.</summary>
    public TestIdentityUser? User { get; set; }

    /// <summary>The subjects whose session at the provider was ended through the end-session endpoint (with a valid <c>id_token_hint</c>).</summary>
    public IReadOnlyCollection<string> EndedSessions => _ended.ToArray();

    /// <summary>How many codes were exchanged for tokens.</summary>
    public int CodesRedeemed => _redeemed;

    private int _redeemed;

    public static async Task<TestIdentityProvider> StartAsync(string clientId = "approval", string clientSecret = "test-client-secret")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var provider = new TestIdentityProvider(app, new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-" + Guid.NewGuid().ToString("N")[..8] }, clientId, clientSecret);
        provider.Map(app.MapGroup(RealmPath));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Issuer = address.TrimEnd('/') + RealmPath;
        return provider;
    }

    /// <summary>
    /// An access token for the API, signed with this provider's key (or <paramref name="key"/>), from
    /// <paramref name="issuer"/> (this provider by default) for <paramref name="audience"/>, valid until <paramref name="expires"/>.
    /// </summary>
    public string CreateToken(IDictionary<string, object> claims, string audience, string? issuer = null, DateTime? expires = null, SecurityKey? key = null)
    {
        var until = expires ?? DateTime.UtcNow.AddHours(1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = until.AddHours(-2),
            NotBefore = until.AddHours(-2),
            Expires = until,
            SigningCredentials = new SigningCredentials(key ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A key of the same kind as the provider's, which the provider never published.</summary>
    public static SecurityKey ForeignKey() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "foreign" };

    private void Map(IEndpointRouteBuilder realm)
    {
        realm.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["end_session_endpoint"] = Issuer + "/logout",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "form_post" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_post", "client_secret_basic" },
            ["scopes_supported"] = new[] { "openid", "profile" },
        }));

        realm.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });

        realm.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            string? Param(string name) => q[name].FirstOrDefault();
            if (Param("client_id") != ClientId) return Results.BadRequest("unknown client_id");
            if (Param("redirect_uri") is not { Length: > 0 } redirect) return Results.BadRequest("redirect_uri missing");
            if (Param("response_type") != "code") return Results.BadRequest("only the code flow is supported");
            if (Param("code_challenge_method") != "S256" || Param("code_challenge") is not { Length: > 0 } challenge)
                return Results.BadRequest("PKCE with S256 is required");
            if (!(Param("scope") ?? "").Split(' ').Contains("openid")) return Results.BadRequest("scope openid missing");
            var answer = new Dictionary<string, string?> { ["state"] = Param("state") };
            if (User is { } user)
            {
                var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
                _codes[code] = new Grant(ClientId, redirect, Param("nonce"), challenge, user);
                answer["code"] = code;
            }
            else answer["error"] = "login_required";
            return Param("response_mode") == "form_post" ? FormPost(redirect, answer) : Results.Redirect(WithQuery(redirect, answer));
        });

        realm.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var (clientId, secret) = ClientCredentials(request, form);
            if (clientId != ClientId || secret != ClientSecret) return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            if (form["grant_type"] != "authorization_code") return Results.Json(new { error = "unsupported_grant_type" }, statusCode: 400);
            if (!_codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"]
                || grant.ClientId != clientId || !VerifierMatches(form["code_verifier"].ToString(), grant.Challenge))
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            Interlocked.Increment(ref _redeemed);
            var claims = grant.User.Claims.ToDictionary(c => c.Key, c => (object)c.Value);
            claims["sub"] = grant.User.Subject;
            var accessToken = CreateToken(new Dictionary<string, object>(claims), ClientId);
            claims["at_hash"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(accessToken))[..16]);
            if (grant.Nonce is not null) claims["nonce"] = grant.Nonce;
            var idToken = CreateToken(claims, ClientId, expires: DateTime.UtcNow.AddMinutes(10));
            return Results.Json(new { access_token = accessToken, id_token = idToken, token_type = "Bearer", expires_in = 3600 });
        });

        realm.MapGet("/logout", async (HttpRequest request) =>
        {
            var q = request.Query;
            var hint = q["id_token_hint"].ToString();
            var checkedHint = await new JsonWebTokenHandler().ValidateTokenAsync(hint, new TokenValidationParameters
            {
                ValidIssuer = Issuer, ValidAudience = ClientId, IssuerSigningKey = _key, ValidateLifetime = false,
            });
            if (!checkedHint.IsValid) return Results.BadRequest("id_token_hint missing or not ours");
            _ended.Enqueue(checkedHint.ClaimsIdentity.FindFirst("sub")!.Value);
            return q["post_logout_redirect_uri"].FirstOrDefault() is { Length: > 0 } back
                ? Results.Redirect(WithQuery(back, new Dictionary<string, string?> { ["state"] = q["state"].FirstOrDefault() }))
                : Results.Text("已退出统一身份认证。");
        });
    }

    private static (string? ClientId, string? Secret) ClientCredentials(HttpRequest request, IFormCollection form)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..].Trim())).Split(':', 2);
            return (Uri.UnescapeDataString(pair[0]), pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : null);
        }
        return (form["client_id"].FirstOrDefault(), form["client_secret"].FirstOrDefault());
    }

    private static bool VerifierMatches(string verifier, string challenge) =>
        verifier.Length >= 43 && Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) == challenge;

    private static string WithQuery(string url, IDictionary<string, string?> values) =>
        url + (url.Contains('?') ? "&" : "?") + string.Join("&", values.Where(v => v.Value is not null)
            .Select(v => $"{Uri.EscapeDataString(v.Key)}={Uri.EscapeDataString(v.Value!)}"));

    private static IResult FormPost(string url, IDictionary<string, string?> values)
    {
        var html = new StringBuilder($"<!doctype html><html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\"{HtmlEncoder.Default.Encode(url)}\">");
        foreach (var (name, value) in values.Where(v => v.Value is not null))
            html.Append($"<input type=\"hidden\" name=\"{HtmlEncoder.Default.Encode(name)}\" value=\"{HtmlEncoder.Default.Encode(value!)}\"/>");
        html.Append("<noscript><button type=\"submit\">继续</button></noscript></form></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
