using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Collections;

/// <summary>
/// A card gateway: saves a card as a token, charges it (authorize and capture at once) and refunds a charge. Every
/// charge and refund carries an idempotency key; asking again with the same key returns the first outcome and moves no
/// money a second time. A refused card is an outcome (<see cref="GatewayCharge.Status"/>), not an exception; a gateway
/// that cannot be reached or answers with an error throws <see cref="PaymentGatewayException"/>.
/// </summary>
internal interface IPaymentGateway
{
    /// <summary><c>sandbox</c> or <c>stripe</c>, stored with every card and payment.</summary>
    string Name { get; }

    /// <summary>True for the built-in sandbox: no real money moves.</summary>
    bool IsSandbox { get; }

    Task<GatewayCard> SaveCardAsync(CardToSave card, CancellationToken cancellationToken);

    /// <summary>
    /// Authorizes and captures <paramref name="amount"/>. <paramref name="offSession"/>: the cardholder is not present
    /// (a dunning retry), so the issuer may ask for authentication it cannot get.
    /// </summary>
    Task<GatewayCharge> ChargeAsync(GatewayCardRef card, Money amount, string description, string idempotencyKey, bool offSession, CancellationToken cancellationToken);

    Task<GatewayRefund> RefundAsync(string chargeReference, Money amount, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>A card to save: its number (sandbox only) or a gateway token, and the buyer it belongs to.</summary>
internal sealed record CardToSave(string BuyerId, string? Number, int ExpMonth, int ExpYear, string? Cvc, string? Token, string IdempotencyKey);

/// <summary>A saved card: the gateway's token (and customer, where the gateway has one) and what may be shown of it.</summary>
internal sealed record GatewayCard(string Token, string? CustomerReference, string Brand, string Last4, int ExpMonth, int ExpYear);

/// <summary>The saved card to charge.</summary>
internal sealed record GatewayCardRef(string Token, string? CustomerReference);

/// <summary>How a charge ended: its final status, the gateway's id of it, the issuer's decline code and message.</summary>
internal sealed record GatewayCharge(Contracts.Payments.PaymentStatus Status, string? Reference, string? DeclineCode, string? Message);

internal sealed record GatewayRefund(string Reference, bool Succeeded, string? Message);

/// <summary>
/// The gateway failed to answer (network, 5xx, rate limit) or refused the request itself. <see cref="IsTransient"/>
/// tells the caller whether asking again with the same idempotency key may succeed (as Npgsql's
/// <c>NpgsqlException.IsTransient</c> does for the database).
/// </summary>
internal sealed class PaymentGatewayException(string message, bool isTransient, Exception? inner = null) : Exception(message, inner)
{
    public bool IsTransient { get; } = isTransient;
}
