using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Tradewind.Contracts;

namespace Tradewind.Web.Problems;

/// <summary>
/// The one place exceptions become RFC 7807 problem details: refused business actions keep their stable code,
/// unreadable requests name the field, and anything unexpected is a 500 that reveals nothing internal.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationFailedException validation => new HttpValidationProblemDetails(validation.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "The request has invalid fields.",
                Type = $"{ProblemDetailsDefaults.TypeBase}{validation.Code}",
            },
            DomainException domain => new ProblemDetails
            {
                Status = domain.Kind switch
                {
                    DomainErrorKind.NotFound => StatusCodes.Status404NotFound,
                    DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
                    DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
                    _ => StatusCodes.Status422UnprocessableEntity,
                },
                Title = domain.Message,
                Type = $"{ProblemDetailsDefaults.TypeBase}{domain.Code}",
            },
            BadHttpRequestException { InnerException: JsonException json } => UnreadableJson(json),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.Message,
                Type = $"{ProblemDetailsDefaults.TypeBase}bad-request",
            },
            _ => null,
        };

        if (problem is null)
        {
            LogUnhandled(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
            if (StatusCodeResponses.WantsPage(httpContext.Request))
            {
                // Browsers get the friendly error page (the middleware re-executes /error), not JSON.
                return false;
            }

            problem = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Something went wrong on our side. The error has been logged; try again later.",
                Type = $"{ProblemDetailsDefaults.TypeBase}internal-error",
            };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private static HttpValidationProblemDetails UnreadableJson(JsonException json)
    {
        // System.Text.Json reports the JSON path of the value it could not read: "$.countryCode" -> "countryCode".
        var field = json.Path is null or "$" ? "body" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
        var position = json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "";
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"This value could not be read as JSON of the expected type{position}."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this operation.",
            Type = $"{ProblemDetailsDefaults.TypeBase}malformed-json",
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception for {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);
}
