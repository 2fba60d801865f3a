using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Metering;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Seller.Usage;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Offers;

/// <summary>A published plan the seller can base an offer on.</summary>
internal sealed record OfferPlanChoice(ProductId ProductId, string ProductTitle, PlanId PlanId, int Version, PlanTerms Terms)
{
    public string Value => OfferForm.PlanValue(ProductId, PlanId);
}

/// <summary>
/// The offer builder behind <c>/seller/offers/new</c> and <c>/seller/offers/{id}/edit</c> (drafts only), without
/// JavaScript: "Load the plan's dimensions", "Add a payment" and "Fill schedule" are submit buttons that re-render the form.
/// <c>?template={id}</c> starts from a saved template; <c>?agreement={id}</c> from a customer's agreement, with a suggested
/// commitment from its usage run-rate. Agreements validates the offer; its refusals are shown next to their fields.
/// </summary>
internal class OfferEditorModel(
    IPrivateOffersQueries offers,
    IPrivateOffersCommands commands,
    IAgreementsQueries agreements,
    ICatalogQueries catalog,
    IAccountsQueries accounts,
    IUsageQueries usage,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Currencies every seller may offer in; a seller entity's other payout currencies are added.</summary>
    public static IReadOnlyList<string> StandardCurrencies { get; } = ["USD", "EUR", "GBP", "AUD", "JPY"];

    /// <summary>How long a new offer stays open by default.</summary>
    public const int DefaultExpiryDays = 30;

    [BindProperty]
    public OfferForm Form { get; set; } = new();

    /// <summary>The draft being edited; null for a new offer.</summary>
    public PrivateOfferDto? Offer { get; private set; }

    /// <summary>The customer's agreement the offer starts from, if any.</summary>
    public AgreementDto? FromAgreement { get; private set; }

    public CommitmentSuggestion? Suggestion { get; private set; }

    public IReadOnlyList<OfferPlanChoice> Plans { get; private set; } = [];

    public IReadOnlyList<(OrganisationId Id, string Name)> Customers { get; private set; } = [];

    public IReadOnlyList<SellerEntityDto> Entities { get; private set; } = [];

    public IReadOnlyList<string> Currencies { get; private set; } = StandardCurrencies;

    /// <summary>The base plan's dimensions, which the price rows follow.</summary>
    public IReadOnlyList<UsageDimension> BaseDimensions { get; private set; } = [];

    /// <summary>The base plan's currency (its prices are restated in the offer's currency only by a price or discount).</summary>
    public string BaseCurrency { get; private set; } = "USD";

    public string? TemplateName { get; private set; }

    public DateOnly Today { get; private set; }

    protected async Task<IActionResult> GetAsync(Guid? id, Guid? template, Guid? agreement, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (id is { } offerId)
        {
            if (await offers.FindAsync(new PrivateOfferId(offerId), User.AgreementsCaller(), cancellationToken) is not { } offer)
            {
                return NotFound();
            }

            if (offer.Status != PrivateOfferStatus.Draft)
            {
                return Redirect($"/seller/offers/{offerId}");
            }

            Offer = offer;
            Form = OfferForm.From(offer.Draft);
        }
        else if (template is { } templateId)
        {
            if (await offers.FindTemplateAsync(new OfferTemplateId(templateId), User.AgreementsCaller(), cancellationToken) is not { } saved)
            {
                return NotFound();
            }

            TemplateName = saved.Name;
            Form = OfferForm.From(saved.Draft);
            Form.FromAgreementId = null;
            Form.BuyerId = null;
            Form.BuyerEmailDomain = null;
            Form.ReplaceAgreement = false;
            Form.ExpiresOn = OfferForm.Day(Today.AddDays(DefaultExpiryDays));
        }
        else if (agreement is { } agreementId)
        {
            if (await agreements.FindAsync(new AgreementId(agreementId), User.AgreementsCaller(), cancellationToken) is not { } from)
            {
                return NotFound();
            }

            Form = await FromAgreementAsync(from, cancellationToken);
        }
        else
        {
            Form = new OfferForm
            {
                Plan = Plans.Count > 0 ? Plans[0].Value : null,
                SellerEntityId = DefaultEntity()?.Id.Value.ToString(),
                ExpiresOn = OfferForm.Day(Today.AddDays(DefaultExpiryDays)),
            };
        }

        await ResolveBaseAsync(cancellationToken);
        Form.AlignWith(BaseDimensions);
        return Page();
    }

    protected async Task<IActionResult> PostAsync(Guid? id, string? command, CancellationToken cancellationToken)
    {
        await LoadChoicesAsync(cancellationToken);
        if (id is { } offerId)
        {
            if (await offers.FindAsync(new PrivateOfferId(offerId), User.AgreementsCaller(), cancellationToken) is not { } offer)
            {
                return NotFound();
            }

            if (offer.Status != PrivateOfferStatus.Draft)
            {
                return Redirect($"/seller/offers/{offerId}");
            }

            Offer = offer;
        }

        ModelState.Clear();
        await ResolveBaseAsync(cancellationToken);
        if (FromAgreement is { } agreement)
        {
            await SuggestAsync(agreement, cancellationToken);
        }

        switch (command)
        {
            case "load-plan":
                Form.AlignWith(BaseDimensions);
                return Page();
            case "add-installment":
                Form.Payment = OfferForm.Scheduled;
                Form.Installments.Add(new InstallmentForm());
                return Page();
            case "fill":
                Fill();
                return Page();
        }

        var (draft, map) = Form.ToDraft(FromAgreement?.ProductId, ModelState, localizer);
        if (draft is null)
        {
            return Page();
        }

        try
        {
            var saved = Offer is null
                ? await commands.CreateAsync(draft, User.AgreementsCaller(), cancellationToken)
                : await commands.UpdateAsync(Offer.Id, draft, User.AgreementsCaller(), cancellationToken);
            TempData[nameof(DetailsModel.StatusMessage)] = localizer["The draft “{0}” is saved. Check the preview, then send it to the buyer.", saved.Name].Value;
            return Redirect($"/seller/offers/{saved.Id.Value}");
        }
        catch (ValidationFailedException exception)
        {
            FieldErrors.AddTo(ModelState, exception, map);
        }
        catch (DomainException exception) when (exception.Kind != DomainErrorKind.NotFound)
        {
            ModelState.AddModelError(FieldOf(exception.Code), exception.Message);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The text of a base price, in the plan's currency, for the price rows.</summary>
    public string BasePrice(UsageDimension dimension)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        var culture = CultureInfo.CurrentCulture;
        var currency = Currency.TryFromCode(BaseCurrency, out var c) ? c : Currency.USD;
        return dimension.Price switch
        {
            null => localizer["Included in the contract"],
            { Model: PriceModelKind.PerUnit } p => localizer["{0} per {1}", PriceText.Unit(p.UnitPrice ?? "", currency, culture), dimension.Unit],
            { Model: PriceModelKind.Package } p => localizer["{0} per {1} {2}", PriceText.Amount(p.PackagePrice ?? "", currency, culture), PriceText.Quantity(p.PackageSize ?? 0, culture), dimension.Unit],
            { Model: PriceModelKind.Graduated } p => localizer["Graduated tiers"] + ": " + Tiers(p, currency, culture),
            { } p => localizer["Volume tiers"] + ": " + Tiers(p, currency, culture),
        };
    }

    /// <summary>What the filled-in schedule adds up to, when every amount reads as money in the offer's currency.</summary>
    public Money? ScheduleTotal()
    {
        if (!Currency.TryFromCode(Form.Currency?.Trim(), out var currency))
        {
            return null;
        }

        var total = Money.Zero(currency);
        foreach (var row in Form.Installments.Where(r => !string.IsNullOrWhiteSpace(r.Amount)))
        {
            if (!Money.TryParse(row.Amount!.Trim(), currency, out var amount))
            {
                return null;
            }

            total += amount;
        }

        return total;
    }

    private static string Tiers(PriceModelTerms price, Currency currency, CultureInfo culture) =>
        string.Join("; ", (price.Tiers ?? []).Select(t => $"{PriceText.Quantity(t.From, culture)}–{(t.UpTo is { } u ? PriceText.Quantity(u, culture) : "∞")} {PriceText.Unit(t.UnitPrice, currency, culture)}"));

    /// <summary>Where a refusal that is not a field error belongs on the form.</summary>
    private static string FieldOf(string code) => code switch
    {
        "currency-not-payable" or "currency-not-allowed" => "Form.Currency",
        "country-excluded" or "buyer-not-found" => "Form.BuyerId",
        "product-not-published" or "plan-not-found" or "product-not-found" => "Form.Plan",
        "seller-entity-not-found" => "Form.SellerEntityId",
        _ => "",
    };

    /// <summary>"Fill schedule": the contract price in N equal payments from today, spread over the term.</summary>
    private void Fill()
    {
        Form.Payment = OfferForm.Scheduled;
        if (!int.TryParse(Form.InstallmentCount?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 60)
        {
            ModelState.AddModelError("Form.InstallmentCount", localizer["Give a number of installments from 1 to 60."]);
            return;
        }

        if (!int.TryParse(Form.TermMonths?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var term) || term is < 1 or > 60)
        {
            ModelState.AddModelError("Form.TermMonths", localizer["Give the term in whole months, 1 to 60."]);
            return;
        }

        if (!Currency.TryFromCode(Form.Currency?.Trim(), out var currency)
            || !Money.TryParse(Form.ContractPrice?.Trim(), currency, out var price) || !price.IsPositive)
        {
            ModelState.AddModelError("Form.ContractPrice", localizer["Give the contract price first; the schedule splits it."]);
            return;
        }

        var first = Form.Installments.Select(r => DateOnly.TryParseExact(r.DueOn?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .FirstOrDefault(d => d is not null) ?? Today;
        if (first < Today)
        {
            first = Today;
        }

        Form.Installments = ScheduleFill.Even(price, count, first, term)
            .Select(p => new InstallmentForm { DueOn = OfferForm.Day(p.DueOn), Amount = p.Amount.ToMajorString() })
            .ToList();
    }

    private async Task<OfferForm> FromAgreementAsync(AgreementDto agreement, CancellationToken cancellationToken)
    {
        FromAgreement = agreement;
        var form = new OfferForm
        {
            FromAgreementId = agreement.Id.Value.ToString(),
            BuyerId = agreement.BuyerId.Value.ToString(),
            Name = localizer["{0} commitment for {1}", agreement.ProductTitle, agreement.BuyerName],
            Currency = agreement.Currency,
            SellerEntityId = DefaultEntity()?.Id.Value.ToString(),
            ReplaceAgreement = true,
            Overage = true,
            ExpiresOn = OfferForm.Day(Today.AddDays(DefaultExpiryDays)),
        };
        var suggestion = await SuggestAsync(agreement, cancellationToken);
        foreach (var rate in suggestion.Dimensions.Where(r => r.QuantityPerMonth > 0))
        {
            form.Dimensions.Add(new OfferDimensionForm
            {
                Key = rate.Dimension,
                Included = Math.Ceiling(rate.QuantityPerMonth).ToString(CultureInfo.InvariantCulture),
            });
        }

        if (suggestion.ContractPrice.IsPositive)
        {
            form.ContractPrice = suggestion.ContractPrice.ToMajorString();
            form.Payment = OfferForm.Scheduled;
            form.Installments = suggestion.Installments(Today)
                .Select(p => new InstallmentForm { DueOn = OfferForm.Day(p.DueOn), Amount = p.Amount.ToMajorString() })
                .ToList();
        }

        return form;
    }

    /// <summary>The run-rate of <paramref name="agreement"/> over the last 3 months and the commitment it suggests for 12 months.</summary>
    private async Task<CommitmentSuggestion> SuggestAsync(AgreementDto agreement, CancellationToken cancellationToken)
    {
        var (from, to) = CommitmentSuggestion.Window(agreement.AcceptedAt, clock.GetUtcNow());
        var totals = await usage.GetTotalsAsync(new UsageQuery(from, to, UsageGranularity.Total, AgreementId: agreement.Id), User.UsageCaller(), cancellationToken);
        var metered = totals.GroupBy(t => t.Dimension, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(t => t.Quantity), StringComparer.Ordinal);
        Suggestion = CommitmentSuggestion.Suggest(agreement.Terms, metered, from, to, 12);
        return Suggestion;
    }

    /// <summary>The base plan's dimensions: the agreement's accepted plan when the offer starts from one, else the chosen plan.</summary>
    private async Task ResolveBaseAsync(CancellationToken cancellationToken)
    {
        if (FromAgreement is null && Guid.TryParse(Form.FromAgreementId, out var agreementId) && agreementId != Guid.Empty)
        {
            FromAgreement = await agreements.FindAsync(new AgreementId(agreementId), User.AgreementsCaller(), cancellationToken);
            if (FromAgreement is null)
            {
                Form.FromAgreementId = null;
            }
        }

        if (FromAgreement is { } agreement)
        {
            BaseDimensions = agreement.Terms.Dimensions ?? [];
            BaseCurrency = agreement.Terms.Currency;
            return;
        }

        var chosen = Form.ChosenPlan();
        if (chosen is null && Offer is not null)
        {
            Form.Plan = OfferForm.PlanValue(Offer.ProductId, Offer.BasePlanId);
            chosen = Form.ChosenPlan();
        }

        if (chosen is { } c && Plans.FirstOrDefault(p => p.ProductId == c.Product && p.PlanId == c.Plan) is { } plan)
        {
            BaseDimensions = plan.Terms.Dimensions ?? [];
            BaseCurrency = plan.Terms.Currency;
        }
    }

    private SellerEntityDto? DefaultEntity() => Entities.FirstOrDefault(e => e.IsVerified) ?? (Entities.Count > 0 ? Entities[0] : null);

    private async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var seller = User.OrganisationId();
        var plans = new List<OfferPlanChoice>();
        var listings = await catalog.ListBySellerAsync(seller, new PageRequest(1, PageRequest.MaxSize), cancellationToken);
        foreach (var listing in listings.Items.Where(l => l.PublishedAt is not null && l.Status != ListingStatus.Archived).OrderBy(l => l.Title, StringComparer.CurrentCultureIgnoreCase))
        {
            foreach (var plan in await catalog.ListPlansAsync(listing.Id, User.CatalogCaller(), cancellationToken) ?? [])
            {
                if (plan.PublishedVersion is { } version && await catalog.GetPlanVersionAsync(plan.Id, version, cancellationToken) is { } published)
                {
                    plans.Add(new OfferPlanChoice(listing.Id, listing.Title, plan.Id, version, published.Terms));
                }
            }
        }

        Plans = plans;
        var sellerAgreements = await SellerAgreements.LoadAsync(agreements, User, cancellationToken);
        Customers = sellerAgreements.Agreements.DistinctBy(a => a.BuyerId).Select(a => (a.BuyerId, a.BuyerName))
            .OrderBy(c => c.BuyerName, StringComparer.CurrentCultureIgnoreCase).ToList();
        Entities = await accounts.ListSellerEntitiesAsync(seller, cancellationToken);
        var currencies = new SortedSet<string>(StandardCurrencies, StringComparer.Ordinal);
        foreach (var entity in Entities)
        {
            foreach (var payout in await accounts.ListPayoutCurrenciesAsync(entity.Id, seller, cancellationToken))
            {
                currencies.Add(payout.CurrencyCode);
            }
        }

        Currencies = [.. currencies];
    }
}

/// <summary>A new offer: from scratch, <c>?template={id}</c> or <c>?agreement={id}</c>.</summary>
internal sealed class NewModel(
    IPrivateOffersQueries offers,
    IPrivateOffersCommands commands,
    IAgreementsQueries agreements,
    ICatalogQueries catalog,
    IAccountsQueries accounts,
    IUsageQueries usage,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
    : OfferEditorModel(offers, commands, agreements, catalog, accounts, usage, clock, localizer)
{
    public Task<IActionResult> OnGetAsync(Guid? template, Guid? agreement, CancellationToken cancellationToken) =>
        GetAsync(null, template, agreement, cancellationToken);

    public Task<IActionResult> OnPostAsync(string? command, CancellationToken cancellationToken) => PostAsync(null, command, cancellationToken);
}

/// <summary>A draft's terms, changed (only drafts change).</summary>
internal sealed class EditModel(
    IPrivateOffersQueries offers,
    IPrivateOffersCommands commands,
    IAgreementsQueries agreements,
    ICatalogQueries catalog,
    IAccountsQueries accounts,
    IUsageQueries usage,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer)
    : OfferEditorModel(offers, commands, agreements, catalog, accounts, usage, clock, localizer)
{
    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => GetAsync(id, null, null, cancellationToken);

    public Task<IActionResult> OnPostAsync(Guid id, string? command, CancellationToken cancellationToken) => PostAsync(id, command, cancellationToken);
}
