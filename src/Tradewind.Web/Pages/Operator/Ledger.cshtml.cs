using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;

namespace Tradewind.Web.Pages.Operator;

/// <summary>
/// The operator's trial balance: totals per currency (debits equal credits) and every account's debits, credits and
/// balance as of the end of a day, for one issuing entity or all. Buyers and sellers are shown by name.
/// </summary>
internal sealed class LedgerModel(ILedgerQueries ledger, IAccountsQueries accounts, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? AsOf { get; set; }

    public IReadOnlyList<OperatorEntityDto> Entities { get; private set; } = [];

    public TrialBalance? Balance { get; private set; }

    public string? ErrorMessage { get; private set; }

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Entities = await accounts.ListOperatorEntitiesAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        AsOf = string.IsNullOrWhiteSpace(AsOf) ? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : AsOf.Trim();
        if (!DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            ErrorMessage = localizer["Give the day as yyyy-mm-dd."];
            return;
        }

        var endOfDay = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);
        Balance = await ledger.GetTrialBalanceAsync(string.IsNullOrWhiteSpace(Entity) ? null : Entity, null, endOfDay, cancellationToken);
        foreach (var subject in Balance.Accounts.Select(a => a.Subject).Distinct(StringComparer.Ordinal))
        {
            if (OrganisationId.TryParse(subject, out var id) && await accounts.FindOrganisationAsync(id, cancellationToken) is { } organisation)
            {
                _names[subject] = organisation.Name;
            }
        }
    }

    public string AccountName(LedgerAccountType type) => type switch
    {
        LedgerAccountType.BuyerReceivable => localizer["Buyer receivable"],
        LedgerAccountType.CashClearing => localizer["Cash clearing"],
        LedgerAccountType.FxClearing => localizer["FX clearing"],
        LedgerAccountType.SellerPayable => localizer["Seller payable"],
        LedgerAccountType.TaxPayable => localizer["Tax payable"],
        LedgerAccountType.Refunds => localizer["Refunds owed"],
        LedgerAccountType.FeeRevenue => localizer["Listing fee revenue"],
        LedgerAccountType.FxGainLoss => localizer["FX gain or loss"],
        _ => type.ToWire(),
    };

    public string SubjectName(TrialBalanceAccount account) =>
        account.Subject.Length == 0 ? "" : _names.TryGetValue(account.Subject, out var name) ? name : account.Subject;
}
