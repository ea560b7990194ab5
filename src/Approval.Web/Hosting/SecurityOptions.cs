namespace Approval.Web.Hosting;

/// <summary>Section <c>Approval:Security</c>: what the host trusts and publishes.</summary>
public sealed class SecurityOptions
{
    /// <summary>
    /// Origins besides the host's own (<c>scheme://host[:port]</c>) whose cookie-authenticated requests are accepted;
    /// empty by default. A request with the auth cookie and another <c>Origin</c> is refused.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>Whether <c>/openapi/v1.json</c> is served; unset means only in Development.</summary>
    public bool? OpenApi { get; set; }

    /// <summary>Reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed; off by default.</summary>
    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();
}

/// <summary>
/// Section <c>Approval:Security:ForwardedHeaders</c>. Without it every client behind a reverse proxy has the proxy's
/// address and all citizens share one tracking budget; with it, only the listed proxies may say who the client is.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    public bool Enabled { get; set; }

    /// <summary>Addresses of the trusted proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies in a chain are read, from the nearest one outwards.</summary>
    public int ForwardLimit { get; set; } = 1;
}
