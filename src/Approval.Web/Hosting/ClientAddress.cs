using System.Net;
using System.Net.Sockets;

namespace Approval.Web.Hosting;

/// <summary>
/// The client address that rate limits count against: the remote address (after trusted forwarded headers, see
/// <see cref="WebSecurity"/>), with an IPv6 client counted by its /64 network, because one subscriber gets a whole
/// /64 and could otherwise take a fresh address for every attempt.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => Of(http.Connection.RemoteIpAddress);

    public static string Of(IPAddress? address)
    {
        if (address is null) return "unknown";
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4().ToString();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
