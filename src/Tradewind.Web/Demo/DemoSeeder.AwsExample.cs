using System.Text.Json;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Catalog;
using Tradewind.Contracts.Legal;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Demo;

/// <summary>
/// What the README's AWS SDK example needs besides the demo seller's AWS access key: one of its products with a
/// usage-priced plan (<c>productCode</c>), a priced dimension, a demo buyer subscribed to it with the agreement in force
/// (<c>customerIdentifier</c>, <c>agreementId</c>), and a registration token for <c>ResolveCustomer</c>. Tokens live an
/// hour, so every start in demo mode issues a fresh one and rewrites demo-credentials.json.
/// </summary>
internal sealed partial class DemoSeeder
{
    internal sealed record AwsExample(string ProductCode, string Dimension, string CustomerIdentifier, string AgreementId, string RegistrationToken, DateTimeOffset ExpiresAt);

    /// <summary>
    /// On a start with demo data already there: a fresh registration token (and, if the example's agreement ended
    /// meanwhile, a new example) in demo-credentials.json. Nothing when the file is gone; the secrets in it are shown once.
    /// </summary>
    private async Task RefreshAwsExampleAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(database.DataDirectory, CredentialsFileName);
        if (!File.Exists(path))
        {
            return;
        }

        var credentials = JsonSerializer.Deserialize<DemoCredentials>(await File.ReadAllTextAsync(path, cancellationToken), JsonOptions);
        if (credentials is null || await accountsQueries.FindAwsSigningCredentialAsync(credentials.AccessKeyId, cancellationToken) is not { } key)
        {
            LogAwsExampleSkipped(logger, "the demo seller's AWS access key is no longer active");
            return;
        }

        if (await PrepareAwsExampleAsync(key.OrganisationId, cancellationToken) is { } example)
        {
            await WriteCredentialsAsync(WithExample(credentials, example), cancellationToken);
        }
    }

    private static DemoCredentials WithExample(DemoCredentials credentials, AwsExample? example) => example is null
        ? credentials
        : credentials with
        {
            ProductCode = example.ProductCode,
            Dimension = example.Dimension,
            CustomerIdentifier = example.CustomerIdentifier,
            AgreementId = example.AgreementId,
            RegistrationToken = example.RegistrationToken,
            RegistrationTokenExpiresAt = example.ExpiresAt,
        };

    private async Task<string> WriteCredentialsAsync(DemoCredentials credentials, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(database.DataDirectory);
        var path = Path.Combine(database.DataDirectory, CredentialsFileName);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(credentials, JsonOptions), cancellationToken);
        return path;
    }

    /// <summary>
    /// The seller's first product (in listing order) with a usage-priced plan, the agreement in force for it (an active
    /// one first), or else a new subscription by the first demo buyer who can take it; then a fresh token. Null without
    /// the Webhooks module (no subscriptions are seeded then) or when the seller has no such product.
    /// </summary>
    private async Task<AwsExample?> PrepareAwsExampleAsync(OrganisationId sellerId, CancellationToken cancellationToken)
    {
        if (services.GetService<IWebhookPublisher>() is null)
        {
            LogAwsExampleSkipped(logger, "no webhook publisher is registered, so no subscriptions are seeded");
            return null;
        }

        var catalogQueries = services.GetRequiredService<ICatalogQueries>();
        var agreementQueries = services.GetRequiredService<IAgreementsQueries>();
        var commands = services.GetRequiredService<IAgreementsCommands>();
        var seller = new AgreementsCaller(sellerId, Roles.Seller, Actor);
        foreach (var summary in (await catalogQueries.ListBySellerAsync(sellerId, new PageRequest(1, 50), cancellationToken)).Items)
        {
            if (await catalogQueries.FindPublishedBySlugAsync(summary.Slug, cancellationToken) is not { } listing)
            {
                continue;
            }

            var plan = listing.Plans.Where(p => PricedDimension(p.Terms) is not null).OrderBy(p => p.Terms.FreeTrial is not null).ThenBy(p => p.Terms.Contract is not null).FirstOrDefault();
            if (plan is null)
            {
                continue;
            }

            var agreement = (await agreementQueries.ListAsync(new AgreementFilter(ProductId: listing.Id), seller, new PageRequest(1, PageRequest.MaxSize), cancellationToken)).Items
                .Where(a => a.Status is AgreementStatus.Active or AgreementStatus.Trial or AgreementStatus.CancelPending && PricedDimension(a.Terms) is not null)
                .OrderBy(a => a.Status != AgreementStatus.Active)
                .FirstOrDefault()
                ?? await SubscribeSomeBuyerAsync(commands, listing, plan, cancellationToken);
            if (agreement is null)
            {
                continue;
            }

            var handoff = await commands.IssueRegistrationTokenAsync(agreement.Id, new AgreementsCaller(agreement.BuyerId, Roles.Buyer, Actor), cancellationToken);
            return new AwsExample(agreement.ProductCode, PricedDimension(agreement.Terms)!, agreement.CustomerIdentifier, agreement.Id.ToString(), handoff.RegistrationToken, handoff.ExpiresAt);
        }

        LogAwsExampleSkipped(logger, "the demo seller has no published product with a usage-priced plan");
        return null;
    }

    private async Task<AgreementDto?> SubscribeSomeBuyerAsync(IAgreementsCommands commands, ListingDto listing, PlanVersionDto plan, CancellationToken cancellationToken)
    {
        var licenceVersion = listing.Licence.Kind == LicenceKind.Standard ? StandardContract.CurrentVersion : $"revision-{listing.Revision}";
        foreach (var buyer in (await accountsQueries.ListOrganisationsAsync(OrganisationKind.Buyer, new PageRequest(1, PageRequest.MaxSize), cancellationToken)).Items)
        {
            if (listing.Availability.ExcludedCountries.Contains(buyer.CountryCode, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                var subscription = await commands.SubscribeAsync(
                    new SubscribeRequest(listing.Id, plan.PlanId, licenceVersion, "en"), new AgreementsCaller(buyer.Id, Roles.Buyer, Actor), cancellationToken);
                return subscription.Agreement;
            }
            catch (DomainException)
            {
                // This buyer already has an agreement for the product (suspended, say): try the next one.
            }
        }

        return null;
    }

    private static string? PricedDimension(PlanTerms terms) => terms.Dimensions?.FirstOrDefault(d => d.Price is not null)?.Key;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The AWS SDK example in demo-credentials.json was not prepared: {Reason}")]
    private static partial void LogAwsExampleSkipped(ILogger logger, string reason);
}
