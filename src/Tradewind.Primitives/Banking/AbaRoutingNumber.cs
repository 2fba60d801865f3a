using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// A US ABA routing transit number (RTN), which names the bank of a US account, for example "011000015".
/// </summary>
/// <remarks>
/// <para>
/// Invariants: nine ASCII digits; 3×(d1+d4+d7) + 7×(d2+d5+d8) + (d3+d6+d9) is a multiple of 10 (the ABA
/// check digit); the first two digits are a Federal Reserve routing symbol the ABA assigns:
/// 00 (US government), 01–12 (the twelve Federal Reserve districts), 21–32 (thrift institutions, the
/// district plus 20), 61–72 (electronic transactions, the district plus 60) or 80 (traveller's cheques).
/// "000000000" passes the arithmetic but is a placeholder, and is refused.
/// </para>
/// <para>
/// Parsing removes spaces and dashes. Equality is ordinal. <c>default(AbaRoutingNumber)</c> holds no
/// number; its members throw.
/// </para>
/// </remarks>
public readonly record struct AbaRoutingNumber
{
    private const string What = "A US ABA routing number";

    private readonly string? _value;

    private AbaRoutingNumber(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException(
        "This AbaRoutingNumber is default and holds no number; use AbaRoutingNumber.Parse.");

    /// <summary>The first two digits: the Federal Reserve routing symbol.</summary>
    public string FederalReserveSymbol => Value[..2];

    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not a valid routing number; the message says why.</exception>
    public static AbaRoutingNumber Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new AbaRoutingNumber(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out AbaRoutingNumber routingNumber)
    {
        var reason = Check(value, out var normalized);
        routingNumber = reason is null ? new AbaRoutingNumber(normalized) : default;
        return reason is null;
    }

    /// <summary>The nine digits; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    private static string? Check(string? input, out string normalized)
    {
        normalized = input is null ? string.Empty : BankInput.Compact(input, removeDashes: true);
        var value = normalized;
        if (BankInput.ExpectDigits(value, 9, What) is { } reason)
        {
            return reason;
        }

        if (value == "000000000")
        {
            return "000000000 is a placeholder, not a routing number.";
        }

        var symbol = ((value[0] - '0') * 10) + (value[1] - '0');
        if (symbol is not ((>= 0 and <= 12) or (>= 21 and <= 32) or (>= 61 and <= 72) or 80))
        {
            return $"A US ABA routing number starts with 00–12, 21–32, 61–72 or 80; this one starts with {value[..2]}.";
        }

        ReadOnlySpan<int> weights = [3, 7, 1];
        return BankInput.WeightedSum(value, weights) % 10 == 0
            ? null
            : "The check digit of this US ABA routing number does not match (weights 3, 7, 1, mod 10).";
    }
}
