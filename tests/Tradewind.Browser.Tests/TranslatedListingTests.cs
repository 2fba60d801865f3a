using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Tradewind.Browser.Tests.Infrastructure;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Localization;
using Tradewind.Persistence.Outbox;
using Tradewind.Primitives.Ids;
using static Microsoft.Playwright.Assertions;

namespace Tradewind.Browser.Tests;

/// <summary>
/// A seller's listing is published, its translation jobs run, and visitors in Spanish, Japanese and French see what
/// exists in their language — Apertium's Spanish with the machine-translation note, honest English elsewhere — with
/// prices formatted for their language; the seller then corrects a translation on the review page.
/// </summary>
public sealed class TranslatedListingTests(TradewindServer server)
{
    private const string ShortDescription = "Search every log line in seconds.";

    [Fact]
    public async Task A_published_listing_reads_in_Spanish_says_so_in_Japanese_and_takes_the_sellers_correction()
    {
        ApertiumServer.Require();
        var ct = TestContext.Current.CancellationToken;
        var title = $"Lumen {Guid.NewGuid():N}"[..12];
        var (productId, slug) = await PublishAsync(title, ct);
        await RunTranslationAsync(productId, ct);

        var spanish = await PageInAsync("es-ES");
        await spanish.GotoAsync($"/products/{slug}");
        await Expect(spanish.Locator("p.lede")).ToHaveTextAsync("Búsqueda cada línea de registro en segundos.");
        await Expect(spanish.Locator("p.lede")).ToHaveAttributeAsync("lang", "es");
        var note = spanish.Locator("[data-translation=machine]");
        // The note is in the visitor's language too.
        await Expect(note).ToContainTextAsync("Traducido automáticamente del inglés");
        // Prices follow the visitor's formatting culture: a decimal comma in Spanish.
        await Expect(spanish.Locator("table.pricing-table")).ToContainTextAsync(new Regex("12,50"));
        await note.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(spanish.Locator("p.lede")).ToHaveTextAsync(ShortDescription);

        var japanese = await PageInAsync("ja-JP");
        await japanese.GotoAsync($"/products/{slug}");
        await Expect(japanese.Locator("p.lede")).ToHaveTextAsync(ShortDescription);
        await Expect(japanese.Locator("p.lede")).ToHaveAttributeAsync("lang", "en");
        await Expect(japanese.Locator("[data-translation=not-available]")).ToBeVisibleAsync();
        await Expect(japanese.Locator("table.pricing-table")).ToContainTextAsync("12.50");

        var seller = await server.SignInAsDemoAsync(Roles.Seller);
        await seller.GotoAsync($"/seller/products/{productId}/translations");
        var french = seller.Locator("#lang-fr");
        await Expect(french.Locator(".translation-status").First).ToHaveTextAsync("No engine");
        var field = french.Locator("[data-field=shortDescription]");
        await field.Locator("summary").ClickAsync();
        await field.GetByRole(AriaRole.Textbox).FillAsync("Cherchez chaque ligne de journal en quelques secondes.");
        await field.GetByRole(AriaRole.Button, new() { Name = "Save as reviewed" }).ClickAsync();
        await Expect(seller.GetByRole(AriaRole.Status)).ToContainTextAsync("The translation is saved and marked as reviewed.");
        await Expect(seller.Locator("#lang-fr [data-field=shortDescription] .translation-status")).ToHaveTextAsync("Reviewed");

        var frenchVisitor = await PageInAsync("fr-FR");
        await frenchVisitor.GotoAsync($"/products/{slug}?v=reviewed");
        await Expect(frenchVisitor.Locator("p.lede")).ToHaveTextAsync("Cherchez chaque ligne de journal en quelques secondes.");
        await Expect(frenchVisitor.Locator("p.lede")).ToHaveAttributeAsync("lang", "fr");
        await Expect(frenchVisitor.Locator("[data-translation=machine]")).ToHaveCountAsync(0);
        await Expect(frenchVisitor.Locator("table.pricing-table")).ToContainTextAsync(new Regex("12,50"));
    }

    private async Task<IPage> PageInAsync(string locale)
    {
        var context = await server.Browser.NewContextAsync(new() { BaseURL = server.BaseAddress.ToString(), Locale = locale });
        return await context.NewPageAsync();
    }

    /// <summary>A demo seller's listing with text Apertium translates cleanly, submitted and approved.</summary>
    private async Task<(ProductId Id, string Slug)> PublishAsync(string title, CancellationToken ct)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<IAccountsQueries>();
        var catalog = scope.ServiceProvider.GetRequiredService<ICatalogCommands>();
        var login = Tradewind.Web.Demo.DemoSeeder.KnownLogins.Single(l => l.Role == Roles.Seller);
        var sellers = await accounts.ListOrganisationsAsync(OrganisationKind.Seller, new Tradewind.Contracts.PageRequest(1, 100), ct);
        var organisation = sellers.Items.Single(o => o.Name == login.Organisation);
        var operatorId = (await accounts.ListOrganisationsAsync(OrganisationKind.Operator, new Tradewind.Contracts.PageRequest(1, 1), ct)).Items.Single().Id;
        var seller = new CatalogCaller(organisation.Id, false, login.Email);
        var categories = await scope.ServiceProvider.GetRequiredService<ICatalogQueries>().ListCategoriesAsync(ct);
        var product = await catalog.CreateProductAsync(
            new ListingInput(
                title,
                ShortDescription,
                "## Why\n\nOur support team is available in your language.\n\n- Fast search",
                ["Fast search"],
                [categories[0].Slug],
                ["logs"],
                new SupportContact("help@example.com", null),
                "https://example.com/signup",
                Availability.Everywhere,
                Licence.Standard),
            seller,
            organisation.Name,
            ct);
        await catalog.CreatePlanAsync(
            product.Id,
            new PlanTerms("Usage", null, null, null, [new UsageDimension("seats", "Seats", "seat", new PriceModelTerms(PriceModelKind.PerUnit, UnitPrice: "12.50"))], null),
            seller,
            ct);
        await catalog.SubmitAsync(product.Id, seller, ct);
        var approved = await catalog.ApproveAsync(product.Id, new CatalogCaller(operatorId, true, "operator@test"), ct);
        return (product.Id, approved.Slug);
    }

    /// <summary>Delivers the outbox (queues the jobs) and runs the due jobs until the listing's Spanish is done.</summary>
    private async Task RunTranslationAsync(ProductId productId, CancellationToken ct)
    {
        for (var round = 0; round < 100; round++)
        {
            await server.Services.GetRequiredService<OutboxProcessor>().DispatchPendingAsync(ct);
            await using var scope = server.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IListingTranslationCommands>().RunPendingJobsAsync(ct);
            var state = await scope.ServiceProvider.GetRequiredService<IListingTranslationQueries>().GetAsync(productId, new TranslationCaller(default, true, "test"), ct);
            if (state?.Languages.Single(l => l.Language == "es").Status is TranslationStatus.Machine or TranslationStatus.Rejected)
            {
                Assert.Equal(TranslationStatus.Machine, state.Languages.Single(l => l.Language == "es").Status);
                await server.Services.GetRequiredService<OutboxProcessor>().DispatchPendingAsync(ct);
                return;
            }
        }

        Assert.Fail("The Spanish translation job did not finish.");
    }
}
