using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages.Seller.Offers;

/// <summary>
/// The offer builder's inputs as the browser posts them (text, so a typo comes back as it was typed), and the
/// <see cref="PrivateOfferDraft"/> they describe. Empty dimension and payment rows are ignored.
/// </summary>
internal sealed partial class OfferForm
{
    public const string Upfront = "upfront";

    public const string Scheduled = "schedule";

    /// <summary>The base plan as <c>{productId}:{planId}</c>; unused when the offer starts from an agreement.</summary>
    public string? Plan { get; set; }

    public string? FromAgreementId { get; set; }

    /// <summary>A customer organisation's id; empty to invite <see cref="BuyerEmailDomain"/> instead.</summary>
    public string? BuyerId { get; set; }

    public string? BuyerEmailDomain { get; set; }

    public string? Name { get; set; }

    public string? Currency { get; set; } = "USD";

    public string? SellerEntityId { get; set; }

    public string? TermMonths { get; set; } = "12";

    public List<OfferDimensionForm> Dimensions { get; set; } = [];

    /// <summary>False unless posted: an unticked box sends nothing, so the default must be the unticked state.</summary>
    public bool Overage { get; set; }

    public string? ContractPrice { get; set; }

    /// <summary><see cref="Upfront"/> or <see cref="Scheduled"/>.</summary>
    public string? Payment { get; set; } = Upfront;

    public List<InstallmentForm> Installments { get; set; } = [];

    /// <summary>How many equal payments "Fill schedule" writes.</summary>
    public string? InstallmentCount { get; set; } = "4";

    public bool ReplaceAgreement { get; set; }

    /// <summary>A <see cref="LicenceKind"/> name.</summary>
    public string? Licence { get; set; } = nameof(LicenceKind.Standard);

    public string? CustomTerms { get; set; }

    /// <summary>The last day to accept, <c>yyyy-MM-dd</c>.</summary>
    public string? ExpiresOn { get; set; }

    public string? NoteToBuyer { get; set; }

    public bool IsScheduled => string.Equals(Payment, Scheduled, StringComparison.Ordinal);

    public static string PlanValue(ProductId productId, PlanId planId) => $"{productId}:{planId}";

    /// <summary>The product and plan of <see cref="Plan"/>, when it names them.</summary>
    public (ProductId Product, PlanId Plan)? ChosenPlan()
    {
        var parts = (Plan ?? "").Split(':');
        return parts.Length == 2 && ProductId.TryParse(parts[0], out var product) && Guid.TryParse(parts[1], out var plan) && plan != Guid.Empty
            ? (product, new PlanId(plan))
            : null;
    }

    /// <summary>A form showing <paramref name="draft"/> (an offer being edited, or a template).</summary>
    public static OfferForm From(PrivateOfferDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return new OfferForm
        {
            Plan = draft.BasePlanId is { } plan ? PlanValue(draft.ProductId, plan) : null,
            FromAgreementId = draft.FromAgreementId?.Value.ToString(),
            BuyerId = draft.BuyerId?.Value.ToString(),
            BuyerEmailDomain = draft.BuyerEmailDomain,
            Name = draft.Name,
            Currency = draft.Currency,
            SellerEntityId = draft.SellerEntityId.Value.ToString(),
            TermMonths = draft.TermMonths.ToString(CultureInfo.InvariantCulture),
            Dimensions = [],
            Overage = draft.Overage,
            ContractPrice = draft.ContractPrice,
            Payment = draft.Installments is { Count: > 0 } ? Scheduled : Upfront,
            Installments = draft.Installments?.Select(i => new InstallmentForm { DueOn = Day(i.DueOn), Amount = i.Amount }).ToList() ?? [],
            ReplaceAgreement = draft.ReplaceAgreement,
            Licence = draft.Licence.ToString(),
            CustomTerms = draft.CustomTerms,
            ExpiresOn = Day(draft.ExpiresOn),
            NoteToBuyer = draft.NoteToBuyer,
        }.WithPrices(draft.Prices, draft.Entitlements);
    }

    /// <summary>Keeps one row per dimension of <paramref name="dimensions"/>, in the plan's order, with what was entered for it.</summary>
    public void AlignWith(IReadOnlyList<UsageDimension> dimensions)
    {
        var entered = Dimensions.Where(d => !string.IsNullOrWhiteSpace(d.Key)).GroupBy(d => d.Key!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Dimensions = dimensions.Select(d => entered.TryGetValue(d.Key, out var row) ? row : new OfferDimensionForm { Key = d.Key }).ToList();
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The draft these inputs describe and how to map the offer's error keys (<c>installments[2].amount</c>) back to
    /// inputs; a null draft (with errors added) when a number or date cannot be read.
    /// </summary>
    public (PrivateOfferDraft? Draft, Func<string, string> Map) ToDraft(ProductId? agreementProduct, ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        var ok = true;
        void Refuse(string field, string message)
        {
            modelState.AddModelError(field, message);
            ok = false;
        }

        decimal? Number(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (decimal.TryParse(text.Trim().TrimEnd('%').Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Refuse(field, localizer["Give a number, e.g. 1000 or 0.5."]);
            return null;
        }

        DateOnly? Date(string? text, string field)
        {
            if (DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            Refuse(field, localizer["Give a date as yyyy-mm-dd."]);
            return null;
        }

        AgreementId? fromAgreement = Guid.TryParse(FromAgreementId, out var agreement) && agreement != Guid.Empty ? new AgreementId(agreement) : null;
        var product = agreementProduct;
        PlanId? basePlan = null;
        if (fromAgreement is null)
        {
            if (ChosenPlan() is { } chosen)
            {
                (product, basePlan) = (chosen.Product, chosen.Plan);
            }
            else
            {
                Refuse("Form.Plan", localizer["Choose the product and plan the offer starts from."]);
            }
        }

        OrganisationId? buyer = Guid.TryParse(BuyerId, out var buyerGuid) && buyerGuid != Guid.Empty ? new OrganisationId(buyerGuid) : null;
        var domain = buyer is null ? Blank(BuyerEmailDomain)?.TrimStart('@') : null;
        SellerEntityId entity = default;
        if (Guid.TryParse(SellerEntityId, out var entityGuid) && entityGuid != Guid.Empty)
        {
            entity = new SellerEntityId(entityGuid);
        }
        else
        {
            Refuse("Form.SellerEntityId", localizer["Choose the legal entity that sells the offer."]);
        }

        if (!int.TryParse(TermMonths?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var term))
        {
            Refuse("Form.TermMonths", localizer["Give the term in whole months, 1 to 60."]);
        }

        var prices = new List<OfferDimensionPrice>();
        var priceRows = new List<int>();
        var entitlements = new List<Entitlement>();
        var entitlementRows = new List<int>();
        for (var i = 0; i < Dimensions.Count; i++)
        {
            var d = Dimensions[i];
            var key = d.Key?.Trim() ?? "";
            var at = $"Form.Dimensions[{i}]";
            var discount = Number(d.DiscountPercent, $"{at}.DiscountPercent");
            if (!string.IsNullOrWhiteSpace(d.UnitPrice) || discount is not null)
            {
                prices.Add(new OfferDimensionPrice(key, Blank(d.UnitPrice), discount));
                priceRows.Add(i);
            }

            var included = Number(d.Included, $"{at}.Included");
            if (d.Unlimited || included is not null)
            {
                entitlements.Add(new Entitlement(key, d.Unlimited ? null : included, d.Unlimited));
                entitlementRows.Add(i);
            }
        }

        List<OfferInstallment>? installments = null;
        var installmentRows = new List<int>();
        if (IsScheduled)
        {
            installments = [];
            for (var i = 0; i < Installments.Count; i++)
            {
                var row = Installments[i];
                if (row.IsEmpty)
                {
                    continue;
                }

                var due = Date(row.DueOn, $"Form.Installments[{i}].DueOn");
                installments.Add(new OfferInstallment(due ?? default, row.Amount?.Trim() ?? ""));
                installmentRows.Add(i);
            }
        }

        if (!Enum.TryParse<LicenceKind>(Licence, out var licence))
        {
            licence = LicenceKind.Standard;
        }

        var expires = Date(ExpiresOn, "Form.ExpiresOn");

        string Map(string key)
        {
            if (Indexed().Match(key) is { Success: true } indexed)
            {
                var position = int.Parse(indexed.Groups[2].Value, CultureInfo.InvariantCulture);
                var rest = indexed.Groups[3].Value;
                switch (indexed.Groups[1].Value)
                {
                    case "prices" when position < priceRows.Count:
                        return $"Form.Dimensions[{priceRows[position]}]."
                            + (rest.Contains("discount", StringComparison.OrdinalIgnoreCase) ? "DiscountPercent" : "UnitPrice");
                    case "entitlements" when position < entitlementRows.Count:
                        return $"Form.Dimensions[{entitlementRows[position]}].Included";
                    case "installments" when position < installmentRows.Count:
                        return $"Form.Installments[{installmentRows[position]}]."
                            + (rest.Contains("due", StringComparison.OrdinalIgnoreCase) ? "DueOn" : "Amount");
                    default:
                        return "";
                }
            }

            return key switch
            {
                "productId" or "basePlanId" or "fromAgreementId" => "Form.Plan",
                "buyer" or "buyerId" => "Form.BuyerId",
                "buyerEmailDomain" => "Form.BuyerEmailDomain",
                "sellerEntityId" => "Form.SellerEntityId",
                "prices" => "Form.Dimensions",
                "entitlements" => "Form.Dimensions",
                "installments" or "schedule" => "Form.Installments",
                "licence" => "Form.Licence",
                "name" or "currency" or "termMonths" or "contractPrice" or "overage" or "replaceAgreement" or "customTerms" or "expiresOn" or "noteToBuyer"
                    => "Form." + FieldErrors.Pascal(key),
                _ => "",
            };
        }

        if (!ok || product is null)
        {
            return (null, Map);
        }

        var draft = new PrivateOfferDraft(
            product.Value,
            basePlan,
            fromAgreement,
            buyer,
            domain,
            Currency?.Trim().ToUpperInvariant() ?? "",
            entity,
            term,
            prices,
            Blank(ContractPrice),
            entitlements,
            installments,
            Overage,
            fromAgreement is not null && ReplaceAgreement,
            licence,
            licence == LicenceKind.Custom ? Blank(CustomTerms) : null,
            expires ?? default,
            Blank(NoteToBuyer),
            Blank(Name));
        return (draft, Map);
    }

    private OfferForm WithPrices(IReadOnlyList<OfferDimensionPrice>? prices, IReadOnlyList<Entitlement>? entitlements)
    {
        var keys = (prices ?? []).Select(p => p.Dimension).Concat((entitlements ?? []).Select(e => e.Dimension)).Distinct(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var price = prices?.FirstOrDefault(p => p.Dimension == key);
            var entitlement = entitlements?.FirstOrDefault(e => e.Dimension == key);
            Dimensions.Add(new OfferDimensionForm
            {
                Key = key,
                UnitPrice = price?.UnitPrice,
                DiscountPercent = price?.DiscountPercent?.ToString("0.############", CultureInfo.InvariantCulture),
                Included = entitlement?.Quantity?.ToString("0.############", CultureInfo.InvariantCulture),
                Unlimited = entitlement?.Unlimited ?? false,
            });
        }

        return this;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"^(prices|entitlements|installments)\[(\d+)\](.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Indexed();
}

/// <summary>One dimension of the base plan in the builder: a custom unit price or a discount, and what the contract includes.</summary>
internal sealed class OfferDimensionForm
{
    public string? Key { get; set; }

    public string? UnitPrice { get; set; }

    public string? DiscountPercent { get; set; }

    public string? Included { get; set; }

    public bool Unlimited { get; set; }
}

/// <summary>One payment of a flexible schedule in the builder.</summary>
internal sealed class InstallmentForm
{
    public string? DueOn { get; set; }

    public string? Amount { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(DueOn) && string.IsNullOrWhiteSpace(Amount);
}
