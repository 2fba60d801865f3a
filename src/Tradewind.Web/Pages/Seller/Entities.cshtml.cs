using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Seller;

/// <summary>
/// "Legal entities &amp; payouts": the seller's legal entities with their KYC status, tax forms, payout accounts (only
/// their last four characters are ever shown) and payout currencies. Every change is a plain form post.
/// </summary>
internal sealed class EntitiesModel(IAccountsQueries queries, IAccountsCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The jurisdictions offered in the form; the module decides what is eligible.</summary>
    public static readonly IReadOnlyList<string> PayoutCurrencies = ["USD", "EUR", "GBP", "AUD", "JPY", "INR"];

    [BindProperty]
    public NewEntityForm NewEntity { get; set; } = new();

    public IReadOnlyList<EntityView> Entities { get; private set; } = [];

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>The entity whose form failed, so the page opens that form again.</summary>
    public Guid? FailedEntity { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddEntityAsync(CancellationToken cancellationToken)
    {
        var form = NewEntity;
        return await RunAsync(
            async () =>
            {
                var created = await commands.CreateSellerEntityAsync(
                    User.OrganisationId(),
                    new NewSellerEntity(form.LegalName ?? "", form.CountryCode ?? "", new PostalAddress(form.Line1 ?? "", form.Line2, form.City ?? "", form.PostalCode, form.Region, form.CountryCode ?? ""), form.TaxId ?? ""),
                    User.Actor(),
                    cancellationToken);
                StatusMessage = localizer["“{0}” is registered. Upload its {1} so the operator can review it.", created.LegalName, created.RequiredTaxForm];
            },
            null,
            cancellationToken);
    }

    public async Task<IActionResult> OnPostUploadTaxFormAsync(Guid entityId, IFormFile? taxForm, CancellationToken cancellationToken) =>
        await RunAsync(
            async () =>
            {
                if (taxForm is null || taxForm.Length == 0)
                {
                    throw new ValidationFailedException("file", localizer["Choose the PDF of the signed tax form."]);
                }

                if (taxForm.Length > TaxFormFile.MaxBytes)
                {
                    throw new ValidationFailedException("file", localizer["The tax form is larger than 5 MB; scan it at a lower resolution."]);
                }

                using var buffer = new MemoryStream();
                await taxForm.CopyToAsync(buffer, cancellationToken);
                await commands.UploadTaxFormAsync(User.OrganisationId(), SellerEntityId.From(entityId), new TaxFormFile(taxForm.FileName, buffer.ToArray()), User.Actor(), cancellationToken);
                StatusMessage = localizer["The tax form was uploaded."];
            },
            entityId,
            cancellationToken);

    public async Task<IActionResult> OnPostAddAccountAsync(
        Guid entityId, string? accountCountry, string? accountCurrency, string? holderName, string? iban, string? accountNumber, string? bic, string? routingCode,
        CancellationToken cancellationToken) =>
        await RunAsync(
            async () =>
            {
                var account = await commands.AddBankAccountAsync(
                    User.OrganisationId(),
                    SellerEntityId.From(entityId),
                    new NewBankAccount(accountCountry ?? "", accountCurrency ?? "", holderName ?? "", iban, accountNumber, bic, routingCode),
                    User.Actor(),
                    cancellationToken);
                StatusMessage = localizer["Two small deposits are on their way to the account ending {0}. Enter their amounts when they arrive.", account.Last4];
            },
            entityId,
            cancellationToken);

    public async Task<IActionResult> OnPostVerifyAccountAsync(Guid entityId, Guid accountId, string? amount1, string? amount2, CancellationToken cancellationToken) =>
        await RunAsync(
            async () =>
            {
                var amounts = new[] { amount1, amount2 }.Select(a =>
                    decimal.TryParse(a?.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                    || decimal.TryParse(a?.Trim(), NumberStyles.Number, CultureInfo.CurrentCulture, out value)
                        ? value
                        : throw new ValidationFailedException("amounts", localizer["Give each amount as a number, for example 0.32."])).ToList();
                var account = await commands.ConfirmMicroDepositsAsync(
                    User.OrganisationId(), SellerEntityId.From(entityId), BankAccountId.From(accountId), amounts, User.Actor(), cancellationToken);
                StatusMessage = localizer["The account ending {0} is verified.", account.Last4];
            },
            entityId,
            cancellationToken);

    public async Task<IActionResult> OnPostSetCurrencyAsync(Guid entityId, string? currency, Guid? accountId, CancellationToken cancellationToken) =>
        await RunAsync(
            async () =>
            {
                if (accountId is not { } id || id == Guid.Empty)
                {
                    throw new ValidationFailedException("accountId", localizer["Choose the verified account that receives this currency."]);
                }

                var set = await commands.SetPayoutCurrencyAsync(User.OrganisationId(), SellerEntityId.From(entityId), currency ?? "", BankAccountId.From(id), User.Actor(), cancellationToken);
                StatusMessage = localizer["Payouts in {0} go to the account ending {1}.", set.CurrencyCode, set.Last4];
            },
            entityId,
            cancellationToken);

    public async Task<IActionResult> OnPostDisableCurrencyAsync(Guid entityId, string? currency, CancellationToken cancellationToken) =>
        await RunAsync(
            async () =>
            {
                await commands.DisablePayoutCurrencyAsync(User.OrganisationId(), SellerEntityId.From(entityId), currency ?? "", User.Actor(), cancellationToken);
                StatusMessage = localizer["Payouts in {0} are turned off.", currency ?? ""];
            },
            entityId,
            cancellationToken);

    /// <summary>The seller's own tax form, for download.</summary>
    public async Task<IActionResult> OnGetTaxFormAsync(Guid id, CancellationToken cancellationToken) =>
        await queries.GetTaxFormAsync(SellerEntityId.From(id), User.OrganisationId(), cancellationToken) is { } form
            ? File(form.Content, "application/pdf", form.FileName)
            : NotFound();

    private async Task<IActionResult> RunAsync(Func<Task> action, Guid? entityId, CancellationToken cancellationToken)
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

        FailedEntity = entityId;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var views = new List<EntityView>();
        foreach (var entity in await queries.ListSellerEntitiesAsync(User.OrganisationId(), cancellationToken))
        {
            views.Add(new EntityView(
                entity,
                await queries.ListBankAccountsAsync(entity.Id, User.OrganisationId(), cancellationToken),
                await queries.ListPayoutCurrenciesAsync(entity.Id, User.OrganisationId(), cancellationToken)));
        }

        Entities = views;
    }

    public sealed record EntityView(SellerEntityDto Entity, IReadOnlyList<BankAccountDto> Accounts, IReadOnlyList<PayoutCurrencyDto> Currencies);

    public sealed class NewEntityForm
    {
        public string? LegalName { get; set; }

        public string? CountryCode { get; set; }

        public string? Line1 { get; set; }

        public string? Line2 { get; set; }

        public string? City { get; set; }

        public string? PostalCode { get; set; }

        public string? Region { get; set; }

        public string? TaxId { get; set; }
    }
}
