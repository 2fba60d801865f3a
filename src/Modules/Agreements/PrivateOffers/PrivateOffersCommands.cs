using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Tradewind.Agreements.Agreements;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Legal;
using Tradewind.Contracts.Webhooks;
using Tradewind.Persistence;
using Tradewind.Persistence.Auditing;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.PrivateOffers;

/// <summary>
/// Private offers: a seller writes and sends them, the buyer opens, accepts (an agreement copying the offer's terms) or
/// declines; each step is recorded in the offer's history and the audit trail, with its event in the outbox, in one unit of work.
/// </summary>
internal sealed class PrivateOffersCommands(
    TradewindDbContext db,
    ICatalogQueries catalog,
    IAccountsQueries accounts,
    IWebhookPublisher webhooks,
    Outbox outbox,
    AuditTrail audit,
    IOptions<PrivateOffersOptions> options,
    TimeProvider clock) : IPrivateOffersCommands
{
    public async Task<PrivateOfferDto> CreateAsync(PrivateOfferDraft draft, AgreementsCaller seller, CancellationToken cancellationToken)
    {
        RequireSeller(seller);
        var now = clock.GetUtcNow();
        var checkedDraft = await CheckAsync(draft, seller, now, cancellationToken);
        var organisation = await accounts.FindOrganisationAsync(seller.OrganisationId, cancellationToken);
        var offer = PrivateOffer.NewDraft(PrivateOfferId.New(clock), seller.OrganisationId, organisation?.Name ?? "", seller.Actor, now, o => checkedDraft.Apply(o));
        db.Add(offer);
        audit.Record(seller.Actor, seller.OrganisationId.Value, "private-offer.created", Subject(offer), $"{offer.Name}: {offer.ProductTitle}, {offer.Currency} {checkedDraft.Built.ContractValue.ToMajorString()}");
        await db.SaveChangesAsync(cancellationToken);
        return PrivateOffersQueries.ToDto(offer);
    }

    public async Task<PrivateOfferDto> UpdateAsync(PrivateOfferId id, PrivateOfferDraft draft, AgreementsCaller seller, CancellationToken cancellationToken)
    {
        RequireSeller(seller);
        var offer = await OwnAsync(id, seller, cancellationToken);
        var now = clock.GetUtcNow();
        if (offer.Status != PrivateOfferStatus.Draft)
        {
            throw new DomainException("offer-not-draft", $"Offer {id} is {PrivateOffer.Wire(offer.Status)}; only drafts change.", DomainErrorKind.Conflict);
        }

        var checkedDraft = await CheckAsync(draft, seller, now, cancellationToken);
        offer.Revise(seller.Actor, now, o => checkedDraft.Apply(o));
        audit.Record(seller.Actor, seller.OrganisationId.Value, "private-offer.updated", Subject(offer), offer.Name);
        await SaveAsync(offer, cancellationToken);
        return PrivateOffersQueries.ToDto(offer);
    }

    public async Task<PrivateOfferDto> PublishAsync(PrivateOfferId id, AgreementsCaller seller, CancellationToken cancellationToken)
    {
        RequireSeller(seller);
        var offer = await OwnAsync(id, seller, cancellationToken);
        var now = clock.GetUtcNow();
        offer.Publish(seller.Actor, now);
        outbox.Add(new PrivateOfferPublished(offer.Id, offer.SellerId, offer.ProductId, offer.BuyerId, offer.Currency, offer.ContractValueMinor, now));
        audit.Record(seller.Actor, seller.OrganisationId.Value, "private-offer.published", Subject(offer),
            offer.BuyerId is { } buyer ? $"to {offer.BuyerName} ({buyer})" : $"to @{offer.BuyerEmailDomain}");
        await SaveAsync(offer, cancellationToken);
        return PrivateOffersQueries.ToDto(offer);
    }

    public async Task<PrivateOfferDto> WithdrawAsync(PrivateOfferId id, string? reason, AgreementsCaller seller, CancellationToken cancellationToken)
    {
        RequireSeller(seller);
        var why = reason?.Trim();
        new Validation().Require((why?.Length ?? 0) <= 1000, "reason", "A reason is at most 1,000 characters.").ThrowIfInvalid();
        var offer = await OwnAsync(id, seller, cancellationToken);
        var now = clock.GetUtcNow();
        offer.Withdraw(seller.Actor, string.IsNullOrEmpty(why) ? null : why, now);
        outbox.Add(new PrivateOfferWithdrawn(offer.Id, offer.SellerId, offer.ProductId, now));
        audit.Record(seller.Actor, seller.OrganisationId.Value, "private-offer.withdrawn", Subject(offer), why ?? "");
        await SaveAsync(offer, cancellationToken);
        return PrivateOffersQueries.ToDto(offer);
    }

    public async Task<PrivateOfferDto> OpenAsync(PrivateOfferId id, AgreementsCaller buyer, CancellationToken cancellationToken)
    {
        var offer = await MadeToAsync(id, buyer, cancellationToken);
        var now = clock.GetUtcNow();
        if (offer.ExpireIfDue(now))
        {
            await AnnounceExpiryAsync(offer, now, cancellationToken);
            return PrivateOffersQueries.ToDto(offer);
        }

        if (offer.Open(buyer.Actor, now))
        {
            outbox.Add(new PrivateOfferViewed(offer.Id, offer.SellerId, offer.ProductId, buyer.OrganisationId, now));
            audit.Record(buyer.Actor, buyer.OrganisationId.Value, "private-offer.viewed", Subject(offer));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Opened twice at once: the other request recorded the view.
                db.ChangeTracker.Clear();
                offer = await db.Set<PrivateOffer>().AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken);
            }
        }

        return PrivateOffersQueries.ToDto(offer);
    }

    public async Task<AgreementDto> AcceptAsync(PrivateOfferId id, AcceptPrivateOffer acceptance, AgreementsCaller buyer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acceptance);
        var offer = await MadeToAsync(id, buyer, cancellationToken);
        var now = clock.GetUtcNow();
        await RefuseIfExpiredAsync(offer, now, cancellationToken);
        if (!offer.IsOpen)
        {
            throw NotOpen(offer);
        }

        var organisation = await accounts.FindOrganisationAsync(buyer.OrganisationId, cancellationToken)
            ?? throw new DomainException("organisation-not-found", $"Organisation {buyer.OrganisationId} does not exist.", DomainErrorKind.NotFound);
        var listing = await catalog.FindPublishedBySlugAsync(offer.ProductSlug, cancellationToken);
        if (listing?.Availability.ExcludedCountries.Contains(organisation.CountryCode, StringComparer.OrdinalIgnoreCase) == true)
        {
            throw new DomainException("country-excluded", $"{offer.ProductTitle} is not offered to buyers in {organisation.CountryCode}.");
        }

        var draft = offer.Draft;
        var replace = acceptance.ReplaceAgreement ?? draft.ReplaceAgreement;
        var lang = string.IsNullOrWhiteSpace(acceptance.Language) ? "en" : acceptance.Language.Trim();
        var licence = new AcceptedLicence(
            draft.Licence,
            draft.Licence == LicenceKind.Standard ? StandardContract.CurrentVersion : $"offer-{offer.Id.Value:N}",
            lang.Length > 20 ? lang[..20] : lang);
        var terms = offer.Terms;

        try
        {
            var agreement = await db.InTransactionAsync(
                async ct =>
                {
                    var inForce = await db.Set<Agreement>().Include(a => a.Entitlements)
                        .Where(a => a.BuyerId == buyer.OrganisationId && a.ProductId == offer.ProductId && AgreementsCommands.InForceStatuses.Contains(a.Status))
                        .ToListAsync(ct);
                    if (inForce.Count > 0 && !replace)
                    {
                        throw new DomainException("agreement-exists",
                            $"Your organisation already has an agreement for {offer.ProductTitle}; accept with replaceAgreement to end it now and start this one.", DomainErrorKind.Conflict);
                    }

                    // Touching the customer row serialises this with a subscribe (or another acceptance) for the same product.
                    var customer = await Customer.ForNewAgreementAsync(db, buyer.OrganisationId, offer.ProductId, offer.SellerId, now, ct);
                    var replaced = inForce.FirstOrDefault();
                    var agreement = Agreement.AcceptOffer(
                        AgreementId.New(clock), customer.Identifier, organisation.Id, organisation.Name, organisation.CountryCode, offer.SellerId, offer.ProductId,
                        offer.ProductTitle, offer.ProductSlug, offer.BasePlanId, offer.BasePlanVersion, terms, offer.Currency, licence, offer.Id, replaced?.Id, now);
                    db.Add(agreement);
                    foreach (var old in inForce)
                    {
                        old.Replace(now);
                        outbox.Add(new AgreementReplaced(old.Id, agreement.Id, old.BuyerId, old.SellerId, old.ProductId, now));
                        audit.Record(buyer.Actor, buyer.OrganisationId.Value, "agreement.replaced", $"agreement:{old.Id}", $"by {agreement.Id} from offer {offer.OfferId}");
                    }

                    offer.Accept(buyer.Actor, organisation.Id, organisation.Name, agreement.Id, replaced?.Id, now);
                    outbox.Add(new AgreementCreated(agreement.Id, agreement.BuyerId, agreement.SellerId, agreement.ProductId, agreement.PlanId, agreement.PlanVersion, agreement.CustomerIdentifier, false, now));
                    outbox.Add(new PrivateOfferAccepted(offer.Id, agreement.Id, replaced?.Id, organisation.Id, offer.SellerId, offer.ProductId, offer.Currency, offer.ContractValueMinor, now));
                    if (replaced is null)
                    {
                        await NotifyAsync(WebhookMessageTypes.SubscribeSuccess, agreement, now, ct);
                    }

                    await NotifyAsync(WebhookMessageTypes.EntitlementUpdated, agreement, now, ct);
                    audit.Record(buyer.Actor, buyer.OrganisationId.Value, "private-offer.accepted", Subject(offer),
                        $"agreement {agreement.Id}{(replaced is null ? "" : $" replacing {replaced.Id}")}; licence {licence.Kind} {licence.Version} read in {licence.Language}");
                    audit.Record(buyer.Actor, buyer.OrganisationId.Value, "agreement.created", $"agreement:{agreement.Id}", $"{offer.ProductTitle}, private offer {offer.OfferId} ({offer.Currency})");
                    await db.SaveChangesAsync(ct);
                    return agreement;
                },
                cancellationToken);
            return AgreementsCommands.ToDto(agreement);
        }
        catch (DbUpdateException)
        {
            // Another acceptance (or a subscribe) won the race on the offer's or the customer's version.
            db.ChangeTracker.Clear();
            throw new DomainException("offer-not-open", $"Offer {id} was accepted or changed meanwhile.", DomainErrorKind.Conflict);
        }
    }

    public async Task<PrivateOfferDto> DeclineAsync(PrivateOfferId id, string reason, AgreementsCaller buyer, CancellationToken cancellationToken)
    {
        var why = reason?.Trim() ?? "";
        new Validation().Require(why.Length is >= 1 and <= 1000, "reason", "Say why you decline, in at most 1,000 characters.").ThrowIfInvalid();
        var offer = await MadeToAsync(id, buyer, cancellationToken);
        var now = clock.GetUtcNow();
        await RefuseIfExpiredAsync(offer, now, cancellationToken);
        offer.Decline(buyer.Actor, why, now);
        outbox.Add(new PrivateOfferDeclined(offer.Id, buyer.OrganisationId, offer.SellerId, offer.ProductId, why, now));
        audit.Record(buyer.Actor, buyer.OrganisationId.Value, "private-offer.declined", Subject(offer), why);
        await SaveAsync(offer, cancellationToken);
        return PrivateOffersQueries.ToDto(offer);
    }

    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var due = await db.Set<PrivateOffer>()
            .Where(o => (o.Status == PrivateOfferStatus.Published || o.Status == PrivateOfferStatus.Viewed) && o.ExpiresOn < today)
            .OrderBy(o => o.ExpiresOn).Take(500)
            .ToListAsync(cancellationToken);
        var expired = 0;
        foreach (var offer in due)
        {
            if (!offer.ExpireIfDue(now))
            {
                continue;
            }

            try
            {
                await AnnounceExpiryAsync(offer, now, cancellationToken);
                expired++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // The buyer (or another node's sweep) got there first.
                db.ChangeTracker.Clear();
            }
        }

        return expired;
    }

    public async Task<OfferTemplateDto> SaveTemplateAsync(string name, PrivateOfferDraft draft, AgreementsCaller seller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        RequireSeller(seller);
        var title = name?.Trim() ?? "";
        new Validation().Require(title.Length is >= 1 and <= OfferTermsBuilder.MaxName, "name", "Give the template a name of at most 200 characters.").ThrowIfInvalid();
        var product = await catalog.FindProductAsync(draft.ProductId, new CatalogCaller(seller.OrganisationId, IsOperator: false, seller.Actor), cancellationToken);
        if (product is null || product.SellerId != seller.OrganisationId)
        {
            throw new ValidationFailedException("productId", "Choose one of your products.");
        }

        // A template has no buyer: it is the terms to start offers from.
        var stored = draft with { BuyerId = null, BuyerEmailDomain = null, FromAgreementId = null, ReplaceAgreement = false };
        var template = new OfferTemplate
        {
            Id = OfferTemplateId.New(clock),
            SellerId = seller.OrganisationId,
            Name = title,
            DraftJson = JsonSerializer.Serialize(stored, PrivateOffer.Json),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = seller.Actor.Length > 200 ? seller.Actor[..200] : seller.Actor,
        };
        db.Add(template);
        audit.Record(seller.Actor, seller.OrganisationId.Value, "offer-template.created", $"offer-template:{template.Id}", title);
        await db.SaveChangesAsync(cancellationToken);
        return PrivateOffersQueries.ToDto(template);
    }

    public async Task DeleteTemplateAsync(OfferTemplateId id, AgreementsCaller seller, CancellationToken cancellationToken)
    {
        RequireSeller(seller);
        var template = await db.Set<OfferTemplate>().SingleOrDefaultAsync(t => t.Id == id && t.SellerId == seller.OrganisationId, cancellationToken)
            ?? throw new DomainException("offer-template-not-found", $"Offer template {id} does not exist.", DomainErrorKind.NotFound);
        db.Remove(template);
        audit.Record(seller.Actor, seller.OrganisationId.Value, "offer-template.deleted", $"offer-template:{template.Id}", template.Name);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A draft checked against the catalog, the buyer and the seller entity, with its built terms.</summary>
    private sealed record CheckedDraft(
        PrivateOfferDraft Draft, BuiltOffer Built, ListingDto? Listing, ProductDto Product, PlanId PlanId, int PlanVersion, OrganisationDto? Buyer, string? Domain, SellerEntityDto Entity)
    {
        public void Apply(PrivateOffer offer)
        {
            offer.SellerEntityId = Entity.Id;
            offer.SellerEntityName = Entity.LegalName;
            offer.ProductId = Product.Id;
            offer.ProductTitle = Listing?.Title ?? Product.Draft.Title;
            offer.ProductSlug = Product.Slug;
            offer.BasePlanId = PlanId;
            offer.BasePlanVersion = PlanVersion;
            offer.BuyerId = Buyer?.Id;
            offer.BuyerName = Buyer?.Name;
            offer.BuyerEmailDomain = Domain;
            offer.Name = Built.Name;
            offer.Currency = Built.Terms.Currency;
            offer.TermMonths = Draft.TermMonths;
            offer.ContractValueMinor = Built.ContractValue.MinorUnits;
            offer.TermsJson = TermsJson.Write(Built.Terms);
            offer.DraftJson = JsonSerializer.Serialize(Draft, PrivateOffer.Json);
            offer.ExpiresOn = Draft.ExpiresOn;
        }
    }

    private async Task<CheckedDraft> CheckAsync(PrivateOfferDraft draft, AgreementsCaller seller, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var product = await catalog.FindProductAsync(draft.ProductId, new CatalogCaller(default, IsOperator: true, "agreements"), ct);
        if (product is null || product.SellerId != seller.OrganisationId)
        {
            throw new ValidationFailedException("productId", "Choose one of your products.");
        }

        var listing = await catalog.FindPublishedBySlugAsync(product.Slug, ct)
            ?? throw new ValidationFailedException("productId", $"{product.Draft.Title} is not published on the storefront; offers are made for published products.");

        // The base: a published plan, or the agreement the offer starts from (its copied terms and its buyer).
        PlanTerms basePlan;
        PlanId planId;
        int planVersion;
        OrganisationId? buyerId = draft.BuyerId;
        if (draft.FromAgreementId is { } fromId)
        {
            var from = await db.Set<Agreement>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == fromId && a.SellerId == seller.OrganisationId && a.ProductId == draft.ProductId, ct)
                ?? throw new ValidationFailedException("fromAgreementId", "Start from an agreement of a buyer for this product.");
            if (draft.BuyerId is { } named && named != from.BuyerId)
            {
                throw new ValidationFailedException("buyerId", "The offer is for the buyer of the agreement it starts from.");
            }

            if (!string.IsNullOrWhiteSpace(draft.BuyerEmailDomain))
            {
                throw new ValidationFailedException("buyerEmailDomain", "An offer that starts from an agreement is for that agreement's buyer; leave the email domain empty.");
            }

            buyerId = from.BuyerId;
            if (draft.BasePlanId is { } chosen && chosen != from.PlanId)
            {
                var plan = listing.Plans.FirstOrDefault(p => p.PlanId == chosen)
                    ?? throw new ValidationFailedException("basePlanId", "Choose one of the product's published plans.");
                (basePlan, planId, planVersion) = (plan.Terms, plan.PlanId, plan.Version);
            }
            else
            {
                (basePlan, planId, planVersion) = (TermsJson.Read(from.TermsJson), from.PlanId, from.PlanVersion);
            }
        }
        else
        {
            var plan = draft.BasePlanId is { } chosen ? listing.Plans.FirstOrDefault(p => p.PlanId == chosen) : null;
            if (plan is null)
            {
                throw new ValidationFailedException("basePlanId", "Choose one of the product's published plans to start from.");
            }

            (basePlan, planId, planVersion) = (plan.Terms, plan.PlanId, plan.Version);
        }

        var entity = await accounts.FindSellerEntityAsync(draft.SellerEntityId, seller.OrganisationId, ct)
            ?? throw new ValidationFailedException("sellerEntityId", "Choose one of your legal entities as the seller of record.");
        var payout = await accounts.ListPayoutCurrenciesAsync(entity.Id, seller.OrganisationId, ct);
        var allowed = OfferTermsBuilder.StandardCurrencies.Concat(payout.Select(p => p.CurrencyCode.ToUpperInvariant())).Distinct(StringComparer.Ordinal).ToList();
        var built = OfferTermsBuilder.Build(
            draft with { BuyerId = buyerId },
            new OfferBasis(basePlan, listing.Title, today, allowed, options.Value.EffectiveUsageCurrencies));

        var currency = built.Terms.Currency;
        var accountsInCurrency = await accounts.ListBankAccountsAsync(entity.Id, seller.OrganisationId, ct);
        if (!payout.Any(p => string.Equals(p.CurrencyCode, currency, StringComparison.OrdinalIgnoreCase))
            && !accountsInCurrency.Any(a => a.Status == BankAccountStatus.Verified && string.Equals(a.CurrencyCode, currency, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException("currency-not-payable", $"{entity.LegalName} has no verified payout bank account in {currency}; add one, or offer in a currency it is paid in.");
        }

        OrganisationDto? buyer = null;
        if (buyerId is { } id)
        {
            buyer = await accounts.FindOrganisationAsync(id, ct);
            if (buyer is null || buyer.Kind != OrganisationKind.Buyer)
            {
                throw new ValidationFailedException("buyerId", "The buyer is a buyer organisation on Tradewind.");
            }

            if (listing.Availability.ExcludedCountries.Contains(buyer.CountryCode, StringComparer.OrdinalIgnoreCase))
            {
                throw new DomainException("country-excluded", $"{listing.Title} is not offered to buyers in {buyer.CountryCode}.");
            }
        }

        var domain = buyer is null ? draft.BuyerEmailDomain?.Trim().ToLowerInvariant() : null;
        return new CheckedDraft(draft with { BuyerId = buyerId, Currency = currency }, built, listing, product, planId, planVersion, buyer, domain, entity);
    }

    private async Task RefuseIfExpiredAsync(PrivateOffer offer, DateTimeOffset now, CancellationToken ct)
    {
        if (offer.ExpireIfDue(now))
        {
            await AnnounceExpiryAsync(offer, now, ct);
            throw new DomainException("offer-expired", $"Offer {offer.Id} expired at the end of {offer.ExpiresOn:yyyy-MM-dd} (UTC).", DomainErrorKind.Conflict);
        }
    }

    private async Task AnnounceExpiryAsync(PrivateOffer offer, DateTimeOffset now, CancellationToken ct)
    {
        outbox.Add(new PrivateOfferExpired(offer.Id, offer.SellerId, offer.ProductId, now));
        audit.Record("system", offer.SellerId.Value, "private-offer.expired", Subject(offer), $"expiry date {offer.ExpiresOn:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
    }

    private async Task SaveAsync(PrivateOffer offer, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException("offer-changed", $"Offer {offer.Id} changed meanwhile; read it again and retry.", DomainErrorKind.Conflict);
        }
    }

    private async Task<PrivateOffer> OwnAsync(PrivateOfferId id, AgreementsCaller seller, CancellationToken ct) =>
        await db.Set<PrivateOffer>().SingleOrDefaultAsync(o => o.Id == id && o.SellerId == seller.OrganisationId, ct) ?? throw NotFound(id);

    /// <summary>The offer, if it is published to the buyer (by organisation or email domain); otherwise not found.</summary>
    private async Task<PrivateOffer> MadeToAsync(PrivateOfferId id, AgreementsCaller buyer, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(buyer);
        if (buyer.Role != Roles.Buyer)
        {
            throw new DomainException("buyers-only", "Only the buyer the offer is made to can open, accept or decline it.", DomainErrorKind.Forbidden);
        }

        var offer = await db.Set<PrivateOffer>().SingleOrDefaultAsync(o => o.Id == id && o.Status != PrivateOfferStatus.Draft, ct) ?? throw NotFound(id);
        var domains = await PrivateOffersQueries.EmailDomainsAsync(accounts, buyer.OrganisationId, ct);
        return offer.IsMadeTo(buyer.OrganisationId, domains) ? offer : throw NotFound(id);
    }

    private Task NotifyAsync(string type, Agreement agreement, DateTimeOffset now, CancellationToken ct) =>
        webhooks.EnqueueAsync(agreement.SellerId, type, Notifications.For(type, agreement, now, freeTrialTerm: false), ct);

    private static void RequireSeller(AgreementsCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != Roles.Seller)
        {
            throw new DomainException("sellers-only", "Only a seller writes, sends and withdraws private offers.", DomainErrorKind.Forbidden);
        }
    }

    private static string Subject(PrivateOffer offer) => $"private-offer:{offer.Id}";

    private static DomainException NotOpen(PrivateOffer offer) =>
        new("offer-not-open", $"Offer {offer.Id} is {PrivateOffer.Wire(offer.Status)}; it can no longer be accepted or declined.", DomainErrorKind.Conflict);

    internal static DomainException NotFound(PrivateOfferId id) =>
        new("offer-not-found", $"Private offer {id} does not exist.", DomainErrorKind.NotFound);
}
