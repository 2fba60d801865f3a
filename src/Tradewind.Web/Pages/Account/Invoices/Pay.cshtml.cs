using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tradewind.Contracts;
using Tradewind.Contracts.Billing;
using Tradewind.Contracts.Payments;
using Tradewind.Primitives.Ids;
using Tradewind.Web.Api;
using Tradewind.Web.Pages.Shared;
using Tradewind.Web.Security;

namespace Tradewind.Web.Pages.Account.Invoices;

/// <summary>
/// The buyer pays an open invoice in full by card: a saved card or a new one (saved first). The form carries an
/// idempotency key made when the page was shown, so submitting it twice charges once. The sandbox gateway is labelled
/// and lists its test cards.
/// </summary>
internal sealed class PayModel(IBillingQueries billing, ICollectionsQueries queries, ICollectionsCommands commands) : PageModel
{
    public InvoiceDto Invoice { get; private set; } = null!;

    public PaymentGatewayDto Gateway => queries.Gateway;

    public IReadOnlyList<PaymentMethodDto> Methods { get; private set; } = [];

    public PaymentDto? Result { get; private set; }

    public string? Error { get; private set; }

    [BindProperty]
    public PayInput Input { get; set; } = new();

    public bool Payable => Invoice.Kind == InvoiceKind.Invoice && Invoice.Status == InvoiceStatus.Finalized;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input = new PayInput { IdempotencyKey = Guid.NewGuid().ToString(), PaymentMethodId = Methods.FirstOrDefault(m => m.IsDefault)?.Id.Value };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var card = Input.PaymentMethodId is null
            ? new NewCard(Input.Number, Input.ExpMonth ?? 0, Input.ExpYear ?? 0, Input.Cvc)
            : null;
        try
        {
            Result = await commands.PayInvoiceAsync(
                new PayInvoiceRequest(Invoice.Id, Input.PaymentMethodId is { } m ? new PaymentMethodId(m) : null, card, null, Input.IdempotencyKey ?? Guid.NewGuid().ToString()),
                User.CollectionsCaller(),
                cancellationToken);
        }
        catch (DomainException e)
        {
            Error = FieldErrors.Sentence(e);
        }

        await LoadAsync(id, cancellationToken);
        if (Result is { Status: not PaymentStatus.Succeeded })
        {
            // A new attempt needs a new key; the declined one stays as it is.
            Input = new PayInput { IdempotencyKey = Guid.NewGuid().ToString(), PaymentMethodId = Input.PaymentMethodId };
            ModelState.Clear();
        }

        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (id == Guid.Empty || await billing.FindInvoiceAsync(InvoiceId.From(id), InvoiceLabels.Caller(User), cancellationToken) is not { } invoice)
        {
            return false;
        }

        Invoice = invoice;
        Methods = (await queries.ListPaymentMethodsAsync(User.OrganisationId(), cancellationToken)).Where(m => m.Gateway == Gateway.Name).ToList();
        return true;
    }

    internal sealed class PayInput
    {
        public string? IdempotencyKey { get; set; }

        /// <summary>A saved card, or null for a new one.</summary>
        public Guid? PaymentMethodId { get; set; }

        public string? Number { get; set; }

        public int? ExpMonth { get; set; }

        public int? ExpYear { get; set; }

        public string? Cvc { get; set; }
    }
}
