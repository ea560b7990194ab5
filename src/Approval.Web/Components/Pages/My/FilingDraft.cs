using System.Text.Json;
using Approval.Engine.Runtime;
using Microsoft.AspNetCore.DataProtection;

namespace Approval.Web.Components.Pages.My;

/// <summary>
/// A filing not yet submitted (申报草稿): the form's text kept in this browser, in a cookie protected by ASP.NET Core
/// Data Protection under the user's id, so that only the user who saved it can read it back.
/// </summary>
/// <remarks>
/// The engine knows only filed projects, and a material file can only be recorded for a project; so a draft keeps
/// the form's text and not its files, which are chosen again when the filing is submitted. A cookie holds the
/// little text there is without a second store next to the engine's.
/// </remarks>
public sealed record FilingDraft(string DefinitionId, string? ProjectName, string? InvestorId, string? Division, string? Industry,
    string? InvestmentAmount, string? ProjectCode, string? ContactName = null, string? ContactPhone = null)
{
    private const string Cookie = "approval.filing-draft";
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    public static void Save(HttpContext http, Actor actor, FilingDraft draft)
    {
        var text = Protector(http, actor).Protect(JsonSerializer.Serialize(draft));
        http.Response.Cookies.Append(Cookie, text, new CookieOptions
        {
            HttpOnly = true, IsEssential = true, SameSite = SameSiteMode.Lax, Secure = http.Request.IsHttps, MaxAge = Lifetime, Path = "/my",
        });
    }

    /// <summary>The user's draft, or null when there is none (or it is another user's, or damaged).</summary>
    public static FilingDraft? Load(HttpContext http, Actor actor)
    {
        if (http.Request.Cookies[Cookie] is not { Length: > 0 } text) return null;
        try
        {
            return JsonSerializer.Deserialize<FilingDraft>(Protector(http, actor).Unprotect(text));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            return null;
        }
    }

    public static void Clear(HttpContext http) => http.Response.Cookies.Delete(Cookie, new CookieOptions { Path = "/my" });

    private static IDataProtector Protector(HttpContext http, Actor actor) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector("Approval.Pages.FilingDraft", actor.UserId);
}
