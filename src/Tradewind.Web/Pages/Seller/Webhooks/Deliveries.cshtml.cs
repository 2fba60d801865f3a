using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Webhooks;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller.Webhooks;

/// <summary>The delivery log, newest first, filtered by endpoint, type and status through the query string.</summary>
internal sealed class DeliveriesModel(IWebhookQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? EndpointId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public WebhookDeliveryStatus? Status { get; set; }

    public IReadOnlyList<WebhookEndpointDto> Endpoints { get; private set; } = [];

    public Page<WebhookDeliveryDto> Deliveries { get; private set; } = null!;

    public static IReadOnlyList<string> Types { get; } = [.. WebhookMessageTypes.All, WebhookTestEvent.MessageType];

    public async Task OnGetAsync([FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken)
    {
        var seller = User.OrganisationId();
        Endpoints = (await queries.ListEndpointsAsync(seller, new PageRequest(1, PageRequest.MaxSize), cancellationToken)).Items;
        var filter = new WebhookDeliveryFilter(
            EndpointId is { } id && id != Guid.Empty ? WebhookEndpointId.From(id) : null,
            string.IsNullOrWhiteSpace(Type) ? null : Type,
            Status);
        Deliveries = await queries.ListDeliveriesAsync(seller, filter, new PageRequest(Pager.Number(pageNumber), 25), cancellationToken);
    }
}
