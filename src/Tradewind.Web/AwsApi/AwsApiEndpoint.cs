using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;
using Tradewind.Contracts;
using Tradewind.Contracts.AwsApi;

namespace Tradewind.Web.AwsApi;

/// <summary>
/// The AWS-compatible seller API on the server's root URL: <c>POST /</c> with <c>X-Amz-Target</c>, signed with
/// Signature Version 4, in AWS's JSON 1.0/1.1 protocols. Every answer carries <c>x-amzn-RequestId</c>; errors are
/// <c>{"__type": …, "message": …}</c> with the <c>x-amzn-ErrorType</c> header, never problem details, and a
/// failure nobody modeled is an <c>InternalServiceErrorException</c> (JSON 1.1) or <c>InternalServerException</c>
/// (JSON 1.0, the Agreement model's name) that reveals nothing internal. <c>GET /</c> stays the storefront.
/// </summary>
internal static partial class AwsApiEndpoint
{
    /// <summary>AWS's request size limit for these services (BatchMeterUsage: "under 1 MB").</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    // JSON 1.0 services (Agreement) name framework errors with the Coral namespace, as AWS's own JSON 1.0 services do.
    private const string CoralNamespace = "com.amazon.coral.service#";

    public static IEndpointConventionBuilder MapAwsApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/", HandleAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();

    private static async Task HandleAsync(HttpContext context, AwsRequestAuthenticator authenticator, AwsOperationRegistry registry, ILoggerFactory loggers)
    {
        var requestId = Guid.NewGuid().ToString("D");
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        var protocol = ProtocolOf(context.Request.ContentType) ?? AwsJsonProtocol.Json11;
        var ct = context.RequestAborted;
        try
        {
            var body = await ReadBodyAsync(context.Request, ct);
            var caller = await authenticator.AuthenticateAsync(context.Request, body, requestId, ct);

            var target = context.Request.Headers["X-Amz-Target"].ToString();
            if (string.IsNullOrEmpty(target) || !registry.TryFind(target, out var operation))
            {
                throw new AwsServiceException(
                    "UnknownOperationException",
                    string.IsNullOrEmpty(target) ? "The request has no X-Amz-Target header naming an operation." : $"Tradewind does not offer the operation '{target}'.");
            }

            protocol = operation.Protocol;
            if (ProtocolOf(context.Request.ContentType) != operation.Protocol)
            {
                throw AwsServiceException.Serialization($"{target} expects Content-Type {operation.Protocol.ContentType()}, not '{context.Request.ContentType}'.");
            }

            var response = await operation.InvokeAsync(caller, body, ct);
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = operation.Protocol.ContentType();
            await context.Response.Body.WriteAsync(response, ct);
        }
        catch (AwsServiceException error)
        {
            await WriteErrorAsync(context, protocol, error.Code, error.Message, error.StatusCode, ct, error.Members);
        }
        catch (ValidationFailedException validation)
        {
            var errors = validation.Errors.SelectMany(e => e.Value.Select(message => $"Value at '{e.Key}' failed to satisfy constraint: {message}")).ToList();
            var error = AwsServiceException.Validation(errors);
            await WriteErrorAsync(context, protocol, error.Code, error.Message, error.StatusCode, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (Exception exception)
        {
            LogUnhandled(loggers.CreateLogger(typeof(AwsApiEndpoint)), exception, requestId);
            var code = protocol == AwsJsonProtocol.Json10 ? "InternalServerException" : "InternalServiceErrorException";
            await WriteErrorAsync(context, protocol, code, "An internal error occurred. Quote the request id when you report it.", StatusCodes.Status500InternalServerError, ct);
        }
    }

    private static AwsJsonProtocol? ProtocolOf(string? contentType)
    {
        var mediaType = contentType?.Split(';', 2)[0].Trim();
        return mediaType switch
        {
            _ when string.Equals(mediaType, AwsJsonProtocols.Json11ContentType, StringComparison.OrdinalIgnoreCase) => AwsJsonProtocol.Json11,
            _ when string.Equals(mediaType, AwsJsonProtocols.Json10ContentType, StringComparison.OrdinalIgnoreCase) => AwsJsonProtocol.Json10,
            _ => null,
        };
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        if (request.ContentLength is { } length)
        {
            // The usual case (every AWS SDK sends Content-Length): read straight into an array of that size, no copies.
            var body = new byte[length];
            await request.Body.ReadExactlyAsync(body, ct);
            return body;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static AwsServiceException TooLarge() =>
        new("RequestEntityTooLargeException", $"The request body must be at most {MaxBodyBytes} bytes.", StatusCodes.Status413PayloadTooLarge);

    private static async Task WriteErrorAsync(
        HttpContext context, AwsJsonProtocol protocol, string code, string message, int status, CancellationToken ct, IReadOnlyDictionary<string, JsonNode?>? members = null)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        var isFramework = code is "MissingAuthenticationTokenException" or "IncompleteSignatureException" or "UnrecognizedClientException"
            or "InvalidSignatureException" or "UnknownOperationException" or "SerializationException" or "RequestEntityTooLargeException";
        var type = protocol == AwsJsonProtocol.Json10 && isFramework && !code.Contains('#', StringComparison.Ordinal) ? CoralNamespace + code : code;

        context.Response.StatusCode = status;
        context.Response.ContentType = protocol.ContentType();
        context.Response.Headers["x-amzn-ErrorType"] = code;
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("__type", type);
        writer.WriteString("message", message);
        // The Agreement model (JSON 1.0) gives every modeled error a requestId member; framework errors have none.
        if (protocol == AwsJsonProtocol.Json10 && !isFramework && members?.ContainsKey("requestId") != true)
        {
            writer.WriteString("requestId", context.Response.Headers["x-amzn-RequestId"].ToString());
        }

        foreach (var (name, value) in members ?? new Dictionary<string, JsonNode?>())
        {
            writer.WritePropertyName(name);
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                value.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
        await writer.FlushAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "AWS-compatible request {RequestId} failed")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string requestId);
}
