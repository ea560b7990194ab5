namespace Approval.Web.Components.Shared;

/// <summary>
/// 长辈版 (适老化): large type and high contrast, kept in a cookie so that it works without JavaScript; the switch is a
/// form post to <see cref="Path"/>, which sets the cookie and redirects back.
/// </summary>
public static class ElderMode
{
    public const string Cookie = "approval.elder";
    public const string Path = "/preferences/elder-mode";

    public static bool IsOn(HttpContext? http) => http?.Request.Cookies[Cookie] == "1";

    public static void Set(HttpContext http, bool on)
    {
        if (on)
            http.Response.Cookies.Append(Cookie, "1", new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
            });
        else
            http.Response.Cookies.Delete(Cookie);
    }
}
