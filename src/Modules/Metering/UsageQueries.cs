using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Metering;
using Tradewind.Metering.Submissions;
using Tradewind.Metering.Usage;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering;

/// <summary>
/// Reads usage with EF Core. Totals are summed per agreement × dimension × hour in SQL (the table's grain) and bucketed
/// into days or months in C#, so the same query runs on SQLite and PostgreSQL. Buckets are UTC.
/// </summary>
internal sealed class UsageQueries(TradewindDbContext db, IAgreementsQueries agreements) : IUsageQueries
{
    public async Task<IReadOnlyList<UsageTotal>> GetTotalsAsync(UsageQuery query, UsageCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        var records = Scoped(caller).Where(r => r.Timestamp >= query.From && r.Timestamp < query.To);
        if (query.ProductId is { } productId)
        {
            records = records.Where(r => r.ProductId == productId);
        }

        if (query.AgreementId is { } agreementId)
        {
            records = records.Where(r => r.AgreementId == agreementId);
        }

        if (query.CustomerIdentifier is { } customer)
        {
            records = records.Where(r => r.CustomerIdentifier == customer);
        }

        if (query.Dimension is { } dimension)
        {
            records = records.Where(r => r.Dimension == dimension);
        }

        var hourly = await records
            .GroupBy(r => new { r.AgreementId, r.Dimension, r.Hour, r.ProductId, r.CustomerIdentifier })
            .Select(g => new { g.Key.AgreementId, g.Key.Dimension, g.Key.Hour, g.Key.ProductId, g.Key.CustomerIdentifier, Quantity = g.Sum(r => r.Quantity), Records = g.LongCount() })
            .ToListAsync(cancellationToken);
        if (hourly.Count == 0)
        {
            return [];
        }

        var buyerNames = (await agreements.FindMeteringCustomersAsync(hourly.Select(h => h.CustomerIdentifier).Distinct(StringComparer.Ordinal).ToList(), [], query.From, cancellationToken))
            .ToDictionary(c => c.CustomerIdentifier, c => c.BuyerName, StringComparer.Ordinal);
        return hourly
            .GroupBy(h => (h.AgreementId, h.Dimension, Bucket: UsageBuckets.Of(h.Hour, query.Granularity, query.From, query.To)))
            .Select(g =>
            {
                var first = g.First();
                return new UsageTotal(
                    g.Key.Bucket.Start, g.Key.Bucket.End, first.ProductId, g.Key.AgreementId, first.CustomerIdentifier,
                    buyerNames.GetValueOrDefault(first.CustomerIdentifier, ""), g.Key.Dimension, g.Sum(h => h.Quantity), g.Sum(h => h.Records));
            })
            .OrderBy(t => t.PeriodStart)
            .ThenBy(t => t.AgreementId.Value)
            .ThenBy(t => t.Dimension, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<Page<UsageRecordDto>> ListRecordsAsync(UsageRecordFilter filter, UsageCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(caller);
        var records = Scoped(caller);
        if (filter.From is { } from)
        {
            records = records.Where(r => r.Timestamp >= from);
        }

        if (filter.To is { } to)
        {
            records = records.Where(r => r.Timestamp < to);
        }

        if (filter.ProductId is { } productId)
        {
            records = records.Where(r => r.ProductId == productId);
        }

        if (filter.AgreementId is { } agreementId)
        {
            records = records.Where(r => r.AgreementId == agreementId);
        }

        if (filter.CustomerIdentifier is { } customer)
        {
            records = records.Where(r => r.CustomerIdentifier == customer);
        }

        if (filter.Dimension is { } dimension)
        {
            records = records.Where(r => r.Dimension == dimension);
        }

        var total = await records.CountAsync(cancellationToken);
        var items = await records
            .OrderByDescending(r => r.Timestamp).ThenByDescending(r => r.Id)
            .Skip(page.Skip).Take(page.Size)
            .ToListAsync(cancellationToken);
        return new Page<UsageRecordDto>(items.Select(ToDto).ToList(), page.Number, page.Size, total);
    }

    public async Task<IReadOnlyList<UsageSubmissionLogEntry>> ListRecentSubmissionsAsync(OrganisationId sellerId, int limit, CancellationToken cancellationToken)
    {
        var logs = await db.Set<SubmissionLog>().AsNoTracking()
            .Where(s => s.SellerId == sellerId)
            .OrderByDescending(s => s.ReceivedAt).ThenByDescending(s => s.Id)
            .Take(Math.Clamp(limit, 1, 200))
            .ToListAsync(cancellationToken);
        return logs.Select(s => new UsageSubmissionLogEntry(
                s.Id, s.SellerId, s.ReceivedAt, s.Source, s.Actor, s.Accepted, s.Duplicates, s.Rejected, s.BatchRejectionCode, SubmissionSamples.Read(s.SamplesJson)))
            .ToList();
    }

    public async Task<IReadOnlyDictionary<string, long>> TotalsForAgreementAsync(AgreementId agreementId, DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken cancellationToken)
    {
        var totals = await db.Set<UsageRecord>().AsNoTracking()
            .Where(r => r.AgreementId == agreementId && r.Timestamp >= periodStart && r.Timestamp < periodEnd)
            .GroupBy(r => r.Dimension)
            .Select(g => new { Dimension = g.Key, Quantity = g.Sum(r => r.Quantity) })
            .ToListAsync(cancellationToken);
        return totals.ToDictionary(t => t.Dimension, t => t.Quantity, StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<AgreementUsageTotal>> TotalsForAgreementsAsync(
        IReadOnlyCollection<AgreementId> agreementIds, DateTimeOffset periodStart, DateTimeOffset periodEnd, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreementIds);
        if (agreementIds.Count == 0)
        {
            return [];
        }

        var ids = agreementIds.Distinct().ToList();
        var totals = await db.Set<UsageRecord>().AsNoTracking()
            .Where(r => ids.Contains(r.AgreementId) && r.Timestamp >= periodStart && r.Timestamp < periodEnd)
            .GroupBy(r => new { r.AgreementId, r.Dimension })
            .Select(g => new { g.Key.AgreementId, g.Key.Dimension, Quantity = g.Sum(r => r.Quantity) })
            .ToListAsync(cancellationToken);
        return totals.Select(t => new AgreementUsageTotal(t.AgreementId, t.Dimension, t.Quantity)).ToList();
    }

    public async Task<IReadOnlyList<LateUsageRange>> ListLateArrivalsAsync(DateTimeOffset receivedSince, DateTimeOffset timestampBefore, CancellationToken cancellationToken)
    {
        var ranges = await db.Set<UsageRecord>().AsNoTracking()
            .Where(r => r.ReceivedAt >= receivedSince && r.Timestamp < timestampBefore)
            .GroupBy(r => r.AgreementId)
            .Select(g => new { AgreementId = g.Key, Earliest = g.Min(r => r.Timestamp), Latest = g.Max(r => r.Timestamp) })
            .ToListAsync(cancellationToken);
        return ranges.Select(r => new LateUsageRange(r.AgreementId, r.Earliest, r.Latest)).ToList();
    }

    /// <summary>The records the caller may see: the operator all, a seller its own, a buyer its agreements'.</summary>
    private IQueryable<UsageRecord> Scoped(UsageCaller caller)
    {
        var records = db.Set<UsageRecord>().AsNoTracking();
        return caller.Role switch
        {
            Roles.Operator => records,
            Roles.Seller => records.Where(r => r.SellerId == caller.OrganisationId),
            _ => records.Where(r => r.BuyerId == caller.OrganisationId),
        };
    }

    private static UsageRecordDto ToDto(UsageRecord r) => new(
        r.Id, r.SellerId, r.ProductId, r.AgreementId, r.CustomerIdentifier, r.Dimension, r.Quantity, r.Timestamp, r.Hour, r.ReceivedAt, r.Source, r.IdempotencyKey,
        AllocationsJson.Read(r.AllocationsJson));
}
