using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Approval.Web.Tests.Infrastructure;

/// <summary>
/// The test server has no network peer; a request's <see cref="Header"/> says which address it comes from, as a
/// connection from that address would. Without the header the request has no remote address.
/// </summary>
public sealed class TestPeer : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, nextMiddleware) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var peer)) http.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
            return nextMiddleware(http);
        });
        next(app);
    };

    /// <summary>A request from <paramref name="address"/>.</summary>
    public static HttpRequestMessage From(string address, HttpMethod method, string url, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.Add(Header, address);
        return request;
    }
}
