using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Webhooks;

namespace Tradewind.Web.Pages.Seller.Webhooks;

/// <summary>The endpoint form the create and edit pages share.</summary>
internal sealed class WebhookForm
{
    public string? Url { get; set; }

    public string? Description { get; set; }

    public List<string> MessageTypes { get; set; } = [.. WebhookMessageTypes.All];

    public bool Enabled { get; set; } = true;

    public static WebhookForm From(WebhookEndpointDto endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return new() { Url = endpoint.Url, Description = endpoint.Description, MessageTypes = [.. endpoint.MessageTypes], Enabled = endpoint.Enabled };
    }

    /// <summary>Puts the module's field errors next to the form's inputs (<c>Form.Url</c>, …).</summary>
    public static void AddErrors(ModelStateDictionary modelState, ValidationFailedException exception)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(exception);
        foreach (var (key, messages) in exception.Errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(key switch
                {
                    "url" => "Form.Url",
                    "description" => "Form.Description",
                    "messageTypes" => "Form.MessageTypes",
                    _ => "",
                }, message);
            }
        }
    }

    /// <summary>A person reads the message types by what they announce; the wire names stay in code.</summary>
    public static string Describe(IStringLocalizer localizer, string type)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return type switch
        {
            WebhookMessageTypes.SubscribeSuccess => localizer["A buyer subscribed (start metering)"],
            WebhookMessageTypes.SubscribeFail => localizer["A subscription failed (do not grant access)"],
            WebhookMessageTypes.UnsubscribePending => localizer["A buyer is unsubscribing (send final usage)"],
            WebhookMessageTypes.UnsubscribeSuccess => localizer["A buyer unsubscribed"],
            WebhookMessageTypes.EntitlementUpdated => localizer["A contract's entitlements changed"],
            WebhookMessageTypes.FreeTrialStarted => localizer["A free trial started"],
            WebhookMessageTypes.FreeTrialEndingSoon => localizer["A free trial ends soon"],
            WebhookMessageTypes.FreeTrialConverted => localizer["A free trial converted to paid"],
            WebhookTestEvent.MessageType => localizer["Test event"],
            _ => type,
        };
    }

    public static string StatusBadge(WebhookDeliveryStatus status) => status switch
    {
        WebhookDeliveryStatus.Succeeded => "badge badge-success",
        WebhookDeliveryStatus.Failed => "badge badge-danger",
        _ => "badge badge-warning",
    };

    public static string Status(IStringLocalizer localizer, WebhookDeliveryStatus status)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        return status switch
        {
            WebhookDeliveryStatus.Succeeded => localizer["Delivered"],
            WebhookDeliveryStatus.Failed => localizer["Failed"],
            _ => localizer["Pending"],
        };
    }
}
