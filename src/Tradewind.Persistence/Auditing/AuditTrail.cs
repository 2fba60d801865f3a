namespace Tradewind.Persistence.Auditing;

/// <summary>Adds audit lines to the current unit of work; they commit with the caller's change or not at all.</summary>
public sealed class AuditTrail(TradewindDbContext db, TimeProvider clock)
{
    public void Record(string actor, Guid? organisationId, string action, string subject, string details = "")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var now = clock.GetUtcNow();
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(now),
            At = now,
            Actor = actor,
            OrganisationId = organisationId,
            Action = action,
            Subject = subject,
            Details = details.Length > 4000 ? details[..4000] : details,
        });
    }
}
