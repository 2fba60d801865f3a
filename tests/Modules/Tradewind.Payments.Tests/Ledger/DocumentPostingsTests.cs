using CsCheck;
using Tradewind.Contracts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.Ledger;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Tests.Ledger;

public sealed class DocumentPostingsTests
{
    private static readonly OrganisationId Buyer = OrganisationId.From(Guid.Parse("0192a000-0000-7000-8000-000000000001"));
    private static readonly OrganisationId SellerA = OrganisationId.From(Guid.Parse("0192a000-0000-7000-8000-00000000000a"));
    private static readonly OrganisationId SellerB = OrganisationId.From(Guid.Parse("0192a000-0000-7000-8000-00000000000b"));
    private static readonly DateTimeOffset Finalized = new(2026, 11, 1, 0, 10, 0, TimeSpan.Zero);

    [Fact]
    public void An_invoice_owes_its_total_and_splits_the_net_into_seller_payables_fee_and_tax_per_jurisdiction()
    {
        // Seller A: 100.00 + 15.43 = 115.43 USD, fee 3 % = 3.4629 → 3.46, payable 111.97.
        // Seller B: 20.00 USD, fee 0.60, payable 19.40. Tax: 8.50 + 1.23 to US-WA, 1.70 to US-CA.
        var document = Invoice(
            "USD",
            Line(1, SellerA, "100.00", "8.50", "US-WA"),
            Line(2, SellerA, "15.43", "1.23", "US-WA"),
            Line(3, SellerB, "20.00", "1.70", "US-CA"));

        var entry = DocumentPostings.For(document, _ => 0.03m);

        LedgerPosting.Check(entry);
        Assert.Equal("invoice:" + document.Id, entry.SourceKey);
        Assert.Equal(
            [
                "D buyer-receivable " + Buyer + " 146.86 USD",
                "C tax-payable US-WA 9.73 USD",
                "C tax-payable US-CA 1.70 USD",
                "C seller-payable " + SellerA + " 111.97 USD",
                "C fee-revenue  4.06 USD",
                "C seller-payable " + SellerB + " 19.40 USD",
            ],
            entry.Lines.Select(Describe));
    }

    [Fact]
    public void A_usd_listing_invoiced_in_eur_passes_the_net_through_fx_clearing_and_pays_the_seller_in_usd()
    {
        // 50.00 EUR net + 9.50 EUR German VAT; the seller's proceeds stay 55.00 USD (the exact amount before conversion).
        var document = Invoice("EUR", Line(1, SellerA, "50.00", "9.50", "DE", "EUR", proceeds: Money.Parse("55.00", Currency.USD)));

        var entry = DocumentPostings.For(document, _ => 0.03m);

        LedgerPosting.Check(entry);
        Assert.Equal(
            [
                "D buyer-receivable " + Buyer + " 59.50 EUR",
                "C tax-payable DE 9.50 EUR",
                "C fx-clearing  50.00 EUR",
                "D fx-clearing  55.00 USD",
                "C seller-payable " + SellerA + " 53.35 USD",
                "C fee-revenue  1.65 USD",
            ],
            entry.Lines.Select(Describe));
    }

    [Fact]
    public void A_credit_note_on_a_paid_invoice_is_owed_back_to_the_buyer_and_reverses_fee_tax_and_payable()
    {
        var document = Invoice("USD", Line(1, SellerA, "-10.00", "-0.65", "US-WA")) with
        {
            Kind = InvoiceKind.CreditNote,
            CorrectedInvoicePaid = true,
        };

        var entry = DocumentPostings.For(document, _ => 0.03m);

        LedgerPosting.Check(entry);
        Assert.Equal("credit-note", entry.Kind);
        Assert.Equal(
            [
                "C refunds " + Buyer + " 10.65 USD",
                "D tax-payable US-WA 0.65 USD",
                "D seller-payable " + SellerA + " 9.70 USD",
                "D fee-revenue  0.30 USD",
            ],
            entry.Lines.Select(Describe));
    }

    [Fact]
    public void Unbalanced_or_malformed_entries_are_refused()
    {
        var usd = Currency.USD;
        NewLedgerEntry Entry(params NewLedgerLine[] lines) => new("test:1", "adjustment", "TWU", Finalized, "Test", lines);

        var unbalanced = Assert.Throws<DomainException>(() => LedgerPosting.Check(Entry(
            new(LedgerAccountType.CashClearing, null, LedgerSide.Debit, Money.Parse("10.00", usd)),
            new(LedgerAccountType.FeeRevenue, null, LedgerSide.Credit, Money.Parse("9.99", usd)))));
        Assert.Equal("ledger-entry-unbalanced", unbalanced.Code);

        var crossCurrency = Assert.Throws<DomainException>(() => LedgerPosting.Check(Entry(
            new(LedgerAccountType.CashClearing, null, LedgerSide.Debit, Money.Parse("10.00", usd)),
            new(LedgerAccountType.FeeRevenue, null, LedgerSide.Credit, Money.Parse("10.00", Currency.EUR)))));
        Assert.Equal("ledger-entry-unbalanced", crossCurrency.Code);

        var zero = Assert.Throws<DomainException>(() => LedgerPosting.Check(Entry(
            new(LedgerAccountType.CashClearing, null, LedgerSide.Debit, Money.Zero(usd)),
            new(LedgerAccountType.FeeRevenue, null, LedgerSide.Credit, Money.Zero(usd)))));
        Assert.Equal("ledger-entry-invalid", zero.Code);

        var noSubject = Assert.Throws<DomainException>(() => LedgerPosting.Check(Entry(
            new(LedgerAccountType.BuyerReceivable, null, LedgerSide.Debit, Money.Parse("1.00", usd)),
            new(LedgerAccountType.FeeRevenue, null, LedgerSide.Credit, Money.Parse("1.00", usd)))));
        Assert.Contains("needs its subject", noSubject.Message, StringComparison.Ordinal);

        Assert.Equal("ledger-entry-invalid", Assert.Throws<DomainException>(() => LedgerPosting.Check(Entry(
            new NewLedgerLine(LedgerAccountType.CashClearing, null, LedgerSide.Debit, Money.Parse("1.00", usd))))).Code);
    }

    [Fact]
    public void Every_document_posts_a_balanced_entry_and_sellers_get_their_proceeds_less_exactly_the_fee()
    {
        var currencies = new[] { Currency.USD, Currency.EUR, Currency.JPY, Currency.INR, Currency.BHD };
        var sellers = new[] { SellerA, SellerB };
        var lines = Gen.Select(Gen.Int[0, 1], Gen.Long[-50_000_00, 500_000_00], Gen.Long[0, 50_000_00], Gen.Int[0, 2], Gen.Int[0, 4], Gen.Long[1, 900_000_00]);
        var documents = Gen.Select(Gen.Int[0, 4], lines.Array[1, 8], Gen.Int[0, 300], Gen.Bool, Gen.Bool);

        documents.Sample((currencyIndex, raw, feeBasisPoints, creditNote, paid) =>
        {
            var currency = currencies[currencyIndex];
            var settlementLines = raw.Select((l, i) =>
            {
                var planCurrency = currencies[l.Item5];
                var amount = Money.FromMinor(creditNote ? -Math.Abs(l.Item2) : l.Item2, currency);
                var tax = Money.FromMinor(creditNote ? -l.Item3 : l.Item3, currency);
                var proceeds = planCurrency == currency ? amount : Money.FromMinor(Math.Sign(amount.MinorUnits) * l.Item6, planCurrency);
                return new InvoiceSettlementLine(i + 1, sellers[l.Item1], null, amount, tax, new[] { "DE", "US-WA", "JP" }[l.Item4], proceeds);
            }).ToList();
            var document = Invoice(currency.Code, [.. settlementLines]) with { Kind = creditNote ? InvoiceKind.CreditNote : InvoiceKind.Invoice, CorrectedInvoicePaid = paid };
            var rate = feeBasisPoints / 10_000m;

            var entry = DocumentPostings.For(document, _ => rate);

            // Balanced per currency (the check throws otherwise) …
            LedgerPosting.Check(entry);
            // … and per seller and listing currency: payable + fee == proceeds, fee rounded once from the exact fee.
            foreach (var group in settlementLines.GroupBy(l => (l.SellerId, l.Proceeds.Currency)))
            {
                var proceeds = group.Sum(l => l.Proceeds.MinorUnits);
                var fee = Money.FromMajor(group.Sum(l => l.Proceeds.Amount) * rate, group.Key.Currency, MidpointRounding.AwayFromZero).MinorUnits;
                var payable = entry.Lines
                    .Where(l => l.Account == LedgerAccountType.SellerPayable && l.Subject == group.Key.SellerId.ToString() && l.Amount.Currency == group.Key.Currency)
                    .Sum(l => l.Side == LedgerSide.Credit ? l.Amount.MinorUnits : -l.Amount.MinorUnits);
                Assert.Equal(proceeds - fee, payable);
            }

            var owed = entry.Lines.Where(l => l.Account is LedgerAccountType.BuyerReceivable or LedgerAccountType.Refunds)
                .Sum(l => l.Side == LedgerSide.Debit ? l.Amount.MinorUnits : -l.Amount.MinorUnits);
            Assert.Equal(document.Total.MinorUnits, owed);
        });
    }

    [Fact]
    public void Settling_a_converted_invoice_closes_fx_clearing_and_books_what_the_net_bought_beyond_the_proceeds_as_a_gain()
    {
        // 50.00 EUR net promised the seller 55.00 USD on the invoice's day; on the payment's day it buys 55.40 USD.
        var document = Invoice("EUR", Line(1, SellerA, "50.00", "9.50", "DE", "EUR", proceeds: Money.Parse("55.00", Currency.USD)));
        var leg = Assert.Single(DocumentPostings.FxLegs(document));

        var entry = DocumentPostings.Conversion(document, [(leg, Money.Parse("55.40", Currency.USD))], Finalized.AddDays(9));

        LedgerPosting.Check(entry);
        Assert.Equal("fx:invoice:" + document.Id, entry.SourceKey);
        Assert.Equal("fx", entry.Kind);
        Assert.Equal(
            [
                "D fx-clearing  50.00 EUR",
                "C cash-clearing  50.00 EUR",
                "D cash-clearing  55.40 USD",
                "C fx-clearing  55.00 USD",
                "C fx-gain-loss  0.40 USD",
            ],
            entry.Lines.Select(Describe));
    }

    [Fact]
    public void A_credit_note_buys_its_currency_back_and_a_weaker_rate_is_a_loss()
    {
        // The credit note gives 10.00 EUR back; it promised to take 11.00 USD off the seller, and 10.00 EUR now costs 11.20 USD.
        var note = Invoice("EUR", Line(1, SellerA, "-10.00", "-1.90", "DE", "EUR", proceeds: Money.Parse("-11.00", Currency.USD))) with { Kind = InvoiceKind.CreditNote };
        var leg = Assert.Single(DocumentPostings.FxLegs(note));

        var entry = DocumentPostings.Conversion(note, [(leg, Money.Parse("-11.20", Currency.USD))], Finalized);

        LedgerPosting.Check(entry);
        Assert.Equal("fx:credit-note:" + note.Id, entry.SourceKey);
        Assert.Equal(
            [
                "C fx-clearing  10.00 EUR",
                "D cash-clearing  10.00 EUR",
                "C cash-clearing  11.20 USD",
                "D fx-clearing  11.00 USD",
                "D fx-gain-loss  0.20 USD",
            ],
            entry.Lines.Select(Describe));
    }

    [Fact]
    public void A_document_in_its_listings_currency_has_nothing_to_convert()
    {
        Assert.Empty(DocumentPostings.FxLegs(Invoice("USD", Line(1, SellerA, "100.00", "8.50", "US-WA"))));
    }

    [Fact]
    public void A_document_and_its_conversion_leave_fx_clearing_at_zero_in_every_currency_whatever_the_rate()
    {
        var currencies = new[] { Currency.USD, Currency.EUR, Currency.JPY, Currency.GBP };
        var lines = Gen.Select(Gen.Int[0, 1], Gen.Long[1, 500_000_00], Gen.Long[0, 50_000_00], Gen.Int[0, 3], Gen.Long[1, 900_000_00]);
        var documents = Gen.Select(Gen.Int[0, 3], lines.Array[1, 8], Gen.Bool, Gen.Int[50, 200]);

        documents.Sample((currencyIndex, raw, creditNote, ratePercent) =>
        {
            var currency = currencies[currencyIndex];
            var sign = creditNote ? -1 : 1;
            var settlementLines = raw.Select((l, i) =>
            {
                var planCurrency = currencies[l.Item4];
                var amount = Money.FromMinor(sign * l.Item2, currency);
                var proceeds = planCurrency == currency ? amount : Money.FromMinor(sign * l.Item5, planCurrency);
                return new InvoiceSettlementLine(i + 1, new[] { SellerA, SellerB }[l.Item1], null, amount, Money.FromMinor(sign * l.Item3, currency), "DE", proceeds);
            }).ToList();
            var document = Invoice(currency.Code, [.. settlementLines]) with { Kind = creditNote ? InvoiceKind.CreditNote : InvoiceKind.Invoice };
            var legs = DocumentPostings.FxLegs(document);
            if (legs.Count == 0)
            {
                Assert.All(settlementLines, l => Assert.Equal(currency, l.Proceeds.Currency));
                return;
            }

            // Any rate: the net converted is the proceeds moved by a percentage, rounded like money.
            var converted = legs.Select(leg => (leg, Money.FromMajor(leg.Proceeds.Amount * ratePercent / 100m, leg.Proceeds.Currency, MidpointRounding.AwayFromZero))).ToList();
            var entry = DocumentPostings.Conversion(document, converted, Finalized);

            LedgerPosting.Check(entry);
            var both = DocumentPostings.For(document, _ => 0.03m).Lines.Concat(entry.Lines).ToList();
            Assert.All(
                both.Where(l => l.Account == LedgerAccountType.FxClearing).GroupBy(l => l.Amount.Currency),
                g => Assert.Equal(0, g.Sum(l => l.Side == LedgerSide.Debit ? l.Amount.MinorUnits : -l.Amount.MinorUnits)));
            foreach (var (leg, bought) in converted)
            {
                // The listing currency's cash grows by what the net bought; the gain or loss is that less the proceeds.
                var cash = entry.Lines.Where(l => l.Account == LedgerAccountType.CashClearing && l.Amount.Currency == bought.Currency)
                    .Sum(l => l.Side == LedgerSide.Debit ? l.Amount.MinorUnits : -l.Amount.MinorUnits);
                var gain = entry.Lines.Where(l => l.Account == LedgerAccountType.FxGainLoss && l.Amount.Currency == bought.Currency)
                    .Sum(l => l.Side == LedgerSide.Credit ? l.Amount.MinorUnits : -l.Amount.MinorUnits);
                Assert.Equal(bought.MinorUnits, cash);
                Assert.Equal(bought.MinorUnits - leg.Proceeds.MinorUnits, gain);
            }
        });
    }

    private static string Describe(NewLedgerLine line) =>
        $"{(line.Side == LedgerSide.Debit ? "D" : "C")} {line.Account.ToWire()} {line.Subject} {line.Amount.ToMajorString()} {line.Amount.Currency.Code}";

    private static InvoiceSettlementLine Line(int number, OrganisationId seller, string amount, string tax, string jurisdiction, string currency = "USD", Money? proceeds = null)
    {
        var unit = Currency.FromCode(currency);
        var net = Money.Parse(amount, unit);
        return new InvoiceSettlementLine(number, seller, null, net, Money.Parse(tax, unit), jurisdiction, proceeds ?? net);
    }

    private static InvoiceSettlementDto Invoice(string currencyCode, params InvoiceSettlementLine[] lines)
    {
        var currency = Currency.FromCode(currencyCode);
        var subtotal = Money.FromMinor(lines.Sum(l => l.Amount.MinorUnits), currency);
        var tax = Money.FromMinor(lines.Sum(l => l.Tax.MinorUnits), currency);
        return new InvoiceSettlementDto(
            InvoiceId.From(Guid.Parse("0192a000-0000-7000-8000-0000000000f1")), InvoiceKind.Invoice, "TWU-2026-000001", InvoiceStatus.Finalized, Buyer, "TWU", currencyCode, Finalized,
            null, false, subtotal, tax, subtotal + tax, lines);
    }
}
