using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Demo;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages;

internal sealed class SignInModel(IAccountsCommands accounts, IOptions<DemoOptions> demo, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool DemoMode => demo.Value.Seed;

    public string DemoPassword => demo.Value.Password;

    public IReadOnlyList<(string Role, string Email, string Name, string Organisation)> DemoLogins => DemoSeeder.KnownLogins;

    public void OnGet()
    {
        if (!IsLocal(ReturnUrl))
        {
            ReturnUrl = null;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await accounts.SignInWithPasswordAsync(Input.Email, Input.Password, Input.RememberMe, cancellationToken);
        switch (outcome)
        {
            case SignInOutcome.Succeeded:
                // Only local addresses: a crafted returnUrl must not send a freshly signed-in person to another site.
                return IsLocal(ReturnUrl) ? LocalRedirect(ReturnUrl!) : RedirectToPage("/SignIn", "Continue");
            case SignInOutcome.LockedOut:
                ModelState.AddModelError(string.Empty, localizer["This account is locked after too many failed attempts. Try again in a few minutes."]);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, localizer["That email and password do not match an account. Check them and try again."]);
                return Page();
        }
    }

    /// <summary>After sign-in without a return address: each role starts in its own area.</summary>
    public IActionResult OnGetContinue() => User.Role() switch
    {
        Roles.Seller => LocalRedirect("/seller"),
        Roles.Operator => LocalRedirect("/operator"),
        Roles.Buyer => LocalRedirect("/account"),
        _ => LocalRedirect("/"),
    };

    private bool IsLocal(string? url) => !string.IsNullOrEmpty(url) && Url.IsLocalUrl(url);

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.com.")]
        [Display(Name = "Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }
}
