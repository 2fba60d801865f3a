using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Tradewind.Agreements.Agreements;
using Tradewind.Contracts.Agreements;

namespace Tradewind.Agreements;

/// <summary>The searches behind the AWS-compatible Entitlement and Agreement services.</summary>
internal sealed partial class AgreementsQueries
{
    /// <summary>Statuses whose entitlements grant something: a suspended agreement keeps its entitlements on record but grants nothing.</summary>
    private static readonly AgreementStatus[] GrantingStatuses = [AgreementStatus.Trial, AgreementStatus.Active, AgreementStatus.CancelPending];

    public async Task<IReadOnlyList<EntitlementInForce>> ListEntitlementsInForceAsync(EntitlementsInForceSearch search, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var at = search.At;
        var entitlements = db.Set<AgreementEntitlement>().AsNoTracking()
            .Where(e => e.SellerId == search.SellerId && e.ProductId == search.ProductId && e.ValidFrom <= at && (e.ValidTo == null || at < e.ValidTo));
        if (search.CustomerIdentifiers is { } customers)
        {
            var wanted = customers.ToList();
            entitlements = entitlements.Where(e => wanted.Contains(e.CustomerIdentifier));
        }

        if (search.Dimensions is { } dimensions)
        {
            var wanted = dimensions.ToList();
            entitlements = entitlements.Where(e => wanted.Contains(e.Dimension));
        }

        var rows = await entitlements
            .Join(db.Set<Agreement>().Where(a => GrantingStatuses.Contains(a.Status)), e => e.AgreementId, a => a.Id, (e, a) => new
            {
                Entitlement = e,
                a.Status,
                a.TrialEndsAt,
                a.CancelAt,
                a.ContractEndsAt,
                a.PeriodEnd,
            })
            .OrderBy(r => r.Entitlement.CustomerIdentifier).ThenBy(r => r.Entitlement.Dimension).ThenBy(r => r.Entitlement.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Max(0, take))
            .ToListAsync(cancellationToken);
        return rows.Select(r => new EntitlementInForce(
            AgreementsCommands.ToDto(r.Entitlement),
            r.Status,
            r.Entitlement.ValidTo ?? r.CancelAt ?? (r.Status == AgreementStatus.Trial ? r.TrialEndsAt : r.ContractEndsAt ?? r.PeriodEnd))).ToList();
    }

    public async Task<IReadOnlyList<AgreementDto>> SearchSellerAgreementsAsync(SellerAgreementSearch search, int skip, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(search);
        var query = db.Set<Agreement>().AsNoTracking().Where(a => a.SellerId == search.SellerId);
        if (search.Statuses is { } statuses)
        {
            var wanted = statuses.ToList();
            query = query.Where(a => wanted.Contains(a.Status));
        }

        if (search.ProductIds is { } products)
        {
            var wanted = products.ToList();
            query = query.Where(a => wanted.Contains(a.ProductId));
        }

        if (search.CustomerIdentifiers is { } customers)
        {
            var wanted = customers.ToList();
            query = query.Where(a => wanted.Contains(a.CustomerIdentifier));
        }

        if (search.Offers is { } offers)
        {
            query = query.Where(AnyOffer(offers));
        }

        if (search.StartsBefore is { } startsBefore)
        {
            query = query.Where(a => a.AcceptedAt < startsBefore);
        }

        if (search.StartsAfter is { } startsAfter)
        {
            query = query.Where(a => a.AcceptedAt > startsAfter);
        }

        // The end: when it ended, else the pending cancellation, else the contract's end (an open-ended subscription has none).
        if (search.EndsBefore is { } endsBefore)
        {
            query = query.Where(a => (a.EndedAt ?? a.CancelAt ?? a.ContractEndsAt) < endsBefore);
        }

        if (search.EndsAfter is { } endsAfter)
        {
            query = query.Where(a => (a.EndedAt ?? a.CancelAt ?? a.ContractEndsAt) == null || (a.EndedAt ?? a.CancelAt ?? a.ContractEndsAt) > endsAfter);
        }

        var ordered = (search.SortBy, search.Descending) switch
        {
            (AgreementSortKey.StartTime, false) => query.OrderBy(a => a.AcceptedAt).ThenBy(a => a.Id),
            (AgreementSortKey.StartTime, true) => query.OrderByDescending(a => a.AcceptedAt).ThenByDescending(a => a.Id),
            // Open-ended agreements end after every instant: last going up, first going down, on both providers alike.
            (_, false) => query.OrderBy(a => (a.EndedAt ?? a.CancelAt ?? a.ContractEndsAt) == null ? 1 : 0)
                .ThenBy(a => a.EndedAt ?? a.CancelAt ?? a.ContractEndsAt).ThenBy(a => a.Id),
            (_, true) => query.OrderByDescending(a => (a.EndedAt ?? a.CancelAt ?? a.ContractEndsAt) == null ? 1 : 0)
                .ThenByDescending(a => a.EndedAt ?? a.CancelAt ?? a.ContractEndsAt).ThenByDescending(a => a.Id),
        };
        var items = await ordered.Include(a => a.Entitlements).Skip(Math.Max(0, skip)).Take(Math.Max(0, take)).ToListAsync(cancellationToken);
        return items.Select(AgreementsCommands.ToDto).ToList();
    }

    /// <summary><c>a =&gt; (a.PlanId == p1 &amp;&amp; a.PlanVersion == v1) || …</c>; false for no offers.</summary>
    private static Expression<Func<Agreement, bool>> AnyOffer(IReadOnlyCollection<OfferVersion> offers)
    {
        var agreement = Expression.Parameter(typeof(Agreement), "a");
        Expression body = Expression.Constant(false);
        foreach (var offer in offers)
        {
            var match = Expression.AndAlso(
                Expression.Equal(Expression.Property(agreement, nameof(Agreement.PlanId)), Expression.Constant(offer.PlanId)),
                Expression.Equal(Expression.Property(agreement, nameof(Agreement.PlanVersion)), Expression.Constant(offer.Version)));
            body = Expression.OrElse(body, match);
        }

        return Expression.Lambda<Func<Agreement, bool>>(body, agreement);
    }
}
