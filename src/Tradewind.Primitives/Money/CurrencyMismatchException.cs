namespace Tradewind.Primitives.Money;

/// <summary>
/// Thrown when an operation combines or compares amounts in two different currencies.
/// Converting between currencies needs a rate and a rounding decision, so it is never implicit.
/// </summary>
public sealed class CurrencyMismatchException : InvalidOperationException
{
    public CurrencyMismatchException()
        : base("The amounts are in different currencies.")
    {
    }

    public CurrencyMismatchException(string message)
        : base(message)
    {
    }

    public CurrencyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public CurrencyMismatchException(Currency left, Currency right)
        : base($"Cannot combine amounts in {left?.Code} and {right?.Code}: convert one of them explicitly first.")
    {
        Left = left;
        Right = right;
    }

    /// <summary>The currency of the left-hand operand, when known.</summary>
    public Currency? Left { get; }

    /// <summary>The currency of the right-hand operand, when known.</summary>
    public Currency? Right { get; }
}
