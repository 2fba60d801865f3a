namespace Tradewind.Agreements;

/// <summary>Settings under <c>Agreements</c>.</summary>
internal sealed class AgreementsOptions
{
    public const string Section = "Agreements";

    /// <summary>How long a registration token can be resolved; AWS advises resolving at once, tokens may expire after an hour.</summary>
    public TimeSpan RegistrationTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often the lifecycle sweep runs; zero or less turns the background sweep off (tests run it on demand).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>Settings under <c>PrivateOffers</c>.</summary>
internal sealed class PrivateOffersOptions
{
    public const string Section = "PrivateOffers";

    /// <summary>The currencies an offer with usage prices may be in; usage is rated in USD unless the operator enables more.</summary>
    public IList<string> UsageCurrencies { get; } = [];

    public IReadOnlyList<string> EffectiveUsageCurrencies => UsageCurrencies.Count == 0 ? ["USD"] : UsageCurrencies.Select(c => c.Trim().ToUpperInvariant()).ToList();
}
