using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Account;

/// <summary>The buyer organisation's inbox: newest first, paged, each message markable as read.</summary>
internal sealed class NotificationsModel(IBuyerNotifications notifications) : PageModel
{
    public const int PageSize = 20;

    public Page<NotificationDto> Notifications { get; private set; } = null!;

    public int Unread { get; private set; }

    public bool AllRead { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = Pager.QueryParameter)] int? pageNumber, bool allRead, CancellationToken cancellationToken)
    {
        AllRead = allRead;
        var organisation = User.OrganisationId();
        Notifications = await notifications.ListAsync(organisation, new PageRequest(Pager.Number(pageNumber), PageSize), cancellationToken);
        Unread = await notifications.CountUnreadAsync(organisation, cancellationToken);
    }

    public async Task<IActionResult> OnPostReadAsync(Guid id, int? pageNumber, CancellationToken cancellationToken)
    {
        try
        {
            await notifications.MarkReadAsync(User.OrganisationId(), NotificationId.From(id), cancellationToken);
        }
        catch (Exception ex) when (ex is DomainException or ArgumentException)
        {
            // Someone else's notification, or no notification at all: the same answer, so ids reveal nothing.
            return NotFound();
        }

        return Redirect(pageNumber is > 1 ? $"/account/notifications?page={pageNumber}" : "/account/notifications");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        await notifications.MarkAllReadAsync(User.OrganisationId(), cancellationToken);
        return Redirect("/account/notifications?allRead=true");
    }
}
