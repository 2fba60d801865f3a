using CsCheck;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Payments.Ledger;
using Tradewind.Payments.Payouts;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Tests.Payouts;

/// <summary>
/// Random histories of invoices, payments, credit notes, payout runs and returns, posted with the real posting rules,
/// keep the ledger balanced in every currency, and every seller's outstanding payouts plus its payable equal its net
/// earnings; no payout ever pays proceeds that have not cleared.
/// </summary>
public sealed class PayoutLedgerPropertyTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromDays(7);
    private static readonly OrganisationId Buyer = OrganisationId.From(Guid.Parse("0192a000-0000-7000-8000-000000000001"));
    private static readonly OrganisationId[] Sellers =
    [
        OrganisationId.From(Guid.Parse("0192a000-0000-7000-8000-00000000000a")),
        OrganisationId.From(Guid.Parse("0192a000-0000-7000-8000-00000000000b")),
        OrganisationId.From(Guid.Parse("0192a000-0000-7000-8000-00000000000c")),
    ];

    private static readonly string[] Entities = ["EU", "US"];
    private static readonly Currency[] Currencies = [Currency.EUR, Currency.USD, Currency.JPY];

    [Fact]
    public void Random_histories_keep_the_ledger_balanced_and_payouts_plus_payable_equal_net_earnings()
    {
        var operation = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 1000], Gen.Int[0, 1000], Gen.Long[100, 5_000_000]);
        operation.Array[20, 120].Sample(
            operations =>
            {
                var history = new History();
                foreach (var (kind, a, b, amount) in operations)
                {
                    history.Apply(kind, a, b, amount);
                }

                history.CheckInvariants();
            },
            iter: 150);
    }

    private sealed class History
    {
        private readonly List<NewLedgerEntry> _entries = [];
        private readonly HashSet<string> _sources = new(StringComparer.Ordinal);
        private readonly List<InvoiceSettlementDto> _invoices = [];
        private readonly Dictionary<Guid, DateTimeOffset> _paid = [];
        private readonly List<Payout> _payouts = [];
        private DateTimeOffset _now = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        private int _counter;

        public void Apply(int kind, int a, int b, long amount)
        {
            switch (kind)
            {
                case 0 or 1:
                    Finalize(a, b, amount);
                    break;
                case 2 when _invoices.Count > 0:
                    var invoice = _invoices[a % _invoices.Count];
                    if (_paid.TryAdd(invoice.Id.Value, _now))
                    {
                        Post(DocumentPostings.Paid(invoice, _now));
                    }

                    break;
                case 3 when _invoices.Count > 0:
                    Credit(_invoices[a % _invoices.Count], b);
                    break;
                case 4:
                    _now = _now.AddDays(a % 6).AddHours(b % 24);
                    break;
                case 5:
                    Run();
                    break;
                case 6:
                    var open = _payouts.Where(p => p.Status != PayoutStatus.Returned).ToList();
                    if (open.Count > 0)
                    {
                        var payout = open[a % open.Count];
                        if (payout.Status == PayoutStatus.Requested)
                        {
                            payout.Send(NextGuid(), _now);
                        }

                        payout.MarkReturned("AC04 account closed", _now);
                        Post(PayoutPostings.Return(payout, _now));
                    }

                    break;
            }
        }

        public void CheckInvariants()
        {
            foreach (var currency in _entries.SelectMany(e => e.Lines).GroupBy(l => l.Amount.Currency.Code, StringComparer.Ordinal))
            {
                Assert.Equal(
                    currency.Where(l => l.Side == LedgerSide.Debit).Sum(l => l.Amount.MinorUnits),
                    currency.Where(l => l.Side == LedgerSide.Credit).Sum(l => l.Amount.MinorUnits));
            }

            var payable = PayableLines().ToList();
            foreach (var account in payable.GroupBy(l => (l.EntityCode, l.Seller, l.Currency)))
            {
                var earnings = account.Where(l => l.SourceKey.StartsWith("invoice:", StringComparison.Ordinal) || l.SourceKey.StartsWith("credit-note:", StringComparison.Ordinal))
                    .Sum(l => l.CreditMinusDebit);
                var outstanding = _payouts
                    .Where(p => p.Status != PayoutStatus.Returned && p.EntityCode == account.Key.EntityCode && p.SellerId.ToString() == account.Key.Seller && p.Currency == account.Key.Currency)
                    .Sum(p => p.AmountMinor);
                Assert.Equal(earnings, outstanding + account.Sum(l => l.CreditMinusDebit));

                var cleared = account
                    .Where(l => PayoutBalances.InvoiceOf(l.SourceKey) is { } id && _paid.TryGetValue(id, out var paid) && paid + Hold <= _now)
                    .Sum(l => l.CreditMinusDebit);
                Assert.True(outstanding <= cleared, $"{account.Key}: {outstanding} paid out, only {cleared} cleared.");
            }
        }

        private void Finalize(int a, int b, long amount)
        {
            var entity = Entities[a % Entities.Length];
            var currency = Currencies[b % Currencies.Length];
            var lines = Enumerable.Range(0, 1 + (a % 3)).Select(i =>
            {
                var net = Money.FromMinor(amount / (i + 1), currency);
                var tax = Money.FromMinor(net.MinorUnits / 5, currency);
                var listing = (b + i) % 4 == 0 ? Currencies[(b + 1) % Currencies.Length] : currency;
                var proceeds = listing == currency ? net : Money.FromMinor(Math.Max(1, net.MinorUnits * 11 / 10), listing);
                return new InvoiceSettlementLine(i + 1, Sellers[(a + i) % Sellers.Length], null, net, tax, i % 2 == 0 ? "DE" : "US-WA", proceeds);
            }).ToList();
            var document = Document(InvoiceKind.Invoice, entity, currency, lines, null, false);
            _invoices.Add(document);
            Post(DocumentPostings.For(document, _ => 0.03m));
        }

        private void Credit(InvoiceSettlementDto invoice, int b)
        {
            var percent = 1 + (b % 100);
            var lines = invoice.Lines.Select(l => l with
            {
                Amount = Money.FromMinor(-Math.Max(1, l.Amount.MinorUnits * percent / 100), l.Amount.Currency),
                Tax = Money.FromMinor(-(l.Tax.MinorUnits * percent / 100), l.Tax.Currency),
                Proceeds = Money.FromMinor(-Math.Max(1, l.Proceeds.MinorUnits * percent / 100), l.Proceeds.Currency),
            }).ToList();
            var currency = Currency.FromCode(invoice.Currency);
            Post(DocumentPostings.For(Document(InvoiceKind.CreditNote, invoice.IssuerEntityCode, currency, lines, invoice.Id, _paid.ContainsKey(invoice.Id.Value)), _ => 0.03m));
        }

        private void Run()
        {
            foreach (var balance in PayoutBalances.Compute(PayableLines(), _paid, _now, Hold).Where(b => b.Available > 0))
            {
                var id = new PayoutId(NextGuid());
                var payout = new Payout
                {
                    Id = id,
                    SellerId = OrganisationId.Parse(balance.Seller),
                    SellerEntityName = "Seller",
                    EntityCode = balance.EntityCode,
                    AmountMinor = balance.Available,
                    Currency = balance.Currency,
                    EndToEndId = Payout.EndToEndIdFor(id),
                    AccountLast4 = "1234",
                    AsOf = _now,
                    PeriodKey = "D:" + _counter,
                    RequestedAt = _now,
                    RequestedBy = "test",
                };
                _payouts.Add(payout);
                Post(PayoutPostings.Payout(payout));
            }
        }

        private IEnumerable<PayableLine> PayableLines() => _entries.SelectMany(e => e.Lines
            .Where(l => l.Account == LedgerAccountType.SellerPayable)
            .Select(l => new PayableLine(e.EntityCode, l.Subject!, l.Amount.Currency.Code, e.SourceKey, e.EffectiveAt, l.Side == LedgerSide.Credit ? l.Amount.MinorUnits : -l.Amount.MinorUnits)));

        private void Post(NewLedgerEntry entry)
        {
            LedgerPosting.Check(entry);
            Assert.True(_sources.Add(entry.SourceKey), $"{entry.SourceKey} posted twice.");
            _entries.Add(entry);
        }

        private InvoiceSettlementDto Document(InvoiceKind kind, string entity, Currency currency, IReadOnlyList<InvoiceSettlementLine> lines, InvoiceId? corrects, bool correctedPaid)
        {
            var subtotal = lines.Aggregate(Money.Zero(currency), (sum, l) => sum + l.Amount);
            var tax = lines.Aggregate(Money.Zero(currency), (sum, l) => sum + l.Tax);
            var id = new InvoiceId(NextGuid());
            return new InvoiceSettlementDto(
                id, kind, "N-" + _counter, InvoiceStatus.Finalized, Buyer, entity, currency.Code, _now, corrects, correctedPaid, subtotal, tax, subtotal + tax, lines);
        }

        private Guid NextGuid() => Guid.Parse($"0192b000-0000-7000-8000-{++_counter:D12}");
    }
}
