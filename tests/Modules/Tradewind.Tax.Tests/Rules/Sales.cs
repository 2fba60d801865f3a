using Tradewind.Primitives.Money;
using Tradewind.Tax.Rates;
using Tradewind.Tax.Rules;

namespace Tradewind.Tax.Tests.Rules;

/// <summary>Entities and sales for the rule tables.</summary>
internal static class Sales
{
    public static readonly RateBook Book = RateBook.Embedded();

    public static readonly TaxRules Rules = new(Book);

    public static readonly TaxCalculator Calculator = new(Rules);

    public static readonly DateOnly Today = new(2026, 11, 27);

    /// <summary>Every country and subdivision the rates file names.</summary>
    private static readonly IReadOnlyList<Registration> Everywhere = Book.Rates
        .Select(r => r.Jurisdiction)
        .Distinct(StringComparer.Ordinal)
        .Select(j => j.Length == 2 ? new Registration(j, null) : new Registration(j[..2], j))
        .Concat(Book.Jurisdictions.Keys.Select(c => new Registration(c, null)))
        .Distinct()
        .ToList();

    /// <summary>An entity established in <paramref name="country"/> and registered everywhere the rates file knows.</summary>
    public static SellingEntity EstablishedIn(string country, string? region = null) => new($"X{country}", country, region, Everywhere);

    /// <summary>Established in Singapore-free Bermuda: foreign to every buyer, registered everywhere.</summary>
    public static readonly SellingEntity Foreign = EstablishedIn("BM");

    public static TaxSale Sale(SellingEntity entity, string country, string? subdivision, bool business, string? taxId, bool valid, DateOnly? date = null, string taxCode = "saas", decimal amount = 100m, string currency = "EUR") =>
        new(date ?? Today, entity, country, subdivision, business, taxId, valid, valid ? null : "the number is not valid", [new SaleLine("1", Money.FromMajor(amount, Currency.FromCode(currency), MidpointRounding.ToEven), taxCode)]);

    public static Tradewind.Contracts.Tax.TaxLineDto One(TaxSale sale) => Assert.Single(Calculator.Calculate(sale));
}
