using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Tests.Infrastructure;
using static Tradewind.Web.Tests.Infrastructure.CatalogRequests;

namespace Tradewind.Web.Tests.Billing;

/// <summary>
/// The rendered documents through the API (PDF, UBL, HTML). They need the document renderers (<c>IInvoiceDocuments</c>)
/// registered by the Billing module; these tests check the API's side: who may download, content types and file names.
/// </summary>
public sealed class InvoiceDocumentsApiTests(BillingApp app) : IClassFixture<BillingApp>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_buyer_downloads_its_invoice_as_pdf_ubl_and_html_and_a_seller_or_another_buyer_cannot()
    {
        var agreement = await app.SubscribeAsync(app.SellerA, app.UsBuyer, "Documented Logs", UsagePlan("Usage", PerUnit("0.02")));
        var month = new DateTimeOffset(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);
        await app.MeterAsync(app.SellerA, agreement, ("requests", 500, month.AddDays(2)));
        app.MoveTo(month.AddMonths(1).AddMinutes(1));
        await app.BillAsync(month.AddMonths(1));
        var invoice = Assert.Single(
            await app.InvoicesOfAsync(app.UsBuyer, "invoice"),
            i => i.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("agreementId").GetString() == agreement.GetProperty("id").GetString()));
        var id = invoice.GetProperty("id").GetString();
        var number = invoice.GetProperty("number").GetString()!;
        var buyer = app.ClientFor(app.UsBuyer);

        var pdf = await buyer.GetAsync($"/api/v1/invoices/{id}/pdf", _ct);
        var ubl = await buyer.GetAsync($"/api/v1/invoices/{id}/ubl", _ct);
        var html = await buyer.GetAsync($"/api/v1/invoices/{id}/html", _ct);
        var operatorPdf = await app.ClientFor(app.Operator).GetAsync($"/api/v1/invoices/{id}/pdf", _ct);
        var sellerUbl = await app.ClientFor(app.SellerA).GetAsync($"/api/v1/invoices/{id}/ubl", _ct);
        var otherBuyer = await app.ClientFor(app.Buyer).GetAsync($"/api/v1/invoices/{id}/pdf", _ct);

        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{number}.pdf", pdf.Content.Headers.ContentDisposition?.FileNameStar ?? pdf.Content.Headers.ContentDisposition?.FileName);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync(_ct))[..4]), StringComparison.Ordinal);
        Assert.Equal("application/xml", ubl.Content.Headers.ContentType?.MediaType);
        var xml = XDocument.Parse(await ubl.Content.ReadAsStringAsync(_ct));
        Assert.Equal("Invoice", xml.Root!.Name.LocalName);
        Assert.Contains(number, xml.ToString(), StringComparison.Ordinal);
        // Peppol R020/R010: the US entity's GLN, and for a buyer without a Peppol identity the GLN the operator allocated.
        XNamespace cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
        XNamespace cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
        var seller = xml.Root.Element(cac + "AccountingSupplierParty")!.Element(cac + "Party")!.Element(cbc + "EndpointID")!;
        var customer = xml.Root.Element(cac + "AccountingCustomerParty")!.Element(cac + "Party")!.Element(cbc + "EndpointID")!;
        Assert.Equal(("0088", "0614141000012"), (seller.Attribute("schemeID")?.Value, seller.Value));
        Assert.Equal("0088", customer.Attribute("schemeID")?.Value);
        Assert.True(Tradewind.Primitives.Peppol.Gln.IsValid(customer.Value), customer.Value);
        Assert.StartsWith("0614141", customer.Value, StringComparison.Ordinal);
        Assert.True(long.Parse(customer.Value[7..12], System.Globalization.CultureInfo.InvariantCulture) >= 50_000);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains(number, await html.Content.ReadAsStringAsync(_ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, operatorPdf.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sellerUbl.StatusCode);
        await otherBuyer.AssertProblemAsync(HttpStatusCode.NotFound, "invoice-not-found");
    }

    [Fact]
    public async Task A_buyer_keeps_the_Peppol_address_it_was_given_and_no_two_buyers_share_one()
    {
        async Task<string?> AllocateAsync(Tenant buyer) =>
            await app.WithScopeAsync(sp => sp.GetRequiredService<IAccountsCommands>().AllocatePeppolBuyerAddressAsync(buyer.Organisation.Id, _ct));

        var indian = await AllocateAsync(app.IndianBuyer);
        var euro = await AllocateAsync(app.EuroBuyer);
        var indianAgain = await AllocateAsync(app.IndianBuyer);

        Assert.NotNull(indian);
        Assert.NotNull(euro);
        Assert.Equal(indian, indianAgain);
        Assert.NotEqual(indian, euro);
        Assert.All(new[] { indian, euro }, address => Assert.True(Tradewind.Primitives.Peppol.PeppolParticipantId.TryParse(address, out _, out _), address));
    }

    [Fact]
    public async Task A_credit_note_downloads_as_a_ubl_credit_note()
    {
        var agreement = await app.SubscribeAsync(app.SellerB, app.UsBuyer, "Documented Shield", UsagePlan("Usage", PerUnit("0.05")));
        var month = new DateTimeOffset(app.Clock.GetUtcNow().Year, app.Clock.GetUtcNow().Month, 1, 0, 0, 0, TimeSpan.Zero);
        await app.MeterAsync(app.SellerB, agreement, ("requests", 100, month.AddDays(4)));
        app.MoveTo(month.AddMonths(1).AddMinutes(1));
        await app.BillAsync(month.AddMonths(1));
        var invoice = Assert.Single(
            await app.InvoicesOfAsync(app.UsBuyer, "invoice"),
            i => i.GetProperty("lines").EnumerateArray().Any(l => l.GetProperty("agreementId").GetString() == agreement.GetProperty("id").GetString()));
        var credit = await app.ClientFor(app.Operator).PostAsync(
            $"/api/v1/invoices/{invoice.GetProperty("id").GetString()}/credit-notes", Body(new JsonObject { ["reason"] = "Goodwill" }), _ct);
        var note = await credit.ReadJsonAsync();

        var ubl = await app.ClientFor(app.UsBuyer).GetAsync($"/api/v1/invoices/{note.GetProperty("id").GetString()}/ubl", _ct);

        Assert.Equal(HttpStatusCode.OK, ubl.StatusCode);
        Assert.Equal("CreditNote", XDocument.Parse(await ubl.Content.ReadAsStringAsync(_ct)).Root!.Name.LocalName);
    }
}
