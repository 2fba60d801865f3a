using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Tradewind.Primitives.Banking;

/// <summary>
/// A structured creditor reference (ISO 11649, "RF reference"), for example "RF18539007547034": what a payer copies
/// into a credit transfer so the payee's bank statement names the invoice it pays.
/// </summary>
/// <remarks>
/// <para>
/// Invariants: upper-case ASCII, "RF", two check digits, then the reference body of 1 to 21 letters or digits, 5 to 25
/// characters in all. The check digits are ISO 7064 MOD 97-10: the body followed by "RF" and the check digits, letters
/// read A=10 … Z=35, leaves remainder 1 mod 97 (so they are 98 minus the remainder of body + "RF00").
/// </para>
/// <para>
/// Parsing accepts the print format (groups of four separated by spaces) and lower case. Equality is ordinal on the
/// electronic format; <see cref="ToPrintString"/> gives the grouped form for invoices. <c>default(RfCreditorReference)</c>
/// holds no reference; its members throw.
/// </para>
/// </remarks>
public readonly record struct RfCreditorReference
{
    public const int MaxBodyLength = 21;

    private readonly string? _value;

    private RfCreditorReference(string value) => _value = value;

    public string Value => _value ?? throw new InvalidOperationException(
        "This RfCreditorReference is default(RfCreditorReference) and holds no reference; use RfCreditorReference.Parse.");

    /// <summary>The reference body: everything after "RF" and the check digits.</summary>
    public string Body => Value[4..];

    /// <summary>
    /// The reference of a document identified by a version 7 <see cref="Guid"/>: "TW" and the id's random half (its last
    /// eight bytes) in base 36, so documents created in the same millisecond still get different references.
    /// </summary>
    public static RfCreditorReference ForDocument(Guid id)
    {
        Span<byte> bytes = stackalloc byte[16];
        id.TryWriteBytes(bytes, bigEndian: true, out _);
        var random = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        const string Digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        Span<char> body = stackalloc char[13];
        for (var i = body.Length - 1; i >= 0; i--)
        {
            body[i] = Digits[(int)(random % 36)];
            random /= 36;
        }

        return Create("TW" + new string(body));
    }

    /// <summary>The reference for <paramref name="body"/> (1 to 21 letters or digits, spaces ignored, any case).</summary>
    /// <exception cref="FormatException">The body is empty, too long or holds other characters.</exception>
    public static RfCreditorReference Create(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var compact = BankInput.Compact(body, removeDashes: false);
        if (compact.Length is < 1 or > MaxBodyLength || !compact.All(char.IsAsciiLetterOrDigit))
        {
            throw new FormatException("An RF reference body has 1 to 21 letters or digits.");
        }

        return new RfCreditorReference("RF" + CheckDigits(compact) + compact);
    }

    /// <summary>Checks text as an RF reference; never throws.</summary>
    public static BankDetailsCheck Validate(string? value)
    {
        var reason = Check(value, out var normalized);
        return reason is null ? BankDetailsCheck.Pass(normalized) : BankDetailsCheck.Fail(normalized, reason);
    }

    /// <exception cref="FormatException">Not a valid RF reference; the message says why.</exception>
    public static RfCreditorReference Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var reason = Check(value, out var normalized);
        return reason is null ? new RfCreditorReference(normalized) : throw new FormatException(reason);
    }

    public static bool TryParse([NotNullWhen(true)] string? value, out RfCreditorReference reference)
    {
        var reason = Check(value, out var normalized);
        reference = reason is null ? new RfCreditorReference(normalized) : default;
        return reason is null;
    }

    /// <summary>The electronic format, for example "RF18539007547034"; empty for the default value.</summary>
    public override string ToString() => _value ?? string.Empty;

    /// <summary>Groups of four separated by single spaces, for example "RF18 5390 0754 7034".</summary>
    public string ToPrintString()
    {
        var value = Value;
        var builder = new StringBuilder(value.Length + (value.Length / 4));
        for (var i = 0; i < value.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                builder.Append(' ');
            }

            builder.Append(value[i]);
        }

        return builder.ToString();
    }

    private static string CheckDigits(string body) => (98 - Iban.Mod97(body + "RF00")).ToString("00", CultureInfo.InvariantCulture);

    private static string? Check(string? input, out string normalized)
    {
        normalized = input is null ? string.Empty : BankInput.Compact(input, removeDashes: false);
        var value = normalized;
        if (value.Length is < 5 or > 25 || !value.StartsWith("RF", StringComparison.Ordinal))
        {
            return "An RF reference starts with RF, two check digits and 1 to 21 letters or digits.";
        }

        if (!char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]) || !value.All(char.IsAsciiLetterOrDigit))
        {
            return "An RF reference holds two check digits after RF, then only letters and digits.";
        }

        if (Iban.Mod97(value[4..] + value[..4]) != 1)
        {
            return "The check digits do not match (ISO 11649, MOD 97-10).";
        }

        return null;
    }
}
