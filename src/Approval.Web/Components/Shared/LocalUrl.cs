namespace Approval.Web.Components.Shared;

/// <summary>Where a form may send the browser back to: only a path on this site, never another origin.</summary>
public static class LocalUrl
{
    /// <summary><paramref name="url"/> when it is a local path ("/track?x=1"), otherwise <paramref name="fallback"/>.</summary>
    public static string OrDefault(string? url, string fallback = "/") =>
        url is { Length: > 0 } u && u[0] == '/' && (u.Length == 1 || (u[1] != '/' && u[1] != '\\')) && !u.Contains('\n') && !u.Contains('\r')
            ? u : fallback;
}
