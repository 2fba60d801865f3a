namespace Tradewind.Contracts.Legal;

/// <summary>
/// The operator's standard licence terms for listings that do not bring their own. Versioned: an agreement records
/// the version and the language the buyer accepted; the English text governs.
/// </summary>
public static class StandardContract
{
    /// <summary>The version a buyer accepts today.</summary>
    public const string CurrentVersion = "2026-11";

    /// <summary>The languages the standard contract is published in; English governs.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "es", "fr", "ja", "ko", "de"];
}
