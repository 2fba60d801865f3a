using System.Globalization;
using Tradewind.Contracts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Agreements.PrivateOffers;

/// <summary>What an offer is checked against: the base plan's terms, the product, today (UTC) and the currencies allowed.</summary>
/// <param name="BasePlan">The terms the offer starts from (a published plan version, or the agreement it starts from).</param>
/// <param name="ProductTitle">For the default name.</param>
/// <param name="Today">The UTC date the offer is written on.</param>
/// <param name="AllowedCurrencies">USD, EUR, GBP, AUD, JPY and the seller entity's payout currencies.</param>
/// <param name="UsageCurrencies">The currencies offers with usage prices may be in (<c>PrivateOffers:UsageCurrencies</c>).</param>
internal sealed record OfferBasis(PlanTerms BasePlan, string ProductTitle, DateOnly Today, IReadOnlyCollection<string> AllowedCurrencies, IReadOnlyCollection<string> UsageCurrencies);

/// <summary>An offer's terms as an agreement will copy them, its contract value and its name.</summary>
internal sealed record BuiltOffer(PlanTerms Terms, Money ContractValue, string Name);

/// <summary>
/// Checks a <see cref="PrivateOfferDraft"/> field by field and builds the <see cref="PlanTerms"/> its agreement copies: the
/// base plan's dimensions with the offer's prices (a custom unit price replaces the dimension's model; a discount applies to
/// every price of the model — unit, tier, package — rounded half away from zero to the currency's minor units + 4 decimals),
/// no free trial, no free tier, and a contract when there is a contract fee or entitlements. A contract without overage
/// carries no usage prices. Every refusal is a <see cref="ValidationFailedException"/> naming the field.
/// </summary>
internal static class OfferTermsBuilder
{
    public const int MaxInstallments = 60;
    public const int MaxNote = 2000;
    public const int MaxName = 200;

    /// <summary>The currencies every seller may offer in; others need a payout account in them.</summary>
    public static readonly IReadOnlyList<string> StandardCurrencies = ["USD", "EUR", "GBP", "AUD", "JPY"];

    public static BuiltOffer Build(PrivateOfferDraft draft, OfferBasis basis)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(basis);
        var v = new Validation();

        var buyerGiven = draft.BuyerId is not null;
        var domainGiven = !string.IsNullOrWhiteSpace(draft.BuyerEmailDomain);
        v.Require(buyerGiven != domainGiven, buyerGiven ? "buyerEmailDomain" : "buyerId", "Give exactly one of the buyer organisation (buyerId) or an email domain to invite (buyerEmailDomain).");
        if (domainGiven && !IsDomain(draft.BuyerEmailDomain!.Trim()))
        {
            v.Add("buyerEmailDomain", "Give an email domain such as example.de (letters, digits, hyphens and dots).");
        }

        var code = draft.Currency?.Trim().ToUpperInvariant() ?? "";
        Currency.TryFromCode(code, out var currency);
        if (currency is null || !basis.AllowedCurrencies.Contains(code, StringComparer.Ordinal))
        {
            v.Add("currency", $"Offer in one of {string.Join(", ", basis.AllowedCurrencies.Order(StringComparer.Ordinal))}.");
        }

        v.Require(draft.TermMonths is >= 1 and <= 60, "termMonths", "The contract term is 1 to 60 months.");
        v.Require(draft.ExpiresOn >= basis.Today, "expiresOn", $"The expiry date must be today ({basis.Today:yyyy-MM-dd}) or later.");
        v.Require(draft.Licence != LicenceKind.Custom || !string.IsNullOrWhiteSpace(draft.CustomTerms), "customTerms", "Custom terms are required with a custom licence.");
        v.Require(draft.CustomTerms is null || draft.CustomTerms.Length <= 100_000, "customTerms", "Custom terms are at most 100,000 characters.");
        v.Require((draft.NoteToBuyer?.Length ?? 0) <= MaxNote, "noteToBuyer", "The note to the buyer is at most 2,000 characters.");
        v.Require((draft.Name?.Trim().Length ?? 0) <= MaxName, "name", "The name is at most 200 characters.");
        v.Require(Enum.IsDefined(draft.Licence), "licence", "The licence is standard or custom.");

        if (currency is null)
        {
            v.ThrowIfInvalid();
            throw new InvalidOperationException("Unreachable: an unknown currency is a validation error.");
        }

        var baseDimensions = basis.BasePlan.Dimensions ?? [];
        var contractPrice = Money.Zero(currency);
        if (!string.IsNullOrWhiteSpace(draft.ContractPrice))
        {
            if (!Money.TryParse(draft.ContractPrice.Trim(), currency, out var price) || price.IsNegative)
            {
                v.Add("contractPrice", $"The contract price is an amount of 0 or more in {currency.Code} with at most {currency.MinorUnits} decimals.");
            }
            else
            {
                contractPrice = price;
            }
        }

        var entitlements = Entitlements(draft, baseDimensions, v);
        var schedule = Schedule(draft, contractPrice, currency, basis.Today, v);
        var hasContract = contractPrice.IsPositive || entitlements.Count > 0;
        var dimensions = PriceDimensions(draft, baseDimensions, currency, basis.BasePlan.Currency, keepsPrices: !hasContract || draft.Overage, v);
        if (hasContract && !draft.Overage)
        {
            // A contract without overage charges nothing for use: its dimensions carry no price (as a plan's do).
            dimensions = dimensions.Select(d => d with { Price = null }).ToList();
        }

        if (dimensions.Any(d => d.Price is not null) && !basis.UsageCurrencies.Contains(currency.Code, StringComparer.Ordinal))
        {
            v.Add("currency", $"Offers with usage prices are in {string.Join(", ", basis.UsageCurrencies)}; make it a contract without overage, or offer it in {basis.UsageCurrencies.First()}.");
        }

        v.ThrowIfInvalid();

        var contract = hasContract
            ? new ContractTerms(draft.TermMonths, contractPrice.ToMajorString(), schedule.Count > 0 ? schedule.Count : 1, draft.Overage, entitlements, schedule.Count > 0 ? schedule : null)
            : null;
        var name = string.IsNullOrWhiteSpace(draft.Name) ? $"{basis.ProductTitle} private offer" : draft.Name.Trim();
        if (name.Length > MaxName)
        {
            name = name[..MaxName];
        }

        var terms = new PlanTerms(name, null, null, null, dimensions, contract, currency.Code);
        return new BuiltOffer(terms, contractPrice, name);
    }

    /// <summary>Applies a percentage discount to a price string: <c>price × (100 − d) / 100</c>, to minor units + 4 decimals.</summary>
    public static string Discount(string price, decimal percent, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        var value = decimal.Parse(price, NumberStyles.Number, CultureInfo.InvariantCulture);
        var discounted = decimal.Round(value * (100m - percent) / 100m, currency.MinorUnits + 4, MidpointRounding.AwayFromZero);
        return Format(discounted);
    }

    private static string Format(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    private static List<UsageDimension> PriceDimensions(PrivateOfferDraft draft, IReadOnlyList<UsageDimension> baseDimensions, Currency currency, string baseCurrency, bool keepsPrices, Validation v)
    {
        var prices = draft.Prices ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var byKey = new Dictionary<string, OfferDimensionPrice>(StringComparer.Ordinal);
        for (var i = 0; i < prices.Count; i++)
        {
            var p = prices[i];
            var field = $"prices[{i}]";
            if (p is null || string.IsNullOrWhiteSpace(p.Dimension) || !baseDimensions.Any(d => string.Equals(d.Key, p.Dimension, StringComparison.Ordinal)))
            {
                v.Add($"{field}.dimension", $"'{p?.Dimension}' is not a dimension of the base plan ({string.Join(", ", baseDimensions.Select(d => d.Key))}).");
                continue;
            }

            if (!seen.Add(p.Dimension))
            {
                v.Add($"{field}.dimension", $"'{p.Dimension}' is priced twice.");
                continue;
            }

            var hasUnit = !string.IsNullOrWhiteSpace(p.UnitPrice);
            if (hasUnit == p.DiscountPercent.HasValue)
            {
                v.Add($"{field}.unitPrice", "Give exactly one of a unit price or a discount percentage.");
                continue;
            }

            if (hasUnit && !IsUnitPrice(p.UnitPrice!.Trim(), currency))
            {
                v.Add($"{field}.unitPrice", $"A unit price is 0 or more in {currency.Code} with at most {currency.MinorUnits + 4} decimals.");
                continue;
            }

            if (p.DiscountPercent is { } d && d is <= 0 or > 100)
            {
                v.Add($"{field}.discountPercent", "A discount is more than 0 and at most 100 percent.");
                continue;
            }

            if (p.DiscountPercent is not null && baseDimensions.First(b => b.Key == p.Dimension).Price is null)
            {
                v.Add($"{field}.discountPercent", $"'{p.Dimension}' has no price in the base plan to discount; give a unit price.");
                continue;
            }

            byKey[p.Dimension] = p;
        }

        var restated = !string.Equals(baseCurrency, currency.Code, StringComparison.Ordinal);
        var result = new List<UsageDimension>();
        foreach (var dimension in baseDimensions)
        {
            if (!byKey.TryGetValue(dimension.Key, out var price))
            {
                if (restated && keepsPrices && dimension.Price is not null)
                {
                    v.Add("prices", $"The base plan's prices are in {baseCurrency}: give '{dimension.Key}' a price in {currency.Code}.");
                }

                result.Add(dimension);
                continue;
            }

            result.Add(price.UnitPrice is { } unit
                ? dimension with { Price = new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: Format(decimal.Parse(unit.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture))) }
                : dimension with { Price = DiscountModel(dimension.Price!, price.DiscountPercent!.Value, currency) });
        }

        return result;
    }

    private static PriceModelTerms DiscountModel(PriceModelTerms model, decimal percent, Currency currency) => model with
    {
        UnitPrice = model.UnitPrice is { } unit ? Discount(unit, percent, currency) : null,
        Tiers = model.Tiers?.Select(t => t with { UnitPrice = Discount(t.UnitPrice, percent, currency) }).ToList(),
        PackagePrice = model.PackagePrice is { } package ? Discount(package, percent, currency) : null,
    };

    private static bool IsUnitPrice(string text, Currency currency)
    {
        if (text.Length == 0 || text.Any(c => c is not (>= '0' and <= '9') and not '.'))
        {
            return false;
        }

        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return false;
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 || (point > 0 && text.Length - point - 1 is > 0 and var decimals && decimals <= currency.MinorUnits + 4);
    }

    private static List<Entitlement> Entitlements(PrivateOfferDraft draft, IReadOnlyList<UsageDimension> baseDimensions, Validation v)
    {
        var list = new List<Entitlement>();
        var entitlements = draft.Entitlements ?? [];
        for (var i = 0; i < entitlements.Count; i++)
        {
            var e = entitlements[i];
            if (e is null || !baseDimensions.Any(d => string.Equals(d.Key, e.Dimension, StringComparison.Ordinal)))
            {
                v.Add($"entitlements[{i}].dimension", $"'{e?.Dimension}' is not a dimension of the base plan.");
                continue;
            }

            if (list.Any(x => x.Dimension == e.Dimension))
            {
                v.Add($"entitlements[{i}].dimension", $"'{e.Dimension}' is listed twice.");
                continue;
            }

            if (!e.Unlimited && e.Quantity is not > 0)
            {
                v.Add($"entitlements[{i}].quantity", "An entitlement is a quantity above 0 per month, or unlimited.");
                continue;
            }

            list.Add(e.Unlimited ? e with { Quantity = null } : e);
        }

        return list;
    }

    private static List<ContractPayment> Schedule(PrivateOfferDraft draft, Money total, Currency currency, DateOnly today, Validation v)
    {
        var installments = draft.Installments ?? [];
        if (installments.Count == 0)
        {
            return [];
        }

        if (!total.IsPositive)
        {
            v.Add("installments", "A payment schedule needs a contract price above 0.");
            return [];
        }

        if (installments.Count > MaxInstallments)
        {
            v.Add("installments", $"At most {MaxInstallments} installments.");
            return [];
        }

        var contractEnd = today.AddMonths(Math.Clamp(draft.TermMonths, 1, 60));
        var sum = Money.Zero(currency);
        var schedule = new List<ContractPayment>();
        var valid = true;
        for (var i = 0; i < installments.Count; i++)
        {
            var item = installments[i];
            if (item is null || !Money.TryParse(item.Amount?.Trim(), currency, out var amount) || !amount.IsPositive)
            {
                v.Add($"installments[{i}].amount", $"An installment is an amount above 0 in {currency.Code} with at most {currency.MinorUnits} decimals.");
                valid = false;
                continue;
            }

            if (i == 0 && item.DueOn < today)
            {
                v.Add($"installments[{i}].dueOn", $"The first installment is due today ({today:yyyy-MM-dd}) or later.");
                valid = false;
            }

            if (i > 0 && installments[i - 1] is { } previous && item.DueOn <= previous.DueOn)
            {
                v.Add($"installments[{i}].dueOn", "Installment dates are strictly ascending.");
                valid = false;
            }

            if (i == installments.Count - 1 && item.DueOn >= contractEnd)
            {
                v.Add($"installments[{i}].dueOn", $"The last installment is due before the contract ends ({contractEnd:yyyy-MM-dd}).");
                valid = false;
            }

            sum += amount;
            schedule.Add(new ContractPayment(item.DueOn, amount.ToMajorString()));
        }

        if (valid && sum != total)
        {
            v.Add("installments", $"The installments sum to {sum.ToMajorString()} {currency.Code}, not the contract price {total.ToMajorString()} {currency.Code}.");
        }

        return valid ? schedule : [];
    }

    private static bool IsDomain(string domain) =>
        domain.Length is > 2 and <= 253 && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.')
        && domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.');
}
