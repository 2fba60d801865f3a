using Microsoft.Net.Http.Headers;
using Tradewind.Contracts.Metering;

namespace Tradewind.Web.AwsApi;

/// <summary>
/// <c>GET /.well-known/tradewind/metering-public-key.pem</c>: the public key (SubjectPublicKeyInfo PEM, ECDSA P-256) that
/// verifies the ES256 JWTs <c>RegisterUsage</c> answers, so sellers can check them in their containers. Public, like any
/// verification key; the response names the key's version and id in headers.
/// </summary>
internal static class MeteringPublicKeyEndpoint
{
    public const string Path = "/.well-known/tradewind/metering-public-key.pem";

    public static IEndpointConventionBuilder MapMeteringPublicKey(this IEndpointRouteBuilder app) =>
        app.MapGet(Path, GetAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> GetAsync(IMeteringPublicKey keys, HttpContext context, CancellationToken cancellationToken)
    {
        var key = await keys.GetCurrentAsync(cancellationToken);
        context.Response.Headers["X-Tradewind-Public-Key-Version"] = key.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["X-Tradewind-Key-Id"] = key.KeyId;
        context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=3600";
        return TypedResults.Text(key.Pem, "application/x-pem-file");
    }
}
