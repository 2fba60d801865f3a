using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Money;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests.PrivateOffers;

/// <summary>
/// The demo holds private offers in every state; the accepted ones (EUR from the German seller to the German buyer, and JPY from the Japanese seller to the Japanese buyer) are invoiced in their currency by
/// the entity the routing rules choose, and their proceeds are paid out in that currency.
/// </summary>
public sealed class DemoPrivateOffersTests(DemoApp app) : IClassFixture<DemoApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_has_an_offer_in_every_state_and_its_accepted_eur_and_jpy_offers_are_invoiced_and_paid_out_in_their_currency()
    {
        var outbox = app.Services.GetRequiredService<OutboxProcessor>();
        while (await outbox.DispatchPendingAsync(_ct) > 0)
        {
        }

        var (offers, agreements, invoices, payouts) = await app.WithScopeAsync(async s =>
        {
            var operatorOrganisation = (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Operator, new PageRequest(1, 1), _ct)).Items[0];
            var agreementsCaller = new AgreementsCaller(operatorOrganisation.Id, Roles.Operator, "test");
            var offerPage = await s.GetRequiredService<IPrivateOffersQueries>().ListAsync(new PrivateOfferFilter(), agreementsCaller, new PageRequest(1, PageRequest.MaxSize), _ct);
            var agreementPage = await s.GetRequiredService<IAgreementsQueries>().ListAsync(new AgreementFilter(), agreementsCaller, new PageRequest(1, PageRequest.MaxSize), _ct);
            var billing = s.GetRequiredService<IBillingQueries>();
            var caller = new BillingCaller(operatorOrganisation.Id, Roles.Operator, "test");
            var summaries = await billing.ListInvoicesAsync(new InvoiceFilter(Kind: InvoiceKind.Invoice), caller, new PageRequest(1, PageRequest.MaxSize), _ct);
            var full = new List<InvoiceDto>();
            foreach (var summary in summaries.Items)
            {
                full.Add((await billing.FindInvoiceAsync(summary.Id, caller, _ct))!);
            }

            var payoutPage = await s.GetRequiredService<IPayoutQueries>().ListAsync(new PayoutFilter(), new PageRequest(1, PageRequest.MaxSize), _ct);
            return (offerPage.Items, agreementPage.Items, full, payoutPage.Items);
        });

        Assert.Equal(Enum.GetValues<PrivateOfferStatus>().Order(), offers.Select(o => o.Status).Distinct().Order());

        var euro = Assert.Single(offers, o => o.Status == PrivateOfferStatus.Accepted && o.Currency == "EUR");
        var yen = Assert.Single(offers, o => o.Status == PrivateOfferStatus.Accepted && o.Currency == "JPY");
        Assert.Equal(Money.Parse("6000.00", Currency.FromCode("EUR")), euro.ContractValue);
        Assert.Equal(Money.Parse("2400000", Currency.FromCode("JPY")), yen.ContractValue);
        Assert.All([euro, yen], o => Assert.Equal(4, o.Schedule.Count));
        Assert.All(offers, o => Assert.Contains(o.History, step => step.Action.Contains("created", StringComparison.OrdinalIgnoreCase)));

        foreach (var (offer, entity, installment) in new[] { (euro, "EU", "1500.00"), (yen, "JP", "600000") })
        {
            var agreement = Assert.Single(agreements, a => a.PrivateOfferId == offer.Id);
            Assert.Equal(offer.AgreementId, agreement.Id);
            Assert.Equal(offer.Currency, agreement.Currency);
            Assert.Equal(AgreementStatus.Active, agreement.Status);

            // The first installment was due on acceptance: invoiced in the offer's currency by the routed entity, once.
            var invoice = Assert.Single(invoices, i => i.Lines.Any(l => l.AgreementId == agreement.Id));
            Assert.Equal(offer.Currency, invoice.Currency);
            Assert.Equal(entity, invoice.Issuer.EntityCode);
            var line = Assert.Single(invoice.Lines, l => l.AgreementId == agreement.Id);
            Assert.Equal(InvoiceLineKind.Installment, line.Kind);
            Assert.Equal(Money.Parse(installment, Currency.FromCode(offer.Currency)), line.Amount);
            Assert.Equal(InvoiceStatus.Paid, invoice.Status);

            // Its proceeds reached the seller in the offer's currency.
            Assert.True(
                payouts.Any(p => p.SellerId == offer.SellerId && p.Amount.Currency.Code == offer.Currency && p.Invoices.Contains(invoice.Id)),
                $"{offer.Currency} invoice {invoice.Number} issued {invoice.IssueDate} due {invoice.DueDate} {invoice.Status}; payouts: "
                + string.Join("; ", payouts.Where(p => p.SellerId == offer.SellerId).Select(p => $"{p.Amount} {p.Status} {p.AsOf:O} [{p.Invoices.Count}]")));
        }

        // Japanese consumption tax on the yen installment (rounded once per rate on the invoice, so the line's share may
        // differ from 10 % of it by a yen); the German business buyer's EUR invoice from Luxembourg is a reverse charge.
        var yenLine = invoices.SelectMany(i => i.Lines).Single(l => l.AgreementId == yen.AgreementId);
        Assert.Equal(("JCT", 0.1m), (yenLine.Tax.TaxType, yenLine.Tax.Rate));
        Assert.InRange(yenLine.Tax.TaxAmount.MinorUnits, 59_999, 60_001);
        var euroLine = invoices.SelectMany(i => i.Lines).Single(l => l.AgreementId == euro.AgreementId);
        Assert.Equal(Tradewind.Contracts.Tax.TaxTreatments.ReverseCharge, euroLine.Tax.Treatment);
        Assert.Equal(0, euroLine.Tax.TaxAmount.MinorUnits);
    }
}
