using System.Diagnostics;
using System.Globalization;

namespace Tradewind.Web.Problems;

/// <summary>
/// What every problem response carries: a Tradewind problem type, a title a person can act on, the path, and
/// the trace id to quote to support.
/// </summary>
internal static class ProblemDetailsDefaults
{
    public const string TypeBase = "https://tradewind.dev/problems/";

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org", StringComparison.Ordinal))
        {
            problem.Type = TypeBase + status switch
            {
                StatusCodes.Status400BadRequest => "bad-request",
                StatusCodes.Status401Unauthorized => "unauthenticated",
                StatusCodes.Status403Forbidden => "forbidden",
                StatusCodes.Status404NotFound => "not-found",
                StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
                StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
                _ => "http-" + status.ToString(CultureInfo.InvariantCulture),
            };
            problem.Title = status switch
            {
                StatusCodes.Status401Unauthorized => "Sign in, or send an API key as 'Authorization: Bearer <key>'.",
                StatusCodes.Status403Forbidden => "Your role may not do this.",
                StatusCodes.Status404NotFound => "Nothing is here.",
                StatusCodes.Status405MethodNotAllowed => "This method is not allowed on this resource.",
                StatusCodes.Status415UnsupportedMediaType => "Send the body as application/json.",
                _ => problem.Title,
            };
        }
    }
}
