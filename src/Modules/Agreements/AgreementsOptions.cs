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
