using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Operator;

/// <summary>The KYC queue: sellers' legal entities waiting for review, their tax forms, and verify / reject.</summary>
internal sealed class KycModel(IAccountsQueries queries, IAccountsCommands commands, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    private const int PageSize = 25;

    public KycStatus Status { get; private set; } = KycStatus.Pending;

    public Page<SellerEntityDto> Entities { get; private set; } = null!;

    public IReadOnlyDictionary<OrganisationId, string> SellerNames { get; private set; } = new Dictionary<OrganisationId, string>();

    /// <summary>The default expiry offered in the verify form: two years from today.</summary>
    public string DefaultExpiry => clock.GetUtcNow().AddYears(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(string? status, [FromQuery(Name = Pager.QueryParameter)] int? pageNumber, CancellationToken cancellationToken)
    {
        Status = Enum.TryParse<KycStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : KycStatus.Pending;
        await LoadAsync(Pager.Number(pageNumber), cancellationToken);
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid id, string? expiresOn, CancellationToken cancellationToken)
    {
        DateTimeOffset? expiresAt = DateOnly.TryParseExact(expiresOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : null;
        return await RunAsync(
            async () =>
            {
                var entity = await commands.VerifySellerEntityAsync(SellerEntityId.From(id), expiresAt, User.Actor(), cancellationToken);
                StatusMessage = localizer["“{0}” is verified until {1}.", entity.LegalName, entity.KycExpiresAt?.ToString("d", CultureInfo.CurrentCulture) ?? ""];
            },
            cancellationToken);
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid id, string? reason, CancellationToken cancellationToken) =>
        await RunAsync(
            async () =>
            {
                var entity = await commands.RejectSellerEntityAsync(SellerEntityId.From(id), reason ?? "", User.Actor(), cancellationToken);
                StatusMessage = localizer["“{0}” is rejected; its seller sees the reason.", entity.LegalName];
            },
            cancellationToken);

    public async Task<IActionResult> OnGetTaxFormAsync(Guid id, CancellationToken cancellationToken) =>
        await queries.GetTaxFormAsync(SellerEntityId.From(id), null, cancellationToken) is { } form
            ? File(form.Content, "application/pdf", form.FileName)
            : NotFound();

    private async Task<IActionResult> RunAsync(Func<Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action();
            return RedirectToPage();
        }
        catch (ValidationFailedException validation)
        {
            ErrorMessage = string.Join(" ", validation.Errors.SelectMany(e => e.Value));
        }
        catch (DomainException refused) when (refused.Kind != DomainErrorKind.NotFound)
        {
            ErrorMessage = refused.Message;
        }
        catch (DomainException)
        {
            return NotFound();
        }

        await LoadAsync(1, cancellationToken);
        return Page();
    }

    private async Task LoadAsync(int pageNumber, CancellationToken cancellationToken)
    {
        Entities = await queries.ListAllSellerEntitiesAsync(Status, new PageRequest(pageNumber, PageSize), cancellationToken);
        var names = new Dictionary<OrganisationId, string>();
        foreach (var sellerId in Entities.Items.Select(e => e.SellerId).Distinct())
        {
            names[sellerId] = (await queries.FindOrganisationAsync(sellerId, cancellationToken))?.Name ?? sellerId.ToString();
        }

        SellerNames = names;
    }
}
