namespace Tradewind.Primitives.Banking;

/// <summary>
/// The outcome of checking a bank identifier or a whole set of payout bank details.
/// </summary>
/// <remarks>
/// Invariants: <see cref="Valid"/> is true exactly when <see cref="Reason"/> is null.
/// <see cref="Normalized"/> is never null: when valid it is the canonical form of the value (what
/// <c>ToString()</c> of the parsed type returns, or the canonical account key for
/// <see cref="BankAccountValidator"/>); when invalid it is the input after the same clean-up
/// (spaces removed, upper-cased), so a form can show the user what was checked. <see cref="Reason"/>
/// is an English sentence for the person typing the details, naming what is wrong.
/// </remarks>
public sealed record BankDetailsCheck
{
    private BankDetailsCheck(bool valid, string normalized, string? reason)
    {
        Valid = valid;
        Normalized = normalized;
        Reason = reason;
    }

    public bool Valid { get; }

    public string Normalized { get; }

    public string? Reason { get; }

    internal static BankDetailsCheck Pass(string normalized) => new(true, normalized, null);

    internal static BankDetailsCheck Fail(string normalized, string reason) => new(false, normalized, reason);
}
