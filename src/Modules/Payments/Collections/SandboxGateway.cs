using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Collections;

/// <summary>
/// The built-in gateway: always available, moves no money. It answers as Stripe does in test mode for Stripe's test
/// card numbers: <c>4242 4242 4242 4242</c> succeeds, <c>4000 0000 0000 0002</c> is declined,
/// <c>4000 0000 0000 9995</c> has insufficient funds and <c>4000 0025 0000 3155</c> requires authentication; any other
/// number that passes the Luhn check succeeds. The card number is never kept: its behaviour is written into the token
/// (<c>tok_sandbox_decline_…</c>), as a real gateway keeps the card on its side. Charges and refunds are derived from
/// the idempotency key, so asking again gives the same reference.
/// </summary>
internal sealed class SandboxGateway(TimeProvider clock) : IPaymentGateway
{
    public const string GatewayName = "sandbox";

    public static readonly IReadOnlyList<TestCardDto> TestCards =
    [
        new("4242424242424242", "succeeded"),
        new("4000000000000002", "declined"),
        new("4000000000009995", "insufficient_funds"),
        new("4000002500003155", "requires_action"),
    ];

    public string Name => GatewayName;

    public bool IsSandbox => true;

    public Task<GatewayCard> SaveCardAsync(CardToSave card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var number = new string((card.Number ?? "").Where(c => c is not (' ' or '-')).ToArray());
        if (number.Length is < 12 or > 19 || !number.All(char.IsAsciiDigit) || !PassesLuhn(number))
        {
            throw new ValidationFailedException("card.number", "Not a valid card number (12 to 19 digits passing the Luhn check).");
        }

        RequireUnexpired(card.ExpMonth, card.ExpYear, clock.GetUtcNow());
        if (card.Cvc is { Length: > 0 } cvc && (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit)))
        {
            throw new ValidationFailedException("card.cvc", "The security code is 3 or 4 digits.");
        }

        var behaviour = number switch
        {
            "4000000000000002" => "decline",
            "4000000000009995" => "funds",
            "4000002500003155" => "auth",
            _ => "ok",
        };
        var token = string.Create(CultureInfo.InvariantCulture, $"tok_sandbox_{behaviour}_{Guid.NewGuid():N}");
        return Task.FromResult(new GatewayCard(token, null, Brand(number), number[^4..], card.ExpMonth, card.ExpYear));
    }

    public Task<GatewayCharge> ChargeAsync(GatewayCardRef card, Money amount, string description, string idempotencyKey, bool offSession, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var reference = "sb_pi_" + Digest(idempotencyKey);
        var behaviour = card.Token.StartsWith("tok_sandbox_", StringComparison.Ordinal) ? card.Token["tok_sandbox_".Length..].Split('_')[0] : "";
        var charge = behaviour switch
        {
            "ok" => new GatewayCharge(PaymentStatus.Succeeded, reference, null, null),
            "decline" => new GatewayCharge(PaymentStatus.Declined, reference, "generic_decline", "Your card was declined."),
            "funds" => new GatewayCharge(PaymentStatus.InsufficientFunds, reference, "insufficient_funds", "Your card has insufficient funds."),
            "auth" => new GatewayCharge(PaymentStatus.RequiresAction, reference, "authentication_required", "Your card issuer asks you to authenticate this payment."),
            _ => throw new PaymentGatewayException($"The sandbox does not know the card token '{card.Token}'.", isTransient: false),
        };
        return Task.FromResult(charge);
    }

    public Task<GatewayRefund> RefundAsync(string chargeReference, Money amount, string idempotencyKey, CancellationToken cancellationToken) =>
        Task.FromResult(new GatewayRefund("sb_re_" + Digest(idempotencyKey), Succeeded: true, null));

    /// <summary>The card scheme from the number's issuer identification prefix (ISO/IEC 7812).</summary>
    internal static string Brand(string number) => number switch
    {
        ['4', ..] => "visa",
        ['3', '4' or '7', ..] => "amex",
        ['5', '1' or '2' or '3' or '4' or '5', ..] => "mastercard",
        ['2', ..] when int.Parse(number[..4], CultureInfo.InvariantCulture) is >= 2221 and <= 2720 => "mastercard",
        ['6', '0', '1', '1', ..] or ['6', '5', ..] => "discover",
        ['3', '5', ..] => "jcb",
        _ => "card",
    };

    internal static bool PassesLuhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }

    /// <summary>A card expires at the end of its expiry month.</summary>
    internal static void RequireUnexpired(int month, int year, DateTimeOffset now)
    {
        if (month is < 1 or > 12 || year is < 2000 or > 2100)
        {
            throw new ValidationFailedException("card.expMonth", "The expiry is a month (1 to 12) and a four-digit year.");
        }

        if (new DateOnly(year, month, 1).AddMonths(1) <= DateOnly.FromDateTime(now.UtcDateTime))
        {
            throw new DomainException("card-expired", string.Create(CultureInfo.InvariantCulture, $"The card expired at the end of {month:00}/{year}."));
        }
    }

    private static string Digest(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
}
