using Tradewind.Contracts.Catalog;
using Tradewind.Primitives.Ids;

namespace Tradewind.Benchmarks;

/// <summary>
/// A deterministic marketplace of SaaS listings for search benchmarks: the same seed gives the same documents on
/// every machine. Titles join a brand to product words, descriptions are built from capability phrases, and
/// sellers, categories and pricing models are spread with a skew (a few large sellers, many small ones).
/// </summary>
public static class ListingGenerator
{
    public static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string[] ProductWords =
    [
        "analytics", "observability", "kubernetes", "pipeline", "warehouse", "lakehouse", "gateway", "firewall", "backup",
        "recovery", "identity", "access", "secrets", "vault", "scanner", "compliance", "audit", "payroll", "invoice",
        "billing", "ledger", "expense", "procurement", "helpdesk", "ticketing", "knowledge", "wiki", "chat", "video",
        "whiteboard", "calendar", "signature", "document", "contract", "workflow", "automation", "integration", "connector",
        "monitoring", "tracing", "logging", "metrics", "alerting", "incident", "oncall", "deployment", "release", "feature",
        "flags", "testing", "quality", "security", "posture", "endpoint", "phishing", "fraud", "risk", "governance",
        "catalog", "lineage", "streaming", "events", "queue", "messaging", "search", "vector", "embedding", "recommendation",
        "forecasting", "translation", "speech", "vision", "ocr", "chatbot", "assistant", "copilot", "scheduler", "routing",
        "fleet", "telemetry", "sensor", "twin", "edge", "serverless", "container", "registry", "storage", "database",
        "replication", "migration", "cdn", "dns", "network", "bandwidth", "latency", "dashboard", "reporting", "insights",
        "campaign", "marketing", "newsletter", "crm", "pipeline", "quote", "commerce", "checkout", "subscription", "loyalty",
        "inventory", "warehouse", "logistics", "shipment", "tracking", "maintenance", "energy", "carbon", "emissions", "sustainability",
    ];

    public static readonly string[] Qualifiers =
    [
        "Cloud", "Studio", "Hub", "Suite", "Pro", "Edge", "Flow", "Works", "Desk", "Lens", "Guard", "Pilot", "One",
        "Central", "Insight", "Sync", "Forge", "Stack", "Base", "Point", "Radar", "Beacon", "Shield", "Harbor", "Atlas",
    ];

    public static readonly string[] Phrases =
    [
        "for teams that ship every day", "with role-based access control", "that scales to billions of events",
        "built for regulated industries", "with single sign-on and audit logs", "that plugs into your existing stack",
        "with usage-based pricing", "hosted in your region", "with a generous free tier", "for small and large businesses",
        "with real-time dashboards", "that cuts cloud costs", "with automatic failover", "that replaces spreadsheets",
        "with an open API and webhooks", "that learns from your data", "with end-to-end encryption", "for distributed teams",
    ];

    public static readonly string[] Categories =
    [
        "compute", "storage", "containers", "serverless", "databases", "backup-recovery", "cloud-cost-management",
        "identity-access", "secrets-management", "vulnerability-scanning", "siem", "endpoint-protection", "compliance",
        "fraud-detection", "email-security", "data-analytics", "data-pipelines", "data-warehousing", "business-intelligence",
        "log-analytics", "vector-databases", "data-catalog", "streaming-data", "ml-platforms", "generative-ai",
        "computer-vision", "document-ocr", "translation-nlp", "devops", "ci-cd", "feature-flags", "observability",
        "incident-management", "infrastructure-as-code", "crm", "erp", "hr-payroll", "finance-accounting", "e-signature",
        "procurement", "customer-support", "marketing-automation", "e-commerce", "project-management", "team-chat",
        "video-conferencing", "document-management", "knowledge-base", "logistics", "iot-platforms", "cdn", "dns",
    ];

    private static readonly string[] Syllables =
    [
        "nor", "wind", "quill", "fea", "ther", "ket", "ten", "werk", "bru", "me", "via", "hol", "low", "brook", "vel",
        "lo", "ra", "ku", "mo", "na", "mi", "byeol", "gil", "watt", "le", "ridge", "pol", "der", "licht", "tall", "birch",
        "line", "slie", "ve", "more", "tzu", "ri", "zen", "tor", "al", "ta", "vis", "ca", "den", "sol", "mar", "ion",
    ];

    private static readonly string[] CompanySuffixes = ["Inc.", "GmbH", "Ltd", "S.A.", "K.K.", "Pty Ltd", "B.V.", "AB", "Oy", "Labs"];

    public static IReadOnlyList<ListingSearchDocument> Generate(int count, int seed = 20260301)
    {
        var random = new Random(seed);
        var sellers = Enumerable.Range(0, Math.Max(10, count / 50))
            .Select(i => (Id: OrganisationId.From(new Guid(i + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1])), Name: CompanyName(random)))
            .ToArray();
        var documents = new List<ListingSearchDocument>(count);
        for (var i = 0; i < count; i++)
        {
            // Skewed: the first sellers own far more listings than the last.
            var seller = sellers[(int)(sellers.Length * Math.Pow(random.NextDouble(), 2))];
            var words = Pick(random, ProductWords, 2);
            var brand = seller.Name.Split(' ')[0];
            var title = $"{brand} {Capitalise(words[0])} {Qualifiers[random.Next(Qualifiers.Length)]}";
            var shortDescription = $"{Capitalise(words[0])} and {words[1]} {Phrases[random.Next(Phrases.Length)]}.";
            var longDescription = string.Join(' ', Enumerable.Range(0, 4 + random.Next(4)).Select(_ =>
                $"{Capitalise(ProductWords[random.Next(ProductWords.Length)])} {ProductWords[random.Next(ProductWords.Length)]} {Phrases[random.Next(Phrases.Length)]}."));
            var categories = Pick(random, Categories, 1 + (random.Next(4) == 0 ? 1 : 0));
            var pricing = Pick(random, CatalogSearchRequest.PricingModels.ToArray(), 1 + random.Next(2));
            documents.Add(new ListingSearchDocument(
                ProductId.From(new Guid(i + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 2])),
                $"listing-{i + 1}",
                title,
                shortDescription,
                longDescription,
                Pick(random, Phrases, 3).Select(Capitalise).ToList(),
                Pick(random, ProductWords, 4),
                seller.Id,
                seller.Name,
                categories,
                pricing,
                Epoch.AddMinutes(random.Next(2 * 365 * 24 * 60)),
                Removed: false));
        }

        return documents;
    }

    private static List<string> Pick(Random random, string[] from, int count)
    {
        var picked = new List<string>(count);
        while (picked.Count < count)
        {
            var value = from[random.Next(from.Length)];
            if (!picked.Contains(value))
            {
                picked.Add(value);
            }
        }

        return picked;
    }

    private static string CompanyName(Random random)
    {
        var name = string.Concat(Enumerable.Range(0, 2 + random.Next(2)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return $"{Capitalise(name)} {CompanySuffixes[random.Next(CompanySuffixes.Length)]}";
    }

    private static string Capitalise(string word) => word.Length == 0 ? word : char.ToUpperInvariant(word[0]) + word[1..];
}
