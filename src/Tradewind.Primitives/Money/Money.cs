using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace Tradewind.Primitives.Money;

/// <summary>
/// An exact amount of money: a whole number of minor units of one <see cref="Money.Currency"/>.
/// </summary>
/// <remarks>
/// <para>
/// The amount is stored as a signed 64-bit count of minor units (cents for USD, yen for JPY,
/// fils for BHD), so every value is exact and there is no floating point anywhere. The major-unit
/// value is <see cref="MinorUnits"/> / 10^<see cref="Currency.MinorUnits"/> and is available as
/// <see cref="Amount"/>. Negative amounts are allowed (refunds, credits, adjustments).
/// </para>
/// <para>
/// Arithmetic is checked: a result outside the range of <see cref="long"/> throws
/// <see cref="OverflowException"/> instead of wrapping. Addition, subtraction and comparison
/// refuse operands in different currencies with <see cref="CurrencyMismatchException"/>.
/// Equality never throws: amounts in different currencies are simply unequal.
/// </para>
/// <para>
/// Rounding happens only where the caller names a <see cref="MidpointRounding"/>
/// (<see cref="FromMajor"/>, <see cref="Multiply"/>); nothing rounds implicitly.
/// <see cref="Allocate(IReadOnlyList{decimal})"/> never rounds away money: its parts always add up
/// to the original amount exactly.
/// </para>
/// <para>
/// <c>default(Money)</c> has no currency. It compares equal only to itself, and every other member
/// (including <see cref="Currency"/> and <see cref="Amount"/>) throws
/// <see cref="InvalidOperationException"/>, so an uninitialised amount fails loudly instead of
/// being taken for zero.
/// </para>
/// <para>
/// Text forms are culture-invariant: <see cref="ToString"/> gives "1234.50 EUR" and
/// <see cref="ToMajorString"/> gives "1234.50", always with exactly <see cref="Currency.MinorUnits"/>
/// decimals; the latter is the wire format read back by <see cref="Parse"/>. Use
/// <see cref="Format"/> only for display.
/// </para>
/// </remarks>
public readonly struct Money : IEquatable<Money>, IComparable<Money>
{
    private readonly Currency? _currency;
    private readonly long _minorUnits;

    private Money(long minorUnits, Currency currency)
    {
        _minorUnits = minorUnits;
        _currency = currency;
    }

    /// <summary>The amount as a whole number of minor units (for example 123450 for 1234.50 EUR).</summary>
    public long MinorUnits
    {
        get
        {
            RequireCurrency();
            return _minorUnits;
        }
    }

    /// <summary>The currency; never null for a value built by a factory.</summary>
    public Currency Currency => RequireCurrency();

    /// <summary>
    /// The exact amount in major units, with exactly <see cref="Currency.MinorUnits"/> decimal places
    /// (1234.50m, not 1234.5m).
    /// </summary>
    public decimal Amount => ToMajor(_minorUnits, RequireCurrency().MinorUnits);

    public bool IsZero => MinorUnits == 0;

    public bool IsNegative => MinorUnits < 0;

    public bool IsPositive => MinorUnits > 0;

    /// <summary>An amount of <paramref name="minorUnits"/> minor units, for example FromMinor(150, USD) is 1.50 USD.</summary>
    public static Money FromMinor(long minorUnits, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        return new Money(minorUnits, currency);
    }

    /// <summary>
    /// Converts a major-unit amount, rounding once to the currency's minor unit with
    /// <paramref name="rounding"/>. For example 1.005 USD is 1.00 with
    /// <see cref="MidpointRounding.ToEven"/> and 1.01 with <see cref="MidpointRounding.AwayFromZero"/>.
    /// </summary>
    /// <exception cref="OverflowException">The amount does not fit in a 64-bit count of minor units.</exception>
    public static Money FromMajor(decimal amount, Currency currency, MidpointRounding rounding)
    {
        ArgumentNullException.ThrowIfNull(currency);
        RequireDefined(rounding);
        var rounded = decimal.Round(amount, currency.MinorUnits, rounding);
        return new Money(decimal.ToInt64(rounded * PowerOfTen(currency.MinorUnits)), currency);
    }

    /// <summary>Zero in <paramref name="currency"/>.</summary>
    public static Money Zero(Currency currency) => FromMinor(0, currency);

    public Money Add(Money other)
    {
        var currency = SameCurrency(other);
        return new Money(checked(_minorUnits + other._minorUnits), currency);
    }

    public Money Subtract(Money other)
    {
        var currency = SameCurrency(other);
        return new Money(checked(_minorUnits - other._minorUnits), currency);
    }

    public Money Negate() => new(checked(-MinorUnits), Currency);

    /// <summary>The absolute value; throws <see cref="OverflowException"/> for the most negative amount.</summary>
    public Money Abs() => MinorUnits < 0 ? Negate() : this;

    /// <summary>
    /// Multiplies by <paramref name="factor"/> and rounds once to a whole minor unit with
    /// <paramref name="rounding"/>. The product is computed in <see cref="decimal"/>, which is exact
    /// while it has at most 28 significant digits (always true for realistic prices and rates).
    /// </summary>
    public Money Multiply(decimal factor, MidpointRounding rounding)
    {
        RequireDefined(rounding);
        var currency = Currency;
        var product = decimal.Round(_minorUnits * factor, 0, rounding);
        return new Money(decimal.ToInt64(product), currency);
    }

    /// <summary>
    /// Splits this amount into parts proportional to <paramref name="ratios"/>, one part per ratio,
    /// in the same order. The parts always add up to this amount exactly.
    /// </summary>
    /// <remarks>
    /// Each part first gets its exact share rounded towards zero; the minor units left over are then
    /// handed out one each to the parts with the largest discarded remainders (largest-remainder
    /// method), ties going to the earlier index. So every part is within one minor unit of its
    /// exact share, and a zero ratio always gets zero. A negative amount is split as its absolute
    /// value and every part negated, so -1.00 by [1, 1, 1] is -0.34, -0.33, -0.33.
    /// The arithmetic is exact (arbitrary precision), whatever the ratios' scale.
    /// </remarks>
    /// <exception cref="ArgumentException">The ratios are empty, contain a negative value, or are all zero.</exception>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<decimal> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        var currency = Currency;
        if (ratios.Count == 0)
        {
            throw new ArgumentException("At least one ratio is needed to allocate an amount.", nameof(ratios));
        }

        // Bring every ratio to the same power-of-ten scale so they become exact integers.
        var scale = 0;
        foreach (var ratio in ratios)
        {
            if (ratio < 0)
            {
                throw new ArgumentException("Allocation ratios cannot be negative.", nameof(ratios));
            }

            scale = Math.Max(scale, ratio.Scale);
        }

        var weights = new BigInteger[ratios.Count];
        Span<int> bits = stackalloc int[4];
        for (var i = 0; i < ratios.Count; i++)
        {
            // The 96-bit unscaled integer of the decimal, shifted to the common scale.
            decimal.GetBits(ratios[i], bits);
            var unscaled = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
            weights[i] = unscaled * BigInteger.Pow(10, scale - ratios[i].Scale);
        }

        return AllocateByWeights(weights, currency, nameof(ratios));
    }

    /// <summary>Splits by integer ratios; see <see cref="Allocate(IReadOnlyList{decimal})"/> for the rules.</summary>
    public IReadOnlyList<Money> Allocate(IReadOnlyList<int> ratios)
    {
        ArgumentNullException.ThrowIfNull(ratios);
        var currency = Currency;
        if (ratios.Count == 0)
        {
            throw new ArgumentException("At least one ratio is needed to allocate an amount.", nameof(ratios));
        }

        var weights = new BigInteger[ratios.Count];
        for (var i = 0; i < ratios.Count; i++)
        {
            if (ratios[i] < 0)
            {
                throw new ArgumentException("Allocation ratios cannot be negative.", nameof(ratios));
            }

            weights[i] = ratios[i];
        }

        return AllocateByWeights(weights, currency, nameof(ratios));
    }

    private Money[] AllocateByWeights(BigInteger[] weights, Currency currency, string parameterName)
    {
        var total = BigInteger.Zero;
        foreach (var weight in weights)
        {
            total += weight;
        }

        if (total.IsZero)
        {
            throw new ArgumentException("At least one allocation ratio must be greater than zero.", parameterName);
        }

        var magnitude = BigInteger.Abs(new BigInteger(_minorUnits));
        var shares = new BigInteger[weights.Length];
        var remainders = new BigInteger[weights.Length];
        var allocated = BigInteger.Zero;
        for (var i = 0; i < weights.Length; i++)
        {
            shares[i] = BigInteger.DivRem(magnitude * weights[i], total, out remainders[i]);
            allocated += shares[i];
        }

        // The leftover is the sum of the fractional shares, so it is smaller than the number of
        // parts with a non-zero remainder: each of those gets at most one extra minor unit.
        var leftover = (int)(magnitude - allocated);
        var order = Enumerable.Range(0, weights.Length)
            .OrderByDescending(i => remainders[i])
            .ThenBy(i => i)
            .Take(leftover);
        foreach (var i in order)
        {
            shares[i] += 1;
        }

        var negative = _minorUnits < 0;
        var parts = new Money[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            parts[i] = new Money((long)(negative ? -shares[i] : shares[i]), currency);
        }

        return parts;
    }

    /// <summary>Orders by amount; refuses a different currency.</summary>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other)
    {
        SameCurrency(other);
        return _minorUnits.CompareTo(other._minorUnits);
    }

    public bool Equals(Money other) => _minorUnits == other._minorUnits && _currency == other._currency;

    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(_minorUnits, _currency);

    /// <summary>Invariant "1234.50 EUR": the wire amount, a space, the ISO code. Never throws.</summary>
    public override string ToString() =>
        _currency is null ? "default(Money)" : string.Concat(ToMajorString(), " ", _currency.Code);

    /// <summary>
    /// The REST wire form: the major-unit amount as an invariant decimal string with exactly
    /// <see cref="Currency.MinorUnits"/> decimals, '-' for negatives, no grouping ("1234.50", "-5", "0.125").
    /// </summary>
    public string ToMajorString() => Amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Formats for display in <paramref name="culture"/>: the culture's currency pattern, separators and
    /// grouping, with <see cref="Currency.MinorUnits"/> decimals and a symbol for this currency.
    /// </summary>
    /// <remarks>
    /// The symbol is the culture's own when this is the culture's home currency (en-US shows USD as "$",
    /// fr-CA shows CAD as "$"). Otherwise a short table applies (USD "$", EUR "€", GBP "£", JPY "¥",
    /// INR "₹", KRW "₩", CAD "CA$", AUD "A$", CHF "CHF"); when that symbol is the same as the culture's
    /// own symbol it is qualified ("US$" in en-CA or es-MX, "JP¥" in zh-CN) so it cannot be mistaken for
    /// the local currency. Any other currency shows its ISO code. Not for parsing or storage.
    /// </remarks>
    public string Format(IFormatProvider culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var currency = Currency;
        var format = (NumberFormatInfo)NumberFormatInfo.GetInstance(culture).Clone();
        format.CurrencySymbol = DisplaySymbol(currency, culture as CultureInfo, format.CurrencySymbol);
        format.CurrencyDecimalDigits = currency.MinorUnits;
        return Amount.ToString("C", format);
    }

    /// <summary>Reads a wire amount (see <see cref="ToMajorString"/>) in <paramref name="currency"/>.</summary>
    /// <remarks>
    /// Accepts an optional leading '-', one or more ASCII digits, and optionally '.' followed by one to
    /// <see cref="Currency.MinorUnits"/> digits ("12", "12.5" and "12.50" are all 12.50 USD). Refuses
    /// more decimals than the currency has (no silent rounding), exponents, '+', grouping separators,
    /// whitespace and anything else.
    /// </remarks>
    /// <exception cref="FormatException">The text is not a valid amount in this currency.</exception>
    public static Money Parse(string major, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(major);
        ArgumentNullException.ThrowIfNull(currency);
        if (!TryParse(major, currency, out var money))
        {
            throw new FormatException(
                $"'{major}' is not a {currency.Code} amount: expected digits with an optional '-' and at most {currency.MinorUnits.ToString(CultureInfo.InvariantCulture)} decimals after '.', for example \"{FromMinor(123450, currency).ToMajorString()}\".");
        }

        return money;
    }

    /// <summary>Like <see cref="Parse"/>, returning false instead of throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? major, Currency currency, out Money money)
    {
        ArgumentNullException.ThrowIfNull(currency);
        money = default;
        if (string.IsNullOrEmpty(major))
        {
            return false;
        }

        var negative = major[0] == '-';
        var index = negative ? 1 : 0;
        var integerDigits = 0;
        var fractionDigits = 0;
        var seenPoint = false;
        long value = 0;
        for (; index < major.Length; index++)
        {
            var c = major[index];
            if (c == '.')
            {
                if (seenPoint || integerDigits == 0)
                {
                    return false;
                }

                seenPoint = true;
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            if (seenPoint)
            {
                fractionDigits++;
                if (fractionDigits > currency.MinorUnits)
                {
                    return false;
                }
            }
            else
            {
                integerDigits++;
            }

            // Accumulate with the final sign so the most negative long can be read back.
            var digit = c - '0';
            if (!TryAppendDigit(ref value, negative ? -digit : digit))
            {
                return false;
            }
        }

        if (integerDigits == 0 || (seenPoint && fractionDigits == 0))
        {
            return false;
        }

        for (var i = fractionDigits; i < currency.MinorUnits; i++)
        {
            if (!TryAppendDigit(ref value, 0))
            {
                return false;
            }
        }

        money = new Money(value, currency);
        return true;
    }

    public static Money operator +(Money left, Money right) => left.Add(right);

    public static Money operator -(Money left, Money right) => left.Subtract(right);

    public static Money operator -(Money value) => value.Negate();

    public static bool operator ==(Money left, Money right) => left.Equals(right);

    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    internal static decimal ToMajor(long minorUnits, int exponent)
    {
        // Build the decimal from its parts so the scale is exactly the exponent (1234.50, not 1234.5),
        // which makes the invariant ToString print the right number of decimals.
        var magnitude = minorUnits < 0 ? (ulong)(-(minorUnits + 1)) + 1 : (ulong)minorUnits;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, minorUnits < 0, (byte)exponent);
    }

    internal static decimal PowerOfTen(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }

    internal static void RequireDefined(MidpointRounding rounding)
    {
        if (!Enum.IsDefined(rounding))
        {
            throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "Unknown MidpointRounding value.");
        }
    }

    private static bool TryAppendDigit(ref long value, int signedDigit)
    {
        try
        {
            value = checked((value * 10) + signedDigit);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private Currency RequireCurrency() =>
        _currency ?? throw new InvalidOperationException(
            "This Money is default(Money) and has no currency; create amounts with Money.FromMinor, FromMajor, Zero or Parse.");

    private Currency SameCurrency(Money other)
    {
        var currency = RequireCurrency();
        var otherCurrency = other.RequireCurrency();
        if (currency != otherCurrency)
        {
            throw new CurrencyMismatchException(currency, otherCurrency);
        }

        return currency;
    }

    private static string DisplaySymbol(Currency currency, CultureInfo? culture, string cultureSymbol)
    {
        if (HomeCurrencyCode(culture) is { } home && string.Equals(home, currency.Code, StringComparison.Ordinal))
        {
            return cultureSymbol;
        }

        var (symbol, qualified) = currency.Code switch
        {
            "USD" => ("$", "US$"),
            "EUR" => ("€", "€"),
            "GBP" => ("£", "£"),
            "JPY" => ("¥", "JP¥"),
            "INR" => ("₹", "₹"),
            "KRW" => ("₩", "₩"),
            "CAD" => ("CA$", "CA$"),
            "AUD" => ("A$", "A$"),
            "CHF" => ("CHF", "CHF"),
            _ => (currency.Code, currency.Code),
        };
        return string.Equals(symbol, cultureSymbol, StringComparison.Ordinal) ? qualified : symbol;
    }

    private static string? HomeCurrencyCode(CultureInfo? culture)
    {
        // Neutral and invariant cultures have no region, so no home currency.
        if (culture is null || culture.IsNeutralCulture || culture.Name.Length == 0)
        {
            return null;
        }

        try
        {
            return new RegionInfo(culture.Name).ISOCurrencySymbol;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
