using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Tradewind.Primitives.Money;

/// <summary>
/// The price of one unit of something sold by quantity (a seat, an API call, a gigabyte), which may be
/// finer than the currency's minor unit: 0.0125 USD per call is a valid unit price but not a valid
/// <see cref="Money"/>.
/// </summary>
/// <remarks>
/// <para>
/// Invariants: <see cref="Amount"/> is in major units, is zero or positive, and has at most
/// <see cref="MaxDecimalPlaces"/> (12) significant decimal places; <see cref="Currency"/> is a registered
/// currency. Negative unit prices are refused: discounts and credits are separate negative
/// <see cref="Money"/> lines, so a price list can never make a purchase pay the buyer.
/// </para>
/// <para>
/// Nothing is rounded on construction (too many decimals is an error, not a rounding).
/// <see cref="Extend"/> multiplies by a quantity and rounds exactly once, to the currency's minor unit,
/// with the caller's <see cref="MidpointRounding"/>; rounding per unit and then multiplying would
/// drift by up to a minor unit per unit.
/// </para>
/// <para>
/// Equality is by value and currency: 1.5 and 1.50 USD are equal. <c>default(UnitPrice)</c> has no
/// currency and its members throw <see cref="InvalidOperationException"/>, like <c>default(Money)</c>.
/// Text forms are invariant: <see cref="ToString"/> gives "0.0125 USD" and <see cref="ToAmountString"/>
/// gives "0.0125", never fewer decimals than the currency's minor unit ("1.50", not "1.5").
/// </para>
/// </remarks>
public readonly struct UnitPrice : IEquatable<UnitPrice>
{
    /// <summary>The most decimal places a unit price may carry.</summary>
    public const int MaxDecimalPlaces = 12;

    private readonly Currency? _currency;
    private readonly decimal _amount;

    private UnitPrice(decimal amount, Currency currency)
    {
        _amount = amount;
        _currency = currency;
    }

    /// <summary>The price of one unit in major units (for example 0.0125).</summary>
    public decimal Amount
    {
        get
        {
            RequireCurrency();
            return _amount;
        }
    }

    public Currency Currency => RequireCurrency();

    /// <summary>A unit price of <paramref name="amount"/> major units.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, or more than 12 significant decimal places.</exception>
    public static UnitPrice Of(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (!IsValidAmount(amount, out var problem))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, problem);
        }

        return new UnitPrice(amount, currency);
    }

    /// <summary>A unit price equal to a money amount (a whole number of minor units).</summary>
    public static UnitPrice FromMoney(Money price) => Of(price.Amount, price.Currency);

    /// <summary>
    /// The total for <paramref name="quantity"/> units: quantity × <see cref="Amount"/>, computed in
    /// <see cref="decimal"/> (exact while the product has at most 28 significant digits) and rounded once
    /// to the currency's minor unit with <paramref name="rounding"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The quantity is negative.</exception>
    /// <exception cref="OverflowException">The total does not fit in <see cref="Money"/>.</exception>
    public Money Extend(decimal quantity, MidpointRounding rounding)
    {
        var currency = Currency;
        if (quantity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "A quantity cannot be negative; negate the resulting Money for a credit.");
        }

        return Money.FromMajor(quantity * _amount, currency, rounding);
    }

    /// <summary>Reads an invariant amount such as "0.0125" in <paramref name="currency"/>.</summary>
    /// <remarks>
    /// Accepts ASCII digits, optionally '.' and one to 12 digits. Refuses signs, exponents, grouping,
    /// whitespace and more than 12 decimals.
    /// </remarks>
    /// <exception cref="FormatException">The text is not a valid unit price.</exception>
    public static UnitPrice Parse(string amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(amount);
        ArgumentNullException.ThrowIfNull(currency);
        if (!TryParse(amount, currency, out var price))
        {
            throw new FormatException(
                $"'{amount}' is not a unit price: expected non-negative digits with at most {MaxDecimalPlaces.ToString(CultureInfo.InvariantCulture)} decimals after '.', for example \"0.0125\".");
        }

        return price;
    }

    /// <summary>Like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? amount, Currency currency, out UnitPrice price)
    {
        ArgumentNullException.ThrowIfNull(currency);
        price = default;
        if (string.IsNullOrEmpty(amount))
        {
            return false;
        }

        var point = amount.IndexOf('.', StringComparison.Ordinal);
        var integerPart = point < 0 ? amount : amount[..point];
        var fractionPart = point < 0 ? string.Empty : amount[(point + 1)..];
        if (integerPart.Length == 0
            || (point >= 0 && (fractionPart.Length == 0 || fractionPart.Length > MaxDecimalPlaces))
            || !IsAsciiDigits(integerPart)
            || !IsAsciiDigits(fractionPart))
        {
            return false;
        }

        // Only digits and one '.' remain, so NumberStyles.AllowDecimalPoint reads exactly what we checked.
        if (!decimal.TryParse(amount, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        price = new UnitPrice(value, currency);
        return true;
    }

    /// <summary>
    /// The invariant amount with trailing zeros trimmed, but never fewer decimals than the currency's
    /// minor unit: "0.0125", "1.50", "300" for JPY.
    /// </summary>
    public string ToAmountString()
    {
        var currency = Currency;
        var decimals = Math.Max(currency.MinorUnits, SignificantDecimalPlaces(_amount));
        return _amount.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Invariant "0.0125 USD". Never throws.</summary>
    public override string ToString() =>
        _currency is null ? "default(UnitPrice)" : string.Concat(ToAmountString(), " ", _currency.Code);

    public bool Equals(UnitPrice other) => _amount == other._amount && _currency == other._currency;

    public override bool Equals(object? obj) => obj is UnitPrice other && Equals(other);

    // decimal.GetHashCode is equal for 1.5m and 1.50m, matching Equals.
    public override int GetHashCode() => HashCode.Combine(_amount, _currency);

    public static bool operator ==(UnitPrice left, UnitPrice right) => left.Equals(right);

    public static bool operator !=(UnitPrice left, UnitPrice right) => !left.Equals(right);

    private static bool IsValidAmount(decimal amount, [NotNullWhen(false)] out string? problem)
    {
        if (amount < 0)
        {
            problem = "A unit price cannot be negative; model discounts as separate negative amounts.";
            return false;
        }

        if (SignificantDecimalPlaces(amount) > MaxDecimalPlaces)
        {
            problem = $"A unit price has at most {MaxDecimalPlaces.ToString(CultureInfo.InvariantCulture)} decimal places.";
            return false;
        }

        problem = null;
        return true;
    }

    private static int SignificantDecimalPlaces(decimal value)
    {
        // Scale counts trailing zeros too (1.500 has scale 3); strip them to count what matters.
        var places = (int)value.Scale;
        while (places > 0 && decimal.Round(value, places - 1, MidpointRounding.ToZero) == value)
        {
            places--;
        }

        return places;
    }

    private static bool IsAsciiDigits(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private Currency RequireCurrency() =>
        _currency ?? throw new InvalidOperationException(
            "This UnitPrice is default(UnitPrice) and has no currency; create prices with UnitPrice.Of or Parse.");
}
