using System.Text.Json.Nodes;
using Tradewind.Contracts.Webhooks;

namespace Tradewind.Agreements.Agreements;

/// <summary>
/// The bodies of seller notifications, in the shape of AWS Marketplace's SaaS notifications (<c>action</c>,
/// <c>customer-identifier</c>, <c>product-code</c>, <c>offer-identifier</c> on subscribe messages,
/// <c>isFreeTrialTermPresent</c> as the string <c>"true"</c>/<c>"false"</c>), plus Tradewind's ids and dates.
/// </summary>
internal static class Notifications
{
    public static JsonObject For(string action, Agreement agreement, DateTimeOffset at, bool freeTrialTerm)
    {
        var body = new JsonObject
        {
            ["action"] = action,
            ["customer-identifier"] = agreement.CustomerIdentifier,
            ["product-code"] = agreement.ProductId.ToString(),
        };
        if (action is WebhookMessageTypes.SubscribeSuccess or WebhookMessageTypes.SubscribeFail)
        {
            body["offer-identifier"] = agreement.OfferId;
        }

        body["isFreeTrialTermPresent"] = freeTrialTerm ? "true" : "false";
        body["agreement-id"] = agreement.Id.ToString();
        body["status"] = Agreement.Wire(agreement.Status);
        body["occurred-at"] = at.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        if (agreement.TrialEndsAt is { } trialEnd)
        {
            body["trial-ends-at"] = trialEnd.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (agreement.CancelAt is { } cancelAt)
        {
            body["effective-at"] = cancelAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        }

        return body;
    }
}
