using Tradewind.Contracts.Payments;
using Tradewind.Payments.Payouts;

namespace Tradewind.Payments.Tests.Payouts;

public sealed class PayoutBalancesTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromDays(7);
    private static readonly DateTimeOffset Finalized = new(2026, 11, 1, 0, 10, 0, TimeSpan.Zero);
    private static readonly Guid InvoiceA = Guid.Parse("0192a000-0000-7000-8000-0000000000a1");
    private static readonly Guid InvoiceB = Guid.Parse("0192a000-0000-7000-8000-0000000000b1");

    [Fact]
    public void An_invoices_proceeds_become_available_only_after_payment_and_the_hold()
    {
        var lines = new[] { Line("invoice:" + InvoiceA, Finalized, 9700), Line("invoice:" + InvoiceB, Finalized, 4850) };
        var paid = new Dictionary<Guid, DateTimeOffset> { [InvoiceA] = Finalized.AddDays(2) };

        var beforeHold = Single(PayoutBalances.Compute(lines, paid, Finalized.AddDays(8), Hold));
        var afterHold = Single(PayoutBalances.Compute(lines, paid, Finalized.AddDays(9), Hold));

        Assert.Equal(14550, beforeHold.Payable);
        Assert.Equal(0, beforeHold.Available);
        Assert.Equal(9700, afterHold.Available);
        Assert.Equal([InvoiceA], afterHold.ClearedInvoices);
    }

    [Fact]
    public void Credit_notes_reduce_the_available_balance_at_once_and_payouts_count_whatever_their_date()
    {
        var lines = new[]
        {
            Line("invoice:" + InvoiceA, Finalized, 9700),
            Line("credit-note:" + InvoiceB, Finalized.AddDays(20), -970),
            Line("payout:x", Finalized.AddDays(30), -5000),
        };
        var paid = new Dictionary<Guid, DateTimeOffset> { [InvoiceA] = Finalized };

        // As of day 25 the later payout still counts: a run for an earlier instant cannot pay the same money again.
        var balance = Single(PayoutBalances.Compute(lines, paid, Finalized.AddDays(25), Hold));

        Assert.Equal(9700 - 970 - 5000, balance.Available);
        Assert.Equal(balance.Available, balance.Payable);
    }

    [Fact]
    public void Payables_are_kept_apart_per_entity_seller_and_currency()
    {
        var paid = new Dictionary<Guid, DateTimeOffset> { [InvoiceA] = Finalized };
        var balances = PayoutBalances.Compute(
            [Line("invoice:" + InvoiceA, Finalized, 100), Line("invoice:" + InvoiceA, Finalized, 200, currency: "EUR"), Line("invoice:" + InvoiceA, Finalized, 300, entity: "US")],
            paid,
            Finalized.AddDays(10),
            Hold);

        Assert.Equal([("EU", "EUR", 200L), ("EU", "USD", 100L), ("US", "USD", 300L)], balances.Select(b => (b.EntityCode, b.Currency, b.Available)));
    }

    [Theory]
    [InlineData(PayoutFrequency.Daily, "2026-11-30T23:59:00Z", "D:2026-11-30")]
    [InlineData(PayoutFrequency.Weekly, "2026-11-29T12:00:00Z", "W:2026-W48")]
    [InlineData(PayoutFrequency.Weekly, "2026-11-30T00:00:00Z", "W:2026-W49")]
    [InlineData(PayoutFrequency.Weekly, "2027-01-01T00:00:00Z", "W:2026-W53")]
    [InlineData(PayoutFrequency.Monthly, "2026-12-01T00:00:00Z", "M:2026-12")]
    public void A_schedule_pays_once_per_utc_day_iso_week_or_month(PayoutFrequency frequency, string at, string expected) =>
        Assert.Equal(expected, PayoutBalances.PeriodKey(frequency, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture)));

    private static PayableBalance Single(IReadOnlyList<PayableBalance> balances) => Assert.Single(balances);

    private static PayableLine Line(string source, DateTimeOffset at, long amount, string currency = "USD", string entity = "EU") =>
        new(entity, "seller-a", currency, source, at, amount);
}
