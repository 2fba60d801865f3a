using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Tradewind.Persistence;

namespace Tradewind.Web.Hosting;

/// <summary>Healthy when the database answers.</summary>
internal sealed class DatabaseHealthCheck(TradewindDbContext db, DatabaseSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy($"{settings.Provider} reachable")
            : HealthCheckResult.Unhealthy($"{settings.Provider} unreachable");
}

/// <summary>
/// Healthy when the machine has real culture data (ICU). Without it, or in invariant mode, .NET formats
/// amounts with a generic currency sign and German dates wrongly; a node like that must not serve buyers.
/// </summary>
internal sealed class CultureHealthCheck : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var german = 1234.56m.ToString("C", CultureInfo.GetCultureInfo("de-DE"));
            var japanese = 1234m.ToString("C", CultureInfo.GetCultureInfo("ja-JP"));
            return Task.FromResult(german.Contains('€', StringComparison.Ordinal) && !japanese.Contains('¤', StringComparison.Ordinal)
                ? HealthCheckResult.Healthy($"de-DE {german}, ja-JP {japanese}")
                : HealthCheckResult.Unhealthy($"Culture data is missing: de-DE formats as '{german}'."));
        }
        catch (CultureNotFoundException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Culture data is missing (globalization-invariant mode?).", ex));
        }
    }
}

internal static class HealthResponse
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Options));
    }
}
