using System.Text.Json;

namespace Tradewind.BillingBench;

/// <summary>What <c>prepare</c> made and <c>run</c> reads.</summary>
/// <param name="TemplateConnectionString">The untouched prepared database (a file, or a PostgreSQL template database) each run copies.</param>
/// <param name="Month">The start of the billed month (UTC), the month the usage records are in.</param>
/// <param name="AsOf">The billing run's as-of instant: the 1st of the next month, as the monthly job uses.</param>
internal sealed record Manifest(
    string Provider,
    string ConnectionString,
    string TemplateConnectionString,
    string DataDirectory,
    DateTimeOffset Month,
    DateTimeOffset AsOf,
    int Agreements,
    long Records)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    public static Manifest Load(string path) =>
        JsonSerializer.Deserialize<Manifest>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path} is empty.");

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));
}

/// <summary>A subscribed agreement and whose it is: what its usage records carry.</summary>
internal sealed record BenchAgreement(Guid AgreementId, Guid BuyerId, Guid SellerId, Guid ProductId, string CustomerIdentifier, int Plan);
