using System.Diagnostics.CodeAnalysis;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// A Canadian routing number: a 3-digit financial institution number and a 5-digit branch transit number.
/// </summary>
/// <remarks>
/// <para>
/// Invariant: <see cref="InstitutionNumber"/> is three ASCII digits and <see cref="TransitNumber"/> five.
/// Payments Canada writes the pair two ways, and parsing accepts both plus the order people often type:
/// the electronic (EFT) form "0IIITTTTT" (nine digits with a leading zero), the cheque (MICR) form
/// "TTTTT-III", and "III-TTTTT". Eight digits without a separator are refused because the order would be
/// a guess. There is no check digit.
/// </para>
/// <para>
/// <see cref="ToString"/> is the electronic form, for example "000312345" for institution 003 and transit
/// 12345; <see cref="ToPrintString"/> is the cheque form "12345-003". Equality is on both parts.
/// <c>default(CanadianRoutingNumber)</c> holds no number; its members throw.
/// </para>
/// </remarks>
public readonly record struct CanadianRoutingNumber
{
    private readonly string? _electronic;

    private CanadianRoutingNumber(string electronic) => _electronic = electronic;

    private string Electronic => _electronic ?? throw new InvalidOperationException(
        "This CanadianRoutingNumber is default and holds no number; use CanadianRoutingNumber.Parse.");

    /// <summary>The 3-digit financial institution number, for example "003" (Royal Bank of Canada).</summary>
    public string InstitutionNumber => Electronic.Substring(1, 3);

    /// <summary>The 5-digit branch transit number.</summary>
    public string TransitNumber => Electronic[4..];

    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not a Canadian routing number; the message says why.</exception>
    public static CanadianRoutingNumber Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new CanadianRoutingNumber(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out CanadianRoutingNumber routingNumber)
    {
        var reason = Check(value, out var normalized);
        routingNumber = reason is null ? new CanadianRoutingNumber(normalized) : default;
        return reason is null;
    }

    /// <summary>The electronic form "0IIITTTTT"; empty for the default value.</summary>
    public override string ToString() => _electronic ?? string.Empty;

    /// <summary>The cheque form, transit then institution: "12345-003".</summary>
    public string ToPrintString() => $"{TransitNumber}-{InstitutionNumber}";

    private static string? Check(string? input, out string normalized)
    {
        const string Shape = "A Canadian routing number is written as 0 + institution + transit (9 digits, for example 000312345), "
            + "transit-institution (12345-003) or institution-transit (003-12345)";
        var spaced = input is null ? string.Empty : BankInput.Compact(input, removeDashes: false);
        normalized = spaced;
        if (spaced.Length == 0)
        {
            return "No Canadian routing number was given.";
        }

        var parts = spaced.Split('-');
        if (parts.Length == 2 && BankInput.AllDigits(parts[0]) && BankInput.AllDigits(parts[1]))
        {
            (string Institution, string Transit)? split = (parts[0].Length, parts[1].Length) switch
            {
                (5, 3) => (parts[1], parts[0]),
                (3, 5) => (parts[0], parts[1]),
                _ => null,
            };
            if (split is { } pair)
            {
                normalized = "0" + pair.Institution + pair.Transit;
                return null;
            }

            return Shape + ".";
        }

        if (parts.Length == 1 && spaced.Length == 9 && BankInput.AllDigits(spaced))
        {
            return spaced[0] == '0' ? null : "The 9-digit form of a Canadian routing number is 0, the institution number and the transit number, so it starts with 0.";
        }

        if (parts.Length == 1 && spaced.Length == 8 && BankInput.AllDigits(spaced))
        {
            return Shape + "; eight digits without a dash could be either order.";
        }

        return Shape + $"; this one is '{spaced}'.";
    }
}
