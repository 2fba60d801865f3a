using Microsoft.EntityFrameworkCore;
using Tradewind.Contracts;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Payments;
using Tradewind.Persistence;
using Tradewind.Primitives.Ids;
using Tradewind.Primitives.Money;

namespace Tradewind.Payments.Collections;

internal sealed class CollectionsQueries(TradewindDbContext db, IPaymentGateway gateway) : ICollectionsQueries
{
    public PaymentGatewayDto Gateway => new(gateway.Name, gateway.IsSandbox, gateway.IsSandbox ? SandboxGateway.TestCards : []);

    public async Task<IReadOnlyList<PaymentMethodDto>> ListPaymentMethodsAsync(OrganisationId buyerId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<PaymentMethod>().AsNoTracking().Where(m => m.BuyerId == buyerId)
            .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).ToListAsync(cancellationToken);
        var defaultId = rows.FirstOrDefault(m => m.Gateway == gateway.Name)?.Id;
        return rows.Select(m => ToDto(m, gateway, m.Id == defaultId)).ToList();
    }

    public async Task<Page<PaymentDto>> ListPaymentsAsync(PaymentFilter filter, CollectionsCaller caller, PageRequest page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(caller);
        var query = Scoped(caller);
        if (filter.InvoiceId is { } invoiceId)
        {
            query = query.Where(p => p.InvoiceId == invoiceId);
        }

        if (filter.BuyerId is { } buyerId)
        {
            query = query.Where(p => p.BuyerId == buyerId);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Skip(page.Skip).Take(page.Size).ToListAsync(cancellationToken);
        return new Page<PaymentDto>(rows.Select(p => ToDto(p)).ToList(), page.Number, page.Size, total);
    }

    public async Task<PaymentDto?> FindPaymentAsync(PaymentId id, CollectionsCaller caller, CancellationToken cancellationToken)
    {
        var row = await Scoped(caller).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return row is null ? null : ToDto(row);
    }

    public async Task<IReadOnlyList<RefundDto>> ListRefundsAsync(InvoiceId invoiceId, CancellationToken cancellationToken)
    {
        var payments = db.Set<Payment>().Where(p => p.InvoiceId == invoiceId).Select(p => p.Id);
        var rows = await db.Set<Refund>().AsNoTracking()
            .Where(r => r.CreditNoteId == invoiceId || payments.Contains(r.PaymentId))
            .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var unit = Currency.FromCode(r.Currency);
            return new RefundDto(r.Id, r.CreditNoteId, r.PaymentId, Money.FromMinor(r.AmountMinor, unit), r.Status, r.GatewayReference, r.CreatedAt, r.CompletedAt);
        }).ToList();
    }

    public async Task<IReadOnlyList<DunningStepDto>> ListDunningStepsAsync(InvoiceId? invoiceId, CancellationToken cancellationToken)
    {
        var query = db.Set<DunningStep>().AsNoTracking();
        if (invoiceId is { } id)
        {
            query = query.Where(s => s.InvoiceId == id);
        }

        var rows = await query.OrderBy(s => s.TakenAt).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return rows.Select(ToDto).ToList();
    }

    private IQueryable<Payment> Scoped(CollectionsCaller caller)
    {
        var query = db.Set<Payment>().AsNoTracking();
        return caller.Role == Roles.Operator ? query : query.Where(p => p.BuyerId == caller.OrganisationId);
    }

    public static PaymentMethodDto ToDto(PaymentMethod m, IPaymentGateway gateway, bool isDefault) =>
        new(m.Id, m.BuyerId, m.Gateway, m.Gateway == SandboxGateway.GatewayName, m.Brand, m.Last4, m.ExpMonth, m.ExpYear, isDefault && m.Gateway == gateway.Name, m.CreatedAt);

    public static PaymentDto ToDto(Payment p)
    {
        var unit = Currency.FromCode(p.Currency);
        return new PaymentDto(
            p.Id, p.InvoiceId, p.InvoiceNumber, p.BuyerId, p.PaymentMethodId, p.CardBrand, p.CardLast4, Money.FromMinor(p.AmountMinor, unit), p.Status,
            p.Gateway, p.Gateway == SandboxGateway.GatewayName, p.GatewayReference, p.DeclineCode, p.Message, p.Trigger, p.IdempotencyKey, p.CreatedAt, p.CompletedAt,
            Money.FromMinor(p.RefundedMinor, unit));
    }

    public static DunningStepDto ToDto(DunningStep s) => new(
        s.InvoiceId, s.InvoiceNumber, s.BuyerId, s.Step, s.DueAt, s.TakenAt, s.Outcome, s.PaymentId,
        s.Agreements.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(AgreementId.Parse).ToList(), s.Actor);
}
