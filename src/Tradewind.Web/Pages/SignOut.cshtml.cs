using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts.Accounts;

namespace Tradewind.Web.Pages;

/// <summary>Signing out changes state, so it is a POST; a GET only asks for confirmation.</summary>
internal sealed class SignOutModel(IAccountsCommands accounts) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await accounts.SignOutAsync();
        return LocalRedirect("/");
    }
}
