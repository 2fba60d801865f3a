using Microsoft.EntityFrameworkCore;

namespace Tradewind.Persistence;

/// <summary>
/// A module's share of the database model. Each module registers one; its tables carry the module's prefix
/// (<c>accounts_</c>, <c>catalog_</c>, …) and no module maps another's tables.
/// </summary>
public interface IModelContributor
{
    void Configure(ModelBuilder modelBuilder);
}
