namespace Tradewind.Persistence;

/// <summary>
/// Marks an entity whose rows are written once and never changed or deleted (ledger entries, audit lines).
/// <see cref="TradewindDbContext"/> refuses to save an update or a delete of one.
/// </summary>
public interface IAppendOnly;
