using System.Globalization;
using System.Net;
using Stripe;
using Tradewind.Contracts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Collections;

/// <summary>
/// Cards through Stripe (Stripe.net). A card arrives as a PaymentMethod id made in the browser by Stripe.js (card
/// numbers never reach Tradewind); saving it creates a Customer for it and attaches it, so it can be charged again
/// later (dunning retries). A charge is a PaymentIntent confirmed at once with automatic capture; a refund is a Refund
/// of that PaymentIntent. Every request carries Tradewind's idempotency key as Stripe's <c>Idempotency-Key</c>.
/// Amounts are minor units, as Stripe's "smallest currency unit" (zero-decimal currencies such as JPY and KRW
/// included).
/// </summary>
internal sealed class StripeGateway(IStripeClient client) : IPaymentGateway
{
    public const string GatewayName = "stripe";

    public string Name => GatewayName;

    public bool IsSandbox => false;

    public async Task<GatewayCard> SaveCardAsync(CardToSave card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.Token is not { Length: > 0 } token || !token.StartsWith("pm_", StringComparison.Ordinal))
        {
            throw new DomainException("card-token-required", "With Stripe, save a card by its PaymentMethod id (pm_…) from Stripe.js; card numbers are not accepted.");
        }

        var method = await CallAsync(async () =>
        {
            var customer = await new CustomerService(client).CreateAsync(
                new CustomerCreateOptions { Metadata = new Dictionary<string, string> { ["tradewind_buyer"] = card.BuyerId } },
                new RequestOptions { IdempotencyKey = card.IdempotencyKey + ":customer" },
                cancellationToken);
            return await new PaymentMethodService(client).AttachAsync(
                token,
                new PaymentMethodAttachOptions { Customer = customer.Id },
                new RequestOptions { IdempotencyKey = card.IdempotencyKey + ":attach" },
                cancellationToken);
        });
        var details = method.Card ?? throw new DomainException("card-token-invalid", $"PaymentMethod {token} is not a card.");
        return new GatewayCard(method.Id, method.CustomerId, details.Brand ?? "card", details.Last4 ?? "", (int)details.ExpMonth, (int)details.ExpYear);
    }

    public async Task<GatewayCharge> ChargeAsync(GatewayCardRef card, Money amount, string description, string idempotencyKey, bool offSession, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        var options = new PaymentIntentCreateOptions
        {
            Amount = amount.MinorUnits,
            Currency = amount.Currency.Code.ToLowerInvariant(),
            Customer = card.CustomerReference,
            PaymentMethod = card.Token,
            // No redirects: a card that needs 3-D Secure ends as requires_action instead of asking for a return URL.
            AutomaticPaymentMethods = new PaymentIntentAutomaticPaymentMethodsOptions { Enabled = true, AllowRedirects = "never" },
            Confirm = true,
            OffSession = offSession,
            Description = description,
            Metadata = new Dictionary<string, string> { ["tradewind_idempotency_key"] = idempotencyKey },
        };
        try
        {
            var intent = await new PaymentIntentService(client).CreateAsync(options, new RequestOptions { IdempotencyKey = idempotencyKey }, cancellationToken);
            return intent.Status switch
            {
                "succeeded" => new GatewayCharge(PaymentStatus.Succeeded, intent.Id, null, null),
                "requires_action" or "requires_confirmation" => new GatewayCharge(PaymentStatus.RequiresAction, intent.Id, "authentication_required", "The card issuer asks the cardholder to authenticate this payment."),
                "requires_payment_method" => new GatewayCharge(
                    PaymentStatus.Declined, intent.Id, intent.LastPaymentError?.DeclineCode ?? intent.LastPaymentError?.Code, intent.LastPaymentError?.Message ?? "The card was declined."),
                // "processing", "requires_capture": not final; Tradewind captures at once, so Stripe answering this is a fault.
                _ => throw new PaymentGatewayException(string.Create(CultureInfo.InvariantCulture, $"Stripe left PaymentIntent {intent.Id} in status '{intent.Status}'."), isTransient: true),
            };
        }
        catch (StripeException e) when (e.StripeError?.Type == "card_error")
        {
            return Declined(e);
        }
        catch (StripeException e)
        {
            throw Failure(e);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", isTransient: true, e);
        }
    }

    public async Task<GatewayRefund> RefundAsync(string chargeReference, Money amount, string idempotencyKey, CancellationToken cancellationToken)
    {
        var refund = await CallAsync(() => new RefundService(client).CreateAsync(
            new RefundCreateOptions { PaymentIntent = chargeReference, Amount = amount.MinorUnits, Reason = "requested_by_customer" },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken));
        return refund.Status switch
        {
            "succeeded" or "pending" => new GatewayRefund(refund.Id, Succeeded: true, null),
            _ => new GatewayRefund(refund.Id, Succeeded: false, refund.FailureReason ?? refund.Status),
        };
    }

    /// <summary>
    /// A card error (HTTP 402): <c>insufficient_funds</c> and <c>authentication_required</c> have their own statuses;
    /// every other decline (<c>card_declined</c>, <c>expired_card</c>, <c>incorrect_cvc</c>…) is a decline.
    /// </summary>
    internal static GatewayCharge Declined(StripeException e)
    {
        var error = e.StripeError;
        var reference = error?.PaymentIntent?.Id;
        var decline = error?.DeclineCode ?? error?.Code;
        var status = (error?.Code, error?.DeclineCode) switch
        {
            (_, "insufficient_funds") => PaymentStatus.InsufficientFunds,
            ("authentication_required", _) or (_, "authentication_required") => PaymentStatus.RequiresAction,
            _ => PaymentStatus.Declined,
        };
        return new GatewayCharge(status, reference, decline, error?.Message ?? e.Message);
    }

    /// <summary>Rate limits (429), Stripe's own errors (5xx) and lost connections are worth retrying; a refused request is not.</summary>
    internal static PaymentGatewayException Failure(StripeException e)
    {
        var transient = e.HttpStatusCode is HttpStatusCode.TooManyRequests or >= HttpStatusCode.InternalServerError || e.StripeError?.Type == "api_error"
            || e.InnerException is HttpRequestException or TaskCanceledException;
        return new PaymentGatewayException($"Stripe refused the request: {e.StripeError?.Message ?? e.Message}", transient, e);
    }

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (StripeException e) when (e.StripeError?.Type == "card_error")
        {
            throw new DomainException("card-declined", e.StripeError.Message ?? "The card was declined.");
        }
        catch (StripeException e)
        {
            throw Failure(e);
        }
        catch (HttpRequestException e)
        {
            throw new PaymentGatewayException("Stripe could not be reached.", isTransient: true, e);
        }
    }
}
