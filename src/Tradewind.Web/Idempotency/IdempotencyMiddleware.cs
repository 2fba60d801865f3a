using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tradewind.Persistence;
using Tradewind.Persistence.Idempotency;
using Tradewind.Web.Hosting;
using Tradewind.Web.Problems;
using Tradewind.Web.Security;

namespace Tradewind.Web.Idempotency;

/// <summary>
/// Makes API writes safe to retry. A POST, PUT, PATCH or DELETE under <c>/api</c> that carries an
/// <c>Idempotency-Key</c> runs at most once per caller: a retry with the same key and body gets the stored
/// response (marked <c>Idempotent-Replayed: true</c>); the same key with a different body is refused (422); a retry
/// while the first is still running is refused (409). Server errors (5xx) are not stored, so they can be retried.
/// Keys are kept 24 hours at least (see the IETF draft "The Idempotency-Key HTTP Header Field").
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public const string HeaderName = "Idempotency-Key";
    private const int MaxKeyLength = 255;
    private const int MaxStoredBody = 1 << 20;

    public async Task InvokeAsync(HttpContext context, TradewindDbContext db, TimeProvider clock)
    {
        var request = context.Request;
        if (!StatusCodeResponses.IsApiRequest(request) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || !request.Headers.TryGetValue(HeaderName, out var keyValues))
        {
            await next(context);
            return;
        }

        var key = keyValues.ToString();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "idempotency-key-invalid",
                $"The {HeaderName} header must be 1 to {MaxKeyLength} characters.");
            return;
        }

        request.EnableBuffering();
        var requestHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(request.Body, context.RequestAborted));
        request.Body.Position = 0;

        var scope = context.User.Identity?.IsAuthenticated == true ? context.User.OrganisationId().ToString() : "anonymous";
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{scope}\n{request.Method}\n{request.Path}\n{key}")));

        var existing = await db.IdempotencyRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, context.RequestAborted);
        if (existing is not null)
        {
            await AnswerFromRecordAsync(context, existing, requestHash);
            return;
        }

        var record = new IdempotencyRecord { Id = id, RequestHash = requestHash, CreatedAt = clock.GetUtcNow() };
        db.IdempotencyRecords.Add(record);
        try
        {
            await db.SaveChangesAsync(context.RequestAborted);
        }
        catch (DbUpdateException)
        {
            // Another request with this key got in first and is still running.
            await WriteProblemAsync(context, StatusCodes.Status409Conflict, "idempotency-key-in-use",
                "A request with this Idempotency-Key is still being processed; retry shortly.");
            return;
        }

        db.ChangeTracker.Clear();
        var originalBody = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var completed = false;
        try
        {
            await next(context);
            completed = true;
        }
        finally
        {
            context.Response.Body = originalBody;
            buffer.Position = 0;
            await buffer.CopyToAsync(originalBody, context.RequestAborted);
            await FinishAsync(db, id, context, buffer, completed, clock);
        }
    }

    private static async Task FinishAsync(TradewindDbContext db, string id, HttpContext context, MemoryStream buffer, bool completed, TimeProvider clock)
    {
        var status = context.Response.StatusCode;
        if (!completed || status >= 500 || buffer.Length > MaxStoredBody)
        {
            await db.IdempotencyRecords.Where(r => r.Id == id).ExecuteDeleteAsync(CancellationToken.None);
            return;
        }

        var body = buffer.ToArray();
        var contentType = context.Response.ContentType;
        var location = context.Response.Headers.Location.ToString();
        var now = clock.GetUtcNow();
        await db.IdempotencyRecords.Where(r => r.Id == id).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.StatusCode, status)
                .SetProperty(r => r.ContentType, contentType)
                .SetProperty(r => r.Location, location.Length == 0 ? null : location)
                .SetProperty(r => r.Body, body)
                .SetProperty(r => r.CompletedAt, now),
            CancellationToken.None);
    }

    private static async Task AnswerFromRecordAsync(HttpContext context, IdempotencyRecord record, string requestHash)
    {
        if (!string.Equals(record.RequestHash, requestHash, StringComparison.Ordinal))
        {
            await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused",
                "This Idempotency-Key was already used with a different request body. Use a new key for a new request.");
            return;
        }

        if (record.CompletedAt is null)
        {
            await WriteProblemAsync(context, StatusCodes.Status409Conflict, "idempotency-key-in-use",
                "A request with this Idempotency-Key is still being processed; retry shortly.");
            return;
        }

        TradewindTelemetry.IdempotentReplays.Add(1);
        context.Response.StatusCode = record.StatusCode ?? StatusCodes.Status200OK;
        context.Response.Headers["Idempotent-Replayed"] = "true";
        if (record.ContentType is not null)
        {
            context.Response.ContentType = record.ContentType;
        }

        if (record.Location is not null)
        {
            context.Response.Headers.Location = record.Location;
        }

        if (record.Body is { Length: > 0 } body)
        {
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }

    private static async Task WriteProblemAsync(HttpContext context, int status, string code, string title)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Type = ProblemDetailsDefaults.TypeBase + code },
        });
    }
}
