using Tradewind.Contracts.Tax;
using Tradewind.Primitives.Money;

namespace Tradewind.Web.Demo;

/// <summary>
/// Demo tax: a few quotes this month, committed as invoices, so the operator's liability report has rows. Each sale is
/// in the currency of its jurisdiction's return, so no exchange rate is needed; one German business buyer shows a
/// reverse charge, and a Washington buyer shows a state where the US entity is not registered.
/// </summary>
internal sealed partial class DemoSeeder
{
    private static readonly IReadOnlyList<DemoTaxSale> TaxSales =
    [
        new("EU", new TaxBuyer("DE", null, null, false), "EUR", "1200.00"),
        new("EU", new TaxBuyer("DE", null, "DE136695976", true), "EUR", "4800.00"),
        new("EU", new TaxBuyer("FR", null, null, false), "EUR", "350.00"),
        new("EU", new TaxBuyer("LU", null, "LU25318872", true), "EUR", "900.00"),
        new("EU", new TaxBuyer("GB", null, null, false), "GBP", "640.00"),
        new("US", new TaxBuyer("US", "US-NY", null, true), "USD", "2500.00"),
        new("US", new TaxBuyer("US", "US-TX", null, true), "USD", "1800.00"),
        new("US", new TaxBuyer("US", "US-WA", null, false), "USD", "300.00"),
        new("JP", new TaxBuyer("JP", null, null, false), "JPY", "33333"),
        new("AU", new TaxBuyer("AU", null, null, false), "AUD", "990.00"),
    ];

    private async Task SeedTaxAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var day = new DateOnly(today.Year, today.Month, 1);
        var number = 0;
        foreach (var sale in TaxSales)
        {
            var currency = Currency.FromCode(sale.Currency);
            var quote = await taxQuotes.QuoteAsync(
                new TaxQuoteRequest(day, sale.Entity, sale.Buyer, [new TaxLineRequest("1", Money.Parse(sale.Amount, currency), "saas")]),
                Actor,
                cancellationToken);
            await taxQuotes.CommitAsync(quote.Id, $"{sale.Entity}-DEMO-{++number:D4}", Actor, cancellationToken);
        }
    }

    private sealed record DemoTaxSale(string Entity, TaxBuyer Buyer, string Currency, string Amount);
}
