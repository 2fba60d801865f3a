namespace Tradewind.Primitives.TaxIds;

/// <summary>
/// The outcome of <see cref="TaxId.Validate"/>: either a valid <see cref="TaxIdValidationResult.TaxId"/>, or a
/// machine <see cref="Code"/> (one of <see cref="TaxIdValidationCodes"/>) with a <see cref="Reason"/> for people.
/// </summary>
/// <remarks>
/// Invariant: exactly one of the two holds. When <see cref="IsValid"/> is true, <see cref="Code"/> and
/// <see cref="Reason"/> are null; otherwise both are set and reading <see cref="TaxId"/> throws
/// <see cref="InvalidOperationException"/>. A valid result says only that the number is well formed (format
/// and check digits); whether it is registered and live is a separate registry check (VIES, HMRC, ABR, …).
/// </remarks>
public sealed class TaxIdValidationResult
{
    private readonly TaxId _taxId;

    private TaxIdValidationResult(TaxId taxId, string? code, string? reason)
    {
        _taxId = taxId;
        Code = code;
        Reason = reason;
    }

    public bool IsValid => Code is null;

    /// <summary>The parsed tax id; throws <see cref="InvalidOperationException"/> when the input was refused.</summary>
    public TaxId TaxId => IsValid
        ? _taxId
        : throw new InvalidOperationException($"The tax id was refused ({Code}): {Reason}");

    /// <summary>Why the input was refused: "empty", "format", "check-digit" or "unknown-country-scheme"; null when valid.</summary>
    public string? Code { get; }

    /// <summary>A sentence for people naming the expected format; null when valid.</summary>
    public string? Reason { get; }

    internal static TaxIdValidationResult Valid(TaxId taxId) => new(taxId, null, null);

    internal static TaxIdValidationResult Invalid(string code, string reason) => new(default, code, reason);

    /// <summary>"valid DE136695976" or "check-digit: …", for logs and test output.</summary>
    public override string ToString() => IsValid ? $"valid {_taxId}" : $"{Code}: {Reason}";
}
