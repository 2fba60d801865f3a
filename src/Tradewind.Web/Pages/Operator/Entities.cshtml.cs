using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Operator;

/// <summary>
/// The operator's legal entities: their details, tax registrations, invoice series, collection accounts (last four
/// only) and currencies. One form creates an entity or, opened with <c>?code=</c>, edits one; more tax registrations
/// and accounts than the form holds go through the API.
/// </summary>
internal sealed class EntitiesModel(IAccountsQueries queries, IAccountsCommands commands, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<OperatorEntityDto> Entities { get; private set; } = [];

    [BindProperty]
    public EntityForm Form { get; set; } = new();

    /// <summary>The code of the entity being edited; null when the form creates one.</summary>
    public string? Editing { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? ErrorMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken cancellationToken)
    {
        Entities = await queries.ListOperatorEntitiesAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(code))
        {
            var entity = Entities.FirstOrDefault(e => string.Equals(e.Code, code, StringComparison.OrdinalIgnoreCase));
            if (entity is null)
            {
                return NotFound();
            }

            Editing = entity.Code;
            Form = EntityForm.From(entity);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string? editing, CancellationToken cancellationToken)
    {
        var f = Form;
        var registrations = string.IsNullOrWhiteSpace(f.TaxNumber) ? [] : new List<TaxRegistrationDto> { new(f.TaxCountry ?? f.CountryCode ?? "", null, f.TaxNumber) };
        var accounts = string.IsNullOrWhiteSpace(f.AccountIban) && string.IsNullOrWhiteSpace(f.AccountNumber)
            ? null
            : new List<NewCollectionAccount> { new(f.AccountCountry ?? f.CountryCode ?? "", f.AccountCurrency ?? f.CurrencyCode ?? "", f.AccountHolder ?? f.LegalName ?? "", f.AccountIban, f.AccountNumber, null, f.AccountRouting) };
        var input = new NewOperatorEntity(
            f.Code ?? editing ?? "",
            f.LegalName ?? "",
            f.CountryCode ?? "",
            new PostalAddress(f.Line1 ?? "", f.Line2, f.City ?? "", f.PostalCode, f.Region, f.CountryCode ?? ""),
            f.CurrencyCode ?? "",
            (f.AcceptedCurrencies ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            registrations,
            new InvoiceSeriesDto(f.InvoicePrefix ?? "", f.InvoiceNextNumber ?? 0),
            accounts,
            f.ServesRegion ?? "",
            string.IsNullOrWhiteSpace(f.PeppolParticipantId) ? null : f.PeppolParticipantId,
            string.IsNullOrWhiteSpace(f.SepaCreditorId) ? null : f.SepaCreditorId);
        try
        {
            var saved = string.IsNullOrWhiteSpace(editing)
                ? await commands.CreateOperatorEntityAsync(input, User.Actor(), cancellationToken)
                : await commands.UpdateOperatorEntityAsync(editing, input with { TaxRegistrations = await MergedRegistrationsAsync(editing, registrations, cancellationToken) }, User.Actor(), cancellationToken);
            StatusMessage = localizer["Entity {0} — {1} is saved.", saved.Code, saved.LegalName];
            return RedirectToPage();
        }
        catch (ValidationFailedException validation)
        {
            ErrorMessage = string.Join(" ", validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        }
        catch (DomainException refused) when (refused.Kind != DomainErrorKind.NotFound)
        {
            ErrorMessage = refused.Message;
        }

        Editing = string.IsNullOrWhiteSpace(editing) ? null : editing;
        Entities = await queries.ListOperatorEntitiesAsync(cancellationToken);
        return Page();
    }

    // The form edits the registration in the entity's own country; registrations elsewhere are kept as they are.
    private async Task<IReadOnlyList<TaxRegistrationDto>> MergedRegistrationsAsync(string code, IReadOnlyList<TaxRegistrationDto> fromForm, CancellationToken cancellationToken)
    {
        var existing = (await queries.FindOperatorEntityAsync(code, cancellationToken))?.TaxRegistrations ?? [];
        var home = Form.TaxCountry ?? Form.CountryCode ?? "";
        return [.. fromForm, .. existing.Where(r => r.SubdivisionCode is not null || !string.Equals(r.CountryCode, home, StringComparison.OrdinalIgnoreCase))];
    }

    public sealed class EntityForm
    {
        public string? Code { get; set; }

        public string? LegalName { get; set; }

        public string? CountryCode { get; set; }

        public string? Line1 { get; set; }

        public string? Line2 { get; set; }

        public string? City { get; set; }

        public string? PostalCode { get; set; }

        public string? Region { get; set; }

        public string? CurrencyCode { get; set; }

        public string? AcceptedCurrencies { get; set; }

        public string? TaxCountry { get; set; }

        public string? TaxNumber { get; set; }

        public string? InvoicePrefix { get; set; }

        public long? InvoiceNextNumber { get; set; } = 1;

        public string? ServesRegion { get; set; }

        /// <summary>Optional; empty derives the electronic address from the VAT number, ABN or Japanese registration number.</summary>
        public string? PeppolParticipantId { get; set; }

        /// <summary>Optional; the entity collects SEPA direct debits only when it has one.</summary>
        public string? SepaCreditorId { get; set; }

        public string? AccountCountry { get; set; }

        public string? AccountCurrency { get; set; }

        public string? AccountHolder { get; set; }

        public string? AccountIban { get; set; }

        public string? AccountNumber { get; set; }

        public string? AccountRouting { get; set; }

        public static EntityForm From(OperatorEntityDto e)
        {
            var home = e.TaxRegistrations.FirstOrDefault(r => r.SubdivisionCode is null && r.CountryCode == e.CountryCode) ?? (e.TaxRegistrations.Count > 0 ? e.TaxRegistrations[0] : null);
            return new EntityForm
            {
                Code = e.Code,
                LegalName = e.LegalName,
                CountryCode = e.CountryCode,
                Line1 = e.Address.Line1,
                Line2 = e.Address.Line2,
                City = e.Address.City,
                PostalCode = e.Address.PostalCode,
                Region = e.Address.Region,
                CurrencyCode = e.CurrencyCode,
                AcceptedCurrencies = string.Join(", ", e.AcceptedCurrencies),
                TaxCountry = home?.CountryCode,
                TaxNumber = home?.Number,
                InvoicePrefix = e.InvoiceSeries.Prefix,
                InvoiceNextNumber = e.InvoiceSeries.NextNumber,
                ServesRegion = e.ServesRegion,
                PeppolParticipantId = e.PeppolParticipantId,
                SepaCreditorId = e.SepaCreditorId,
            };
        }
    }
}
