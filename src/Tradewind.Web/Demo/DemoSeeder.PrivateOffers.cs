using System.Globalization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Legal;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Demo;

/// <summary>
/// The demo's private offers, one in every state, written and answered through the offers' own commands with the clock
/// set back to when each step happened:
/// <list type="bullet">
/// <item>accepted in EUR: Kettenwerk sells the German buyer a 12-month contract in four quarterly installments, sold by
/// its German entity (paid out to its EUR account); the EU entity invoices it;</item>
/// <item>accepted in JPY: Kumonami sells the Japanese buyer a 12-month contract in four installments (the JP entity
/// invoices it in yen, the seller is paid in yen);</item>
/// <item>Northwind (the seller a newcomer signs in as) has one offer in each other state — draft, published (to the
/// German buyer, the buyer a newcomer signs in as, so it can be accepted), viewed, declined, expired and withdrawn — and a
/// template.</item>
/// </list>
/// Runs before the billing history, so the accepted offers' installments are invoiced, collected and paid out with the rest.
/// </summary>
internal sealed partial class DemoSeeder
{
    /// <summary>When the EUR and JPY offers were accepted (early enough for their first installment to be paid out).</summary>
    private static readonly TimeSpan OfferHistoryAgo = TimeSpan.FromDays(95);

    private async Task SeedPrivateOffersAsync(List<(OrganisationDto Organisation, UserDto User)> buyers, CancellationToken cancellationToken)
    {
        if (clock is not DemoClock demoClock || services.GetService<IWebhookPublisher>() is null || services.GetService<IPrivateOffersCommands>() is not { } offers)
        {
            return;
        }

        var sellers = (await accountsQueries.ListOrganisationsAsync(OrganisationKind.Seller, new PageRequest(1, PageRequest.MaxSize), cancellationToken)).Items
            .ToDictionary(o => o.Name, StringComparer.Ordinal);
        var german = buyers.FirstOrDefault(b => b.Organisation.CountryCode == "DE");
        var japanese = buyers.FirstOrDefault(b => b.Organisation.CountryCode == "JP");
        if (german.Organisation is null || japanese.Organisation is null)
        {
            return;
        }

        if (sellers.TryGetValue(DirectDebitSeller, out var kettenwerk))
        {
            await SeedEuroOfferAsync(demoClock, offers, kettenwerk, german, cancellationToken);
        }

        if (sellers.TryGetValue("Kumonami Systems K.K.", out var kumonami))
        {
            await SeedYenOfferAsync(demoClock, offers, kumonami, japanese, cancellationToken);
        }

        if (sellers.TryGetValue(DemoCatalog.Sellers[0].Name, out var northwind))
        {
            await SeedOpenOffersAsync(demoClock, offers, northwind, buyers, cancellationToken);
        }

        await offers.ExpireDueAsync(cancellationToken);
        await services.GetRequiredService<IAgreementsCommands>().SweepAsync(cancellationToken);
    }

    /// <summary>
    /// Kettenwerk offers the German buyer a 12-month contract in EUR for one of its contract products (not the single
    /// sign-on the buyer already pays by direct debit, nor its pay-as-you-go product, which the browser test upgrades) with
    /// unlimited use, 4 quarterly installments of 1,500 EUR, replacing the buyer's subscription to it if it has one; the
    /// buyer opens it the next day and accepts the day after.
    /// </summary>
    private async Task SeedEuroOfferAsync(
        DemoClock demoClock, IPrivateOffersCommands offers, OrganisationDto seller, (OrganisationDto Organisation, UserDto User) buyer, CancellationToken cancellationToken)
    {
        var listings = await SellerListingsAsync(seller.Id, cancellationToken);
        var target = listings.FirstOrDefault(l => l.Title != DirectDebitProduct && l.Plans.Count > 0 && l.Plans.All(p => p.Terms.Contract is not null)
            && !l.Availability.ExcludedCountries.Contains("DE", StringComparer.OrdinalIgnoreCase));
        if (target is null || await EntityWithAccountAsync(seller.Id, "EUR", cancellationToken) is not { } entity)
        {
            return;
        }

        var buyerCaller = new AgreementsCaller(buyer.Organisation.Id, Roles.Buyer, buyer.User.Email);
        var sellerCaller = new AgreementsCaller(seller.Id, Roles.Seller, SellerEmail(seller));
        PrivateOfferDto offer;
        using (demoClock.Rewind(OfferHistoryAgo + TimeSpan.FromDays(2)))
        {
            var current = await services.GetRequiredService<IAgreementsQueries>().FindInForceAsync(buyer.Organisation.Id, target.Id, cancellationToken);
            var today = Today();
            var dimensions = target.Plans[0].Terms.Dimensions ?? [];
            offer = await offers.CreateAsync(
                new PrivateOfferDraft(
                    target.Id, current is null ? target.Plans[0].PlanId : null, current?.Id, current is null ? buyer.Organisation.Id : null, null, "EUR", entity, 12, null, "6000.00",
                    [.. dimensions.Select(d => new Entitlement(d.Key, null, Unlimited: true))],
                    [.. Enumerable.Range(0, 4).Select(q => new OfferInstallment(today.AddDays(2).AddMonths(3 * q), "1500.00"))],
                    Overage: false, ReplaceAgreement: current is not null, LicenceKind.Standard, null, today.AddDays(30),
                    "Wie besprochen: unbegrenzte Nutzung für 12 Monate zum Festpreis, vierteljährlich per Lastschrift.", $"{target.Title} — Rheinfeld 2026"),
                sellerCaller,
                cancellationToken);
            offer = await offers.PublishAsync(offer.Id, sellerCaller, cancellationToken);
        }

        using (demoClock.Rewind(OfferHistoryAgo + TimeSpan.FromDays(1)))
        {
            await offers.OpenAsync(offer.Id, buyerCaller, cancellationToken);
        }

        using (demoClock.Rewind(OfferHistoryAgo))
        {
            await offers.AcceptAsync(offer.Id, new AcceptPrivateOffer("de"), buyerCaller, cancellationToken);
        }
    }

    /// <summary>Kumonami offers the Japanese buyer a 12-month contract for 2,400,000 JPY in 4 installments, accepted the same week.</summary>
    private async Task SeedYenOfferAsync(
        DemoClock demoClock, IPrivateOffersCommands offers, OrganisationDto seller, (OrganisationDto Organisation, UserDto User) buyer, CancellationToken cancellationToken)
    {
        var listings = await SellerListingsAsync(seller.Id, cancellationToken);
        var agreementsQueries = services.GetRequiredService<IAgreementsQueries>();
        (ListingDto Listing, PlanVersionDto Plan)? target = null;
        foreach (var listing in listings.Where(l => !l.Availability.ExcludedCountries.Contains("JP", StringComparer.OrdinalIgnoreCase) && l.Plans.Count > 0))
        {
            if (await agreementsQueries.FindInForceAsync(buyer.Organisation.Id, listing.Id, cancellationToken) is null)
            {
                target = (listing, listing.Plans[0]);
                break;
            }
        }

        if (target is not { } chosen || await EntityWithAccountAsync(seller.Id, "JPY", cancellationToken) is not { } entity)
        {
            return;
        }

        var buyerCaller = new AgreementsCaller(buyer.Organisation.Id, Roles.Buyer, buyer.User.Email);
        var sellerCaller = new AgreementsCaller(seller.Id, Roles.Seller, SellerEmail(seller));
        PrivateOfferDto offer;
        using (demoClock.Rewind(OfferHistoryAgo + TimeSpan.FromDays(4)))
        {
            var today = Today();
            var dimensions = chosen.Plan.Terms.Dimensions ?? [];
            offer = await offers.CreateAsync(
                new PrivateOfferDraft(
                    chosen.Listing.Id, chosen.Plan.PlanId, null, buyer.Organisation.Id, null, "JPY", entity, 12, null, "2400000",
                    [.. dimensions.Select(d => new Entitlement(d.Key, null, Unlimited: true))],
                    [.. Enumerable.Range(0, 4).Select(q => new OfferInstallment(today.AddDays(4).AddMonths(3 * q), "600000"))],
                    Overage: false, ReplaceAgreement: false, LicenceKind.Standard, null, today.AddDays(21),
                    "ご相談いただいた年間契約のご提案です。四半期ごとのお支払いとなります。", $"{chosen.Listing.Title} 年間契約"),
                sellerCaller,
                cancellationToken);
            offer = await offers.PublishAsync(offer.Id, sellerCaller, cancellationToken);
        }

        using (demoClock.Rewind(OfferHistoryAgo + TimeSpan.FromDays(3)))
        {
            await offers.OpenAsync(offer.Id, buyerCaller, cancellationToken);
        }

        using (demoClock.Rewind(OfferHistoryAgo))
        {
            await offers.AcceptAsync(offer.Id, new AcceptPrivateOffer("ja"), buyerCaller, cancellationToken);
        }
    }

    /// <summary>
    /// Northwind's offers in USD, one per remaining state: to the German buyer a published one (open, for a newcomer to
    /// accept) and a draft; to other buyers one viewed, one declined, one expired and one withdrawn; and a template.
    /// </summary>
    private async Task SeedOpenOffersAsync(
        DemoClock demoClock, IPrivateOffersCommands offers, OrganisationDto seller, List<(OrganisationDto Organisation, UserDto User)> buyers, CancellationToken cancellationToken)
    {
        var listings = (await SellerListingsAsync(seller.Id, cancellationToken)).Where(l => l.Plans.Count > 0).ToList();
        if (listings.Count == 0 || await EntityWithAccountAsync(seller.Id, "USD", cancellationToken) is not { } entity)
        {
            return;
        }

        var sellerCaller = new AgreementsCaller(seller.Id, Roles.Seller, SellerEmail(seller));
        var agreementsQueries = services.GetRequiredService<IAgreementsQueries>();

        async Task<PrivateOfferDto?> WriteAsync((OrganisationDto Organisation, UserDto User) buyer, int listingIndex, string price, int installments, int expiresInDays, string note)
        {
            var listing = listings[listingIndex % listings.Count];
            if (listing.Availability.ExcludedCountries.Contains(buyer.Organisation.CountryCode, StringComparer.OrdinalIgnoreCase))
            {
                return null;
            }

            var plan = listing.Plans[0];
            var inForce = await agreementsQueries.FindInForceAsync(buyer.Organisation.Id, listing.Id, cancellationToken);
            var today = Today();
            var amount = decimal.Parse(price, CultureInfo.InvariantCulture);
            var each = Math.Round(amount / installments, 2, MidpointRounding.ToZero);
            var schedule = installments == 1
                ? null
                : Enumerable.Range(0, installments)
                    .Select(i => new OfferInstallment(today.AddDays(7).AddMonths(12 * i / installments), (i == installments - 1 ? amount - (each * (installments - 1)) : each).ToString("0.00", CultureInfo.InvariantCulture)))
                    .ToList();
            var dimensions = plan.Terms.Dimensions ?? [];
            return await offers.CreateAsync(
                new PrivateOfferDraft(
                    listing.Id, inForce is null ? plan.PlanId : null, inForce?.Id, inForce is null ? buyer.Organisation.Id : null, null, "USD", entity, 12,
                    [.. dimensions.Where(d => d.Price is not null).Select(d => new OfferDimensionPrice(d.Key, null, 15m))],
                    price, [.. dimensions.Select(d => new Entitlement(d.Key, 10_000))], schedule, Overage: dimensions.Any(d => d.Price is not null), ReplaceAgreement: inForce is not null,
                    LicenceKind.Standard, null, today.AddDays(expiresInDays), note, null),
                sellerCaller,
                cancellationToken);
        }

        var (first, rest) = (buyers[0], buyers.Skip(1).ToList());
        var published = await WriteAsync(first, 1, "18000.00", 4, 30, "Following our call: a year of the Team edition with 15 % off usage beyond the included volume.");
        if (published is not null)
        {
            await offers.PublishAsync(published.Id, sellerCaller, cancellationToken);
        }

        await WriteAsync(first, 2, "9600.00", 1, 45, "Draft for the renewal discussion in January.");

        if (rest.Count >= 4)
        {
            PrivateOfferDto? viewed, declined, expired, withdrawn;
            using (demoClock.Rewind(TimeSpan.FromDays(6)))
            {
                viewed = await WriteAsync(rest[1], 0, "24000.00", 12, 30, "Monthly installments as requested by your procurement team.");
                declined = await WriteAsync(rest[2], 1, "12000.00", 2, 30, "Two half-yearly payments.");
                withdrawn = await WriteAsync(rest[3], 2, "7200.00", 1, 30, "Upfront, with the onboarding package included.");
                foreach (var offer in new[] { viewed, declined, withdrawn }.OfType<PrivateOfferDto>())
                {
                    await offers.PublishAsync(offer.Id, sellerCaller, cancellationToken);
                }
            }

            using (demoClock.Rewind(TimeSpan.FromDays(4)))
            {
                if (viewed is not null)
                {
                    await offers.OpenAsync(viewed.Id, BuyerCaller(rest[1]), cancellationToken);
                }

                if (declined is not null)
                {
                    await offers.OpenAsync(declined.Id, BuyerCaller(rest[2]), cancellationToken);
                    await offers.DeclineAsync(declined.Id, "We are consolidating vendors this year; please contact us again in Q3.", BuyerCaller(rest[2]), cancellationToken);
                }

                if (withdrawn is not null)
                {
                    await offers.WithdrawAsync(withdrawn.Id, "Superseded by a new offer with the onboarding package priced separately.", sellerCaller, cancellationToken);
                }
            }

            using (demoClock.Rewind(TimeSpan.FromDays(40)))
            {
                expired = await WriteAsync(rest[0], 3, "15000.00", 4, 14, "Valid for two weeks.");
                if (expired is not null)
                {
                    await offers.PublishAsync(expired.Id, sellerCaller, cancellationToken);
                }
            }
        }

        if (published is not null)
        {
            await offers.SaveTemplateAsync("Annual, 4 quarterly installments, 15 % off usage", published.Draft with { BuyerId = null, FromAgreementId = null, ReplaceAgreement = false }, sellerCaller, cancellationToken);
        }
    }

    private static AgreementsCaller BuyerCaller((OrganisationDto Organisation, UserDto User) buyer) => new(buyer.Organisation.Id, Roles.Buyer, buyer.User.Email);

    private static string SellerEmail(OrganisationDto seller) =>
        DemoCatalog.Sellers.FirstOrDefault(s => s.Name == seller.Name) is { } demo ? $"{demo.EmailLocalPart}@{EmailDomain}" : Actor;

    private static string LicenceVersion(ListingDto listing) =>
        listing.Licence.Kind == LicenceKind.Standard ? StandardContract.CurrentVersion : $"revision-{listing.Revision}";

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<List<ListingDto>> SellerListingsAsync(OrganisationId sellerId, CancellationToken cancellationToken)
    {
        var catalogQueries = services.GetRequiredService<ICatalogQueries>();
        var listings = new List<ListingDto>();
        foreach (var summary in (await catalogQueries.ListBySellerAsync(sellerId, new PageRequest(1, 20), cancellationToken)).Items.OrderBy(p => p.Id.Value))
        {
            if (await catalogQueries.FindPublishedBySlugAsync(summary.Slug, cancellationToken) is { } listing)
            {
                listings.Add(listing);
            }
        }

        return listings;
    }

    /// <summary>The seller's first entity with a payout account in <paramref name="currency"/>.</summary>
    private async Task<SellerEntityId?> EntityWithAccountAsync(OrganisationId sellerId, string currency, CancellationToken cancellationToken)
    {
        foreach (var entity in await accountsQueries.ListSellerEntitiesAsync(sellerId, cancellationToken))
        {
            var accounts = await accountsQueries.ListBankAccountsAsync(entity.Id, sellerId, cancellationToken);
            if (accounts.Any(a => string.Equals(a.CurrencyCode, currency, StringComparison.Ordinal)))
            {
                return entity.Id;
            }
        }

        return null;
    }
}
