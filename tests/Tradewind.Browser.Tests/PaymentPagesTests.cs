using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;
using Tradewind.Web.Demo;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

/// <summary>
/// The payment pages driven as their users would on the demo marketplace: a buyer pays an open invoice by sandbox card
/// and signs a SEPA mandate; the operator imports a camt.053 statement, works the unmatched queue, runs payouts, sends
/// their pain.001 file and records the bank's answer; the seller reads its earnings and downloads them. Each test uses
/// invoices no other test touches (one per demo buyer), and checks what the pages show against the ledger and the
/// module's own queries.
/// </summary>
public sealed partial class PaymentPagesTests(TradewindServer server)
{
    private static readonly XNamespace Camt = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";

    private static readonly XNamespace Pain001 = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";

    /// <summary>How long to wait for the page after a step that does real work on the server (a card charge, an import, a payout run) on a busy machine.</summary>
    private const float ServerWork = 30_000;

    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_buyer_pays_an_open_invoice_by_sandbox_card_refused_cards_show_why_and_the_success_card_marks_it_paid_in_the_ledger()
    {
        var buyer = DemoCatalog.Buyers[0];
        var invoice = await OpenInvoiceOfAsync(buyer.Name);
        var page = await server.SignInAsDemoAsync(Roles.Buyer);

        await page.GotoAsync("/account/invoices");
        await page.Locator("table.invoices-table tbody tr").Filter(new() { HasText = invoice.Number! }).GetByRole(AriaRole.Link).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Invoice {invoice.Number}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Pay by card" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/account/invoices/{invoice.Id.Value}/pay$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sandbox");
        await Expect(page.Locator(".sandbox-note")).ToContainTextAsync("4000000000000002");
        await Expect(page.Locator("header .badge").Last).ToHaveTextAsync("Issued");

        // Each refusing test card: the reason is shown, the invoice stays open, and the attempt is recorded as refused.
        (string Card, string Reason, PaymentStatus Status)[] refusals =
        [
            ("4000 0000 0000 0002", "Your card was declined.", PaymentStatus.Declined),
            ("4000 0000 0000 9995", "Your card has insufficient funds.", PaymentStatus.InsufficientFunds),
            ("4000 0025 0000 3155", "Your card issuer asks you to authenticate this payment.", PaymentStatus.RequiresAction),
        ];
        foreach (var (card, reason, status) in refusals)
        {
            await PayWithNewCardAsync(page, card);
            await Expect(page.Locator(".payment-result")).ToHaveTextAsync($"The payment did not go through: {reason}", new() { Timeout = ServerWork });
            await Expect(page.Locator("header .badge").Last).ToHaveTextAsync("Issued");
            await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") })).ToBeVisibleAsync();
            Assert.Equal(InvoiceStatus.Finalized, (await InvoiceAsync(invoice.Id)).Status);
            Assert.Contains(await PaymentsOfAsync(invoice.Id), p => p.Status == status && p.Sandbox);
        }

        Assert.Null(await LedgerEntryAsync($"payment:invoice:{invoice.Id}"));

        await PayWithNewCardAsync(page, "4242 4242 4242 4242");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Payment succeeded.", new() { Timeout = ServerWork });
        await Expect(page.Locator("header .badge").Last).ToHaveTextAsync("Paid");
        await Expect(page.GetByText("This invoice is not open for payment.")).ToBeVisibleAsync();

        var paid = await InvoiceAsync(invoice.Id);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        var payment = Assert.Single(await PaymentsOfAsync(invoice.Id), p => p.Status == PaymentStatus.Succeeded);
        Assert.Equal(invoice.Total, payment.Amount);
        Assert.Equal("4242", payment.CardLast4);
        var entry = await PostedAsync($"payment:invoice:{invoice.Id}");
        Assert.Contains(entry.Lines, l => l.Debit == invoice.Total);

        // The list agrees, and the invoice page no longer offers to pay.
        await page.GotoAsync("/account/invoices");
        await Expect(page.Locator("table.invoices-table tbody tr").Filter(new() { HasText = invoice.Number! })).ToContainTextAsync("Paid");
        await page.GotoAsync($"/account/invoices/{invoice.Id.Value}");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Pay by card" })).ToHaveCountAsync(0);
        await Expect(page.Locator("section.bank-transfer")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_buyer_signs_a_sepa_mandate_sees_its_reference_and_first_sequence_and_revokes_it()
    {
        var page = await server.SignInAsDemoAsync(Roles.Buyer);
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Your account" }).GetByRole(AriaRole.Link, new() { Name = "Direct debit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("SEPA direct debit");
        await Expect(page.Locator(".mandate-text")).ToContainTextAsync("LU87ZZZ0000000000000000123");
        var before = await MandatesOfDemoBuyerAsync();

        // A wrong IBAN is refused on the page and nothing is stored.
        await FillMandateAsync(page, "Rheinfeld Maschinenbau GmbH", "DE02 1203 0000 0000 2020 52");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The check digits do not match");
        Assert.Equal(before.Count, (await MandatesOfDemoBuyerAsync()).Count);

        await FillMandateAsync(page, "Rheinfeld Maschinenbau GmbH", "DE02 1203 0000 0000 2020 51");
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your mandate is signed. Open euro invoices will be collected under it.");
        var signed = Assert.Single(await MandatesOfDemoBuyerAsync(), m => before.All(b => b.Id != m.Id));
        Assert.Matches(MandateReference(), signed.Reference);
        Assert.Equal("FRST", signed.NextSequenceType);
        var row = page.Locator("section.sepa-mandates tbody tr").Filter(new() { HasText = signed.Reference });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("code.sequence-type")).ToHaveTextAsync("FRST");
        await Expect(row).ToContainTextAsync("DE…2051");
        await Expect(row).ToContainTextAsync("Active");

        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The mandate is revoked; nothing more will be collected under it.");
        await Expect(row).ToContainTextAsync("Revoked");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Revoke" })).ToHaveCountAsync(0);
        Assert.Equal(SepaMandateStatus.Revoked, (await MandatesOfDemoBuyerAsync()).Single(m => m.Id == signed.Id).Status);
    }

    [Fact]
    public async Task The_operator_imports_a_camt_053_statement_that_pays_an_invoice_by_its_rf_reference_and_assigns_and_dismisses_the_unmatched_credits()
    {
        var payer = DemoCatalog.Buyers.First(b => b.CountryCode == "US");
        var other = DemoCatalog.Buyers.First(b => b.CountryCode == "GB");
        var byReference = await OpenInvoiceOfAsync(payer.Name);
        var byHand = await OpenInvoiceOfAsync(other.Name);

        // The buyer reads the reference to quote off its invoice page.
        var buyerPage = await server.SignInAsync(payer.EmailLocalPart);
        await buyerPage.GotoAsync($"/account/invoices/{byReference.Id.Value}");
        var transfer = buyerPage.GetByRole(AriaRole.Region, new() { Name = "Pay by bank transfer" });
        await Expect(transfer).ToContainTextAsync(decimal.Parse(byReference.Total.ToMajorString(), CultureInfo.InvariantCulture).ToString("N2", CultureInfo.GetCultureInfo("en-US")));
        var printed = (await transfer.Locator("code.rf-reference").InnerTextAsync()).Trim();
        Assert.Matches(RfReferencePrint(), printed);

        var statementId = $"B9-{Guid.NewGuid():N}"[..20];
        var xml = Statement(
            statementId,
            Credit("B9-RF", byReference.Total, payer.Name, rf: printed.Replace(" ", "", StringComparison.Ordinal), text: null),
            Credit("B9-HAND", byHand.Total, other.Name, rf: null, text: "Quarterly licence"),
            Credit("B9-SPARE", Money.FromMinor(1234, Currency.EUR), "Unknown Payer Ltd", rf: null, text: "Deposit"));
        Assert.Empty(Validate(xml, "camt.053.001.08.xsd"));

        var page = await server.SignInAsDemoAsync(Roles.Operator);
        await page.GotoAsync("/operator");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Operator console" }).GetByRole(AriaRole.Link, new() { Name = "Bank collections" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bank collections");
        await page.GetByLabel("camt.053.001.08 file").SetInputFilesAsync(new FilePayload { Name = $"{statementId}.xml", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(xml) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Statement {statementId}: 1 matched, 2 unmatched, 0 already imported.", new() { Timeout = ServerWork });
        await Expect(page.Locator("table.bank-statements tbody tr").Filter(new() { HasText = statementId })).ToHaveCountAsync(1);

        // Matched by the RF reference: paid, and the payment is in the ledger.
        Assert.Equal(InvoiceStatus.Paid, (await InvoiceAsync(byReference.Id)).Status);
        await PostedAsync($"payment:invoice:{byReference.Id}");

        var queue = page.GetByRole(AriaRole.Region, new() { Name = "Unmatched credits" });
        var hand = queue.Locator("tbody tr").Filter(new() { HasText = $"{statementId} / B9-HAND" });
        var spare = queue.Locator("tbody tr").Filter(new() { HasText = $"{statementId} / B9-SPARE" });
        await Expect(hand).ToContainTextAsync(other.Name);
        await Expect(spare).ToContainTextAsync("Unknown Payer Ltd");
        await Expect(queue.Locator("tbody tr").Filter(new() { HasText = $"{statementId} / B9-RF" })).ToHaveCountAsync(0);

        // A number that is no invoice is refused and the credit keeps waiting.
        await hand.GetByLabel("Invoice number").FillAsync("XX-0000-000000");
        await hand.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("There is no invoice XX-0000-000000.");
        await Expect(hand).ToHaveCountAsync(1);

        await hand.GetByLabel("Invoice number").FillAsync(byHand.Number!);
        await hand.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"The credit is applied to invoice {byHand.Number}.");
        await Expect(hand).ToHaveCountAsync(0);
        Assert.Equal(InvoiceStatus.Paid, (await InvoiceAsync(byHand.Id)).Status);

        await spare.GetByLabel("Note").FillAsync("Not ours: sent back to the payer");
        await spare.GetByRole(AriaRole.Button, new() { Name = "Dismiss" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The credit is set aside.");
        await Expect(spare).ToHaveCountAsync(0);

        // Importing the same statement again changes nothing.
        await page.GetByLabel("camt.053.001.08 file").SetInputFilesAsync(new FilePayload { Name = $"{statementId}.xml", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(xml) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Statement {statementId}: 0 matched, 0 unmatched, 3 already imported.");

        // The buyer's invoice shows paid and no longer asks for a transfer.
        await buyerPage.ReloadAsync();
        await Expect(buyerPage.Locator("header .badge").First).ToHaveTextAsync("Paid");
        await Expect(transfer).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_seller_sees_each_invoice_with_gross_tax_fee_and_net_and_downloads_the_report_as_csv()
    {
        var page = await server.SignInAsDemoAsync(Roles.Seller);
        await page.GotoAsync("/seller");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Seller portal" }).GetByRole(AriaRole.Link, new() { Name = "Earnings & payouts" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/seller/earnings$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Earnings & payouts");

        var from = await page.GetByLabel("From").InputValueAsync();
        var until = await page.GetByLabel("Until").InputValueAsync();
        var report = await EarningsOfDemoSellerAsync(from, until);
        var line = report.Lines.First(l => l.PayoutId is not null && l.Tax.IsPositive);
        var row = page.Locator("table.earnings-lines tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Rowheader, new() { Name = line.Number, Exact = true }) }).First;
        var cells = row.Locator("td");
        await Expect(cells.Nth(1)).ToHaveTextAsync($"{line.Gross.ToMajorString()} {line.Gross.Currency.Code}");
        await Expect(cells.Nth(2)).ToHaveTextAsync($"{line.Tax.ToMajorString()} {line.Tax.Currency.Code}");
        await Expect(cells.Nth(3)).ToHaveTextAsync($"{line.Fee.ToMajorString()} {line.Fee.Currency.Code}");
        await Expect(cells.Nth(4)).ToHaveTextAsync($"{line.Net.ToMajorString()} {line.Net.Currency.Code}");
        await Expect(cells.Nth(5)).ToContainTextAsync(line.PayoutId!.Value.ToString());
        Assert.True(line.Gross > line.Tax, "gross includes the tax");
        Assert.Equal(line.Proceeds - line.Fee, line.Net);

        // A narrower period shows only the documents finalized in it.
        var day = line.FinalizedAt.UtcDateTime.Date;
        await page.GetByLabel("From").FillAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Until").FillAsync(day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "Show report" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("From=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        var narrow = await EarningsOfDemoSellerAsync(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Expect(page.Locator("table.earnings-lines tbody tr")).ToHaveCountAsync(narrow.Lines.Count);
        Assert.True(narrow.Lines.Count < report.Lines.Count);

        var href = await page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).GetAttributeAsync("href") ?? "";
        var csv = await page.APIRequest.GetAsync(href);
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
        var rows = (await csv.TextAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("document,kind,entity,finalized_at,paid_at,document_currency,gross,tax,currency,proceeds,fee,net,payout_id,payout_status", rows[0]);
        Assert.Equal(narrow.Lines.Count, rows.Length - 1);
        var fields = rows.Skip(1).Select(r => r.Split(',')).Single(f => f[0] == line.Number && f[8] == line.Net.Currency.Code);
        Assert.Equal([line.Gross.ToMajorString(), line.Tax.ToMajorString()], fields[6..8]);
        Assert.Equal([line.Fee.ToMajorString(), line.Net.ToMajorString(), line.PayoutId.Value.ToString()], fields[10..13]);
    }

    [Fact]
    public async Task The_operator_runs_the_payouts_sends_the_pain_001_file_and_records_the_payout_paid_then_returned()
    {
        // The demo paid this month's payouts on the 1st and the bank returned one; paying daily makes the returned amount due now.
        var seller = await DemoSellerAsync();
        await using (var scope = server.Services.CreateAsyncScope())
        {
            foreach (var entity in await scope.ServiceProvider.GetRequiredService<IAccountsQueries>().ListSellerEntitiesAsync(seller, _ct))
            {
                await scope.ServiceProvider.GetRequiredService<IPayoutCommands>().SetScheduleAsync(entity.Id, PayoutFrequency.Daily, "test", _ct);
            }
        }

        var before = (await PayoutsAsync()).Select(p => p.Id).ToHashSet();
        var page = await server.SignInAsDemoAsync(Roles.Operator);
        await page.GotoAsync("/operator");
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Operator console" }).GetByRole(AriaRole.Link, new() { Name = "Payouts" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Payouts");
        await Expect(page.Locator("table.payouts-latest tbody tr").Filter(new() { HasText = "Returned" })).Not.ToHaveCountAsync(0);

        await page.GetByRole(AriaRole.Button, new() { Name = "Run payouts now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^Payout run: [1-9]\\d* payouts created, \\d+ balances held\\.$"), new() { Timeout = ServerWork });
        var created = (await PayoutsAsync()).Where(p => !before.Contains(p.Id)).ToList();
        Assert.NotEmpty(created);
        Assert.All(created, p => Assert.Equal(PayoutStatus.Requested, p.Status));
        // The one the returned payout left due: the JP entity pays from an account it has.
        var payout = created.First(p => p.EntityCode == "JP");

        var row = page.Locator("table.payouts-latest tbody tr").Filter(new() { HasText = payout.EndToEndId });
        await Expect(row.Locator("td.payout-status")).ToHaveTextAsync("Requested");
        await Expect(row).ToContainTextAsync($"{payout.Amount.ToMajorString()} {payout.Amount.Currency.Code}");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Mark paid" })).ToHaveCountAsync(0);

        var link = row.GetByRole(AriaRole.Link, new() { Name = "Send in a pain.001 file" });
        var file = await page.APIRequest.GetAsync(await link.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, file.Status);
        Assert.StartsWith("application/xml", file.Headers["content-type"], StringComparison.Ordinal);
        var xml = await file.TextAsync();
        Assert.Empty(Validate(xml, "pain.001.001.09.xsd"));
        var document = XDocument.Parse(xml);
        Assert.Equal(Pain001 + "Document", document.Root!.Name);
        var transaction = Assert.Single(document.Descendants(Pain001 + "CdtTrfTxInf"), t => t.Descendants(Pain001 + "EndToEndId").Single().Value == payout.EndToEndId);
        Assert.Equal(payout.Amount.ToMajorString(), transaction.Descendants(Pain001 + "InstdAmt").Single().Value);
        Assert.Equal(payout.Amount.Currency.Code, (string?)transaction.Descendants(Pain001 + "InstdAmt").Single().Attribute("Ccy"));

        // Downloading sent it: the page says so and offers the bank's answers.
        await page.ReloadAsync();
        await Expect(row.Locator("td.payout-status")).ToHaveTextAsync("Sent");
        var again = await page.APIRequest.GetAsync(await row.GetByRole(AriaRole.Link, new() { Name = "pain.001 file" }).GetAttributeAsync("href") ?? "");
        Assert.Equal(xml, await again.TextAsync());

        await row.GetByRole(AriaRole.Button, new() { Name = "Mark paid" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Payout {payout.EndToEndId} is paid.");
        await Expect(row.Locator("td.payout-status")).ToHaveTextAsync("Paid");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Mark paid" })).ToHaveCountAsync(0);
        Assert.Equal(PayoutStatus.Paid, (await PayoutAsync(payout.Id)).Status);

        await row.GetByLabel("Return reason").FillAsync("AC04 account closed");
        await row.GetByRole(AriaRole.Button, new() { Name = "Mark returned" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"Payout {payout.EndToEndId} is returned; its amount is owed to the seller again.");
        await Expect(row.Locator("td.payout-status")).ToContainTextAsync("Returned");
        await Expect(row.Locator("td.payout-status")).ToContainTextAsync("AC04 account closed");
        var returned = await PayoutAsync(payout.Id);
        Assert.Equal(PayoutStatus.Returned, returned.Status);
        await PostedAsync($"payout-return:{payout.Id}");
    }

    [Fact]
    public async Task Every_payment_page_speaks_german_in_its_headings_and_buttons()
    {
        var buyer = await server.SignInAsDemoAsync(Roles.Buyer);
        var invoice = (await InvoicesOfAsync(DemoCatalog.Buyers[0].Name))[0];
        await buyer.GotoAsync($"/de/account/invoices/{invoice.Id.Value}/pay");
        await Expect(buyer.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(buyer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(new Regex("^\\s*Mit Karte bezahlen\\s+Sandbox\\s*$"));
        await Expect(buyer.GetByText("Pay by card")).ToHaveCountAsync(0);

        await buyer.GotoAsync("/de/account/direct-debit");
        await Expect(buyer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("SEPA-Lastschrift");
        await Expect(buyer.GetByRole(AriaRole.Heading, new() { Name = "Mandat erteilen" })).ToBeVisibleAsync();
        await Expect(buyer.GetByRole(AriaRole.Button, new() { Name = "Mandat unterzeichnen" })).ToBeVisibleAsync();
        await Expect(buyer.GetByRole(AriaRole.Columnheader, new() { Name = "Nächste Einzugsart" })).ToBeVisibleAsync();
        await Expect(buyer.GetByText("Sign the mandate")).ToHaveCountAsync(0);

        var payer = DemoCatalog.Buyers.First(b => b.CountryCode == "IN");
        var payerPage = await server.SignInAsync(payer.EmailLocalPart);
        var open = await OpenInvoiceOfAsync(payer.Name);
        await payerPage.GotoAsync($"/de/account/invoices/{open.Id.Value}/pay");
        await Expect(payerPage.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Fälliger Betrag") })).ToBeVisibleAsync();
        await Expect(payerPage.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(" bezahlen$") })).ToBeVisibleAsync();
        await payerPage.GetByRole(AriaRole.Radio, new() { Name = "Neue Karte" }).CheckAsync();
        await payerPage.GetByLabel("Kartennummer").FillAsync("4000 0000 0000 0002");
        await payerPage.GetByLabel("Ablaufmonat").FillAsync("12");
        await payerPage.GetByLabel("Ablaufjahr").FillAsync("2070");
        await payerPage.GetByLabel("Sicherheitscode").FillAsync("123");
        await payerPage.GetByRole(AriaRole.Button, new() { NameRegex = new Regex(" bezahlen$") }).ClickAsync();
        await Expect(payerPage.Locator(".payment-result")).ToHaveTextAsync("Die Zahlung ist nicht durchgegangen: Ihre Karte wurde abgelehnt.", new() { Timeout = ServerWork });

        var operatorPage = await server.SignInAsDemoAsync(Roles.Operator);
        await operatorPage.GotoAsync("/de/operator/bank-collections");
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bankeinzüge");
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Name = "Nicht zugeordnete Gutschriften" })).ToBeVisibleAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Name = "Kontoauszug importieren" })).ToBeVisibleAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Button, new() { Name = "Sammler erstellen" })).ToBeVisibleAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Button, new() { Name = "Zuordnen" }).First).ToBeVisibleAsync();
        await Expect(operatorPage.GetByText("Unmatched credits")).ToHaveCountAsync(0);

        await operatorPage.GotoAsync("/de/operator/payouts");
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Auszahlungen");
        await Expect(operatorPage.GetByRole(AriaRole.Button, new() { Name = "Auszahlungen jetzt ausführen" })).ToBeVisibleAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Name = "Fällige Auszahlungen" })).ToBeVisibleAsync();
        await Expect(operatorPage.GetByRole(AriaRole.Heading, new() { Name = "Letzte Auszahlungen" })).ToBeVisibleAsync();
        await Expect(operatorPage.Locator("table.payouts-latest tbody td.payout-status").Filter(new() { HasText = "Zurückgekommen" }).First).ToBeVisibleAsync();
        await Expect(operatorPage.GetByText("Run payouts now")).ToHaveCountAsync(0);

        var sellerPage = await server.SignInAsDemoAsync(Roles.Seller);
        await sellerPage.GotoAsync("/de/seller/earnings");
        await Expect(sellerPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Einnahmen & Auszahlungen");
        await Expect(sellerPage.GetByRole(AriaRole.Button, new() { Name = "Bericht anzeigen" })).ToBeVisibleAsync();
        await Expect(sellerPage.GetByRole(AriaRole.Link, new() { Name = "CSV herunterladen" })).ToBeVisibleAsync();
        foreach (var column in new[] { "Brutto", "Steuer", "Gebühr", "Netto", "Auszahlung" })
        {
            await Expect(sellerPage.GetByRole(AriaRole.Columnheader, new() { Name = column, Exact = true })).ToBeVisibleAsync();
        }

        await Expect(sellerPage.GetByText("Show report")).ToHaveCountAsync(0);
    }

    private static async Task PayWithNewCardAsync(IPage page, string number)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = "New card" }).CheckAsync();
        await page.GetByLabel("Card number").FillAsync(number);
        await page.GetByLabel("Expiry month").FillAsync("12");
        await page.GetByLabel("Expiry year").FillAsync((DateTime.UnixEpoch.Year + 100).ToString(CultureInfo.InvariantCulture));
        await page.GetByLabel("Security code").FillAsync("123");
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Pay ") }).ClickAsync();
    }

    private static async Task FillMandateAsync(IPage page, string holder, string iban)
    {
        await page.GetByLabel("Account holder").FillAsync(holder);
        await page.GetByLabel("IBAN", new() { Exact = true }).FillAsync(iban);
        await page.GetByLabel("BIC (optional)").FillAsync("");
        await page.GetByLabel("I accept the mandate and authorise the direct debits.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign the mandate" }).ClickAsync();
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider);
    }

    private Task<OrganisationId> OperatorAsync() => WithScopeAsync(async s =>
        (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Operator, new PageRequest(1, 1), _ct)).Items[0].Id);

    private Task<OrganisationId> DemoSellerAsync() => WithScopeAsync(async s =>
        (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Seller, new PageRequest(1, 100), _ct)).Items.Single(o => o.Name == DemoCatalog.Sellers[0].Name).Id);

    private async Task<IReadOnlyList<InvoiceSummaryDto>> InvoicesOfAsync(string buyerName, InvoiceStatus? status = null)
    {
        var caller = new BillingCaller(await OperatorAsync(), Roles.Operator, "test");
        return await WithScopeAsync(async s => (await s.GetRequiredService<IBillingQueries>().ListInvoicesAsync(
                new InvoiceFilter(Status: status, Kind: InvoiceKind.Invoice), caller, new PageRequest(1, PageRequest.MaxSize), _ct))
            .Items.Where(i => i.BuyerName == buyerName).OrderBy(i => i.Number, StringComparer.Ordinal).ToList());
    }

    /// <summary>The buyer's latest open invoice (the demo leaves this month's invoices open).</summary>
    private async Task<InvoiceSummaryDto> OpenInvoiceOfAsync(string buyerName) =>
        (await InvoicesOfAsync(buyerName, InvoiceStatus.Finalized)).Last(i => i.Total.IsPositive);

    private async Task<InvoiceDto> InvoiceAsync(InvoiceId id)
    {
        var caller = new BillingCaller(await OperatorAsync(), Roles.Operator, "test");
        return await WithScopeAsync(async s => await s.GetRequiredService<IBillingQueries>().FindInvoiceAsync(id, caller, _ct) ?? throw new InvalidOperationException($"No invoice {id}."));
    }

    private async Task<IReadOnlyList<PaymentDto>> PaymentsOfAsync(InvoiceId id)
    {
        var caller = new CollectionsCaller(await OperatorAsync(), Roles.Operator, "test");
        return await WithScopeAsync(async s => (await s.GetRequiredService<ICollectionsQueries>().ListPaymentsAsync(new PaymentFilter(InvoiceId: id), caller, new PageRequest(1, 100), _ct)).Items);
    }

    private Task<LedgerEntryDto?> LedgerEntryAsync(string source) =>
        WithScopeAsync(s => s.GetRequiredService<ILedgerQueries>().FindBySourceAsync(source, _ct));

    /// <summary>
    /// The ledger entry with <paramref name="source"/>, once posted: postings that follow an event run from the outbox,
    /// which this delivers now (the background dispatcher may be delivering it at the same moment; posting is idempotent).
    /// </summary>
    private async Task<LedgerEntryDto> PostedAsync(string source)
    {
        var outbox = server.Services.GetRequiredService<OutboxProcessor>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            while (await outbox.DispatchPendingAsync(_ct) > 0)
            {
            }

            if (await LedgerEntryAsync(source) is { } entry)
            {
                return entry;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), _ct);
        }

        throw new TimeoutException($"The ledger has no entry {source}.");
    }

    private async Task<IReadOnlyList<SepaMandateDto>> MandatesOfDemoBuyerAsync()
    {
        var buyer = await WithScopeAsync(async s =>
            (await s.GetRequiredService<IAccountsQueries>().ListOrganisationsAsync(OrganisationKind.Buyer, new PageRequest(1, 100), _ct)).Items.Single(o => o.Name == DemoCatalog.Buyers[0].Name).Id);
        return await WithScopeAsync(async s => (await s.GetRequiredService<IBankCollectionQueries>().ListMandatesAsync(buyer, new PageRequest(1, 100), _ct)).Items);
    }

    private async Task<SellerEarningsReport> EarningsOfDemoSellerAsync(string from, string until)
    {
        var seller = await DemoSellerAsync();
        var start = DateTimeOffset.Parse(from + "T00:00:00Z", CultureInfo.InvariantCulture);
        var end = DateTimeOffset.Parse(until + "T00:00:00Z", CultureInfo.InvariantCulture);
        return await WithScopeAsync(s => s.GetRequiredService<IPayoutQueries>().GetSellerEarningsAsync(seller, start, end, _ct));
    }

    private async Task<IReadOnlyList<PayoutDto>> PayoutsAsync() =>
        await WithScopeAsync(async s => (await s.GetRequiredService<IPayoutQueries>().ListAsync(new PayoutFilter(), new PageRequest(1, PageRequest.MaxSize), _ct)).Items);

    private Task<PayoutDto> PayoutAsync(PayoutId id) =>
        WithScopeAsync(async s => await s.GetRequiredService<IPayoutQueries>().FindAsync(id, null, _ct) ?? throw new InvalidOperationException($"No payout {id}."));

    /// <summary>A camt.053.001.08 statement of the EU entity's account booked today, with the given credits.</summary>
    private static string Statement(string statementId, params XElement[] entries)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(
                Camt + "Document",
                new XElement(
                    Camt + "BkToCstmrStmt",
                    new XElement(Camt + "GrpHdr", new XElement(Camt + "MsgId", "MSG-" + statementId), new XElement(Camt + "CreDtTm", today + "T06:00:00")),
                    new XElement(
                        Camt + "Stmt",
                        new XElement(Camt + "Id", statementId),
                        new XElement(Camt + "Acct", new XElement(Camt + "Id", new XElement(Camt + "IBAN", "LU280019400644750000"))),
                        Balance("OPBD", today),
                        Balance("CLBD", today),
                        entries.Select(e => WithDates(e, today))))));
        return document.Declaration + Environment.NewLine + document;
    }

    private static XElement Balance(string code, string day) => new(
        Camt + "Bal",
        new XElement(Camt + "Tp", new XElement(Camt + "CdOrPrtry", new XElement(Camt + "Cd", code))),
        new XElement(Camt + "Amt", new XAttribute("Ccy", "EUR"), "0.00"),
        new XElement(Camt + "CdtDbtInd", "CRDT"),
        new XElement(Camt + "Dt", new XElement(Camt + "Dt", day)));

    private static XElement WithDates(XElement entry, string day)
    {
        foreach (var date in entry.Descendants(Camt + "Dt").Where(d => d.Parent?.Name.LocalName is "BookgDt" or "ValDt"))
        {
            date.Value = day;
        }

        return entry;
    }

    /// <summary>One booked credit; <paramref name="rf"/> goes into the structured creditor reference, <paramref name="text"/> into the free text.</summary>
    private static XElement Credit(string entryReference, Money amount, string payer, string? rf, string? text)
    {
        var remittance = new XElement(Camt + "RmtInf");
        if (text is not null)
        {
            remittance.Add(new XElement(Camt + "Ustrd", text));
        }

        if (rf is not null)
        {
            remittance.Add(new XElement(Camt + "Strd", new XElement(Camt + "CdtrRefInf", new XElement(Camt + "Ref", rf))));
        }

        var value = amount.ToMajorString();
        var currency = amount.Currency.Code;
        return new XElement(
            Camt + "Ntry",
            new XElement(Camt + "Amt", new XAttribute("Ccy", currency), value),
            new XElement(Camt + "CdtDbtInd", "CRDT"),
            new XElement(Camt + "Sts", new XElement(Camt + "Cd", "BOOK")),
            new XElement(Camt + "BookgDt", new XElement(Camt + "Dt", "")),
            new XElement(Camt + "ValDt", new XElement(Camt + "Dt", "")),
            new XElement(Camt + "AcctSvcrRef", entryReference),
            new XElement(Camt + "BkTxCd", new XElement(Camt + "Domn", new XElement(Camt + "Cd", "PMNT"), new XElement(Camt + "Fmly", new XElement(Camt + "Cd", "RCDT"), new XElement(Camt + "SubFmlyCd", "ESCT")))),
            new XElement(
                Camt + "NtryDtls",
                new XElement(
                    Camt + "TxDtls",
                    new XElement(Camt + "Refs", new XElement(Camt + "EndToEndId", "NOTPROVIDED")),
                    new XElement(Camt + "Amt", new XAttribute("Ccy", currency), value),
                    new XElement(Camt + "CdtDbtInd", "CRDT"),
                    new XElement(Camt + "RltdPties", new XElement(Camt + "Dbtr", new XElement(Camt + "Pty", new XElement(Camt + "Nm", payer)))),
                    remittance)));
    }

    /// <summary>Validates an ISO 20022 document against its schema in <c>tests/schemas/iso20022/</c>; the errors, none when valid.</summary>
    private static List<string> Validate(string xml, string schemaFile)
    {
        var schemas = new XmlSchemaSet();
        using (var schema = XmlReader.Create(Path.Combine(RepositoryRoot(), "tests", "schemas", "iso20022", schemaFile)))
        {
            schemas.Add(null, schema);
        }

        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationEventHandler += (_, e) => errors.Add(e.Message);
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tradewind.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Tradewind.slnx not found above the test output directory.");
    }

    [GeneratedRegex("^TWM[0-9A-F]{32}$", RegexOptions.IgnoreCase)]
    private static partial Regex MandateReference();

    [GeneratedRegex("^RF\\d{2} TW[0-9A-Z]{2}( [0-9A-Z]{4}){2} [0-9A-Z]{3}$")]
    private static partial Regex RfReferencePrint();
}
