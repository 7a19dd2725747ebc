using System.Net;
using System.Net.Sockets;

namespace BaliProcess.Web.Infrastructure.Security;

/// <summary>
/// Whom a rate limit or sign-in throttle counts: the client's address as the forwarded-headers middleware left it
/// (the first address, from the right of X-Forwarded-For, that is not a configured trusted proxy; PortalSecurity),
/// an IPv4 address as it is, an IPv6 address by its /64 network. One IPv6 subscriber is normally given a whole
/// /64 (RFC 6177), so counting single addresses would let one client rotate through 2^64 fresh budgets.
/// </summary>
public static class ClientKey
{
    public static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Connection.RemoteIpAddress);
    }

    public static string Of(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
