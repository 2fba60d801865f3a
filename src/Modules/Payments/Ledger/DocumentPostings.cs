using System.Globalization;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Ledger;

/// <summary>
/// How a finalized invoice or credit note posts: the buyer owes the total (receivable) = tax payable per jurisdiction
/// + each seller's proceeds less the listing fee (payable) + the fee (revenue). When the document is in another currency
/// than the listing (a USD listing invoiced in EUR), the net passes through FX clearing: credited in the document's
/// currency and debited in the listing's, so each currency balances on its own and the seller's proceeds stay in the
/// listing's currency. A credit note posts the same with its negative amounts, which turns every side around; on an
/// invoice that was already paid, the credit is owed back to the buyer (refunds) instead of reducing the receivable.
/// </summary>
internal static class DocumentPostings
{
    /// <param name="document">The finalized document.</param>
    /// <param name="feeRate">The listing fee as a fraction of a line's proceeds (0.03 for 3 %).</param>
    public static NewLedgerEntry For(InvoiceSettlementDto document, Func<InvoiceSettlementLine, decimal> feeRate)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(feeRate);
        var buyer = document.BuyerId.ToString();
        var postings = new Postings();
        var owedBy = document.Kind == InvoiceKind.CreditNote && document.CorrectedInvoicePaid ? LedgerAccountType.Refunds : LedgerAccountType.BuyerReceivable;
        postings.Debit(owedBy, buyer, document.Total);

        foreach (var line in document.Lines.Where(l => l.Tax.MinorUnits != 0))
        {
            postings.Credit(LedgerAccountType.TaxPayable, string.IsNullOrEmpty(line.TaxJurisdiction) ? "unknown" : line.TaxJurisdiction, line.Tax);
        }

        foreach (var seller in document.Lines.GroupBy(l => (Seller: l.SellerId?.ToString() ?? "", Currency: l.Proceeds.Currency)))
        {
            var net = seller.Aggregate(Money.Zero(document.Total.Currency), (sum, l) => sum + l.Amount);
            var proceeds = seller.Aggregate(Money.Zero(seller.Key.Currency), (sum, l) => sum + l.Proceeds);
            // The fee is rounded once per seller and currency on the document, from the exact fee of every line.
            var fee = Money.FromMajor(seller.Sum(l => l.Proceeds.Amount * feeRate(l)), seller.Key.Currency, MidpointRounding.AwayFromZero);
            if (seller.Key.Currency != document.Total.Currency)
            {
                postings.Credit(LedgerAccountType.FxClearing, "", net);
                postings.Debit(LedgerAccountType.FxClearing, "", proceeds);
            }

            if (seller.Key.Seller.Length == 0)
            {
                // A line sold by no seller (an operator charge) is the operator's revenue in full.
                postings.Credit(LedgerAccountType.FeeRevenue, "", proceeds);
                continue;
            }

            postings.Credit(LedgerAccountType.SellerPayable, seller.Key.Seller, proceeds - fee);
            postings.Credit(LedgerAccountType.FeeRevenue, "", fee);
        }

        var kind = document.Kind == InvoiceKind.CreditNote ? "credit-note" : "invoice";
        return new NewLedgerEntry(
            $"{kind}:{document.Id}",
            kind,
            document.IssuerEntityCode,
            document.FinalizedAt,
            string.Create(CultureInfo.InvariantCulture, $"{(document.Kind == InvoiceKind.CreditNote ? "Credit note" : "Invoice")} {document.Number}: {document.Total.ToMajorString()} {document.Currency}"),
            postings.Lines(document.Number));
    }

    /// <summary>An invoice paid in full: cash clearing takes the total off the buyer's receivable (source key <c>payment:invoice:{id}</c>).</summary>
    public static NewLedgerEntry Paid(InvoiceSettlementDto invoice, DateTimeOffset paidAt)
    {
        ArgumentNullException.ThrowIfNull(invoice);
        var postings = new Postings();
        postings.Debit(LedgerAccountType.CashClearing, "", invoice.Total);
        postings.Credit(LedgerAccountType.BuyerReceivable, invoice.BuyerId.ToString(), invoice.Total);
        return new NewLedgerEntry(
            $"payment:invoice:{invoice.Id}",
            "payment",
            invoice.IssuerEntityCode,
            paidAt,
            string.Create(CultureInfo.InvariantCulture, $"Payment of invoice {invoice.Number}: {invoice.Total.ToMajorString()} {invoice.Currency}"),
            postings.Lines(invoice.Number));
    }

    /// <summary>
    /// The currency position a document leaves in FX clearing: per listing currency other than the document's, the net
    /// it credited in the document's currency and the proceeds it debited in the listing's (both negative on a credit
    /// note). Empty when every line is in the document's currency.
    /// </summary>
    public static IReadOnlyList<FxLeg> FxLegs(InvoiceSettlementDto document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var currency = document.Total.Currency;
        return document.Lines
            .Where(l => l.Proceeds.Currency != currency)
            .GroupBy(l => l.Proceeds.Currency)
            .Select(g => new FxLeg(
                g.Aggregate(Money.Zero(currency), (sum, l) => sum + l.Amount),
                g.Aggregate(Money.Zero(g.Key), (sum, l) => sum + l.Proceeds)))
            .Where(leg => leg.Net.MinorUnits != 0 || leg.Proceeds.MinorUnits != 0)
            .OrderBy(leg => leg.Proceeds.Currency.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The conversion that closes a document's FX clearing once its cash has settled (source key
    /// <c>fx:invoice:{id}</c> or <c>fx:credit-note:{id}</c>): the net leaves cash clearing in the document's currency
    /// and buys <paramref name="legs"/>' converted amount in the listing's at the day's rate; the difference between
    /// what it bought and the proceeds the seller was promised is a realised exchange gain (credit) or loss (debit).
    /// On a credit note every side turns around: the operator buys the document's currency back to refund.
    /// </summary>
    public static NewLedgerEntry Conversion(InvoiceSettlementDto document, IReadOnlyList<(FxLeg Leg, Money Converted)> legs, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(legs);
        var postings = new Postings();
        foreach (var (leg, converted) in legs)
        {
            if (converted.Currency != leg.Proceeds.Currency)
            {
                throw new ArgumentException($"The net of {document.Number} converts into {leg.Proceeds.Currency.Code}, not {converted.Currency.Code}.", nameof(legs));
            }

            postings.Debit(LedgerAccountType.FxClearing, "", leg.Net);
            postings.Credit(LedgerAccountType.CashClearing, "", leg.Net);
            postings.Debit(LedgerAccountType.CashClearing, "", converted);
            postings.Credit(LedgerAccountType.FxClearing, "", leg.Proceeds);
            postings.Credit(LedgerAccountType.FxGainLoss, "", converted - leg.Proceeds);
        }

        var kind = document.Kind == InvoiceKind.CreditNote ? "credit-note" : "invoice";
        var bought = string.Join(", ", legs.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Leg.Net.ToMajorString()} {l.Leg.Net.Currency.Code} = {l.Converted.ToMajorString()} {l.Converted.Currency.Code}")));
        return new NewLedgerEntry(
            $"fx:{kind}:{document.Id}",
            "fx",
            document.IssuerEntityCode,
            at,
            $"Conversion for {(document.Kind == InvoiceKind.CreditNote ? "credit note" : "invoice")} {document.Number}: {bought}",
            postings.Lines(document.Number));
    }

    /// <summary>Signed amounts per account (debit positive), turned into one line per account on its side.</summary>
    private sealed class Postings
    {
        private readonly Dictionary<(LedgerAccountType Type, string Subject, Currency Currency), long> _amounts = [];
        private readonly List<(LedgerAccountType Type, string Subject, Currency Currency)> _order = [];

        public void Debit(LedgerAccountType type, string subject, Money amount) => Add(type, subject, amount.Currency, amount.MinorUnits);

        public void Credit(LedgerAccountType type, string subject, Money amount) => Add(type, subject, amount.Currency, -amount.MinorUnits);

        public List<NewLedgerLine> Lines(string memo) => _order
            .Where(key => _amounts[key] != 0)
            .Select(key =>
            {
                var signed = _amounts[key];
                return new NewLedgerLine(key.Type, key.Subject, signed > 0 ? LedgerSide.Debit : LedgerSide.Credit, Money.FromMinor(Math.Abs(signed), key.Currency), memo);
            })
            .ToList();

        private void Add(LedgerAccountType type, string subject, Currency currency, long signed)
        {
            var key = (type, subject, currency);
            if (!_amounts.TryGetValue(key, out var sum))
            {
                _order.Add(key);
            }

            _amounts[key] = checked(sum + signed);
        }
    }
}

/// <summary>A document's position in one listing currency: its net in the document's currency, the proceeds in the listing's.</summary>
internal sealed record FxLeg(Money Net, Money Proceeds);

