using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tradewind.Agreements.Agreements;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Agreements.PrivateOffers;

internal sealed class PrivateOffersQueries(TradewindDbContext db, IAccountsQueries accounts) : IPrivateOffersQueries
{
    public async Task<Page<PrivateOfferDto>> ListAsync(PrivateOfferFilter filter, AgreementsCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = await ScopedAsync(caller, cancellationToken);
        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.ProductId is { } product)
        {
            query = query.Where(o => o.ProductId == product);
        }

        if (filter.BuyerId is { } buyer)
        {
            query = query.Where(o => o.BuyerId == buyer);
        }

        if (!string.IsNullOrWhiteSpace(filter.Currency))
        {
            var currency = filter.Currency.Trim().ToUpperInvariant();
            query = query.Where(o => o.Currency == currency);
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(o => o.CreatedAt).ThenByDescending(o => o.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<PrivateOfferDto>(items.Select(ToDto).ToList(), page.Number, page.Size, total);
    }

    public async Task<PrivateOfferDto?> FindAsync(PrivateOfferId id, AgreementsCaller caller, CancellationToken cancellationToken) =>
        await (await ScopedAsync(caller, cancellationToken)).SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is { } found ? ToDto(found) : null;

    public async Task<Page<OfferTemplateDto>> ListTemplatesAsync(AgreementsCaller seller, PageRequest page, CancellationToken cancellationToken)
    {
        var query = Templates(seller);
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<OfferTemplateDto>(items.Select(ToDto).ToList(), page.Number, page.Size, total);
    }

    public async Task<OfferTemplateDto?> FindTemplateAsync(OfferTemplateId id, AgreementsCaller seller, CancellationToken cancellationToken) =>
        await Templates(seller).SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is { } found ? ToDto(found) : null;

    public async Task<PrivateOfferReport> ReportAsync(DateTimeOffset since, DateTimeOffset until, AgreementsCaller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (until <= since)
        {
            throw new ValidationFailedException("to", "The end of the window comes after its start.");
        }

        var offers = caller.Role switch
        {
            Roles.Operator => db.Set<PrivateOffer>().AsNoTracking(),
            Roles.Seller => db.Set<PrivateOffer>().AsNoTracking().Where(o => o.SellerId == caller.OrganisationId),
            _ => throw new DomainException("offer-report-forbidden", "Offer reports are for sellers and the operator.", DomainErrorKind.Forbidden),
        };

        // Instants are compared in memory: SQLite stores them as text, and a seller's offers in a window are few.
        var sent = (await offers.Where(o => o.PublishedAt != null).Select(o => new { o.Status, o.PublishedAt, o.ViewedAt, o.AcceptedAt, o.Currency, o.ContractValueMinor }).ToListAsync(cancellationToken))
            .Where(o => o.PublishedAt >= since && o.PublishedAt < until)
            .ToList();
        var accepted = sent.Where(o => o.Status == PrivateOfferStatus.Accepted).ToList();
        var hours = accepted.Select(o => (o.AcceptedAt!.Value - o.PublishedAt!.Value).TotalHours).Order().ToList();
        double? median = hours.Count == 0 ? null : hours.Count % 2 == 1 ? hours[hours.Count / 2] : (hours[(hours.Count / 2) - 1] + hours[hours.Count / 2]) / 2;
        var value = accepted.GroupBy(o => o.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Money.FromMinor(g.Sum(o => o.ContractValueMinor), Currency.FromCode(g.Key)))
            .ToList();
        return new PrivateOfferReport(
            since, until, sent.Count,
            sent.Count(o => o.ViewedAt is not null),
            accepted.Count,
            sent.Count(o => o.Status == PrivateOfferStatus.Declined),
            sent.Count(o => o.Status == PrivateOfferStatus.Expired),
            sent.Count(o => o.Status == PrivateOfferStatus.Withdrawn),
            median,
            value);
    }

    public async Task<IReadOnlyList<OfferFeeBasis>> ListFeeBasesAsync(IReadOnlyCollection<AgreementId> agreementIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agreementIds);
        if (agreementIds.Count == 0)
        {
            return [];
        }

        var ids = agreementIds.Distinct().ToList();
        var offers = await db.Set<PrivateOffer>().AsNoTracking()
            .Where(o => o.AgreementId != null && ids.Contains(o.AgreementId.Value) && o.Status == PrivateOfferStatus.Accepted)
            .Select(o => new { o.Id, AgreementId = o.AgreementId!.Value, o.Currency, o.ContractValueMinor, o.AcceptedAt, o.ReplacedAgreementId })
            .ToListAsync(cancellationToken);
        var replacedIds = offers.Where(o => o.ReplacedAgreementId is not null).Select(o => o.ReplacedAgreementId!.Value).Distinct().ToList();
        // A renewal: the offer replaced an agreement that itself came from a private offer.
        var fromOffers = replacedIds.Count == 0
            ? []
            : await db.Set<Agreement>().AsNoTracking().Where(a => replacedIds.Contains(a.Id) && a.PrivateOfferId != null).Select(a => a.Id).ToListAsync(cancellationToken);
        return offers.Select(o => new OfferFeeBasis(
            o.AgreementId, o.Id, Money.FromMinor(o.ContractValueMinor, Currency.FromCode(o.Currency)), o.AcceptedAt!.Value,
            o.ReplacedAgreementId is { } replaced && fromOffers.Contains(replaced))).ToList();
    }

    /// <summary>The email domains the people of a buyer organisation sign in with, lower case.</summary>
    internal static async Task<IReadOnlyList<string>> EmailDomainsAsync(IAccountsQueries accounts, OrganisationId organisation, CancellationToken ct) =>
        (await accounts.ListUsersAsync(organisation, ct))
            .Select(u => u.Email.LastIndexOf('@') is var at and >= 0 ? u.Email[(at + 1)..].Trim().ToLowerInvariant() : "")
            .Where(d => d.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private async Task<IQueryable<PrivateOffer>> ScopedAsync(AgreementsCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var offers = db.Set<PrivateOffer>().AsNoTracking();
        switch (caller.Role)
        {
            case Roles.Operator:
                return offers;
            case Roles.Seller:
                return offers.Where(o => o.SellerId == caller.OrganisationId);
            default:
                // A buyer sees offers made to it once sent, never drafts: by organisation, or by its people's email domain.
                var domains = await EmailDomainsAsync(accounts, caller.OrganisationId, ct);
                var me = caller.OrganisationId;
                return offers.Where(o => o.Status != PrivateOfferStatus.Draft
                    && (o.BuyerId == me || (o.BuyerId == null && o.BuyerEmailDomain != null && domains.Contains(o.BuyerEmailDomain))));
        }
    }

    private IQueryable<OfferTemplate> Templates(AgreementsCaller seller)
    {
        ArgumentNullException.ThrowIfNull(seller);
        var templates = db.Set<OfferTemplate>().AsNoTracking();
        return seller.Role == Roles.Operator ? templates : templates.Where(t => t.SellerId == seller.OrganisationId);
    }

    internal static OfferTemplateDto ToDto(OfferTemplate t) =>
        new(t.Id, t.SellerId, t.Name, JsonSerializer.Deserialize<PrivateOfferDraft>(t.DraftJson, PrivateOffer.Json)!, t.CreatedAt, t.CreatedBy);

    internal static PrivateOfferDto ToDto(PrivateOffer o)
    {
        var terms = o.Terms;
        var currency = Currency.FromCode(o.Currency);
        var value = Money.FromMinor(o.ContractValueMinor, currency);
        var draft = o.Draft;
        return new PrivateOfferDto(
            o.Id, o.OfferId, o.Name, o.Status, o.SellerId, o.SellerName, o.SellerEntityId, o.SellerEntityName, o.ProductId, o.ProductTitle, o.ProductSlug,
            o.BasePlanId, o.BuyerId, o.BuyerName, o.BuyerEmailDomain, o.Currency, o.TermMonths, terms, value, Schedule(o, terms, value),
            draft.FromAgreementId, draft.ReplaceAgreement, draft.Licence, draft.CustomTerms, o.ExpiresOn, draft.NoteToBuyer, o.CreatedAt, o.PublishedAt, o.ViewedAt,
            o.AcceptedAt, o.DeclinedAt, o.DeclineReason, o.WithdrawnAt, o.ExpiredAt, o.AgreementId, draft, o.History);
    }

    /// <summary>
    /// The payments as the buyer sees them: an explicit schedule as written, or the contract fee upfront on acceptance (dated
    /// the acceptance day once accepted, the day the offer was written before). A date before acceptance falls due on acceptance.
    /// </summary>
    private static List<ScheduledPayment> Schedule(PrivateOffer o, Contracts.Catalog.PlanTerms terms, Money value)
    {
        if (terms.Contract?.Schedule is { Count: > 0 } schedule)
        {
            return schedule.Select((p, i) => new ScheduledPayment(i + 1, p.DueOn, Money.Parse(p.Amount, value.Currency))).ToList();
        }

        return value.IsPositive ? [new ScheduledPayment(1, DateOnly.FromDateTime((o.AcceptedAt ?? o.CreatedAt).UtcDateTime), value)] : [];
    }
}
