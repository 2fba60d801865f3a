using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Money;

namespace Tradewind.Web.Pages.Seller.Offers;

/// <summary>One dimension's monthly run-rate: the quantity metered per month and what it costs per month at the agreement's prices.</summary>
internal sealed record DimensionRunRate(string Dimension, string Name, string Unit, decimal QuantityPerMonth, Money ValuePerMonth);

/// <summary>
/// What a customer's usage suggests committing to. The run-rate is what the customer was metered over the window, scaled
/// to a month (a window is 3 months, or the time since the agreement began when that is shorter), and valued with the
/// agreement's own price model after its free units, each dimension rounded to the currency's minor unit (half away from
/// zero) so the monthly value is the sum the page shows. The suggested contract price is that monthly value over the term,
/// less the commitment discount, rounded once more the same way, so the formula on the page holds exactly; it is paid in
/// <see cref="InstallmentCount"/> equal installments (largest-remainder split, so they sum to the price exactly).
/// </summary>
internal sealed record CommitmentSuggestion(
    DateTimeOffset From,
    DateTimeOffset To,
    decimal Months,
    IReadOnlyList<DimensionRunRate> Dimensions,
    Money MonthlyValue,
    int TermMonths,
    decimal DiscountPercent,
    Money ContractPrice)
{
    /// <summary>The default commitment discount, in percent.</summary>
    public const decimal DefaultDiscountPercent = 10m;

    /// <summary>Quarterly payments over a 12-month term.</summary>
    public const int InstallmentCount = 4;

    /// <summary>Average days per month (365.25 / 12), to turn a window into months.</summary>
    private const decimal DaysPerMonth = 30.4375m;

    /// <summary>The window read for the run-rate: the 3 months before <paramref name="now"/>, not before the agreement began.</summary>
    public static (DateTimeOffset From, DateTimeOffset To) Window(DateTimeOffset acceptedAt, DateTimeOffset now)
    {
        var from = now.AddMonths(-3);
        return (acceptedAt > from ? acceptedAt : from, now);
    }

    /// <summary>
    /// The suggestion from what was metered in <c>[from, to)</c> per dimension. Dimensions the plan does not price (or that
    /// were not used) are valued at zero; a window shorter than a day counts as a day.
    /// </summary>
    public static CommitmentSuggestion Suggest(
        PlanTerms terms,
        IReadOnlyDictionary<string, long> metered,
        DateTimeOffset from,
        DateTimeOffset to,
        int termMonths,
        decimal discountPercent = DefaultDiscountPercent)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(metered);
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(discountPercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(discountPercent, 100m);
        var currency = Currency.FromCode(terms.Currency);
        var days = Math.Max(1m, (decimal)(to - from).TotalDays);
        var months = days / DaysPerMonth;
        var rows = new List<DimensionRunRate>();
        var monthly = Money.Zero(currency);
        foreach (var dimension in terms.Dimensions ?? [])
        {
            var quantity = metered.TryGetValue(dimension.Key, out var total) ? total / months : 0m;
            var free = terms.FreeTier?.FirstOrDefault(f => f.Dimension == dimension.Key)?.UnitsPerMonth ?? 0m;
            var value = Money.FromMajor(dimension.Price is { } price ? Charge(price, Math.Max(0m, quantity - free), currency) : 0m, currency, MidpointRounding.AwayFromZero);
            monthly += value;
            rows.Add(new DimensionRunRate(dimension.Key, dimension.Name, dimension.Unit, quantity, value));
        }

        var contract = monthly.Multiply(termMonths * (1m - (discountPercent / 100m)), MidpointRounding.AwayFromZero);
        return new CommitmentSuggestion(from, to, months, rows, monthly, termMonths, discountPercent, contract);
    }

    /// <summary>The contract price in <see cref="InstallmentCount"/> equal payments, due today and every quarter after.</summary>
    public IReadOnlyList<(DateOnly DueOn, Money Amount)> Installments(DateOnly today) =>
        ScheduleFill.Even(ContractPrice, InstallmentCount, today, TermMonths);

    /// <summary>What <paramref name="quantity"/> units cost in a month under <paramref name="price"/>, unrounded.</summary>
    internal static decimal Charge(PriceModelTerms price, decimal quantity, Currency currency)
    {
        decimal Unit(string? text) => UnitPrice.TryParse(text, currency, out var unit) ? unit.Amount : 0m;
        switch (price.Model)
        {
            case PriceModelKind.PerUnit:
                return quantity * Unit(price.UnitPrice);
            case PriceModelKind.Package:
                var size = price.PackageSize is > 0 ? price.PackageSize.Value : 1m;
                return Math.Ceiling(quantity / size) * Unit(price.PackagePrice);
            case PriceModelKind.Graduated:
                var sum = 0m;
                foreach (var tier in price.Tiers ?? [])
                {
                    var upper = tier.UpTo is { } upTo ? Math.Min(upTo, quantity) : quantity;
                    if (upper > tier.From)
                    {
                        sum += (upper - tier.From) * Unit(tier.UnitPrice);
                    }
                }

                return sum;
            case PriceModelKind.Volume:
                var tiers = price.Tiers ?? [];
                var band = tiers.FirstOrDefault(t => quantity > t.From && (t.UpTo is null || quantity <= t.UpTo)) ?? (tiers.Count > 0 ? tiers[0] : null);
                return band is null ? 0m : quantity * Unit(band.UnitPrice);
            default:
                return 0m;
        }
    }
}

/// <summary>Splits an amount into equal, dated payments over a contract term (the form's "Fill schedule").</summary>
internal static class ScheduleFill
{
    /// <summary>
    /// <paramref name="count"/> payments that sum to <paramref name="total"/> exactly (largest remainder: earlier payments
    /// take the extra minor units), the first on <paramref name="first"/> and the others spread evenly over the term: every
    /// <c>term / count</c> months when that is whole, otherwise every <c>term days / count</c> days, so every date lies
    /// inside the term and the dates ascend strictly.
    /// </summary>
    public static IReadOnlyList<(DateOnly DueOn, Money Amount)> Even(Money total, int count, DateOnly first, int termMonths)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(termMonths, 1);
        var amounts = total.Allocate(Enumerable.Repeat(1, count).ToList());
        var termDays = first.AddMonths(termMonths).DayNumber - first.DayNumber;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, termDays);
        var result = new List<(DateOnly, Money)>(count);
        for (var k = 0; k < count; k++)
        {
            var due = termMonths % count == 0 ? first.AddMonths(k * (termMonths / count)) : first.AddDays((int)((long)k * termDays / count));
            result.Add((due, amounts[k]));
        }

        return result;
    }
}
