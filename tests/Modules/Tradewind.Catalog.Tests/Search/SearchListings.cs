using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Catalog.Tests.Search;

/// <summary>A small hand-made marketplace: 30 listings from 6 sellers, each with what a test needs to find it by.</summary>
internal static class SearchListings
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly OrganisationId Nimbus = Seller(1);
    public static readonly OrganisationId Lumen = Seller(2);
    public static readonly OrganisationId Bastion = Seller(3);
    public static readonly OrganisationId Forge = Seller(4);
    public static readonly OrganisationId Ledgerly = Seller(5);
    public static readonly OrganisationId Atlas = Seller(6);

    private static readonly Dictionary<OrganisationId, string> SellerNames = new()
    {
        [Nimbus] = "Nimbus Cloud Works",
        [Lumen] = "Lumen Telemetry",
        [Bastion] = "Bastion Security",
        [Forge] = "Forge DevTools",
        [Ledgerly] = "Ledgerly Finance",
        [Atlas] = "Atlas Data Co",
    };

    public static IReadOnlyList<ListingSearchDocument> All { get; } =
    [
        Doc(1, "Kubernetes Cost Explorer", "See what every namespace costs.", "Allocates cloud bills to teams.", Nimbus, ["cloud-cost-management"], ["usage", "free-trial"]),
        Doc(2, "Cluster Pilot", "A managed control plane for Kubernetes clusters.", "Upgrades, autoscaling and backups.", Nimbus, ["containers"], ["contract"]),
        Doc(3, "Helm Chart Registry", "Private chart hosting with signing.", "Scans charts before they ship.", Nimbus, ["containers"], ["free-tier"], keywords: ["kubernetes", "helm"]),
        Doc(4, "Observability Cloud", "Metrics, logs and traces in one place.", "Dashboards and alerting.", Lumen, ["observability"], ["free-tier", "usage"]),
        Doc(5, "Trace Lens", "Distributed tracing for microservices.", "Find the slow span in seconds; full observability for services.", Lumen, ["observability", "application-performance-monitoring"], ["free-trial"]),
        Doc(6, "Uptime Beacon", "Synthetic checks from 30 regions.", "Status pages included.", Lumen, ["observability"], ["free-tier"], highlights: ["Observability without agents"]),
        Doc(7, "SIEM Sentinel", "Threat detection across your estate.", "Correlates events from every source.", Bastion, ["siem"], ["contract"]),
        Doc(8, "Log Harbor", "Centralised log search.", "Forwards to any SIEM; retention for years.", Bastion, ["log-analytics"], ["usage"]),
        Doc(9, "Vault Keeper", "Secrets management for teams.", "Rotates database passwords.", Bastion, ["secrets-management"], ["free-tier"]),
        Doc(10, "Phish Guard", "Email security that stops phishing.", "Sandboxes attachments.", Bastion, ["email-security"], ["contract"]),
        Doc(11, "Pipeline Pilot", "Continuous delivery pipelines.", "Parallel builds with caching.", Forge, ["ci-cd"], ["free-tier", "usage"]),
        Doc(12, "Feature Flag Studio", "Release features gradually.", "Percentage rollouts and kill switches.", Forge, ["feature-flags"], ["free-trial"]),
        Doc(13, "Terraform Atelier", "Infrastructure as code reviews.", "Plans checked before apply.", Forge, ["infrastructure-as-code"], ["contract"]),
        Doc(14, "Incident Bridge", "On-call schedules and paging.", "Postmortems built in.", Forge, ["incident-management"], ["free-trial", "contract"]),
        Doc(15, "Invoice Flow", "Accounts payable automation.", "Matches invoices to purchase orders.", Ledgerly, ["finance-accounting"], ["contract"]),
        Doc(16, "Expense Snap", "Receipts to expense reports.", "Card feeds and approvals.", Ledgerly, ["finance-accounting"], ["free-trial"]),
        Doc(17, "Payroll Compass", "Payroll in 40 countries.", "Local tax filings included.", Ledgerly, ["hr-payroll"], ["contract"]),
        Doc(18, "Spend Radar", "Procurement analytics.", "Supplier risk scores.", Ledgerly, ["procurement"], ["usage"]),
        Doc(19, "Warehouse One", "A columnar data warehouse.", "Separate storage and compute.", Atlas, ["data-warehousing"], ["usage"]),
        Doc(20, "Stream Forge", "Streaming data pipelines.", "Exactly-once delivery.", Atlas, ["streaming-data", "data-pipelines"], ["usage", "free-tier"]),
        Doc(21, "Quality Gate", "Data quality checks on every load.", "Anomaly detection on tables.", Atlas, ["data-quality"], ["free-trial"]),
        Doc(22, "Catalog Compass", "Find and govern your datasets.", "Lineage graphs.", Atlas, ["data-catalog"], ["contract"]),
        Doc(23, "Vector Vault", "A vector database for embeddings.", "Hybrid search built in.", Atlas, ["vector-databases"], ["usage"]),
        Doc(24, "Insight Boards", "Business intelligence dashboards.", "Self-service reports.", Atlas, ["business-intelligence"], ["free-trial"]),
        Doc(25, "Container Shield", "Image scanning for containers.", "Runtime protection for Kubernetes workloads.", Bastion, ["vulnerability-scanning", "containers"], ["contract", "free-trial"]),
        Doc(26, "Backup Harbor", "Backups for managed databases.", "Point-in-time recovery.", Nimbus, ["backup-recovery"], ["usage"]),
        Doc(27, "Edge Functions", "Serverless functions at the edge.", "Cold starts under 5 ms.", Nimbus, ["serverless"], ["free-tier", "usage"]),
        Doc(28, "Access Hub", "Single sign-on and MFA.", "SCIM provisioning.", Bastion, ["identity-access"], ["free-trial"]),
        Doc(29, "API Gateway Pro", "Rate limits and keys for your API.", "Developer portal.", Forge, ["devops"], ["free-tier"]),
        Doc(30, "Café Analytics", "Footfall analytics for cafés.", "Loyalty insights.", Atlas, ["data-analytics"], ["free-trial"]),
    ];

    public static ListingSearchDocument ById(int number) => All[number - 1];

    public static ProductId Product(int number) => ProductId.From(new Guid($"00000000-0000-0000-0000-{number:D12}"));

    public static ListingSearchDocument Doc(
        int number,
        string title,
        string shortDescription,
        string longDescription,
        OrganisationId seller,
        string[] categories,
        string[] pricing,
        string[]? highlights = null,
        string[]? keywords = null) =>
        new(
            Product(number),
            $"listing-{number:D2}",
            title,
            shortDescription,
            longDescription,
            highlights ?? [],
            keywords ?? [],
            seller,
            SellerNames[seller],
            categories,
            pricing,
            Epoch.AddDays(number),
            Removed: false);

    private static OrganisationId Seller(int number) => OrganisationId.From(new Guid($"10000000-0000-0000-0000-{number:D12}"));
}
