using System.Text.Json;

namespace Tradewind.Primitives.Banking.Tests;

/// <summary>
/// The ibantools test vectors (<c>TestData/ibantools-iban-vectors.json</c>, from Simplify/ibantools at
/// d42c8af: the SWIFT registry's example IBANs and the library's isValidIBAN assertions).
/// </summary>
internal static class IbanVectors
{
    private static readonly Lazy<JsonElement> Root = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "ibantools-iban-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.Clone();
    });

    public static IReadOnlyList<string> RegistryExamples => Strings("registryExamples");

    public static IReadOnlyList<string> TestSuiteValid => Strings("testSuiteValid");

    public static IReadOnlyList<string> TestSuiteInvalid => Strings("testSuiteInvalid");

    public static TheoryData<string> Data(IEnumerable<string> values) => [.. values];

    private static string[] Strings(string property) =>
        [.. Root.Value.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}
