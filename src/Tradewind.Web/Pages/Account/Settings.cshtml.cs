using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Account;

/// <summary>The buyer organisation's billing profile and its people.</summary>
internal sealed class SettingsModel(IAccountsQueries queries, IAccountsCommands commands) : PageModel
{
    [BindProperty]
    public SignUpModel.SignUpInput Input { get; set; } = new();

    public OrganisationDto Organisation { get; private set; } = null!;

    public IReadOnlyList<UserDto> Users { get; private set; } = [];

    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool saved, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (await queries.FindBuyerProfileAsync(Organisation.Id, cancellationToken) is { } profile)
        {
            Input.AddressLine1 = profile.Address.Line1;
            Input.AddressLine2 = profile.Address.Line2;
            Input.City = profile.Address.City;
            Input.PostalCode = profile.Address.PostalCode;
            Input.TaxId = profile.TaxIdDisplay;
            Input.InvoiceCurrency = profile.InvoiceCurrency;
            Input.Language = profile.Language;
            Input.TimeZone = profile.TimeZone;
        }

        Notice = saved ? "saved" : null;
        return Page();
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        var i = Input;
        try
        {
            await commands.UpdateBuyerProfileAsync(
                Organisation.Id,
                new BuyerProfileInput(new PostalAddress(i.AddressLine1 ?? "", i.AddressLine2, i.City ?? "", i.PostalCode, null, Organisation.CountryCode), i.TaxId, i.InvoiceCurrency ?? "", i.Language ?? "", i.TimeZone ?? ""),
                User.Actor(),
                cancellationToken);
            return Redirect("/account/settings?saved=true");
        }
        catch (ValidationFailedException exception)
        {
            FieldErrors.AddTo(ModelState, exception, key => "Input." + FieldErrors.Pascal(key.Replace("address.line", "addressLine", StringComparison.Ordinal).Replace("address.", "", StringComparison.Ordinal)));
            return Page();
        }
    }

    public async Task<IActionResult> OnPostUserAsync(string? email, string? displayName, string? password, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        try
        {
            await commands.CreateUserAsync(new NewUser(Organisation.Id, email ?? "", displayName ?? "", password ?? ""), User.Actor(), cancellationToken);
            return Redirect("/account/settings?saved=true");
        }
        catch (ValidationFailedException exception)
        {
            FieldErrors.AddTo(ModelState, exception, key => "User." + FieldErrors.Pascal(key));
            return Page();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await queries.FindOrganisationAsync(User.OrganisationId(), cancellationToken) is not { } organisation)
        {
            return false;
        }

        Organisation = organisation;
        Users = await queries.ListUsersAsync(organisation.Id, cancellationToken);
        return true;
    }
}
