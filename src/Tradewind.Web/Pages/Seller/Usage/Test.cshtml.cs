using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Metering;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Usage;

/// <summary>
/// "Test your integration": the seller's latest submissions with each sampled record's outcome, a form that sends one
/// record through the real ingest (a dry run unless the seller asks to record it), and copy-paste examples for REST and
/// the AWS SDK filled with one of the seller's real customers. Keys and secrets are never shown.
/// </summary>
internal sealed class TestModel(IUsageQueries usage, IUsageIngest ingest, IAgreementsQueries agreements, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
    : PageModel
{
    /// <summary>How many submissions the page lists.</summary>
    public const int SubmissionCount = 20;

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm";

    [BindProperty]
    public string? CustomerIdentifier { get; set; }

    [BindProperty]
    public string? Dimension { get; set; }

    [BindProperty]
    public long? Quantity { get; set; }

    [BindProperty]
    public string? Timestamp { get; set; }

    [BindProperty]
    public bool Record { get; set; }

    /// <summary>Seconds between automatic reloads (<c>?refresh=10</c>); null when off.</summary>
    [BindProperty(SupportsGet = true)]
    public int? Refresh { get; set; }

    public SellerAgreements Seller { get; private set; } = null!;

    public IReadOnlyList<UsageSubmissionLogEntry> Submissions { get; private set; } = [];

    /// <summary>The outcome of the test record just sent, and whether it was a dry run.</summary>
    public (UsageRecordOutcome Outcome, bool DryRun)? Sent { get; private set; }

    public string? Error { get; private set; }

    /// <summary>The customer and dimension the examples use: the first customer in force with a metered dimension.</summary>
    public (AgreementDto Agreement, string Dimension)? Example { get; private set; }

    public string BaseUrl => $"{Request.Scheme}://{Request.Host}";

    /// <summary>A REST call that reports one record for <see cref="Example"/>; the API key is a placeholder.</summary>
    public string CurlExample => Example is not { } example ? "" :
        $$"""
        curl -X POST '{{BaseUrl}}/api/v1/usage' \
          -H 'Authorization: Bearer YOUR_API_KEY' \
          -H 'Content-Type: application/json' \
          -d '{"records": [{"customerIdentifier": "{{example.Agreement.CustomerIdentifier}}", "dimension": "{{example.Dimension}}", "quantity": 1, "timestamp": "{{ExampleTimestamp}}"}]}'
        """;

    /// <summary>The same record through the AWS SDK for JavaScript v3, pointed at this server; the keys are placeholders.</summary>
    public string NodeExample => Example is not { } example ? "" :
        $$"""
        import { MarketplaceMeteringClient, BatchMeterUsageCommand } from "@aws-sdk/client-marketplace-metering";

        const client = new MarketplaceMeteringClient({
          region: "us-east-1",
          endpoint: "{{BaseUrl}}",
          credentials: { accessKeyId: "YOUR_ACCESS_KEY_ID", secretAccessKey: "YOUR_SECRET_ACCESS_KEY" },
        });

        const { Results, UnprocessedRecords } = await client.send(new BatchMeterUsageCommand({
          ProductCode: "{{example.Agreement.ProductCode}}",
          UsageRecords: [
            { CustomerIdentifier: "{{example.Agreement.CustomerIdentifier}}", Dimension: "{{example.Dimension}}", Quantity: 1, Timestamp: new Date() },
          ],
        }));
        console.log(Results, UnprocessedRecords);
        """;

    private string ExampleTimestamp => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:00:00'Z'", CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Refresh = Refresh is > 0 ? Math.Clamp(Refresh.Value, 5, 300) : null;
        await LoadAsync(cancellationToken);
        Timestamp = clock.GetUtcNow().UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);
        Quantity = 1;
        CustomerIdentifier = Example?.Agreement.CustomerIdentifier;
        Dimension = Example?.Dimension;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Refresh = null;
        if (string.IsNullOrWhiteSpace(CustomerIdentifier) || string.IsNullOrWhiteSpace(Dimension))
        {
            Error = localizer["Choose a customer and a dimension."];
        }
        else if (Quantity is not >= 0)
        {
            Error = localizer["Give a whole quantity of 0 or more."];
        }
        else if (!DateTime.TryParseExact(Timestamp, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            Error = localizer["Give the timestamp as a date and time in UTC."];
        }
        else
        {
            var record = new UsageRecordInput(CustomerIdentifier.Trim(), null, Dimension.Trim(), Quantity.Value, new DateTimeOffset(at, TimeSpan.Zero));
            var submission = new UsageSubmission(User.OrganisationId(), UsageSource.Rest, [record], $"portal:{User.Actor()}");
            var result = await ingest.SubmitAsync(submission, new UsageSubmitOptions(DryRun: !Record), cancellationToken);
            var outcome = result.BatchRejection ?? result.Outcomes[0];
            Sent = (outcome, !Record);
        }

        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Seller = await SellerAgreements.LoadAsync(agreements, User, cancellationToken);
        Submissions = await usage.ListRecentSubmissionsAsync(User.OrganisationId(), SubmissionCount, cancellationToken);
        Example = Seller.Agreements.Where(SellerAgreements.InForce)
            .Select(a => (Agreement: a, Dimension: a.Terms.Dimensions?.FirstOrDefault(d => d.Price is not null)?.Key ?? (a.Terms.Dimensions is { Count: > 0 } all ? all[0].Key : null)))
            .Where(e => e.Dimension is not null)
            .Select(e => ((AgreementDto, string)?)(e.Agreement, e.Dimension!))
            .FirstOrDefault();
    }
}
