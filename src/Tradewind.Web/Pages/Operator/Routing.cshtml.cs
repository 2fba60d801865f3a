using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Operator;

/// <summary>
/// The issuing-entity routing table, edited as a whole (every row, plus an empty one for a new rule), and a tester
/// that answers "which entity invoices this buyer for this seller".
/// </summary>
internal sealed class RoutingModel(IAccountsQueries queries, IAccountsCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public List<RuleRow> Rules { get; set; } = [];

    public IReadOnlyList<OperatorEntityDto> Entities { get; private set; } = [];

    public string? TestBuyer { get; private set; }

    public string? TestSeller { get; private set; }

    public IssuingEntityDto? TestAnswer { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync(string? buyerCountry, string? sellerCountry, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Rules = (await queries.ListRoutingRulesAsync(cancellationToken)).Select(RuleRow.From).Append(new RuleRow()).ToList();
        if (!string.IsNullOrWhiteSpace(buyerCountry) || !string.IsNullOrWhiteSpace(sellerCountry))
        {
            TestBuyer = buyerCountry;
            TestSeller = sellerCountry;
            try
            {
                TestAnswer = await queries.ResolveIssuingEntityAsync(buyerCountry ?? "", sellerCountry ?? "", cancellationToken);
            }
            catch (ValidationFailedException validation)
            {
                ErrorMessage = string.Join(" ", validation.Errors.SelectMany(e => e.Value));
            }
            catch (DomainException refused)
            {
                ErrorMessage = refused.Message;
            }
        }
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken cancellationToken)
    {
        var kept = Rules.Where(r => !r.Remove && !(string.IsNullOrWhiteSpace(r.BuyerCountries) && string.IsNullOrWhiteSpace(r.EntityCode))).ToList();
        var inputs = kept.Select(r => new RoutingRuleInput(
            r.Priority ?? 0,
            Split(r.BuyerCountries),
            Split(r.ExceptBuyerCountries),
            r.SellerCondition,
            r.SellerCondition == SellerCondition.SellerCountry ? r.SellerCountry : null,
            r.EntityCode ?? "")).ToList();
        try
        {
            var saved = await commands.ReplaceRoutingRulesAsync(inputs, User.Actor(), cancellationToken);
            StatusMessage = localizer["The routing table is saved: {0} rules.", saved.Count];
            return RedirectToPage();
        }
        catch (ValidationFailedException validation)
        {
            ErrorMessage = string.Join(" ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) => Entities = await queries.ListOperatorEntitiesAsync(cancellationToken);

    private static string[] Split(string? text) => (text ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public sealed class RuleRow
    {
        public int? Priority { get; set; }

        public string? BuyerCountries { get; set; }

        public string? ExceptBuyerCountries { get; set; }

        public SellerCondition SellerCondition { get; set; }

        public string? SellerCountry { get; set; }

        public string? EntityCode { get; set; }

        public bool Remove { get; set; }

        public static RuleRow From(RoutingRuleDto rule) => new()
        {
            Priority = rule.Priority,
            BuyerCountries = string.Join(", ", rule.BuyerCountries),
            ExceptBuyerCountries = string.Join(", ", rule.ExceptBuyerCountries),
            SellerCondition = rule.SellerCondition,
            SellerCountry = rule.SellerCountry,
            EntityCode = rule.EntityCode,
        };
    }
}
