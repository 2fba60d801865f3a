using Microsoft.AspNetCore.Http;

namespace Tradewind.Agreements.AwsApi;

/// <summary>This Tradewind's root URL as the caller reached it (scheme, host and path base), for links in AWS responses.</summary>
internal sealed class SiteUrl(IHttpContextAccessor http)
{
    public string Value => http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{request.PathBase}" : "";
}
