using Microsoft.EntityFrameworkCore;
using Tradewind.Agreements.Agreements;
using Tradewind.Agreements.Support;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements;

internal sealed partial class AgreementsQueries(TradewindDbContext db) : IAgreementsQueries
{
    public async Task<Page<AgreementDto>> ListAsync(AgreementFilter filter, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = Scoped(caller);
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.ProductId is { } product)
        {
            query = query.Where(a => a.ProductId == product);
        }

        if (!string.IsNullOrWhiteSpace(filter.CustomerIdentifier))
        {
            query = query.Where(a => a.CustomerIdentifier == filter.CustomerIdentifier);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.Include(a => a.Entitlements).OrderByDescending(a => a.AcceptedAt).ThenByDescending(a => a.Id)
            .Skip(page.Skip).Take(page.Size).AsNoTracking().ToListAsync(cancellationToken);
        return new Page<AgreementDto>(items.Select(AgreementsCommands.ToDto).ToList(), page.Number, page.Size, total);
    }

    public async Task<AgreementDto?> FindAsync(AgreementId id, AgreementsCaller caller, CancellationToken cancellationToken) =>
        await Scoped(caller).Include(a => a.Entitlements).AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken) is { } found
            ? AgreementsCommands.ToDto(found)
            : null;

    public async Task<Page<EntitlementDto>> ListEntitlementsAsync(
        ProductId? productId, string? customerIdentifier, string? dimension, DateTimeOffset? at, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var query = db.Set<AgreementEntitlement>().AsNoTracking();
        query = caller.Role switch
        {
            Roles.Operator => query,
            Roles.Seller => query.Where(e => e.SellerId == caller.OrganisationId),
            _ => query.Where(e => e.BuyerId == caller.OrganisationId),
        };
        if (productId is { } product)
        {
            query = query.Where(e => e.ProductId == product);
        }

        if (!string.IsNullOrWhiteSpace(customerIdentifier))
        {
            query = query.Where(e => e.CustomerIdentifier == customerIdentifier);
        }

        if (!string.IsNullOrWhiteSpace(dimension))
        {
            query = query.Where(e => e.Dimension == dimension);
        }

        if (at is { } instant)
        {
            query = query.Where(e => e.ValidFrom <= instant && (e.ValidTo == null || instant < e.ValidTo));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(e => e.ProductId).ThenBy(e => e.CustomerIdentifier).ThenBy(e => e.Dimension).ThenBy(e => e.ValidFrom)
            .Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<EntitlementDto>(items.Select(AgreementsCommands.ToDto).ToList(), page.Number, page.Size, total);
    }

    public async Task<EntitlementDto?> FindEntitlementAsync(string customerIdentifier, ProductId productId, string dimension, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // A suspended agreement keeps its entitlements on record but grants nothing while suspended.
        var candidates = await db.Set<AgreementEntitlement>().AsNoTracking()
            .Where(e => e.ProductId == productId && e.CustomerIdentifier == customerIdentifier && e.Dimension == dimension && e.ValidFrom <= at && (e.ValidTo == null || at < e.ValidTo))
            .Join(db.Set<Agreement>().Where(a => a.Status != AgreementStatus.Suspended), e => e.AgreementId, a => a.Id, (e, _) => e)
            .ToListAsync(cancellationToken);
        return candidates.OrderByDescending(e => e.ValidFrom).Select(AgreementsCommands.ToDto).FirstOrDefault();
    }

    public async Task<IReadOnlyList<MeteringCustomer>> FindMeteringCustomersAsync(
        IReadOnlyCollection<string> customerIdentifiers, IReadOnlyCollection<AgreementId> agreementIds, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(customerIdentifiers);
        ArgumentNullException.ThrowIfNull(agreementIds);
        var identifiers = customerIdentifiers.Distinct(StringComparer.Ordinal).ToList();
        if (agreementIds.Count > 0)
        {
            var ids = agreementIds.Distinct().ToList();
            identifiers.AddRange(await db.Set<Agreement>().AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => a.CustomerIdentifier).ToListAsync(cancellationToken));
            identifiers = identifiers.Distinct(StringComparer.Ordinal).ToList();
        }

        if (identifiers.Count == 0)
        {
            return [];
        }

        var agreements = await db.Set<Agreement>().AsNoTracking().Include(a => a.Entitlements)
            .Where(a => identifiers.Contains(a.CustomerIdentifier) && (a.EndedAt == null || a.EndedAt > since))
            .ToListAsync(cancellationToken);
        var customers = await db.Set<Customer>().AsNoTracking().Where(c => identifiers.Contains(c.Identifier)).ToListAsync(cancellationToken);
        return customers.Select(c =>
        {
            var own = agreements.Where(a => a.CustomerIdentifier == c.Identifier).OrderBy(a => a.AcceptedAt).ToList();
            return new MeteringCustomer(
                c.Identifier,
                c.ProductId,
                c.SellerId,
                c.BuyerId,
                own.Count > 0 ? own[^1].BuyerName : "",
                own.Select(a => new MeteringAgreement(
                    a.Id,
                    a.Status,
                    a.AcceptedAt,
                    a.EndedAt,
                    (TermsJson.Read(a.TermsJson).Dimensions ?? []).Select(d => d.Key).ToList(),
                    a.Entitlements.OrderBy(e => e.Dimension, StringComparer.Ordinal).ThenBy(e => e.ValidFrom).Select(AgreementsCommands.ToDto).ToList(),
                    a.FirstUsageAt)).ToList());
        }).ToList();
    }

    public async Task<IReadOnlyList<AgreementDto>> ListWithPeriodsEndedAsync(DateTimeOffset asOf, int limit, CancellationToken cancellationToken)
    {
        var items = await db.Set<Agreement>().AsNoTracking().Include(a => a.Entitlements)
            .Where(a => a.Status != AgreementStatus.Trial && a.PeriodEnd <= asOf)
            .OrderBy(a => a.PeriodEnd).ThenBy(a => a.Id)
            .Take(Math.Clamp(limit, 1, 1000))
            .ToListAsync(cancellationToken);
        return items.Select(AgreementsCommands.ToDto).ToList();
    }

    public async Task<IReadOnlyList<AgreementDto>> ListForBillingAsync(DateTimeOffset acceptedBefore, DateTimeOffset endedAfter, int skip, int take, CancellationToken cancellationToken)
    {
        var items = await db.Set<Agreement>().AsNoTracking().Include(a => a.Entitlements)
            .Where(a => a.AcceptedAt < acceptedBefore && (a.EndedAt == null || a.EndedAt > endedAfter))
            .OrderBy(a => a.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 5000))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return items.Select(AgreementsCommands.ToDto).ToList();
    }

    public async Task<AgreementDto?> FindInForceAsync(OrganisationId buyerId, ProductId productId, CancellationToken cancellationToken) =>
        await db.Set<Agreement>().AsNoTracking().Include(a => a.Entitlements)
            .Where(a => a.BuyerId == buyerId && a.ProductId == productId && AgreementsCommands.InForceStatuses.Contains(a.Status))
            .FirstOrDefaultAsync(cancellationToken) is { } found
            ? AgreementsCommands.ToDto(found)
            : null;

    public async Task<Page<TicketDto>> ListTicketsAsync(TicketStatus? status, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        var query = ScopedTickets(caller);
        if (status is { } wanted)
        {
            query = query.Where(t => t.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.Include(t => t.Messages).OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id)
            .Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<TicketDto>(items.Select(AgreementsCommands.ToDto).ToList(), page.Number, page.Size, total);
    }

    public async Task<TicketDto?> FindTicketAsync(TicketId id, AgreementsCaller caller, CancellationToken cancellationToken) =>
        await ScopedTickets(caller).Include(t => t.Messages).SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is { } found
            ? AgreementsCommands.ToDto(found)
            : null;

    private IQueryable<Agreement> Scoped(AgreementsCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return caller.Role switch
        {
            Roles.Operator => db.Set<Agreement>(),
            Roles.Seller => db.Set<Agreement>().Where(a => a.SellerId == caller.OrganisationId),
            _ => db.Set<Agreement>().Where(a => a.BuyerId == caller.OrganisationId),
        };
    }

    private IQueryable<Ticket> ScopedTickets(AgreementsCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var tickets = db.Set<Ticket>().AsNoTracking();
        return caller.Role switch
        {
            Roles.Operator => tickets,
            Roles.Seller => tickets.Where(t => t.SellerId == caller.OrganisationId),
            _ => tickets.Where(t => t.BuyerId == caller.OrganisationId),
        };
    }
}
