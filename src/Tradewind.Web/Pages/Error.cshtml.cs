using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Tradewind.Web.Pages;

/// <summary>
/// The friendly page browsers see for an error status. Status-code pages re-execute it with the original status
/// already set, and with the original method, so it answers every method and leaves a re-executed status alone.
/// </summary>
[IgnoreAntiforgeryToken]
internal sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }

    public void OnGet(int? status) => Show(status);

    public void OnPost(int? status) => Show(status);

    private void Show(int? status)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            Status = Response.StatusCode;
            return;
        }

        Status = status is >= 400 and <= 599 ? status.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Status;
    }
}
