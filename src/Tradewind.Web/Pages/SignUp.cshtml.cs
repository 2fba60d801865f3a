using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Pages.Shared;

namespace Tradewind.Web.Pages;

/// <summary>Self-service buyer sign-up: the organisation, its billing profile and the first user, then signed in.</summary>
internal sealed class SignUpModel(IAccountsCommands accounts) : PageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
        Input.Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        if (!IsLocal(ReturnUrl))
        {
            ReturnUrl = null;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var i = Input;
        try
        {
            await accounts.SignUpBuyerAsync(
                new BuyerSignUp(
                    i.OrganisationName ?? "",
                    i.CountryCode ?? "",
                    i.SubdivisionCode,
                    new BuyerProfileInput(new PostalAddress(i.AddressLine1 ?? "", i.AddressLine2, i.City ?? "", i.PostalCode, null, i.CountryCode ?? ""), i.TaxId, i.InvoiceCurrency ?? "", i.Language ?? "", i.TimeZone ?? ""),
                    i.Email ?? "",
                    i.DisplayName ?? "",
                    i.Password ?? ""),
                cancellationToken);
        }
        catch (ValidationFailedException exception)
        {
            FieldErrors.AddTo(ModelState, exception, key => "Input." + FieldErrors.Pascal(key.Replace("address.line", "addressLine", StringComparison.Ordinal).Replace("address.", "", StringComparison.Ordinal)));
            return Page();
        }

        await accounts.SignInWithPasswordAsync(i.Email!, i.Password!, remember: false, cancellationToken);
        return IsLocal(ReturnUrl) ? LocalRedirect(ReturnUrl!) : LocalRedirect("/account");
    }

    private bool IsLocal(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url);

    public sealed class SignUpInput
    {
        public string? OrganisationName { get; set; }

        public string? CountryCode { get; set; }

        public string? SubdivisionCode { get; set; }

        public string? AddressLine1 { get; set; }

        public string? AddressLine2 { get; set; }

        public string? City { get; set; }

        public string? PostalCode { get; set; }

        public string? TaxId { get; set; }

        public string? InvoiceCurrency { get; set; } = "USD";

        public string? Language { get; set; } = "en";

        public string? TimeZone { get; set; } = "UTC";

        public string? DisplayName { get; set; }

        public string? Email { get; set; }

        public string? Password { get; set; }
    }
}
