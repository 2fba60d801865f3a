using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Revenue.Metrics;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Analytics;
using Tradewind.Contracts.Billing;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Analytics.Revenue.Rollups;

/// <summary>
/// Rebuilds <c>analytics_mrr_snapshots</c> and <c>analytics_mrr_movements</c> for a range of months (decision 0041).
/// Committed MRR at an instant: each paid agreement in force then (accepted, not ended, cancelled or expired, past
/// its trial) with contract terms adds its contract price ÷ term months, in the agreement's currency. PAYG MRR at the
/// start of month M: the net usage billed for service in month M − 1 (usage and late-usage lines, less credit notes
/// on them), in the listing's currency. Deleting and recomputing the range makes a rebuild idempotent.
/// </summary>
internal sealed class MrrRollup(
    TradewindDbContext db,
    IAgreementsQueries agreements,
    IBillingQueries billing,
    IAccountsQueries accounts,
    TimeProvider clock) : IRevenueRollups
{
    /// <summary>The most months one rebuild covers.</summary>
    public const int MaxMonths = 120;

    private const int PageSize = 500;

    public async Task<RevenueRebuildResult> RebuildAsync(DateOnly fromMonth, DateOnly toMonth, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = MonthOf(DateOnly.FromDateTime(now.UtcDateTime));
        var from = MonthOf(fromMonth);
        var to = MonthOf(toMonth);
        if (to < from)
        {
            throw new ValidationFailedException("to", "The last month must not be before the first.");
        }

        if (to > current)
        {
            to = current;
        }

        if (from > to)
        {
            return new RevenueRebuildResult(0, 0);
        }

        if (Months(from, to) > MaxMonths)
        {
            throw new ValidationFailedException("from", $"A rebuild covers at most {MaxMonths} months.");
        }

        // Snapshot instants: the start of every month from `from` to the month after `to`; one in the future is now.
        var instants = new List<(DateOnly Month, DateTimeOffset At)>();
        for (var m = from; m <= to.AddMonths(1); m = m.AddMonths(1))
        {
            var at = Start(m);
            instants.Add((m, at > now ? now : at));
        }

        var inForce = await ListAgreementsAsync(instants[0].At, instants[^1].At, cancellationToken);
        var usage = await ListBilledUsageAsync(inForce.Select(a => a.SellerId).Distinct().ToList(), from.AddMonths(-1), now, cancellationToken);
        var buyerIds = inForce.Select(a => a.BuyerId).Concat(usage.Keys.Select(k => k.BuyerId)).Distinct().ToList();
        var countries = (await accounts.ListBillingBuyersAsync(buyerIds, cancellationToken)).ToDictionary(b => b.Organisation.Id, b => b.Organisation.CountryCode);

        var snapshots = new Dictionary<(DateOnly, OrganisationId, ProductId, OrganisationId, string), MrrSnapshot>();
        MrrSnapshot SnapshotOf(DateOnly month, DateTimeOffset at, OrganisationId seller, ProductId product, OrganisationId buyer, string currency)
        {
            var key = (month, seller, product, buyer, currency);
            if (!snapshots.TryGetValue(key, out var snapshot))
            {
                snapshot = new MrrSnapshot
                {
                    Month = month,
                    SellerId = seller,
                    ProductId = product,
                    BuyerId = buyer,
                    Currency = currency,
                    BuyerCountry = countries.GetValueOrDefault(buyer, "ZZ"),
                    MeasuredAt = at,
                };
                snapshots[key] = snapshot;
            }

            return snapshot;
        }

        foreach (var (month, at) in instants)
        {
            foreach (var agreement in inForce)
            {
                if (!IsPaidAndInForce(agreement, at) || agreement.Terms.Contract is not { } contract)
                {
                    continue;
                }

                var price = Money.Parse(contract.Price, Currency.FromCode(agreement.Currency)).MinorUnits;
                var snapshot = SnapshotOf(month, at, agreement.SellerId, agreement.ProductId, agreement.BuyerId, agreement.Currency);
                snapshot.CommittedMinor = checked(snapshot.CommittedMinor + RevenueMath.MonthlyMinor(price, contract.TermMonths));
                if (agreement.PrivateOfferId is not null)
                {
                    snapshot.ContractedArrMinor = checked(snapshot.ContractedArrMinor + RevenueMath.ContractedArrMinor(price, contract.TermMonths));
                }
            }

            // The last complete calendar month before the instant (for the provisional "now" snapshot: the month before this one).
            var lastComplete = MonthOf(DateOnly.FromDateTime(at.UtcDateTime)).AddMonths(-1);
            foreach (var ((seller, product, buyer, currency, serviceMonth), amount) in usage)
            {
                if (serviceMonth == lastComplete && amount > 0)
                {
                    SnapshotOf(month, at, seller, product, buyer, currency).PaygMinor = amount;
                }
            }
        }

        var rows = snapshots.Values.Where(s => s.CommittedMinor > 0 || s.PaygMinor > 0 || s.ContractedArrMinor > 0).ToList();
        var last = to.AddMonths(1);
        return await db.InTransactionAsync(
            async ct =>
            {
                await db.Set<MrrSnapshot>().Where(s => s.Month >= from && s.Month <= last).ExecuteDeleteAsync(ct);
                await db.Set<MrrMovementRow>().Where(s => s.Month >= from && s.Month <= to).ExecuteDeleteAsync(ct);
                var earlier = await db.Set<MrrSnapshot>().AsNoTracking().Where(s => s.Month < from).ToListAsync(ct);
                var movements = Movements(earlier.Concat(rows), from, to);
                db.Set<MrrSnapshot>().AddRange(rows);
                db.Set<MrrMovementRow>().AddRange(movements);
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                return new RevenueRebuildResult(rows.Count, movements.Count);
            },
            cancellationToken);
    }

    /// <summary>
    /// A paid agreement is in force at <paramref name="at"/> when it was accepted by then, its trial (if any) is over,
    /// and it has not ended, reached its cancellation date or run past its contract's end.
    /// </summary>
    internal static bool IsPaidAndInForce(AgreementDto agreement, DateTimeOffset at) =>
        agreement.AcceptedAt <= at
        && !(agreement.TrialEndsAt is { } trialEnds && trialEnds > at)
        && !(agreement.EndedAt is { } ended && ended <= at)
        && !(agreement.CancelAt is { } cancel && cancel <= at)
        && !(agreement.ContractEndsAt is { } contractEnds && contractEnds <= at);

    /// <summary>Each customer's (buyer × seller × currency) movement per stream in every month from <paramref name="from"/> to <paramref name="to"/>.</summary>
    internal static List<MrrMovementRow> Movements(IEnumerable<MrrSnapshot> snapshots, DateOnly from, DateOnly to)
    {
        var series = new Dictionary<(OrganisationId Seller, OrganisationId Buyer, string Currency, string Stream), MrrSeries>();
        foreach (var s in snapshots)
        {
            foreach (var (stream, amount) in Streams(s))
            {
                var key = (s.SellerId, s.BuyerId, s.Currency, stream);
                if (!series.TryGetValue(key, out var one))
                {
                    series[key] = one = new MrrSeries();
                }

                one.Add(s.Month, amount);
            }
        }

        var rows = new List<MrrMovementRow>();
        for (var month = from; month <= to; month = month.AddMonths(1))
        {
            foreach (var ((seller, buyer, currency, stream), one) in series)
            {
                var change = one.Change(month, month.AddMonths(1));
                if (change.Movement is { } kind)
                {
                    rows.Add(new MrrMovementRow
                    {
                        Month = month,
                        SellerId = seller,
                        BuyerId = buyer,
                        Currency = currency,
                        Stream = stream,
                        Kind = kind.Code(),
                        DeltaMinor = change.Delta,
                        MrrAfterMinor = change.End,
                    });
                }
            }
        }

        return rows;
    }

    internal static IEnumerable<(string Stream, long Amount)> Streams(MrrSnapshot s)
    {
        yield return (RevenueStreams.Total, checked(s.CommittedMinor + s.PaygMinor));
        yield return (RevenueStreams.Committed, s.CommittedMinor);
        yield return (RevenueStreams.Payg, s.PaygMinor);
    }

    internal static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    internal static DateTimeOffset Start(DateOnly month) => new(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static int Months(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month + 1;

    private async Task<List<AgreementDto>> ListAgreementsAsync(DateTimeOffset first, DateTimeOffset last, CancellationToken cancellationToken)
    {
        var all = new List<AgreementDto>();
        for (var skip = 0; ; skip += PageSize)
        {
            var page = await agreements.ListForBillingAsync(last.AddTicks(1), first, skip, PageSize, cancellationToken);
            all.AddRange(page);
            if (page.Count < PageSize)
            {
                return all;
            }
        }
    }

    /// <summary>
    /// Net usage per seller × product × buyer × listing currency × service month, from documents issued since
    /// <paramref name="firstServiceMonth"/> began (usage is invoiced after its month, late usage and credit notes later still).
    /// </summary>
    private async Task<Dictionary<(OrganisationId Seller, ProductId Product, OrganisationId BuyerId, string Currency, DateOnly ServiceMonth), long>> ListBilledUsageAsync(
        IReadOnlyList<OrganisationId> sellers, DateOnly firstServiceMonth, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var usage = new Dictionary<(OrganisationId, ProductId, OrganisationId, string, DateOnly), long>();
        var issuedTo = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        foreach (var seller in sellers)
        {
            foreach (var row in await billing.ListBilledRevenueAsync(seller, firstServiceMonth, issuedTo, cancellationToken))
            {
                // Usage lines carry their dimension; contract fees and installments do not (they are committed MRR).
                if (row.Dimension is null || row.ServiceStart is not { } serviceStart)
                {
                    continue;
                }

                var amount = row.ListingAmount ?? row.Net;
                var key = (seller, row.ProductId, row.BuyerId, amount.Currency.Code, MonthOf(DateOnly.FromDateTime(serviceStart.UtcDateTime)));
                usage[key] = checked(usage.GetValueOrDefault(key) + amount.MinorUnits);
            }
        }

        return usage;
    }
}
