using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Tradewind.Primitives.Ids;

namespace Tradewind.Agreements.Agreements;

/// <summary>
/// A buyer as one product's seller knows it: <see cref="Identifier"/> is the AWS-style <c>CustomerIdentifier</c>, the same
/// for every agreement of the buyer with the product (a resubscribe keeps it), different for every product, and says
/// nothing about the buyer. 13 characters from an unambiguous alphabet, e.g. <c>TW7QK2M9XAB4C</c>.
/// </summary>
internal sealed class Customer
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public Guid Id { get; init; }

    public required string Identifier { get; init; }

    public OrganisationId BuyerId { get; init; }

    public ProductId ProductId { get; init; }

    public OrganisationId SellerId { get; init; }

    /// <summary>Whether the buyer has had the product's free trial: a trial is offered once per buyer and product.</summary>
    public bool HadTrial { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>How many agreements the buyer made for the product; a concurrency token, so two subscribes at once cannot both succeed.</summary>
    public int Subscriptions { get; set; }

    public static string NewIdentifier() => "TW" + RandomNumberGenerator.GetString(Alphabet, 11);

    /// <summary>
    /// The buyer's customer row for the product, added to <paramref name="db"/> when it is the buyer's first agreement for
    /// it, and counted (<see cref="Subscriptions"/>): touching the row serialises two agreements for one buyer and product.
    /// </summary>
    public static async Task<Customer> ForNewAgreementAsync(DbContext db, OrganisationId buyerId, ProductId productId, OrganisationId sellerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var customer = await db.Set<Customer>().SingleOrDefaultAsync(c => c.BuyerId == buyerId && c.ProductId == productId, cancellationToken);
        if (customer is null)
        {
            customer = new Customer
            {
                Id = Guid.CreateVersion7(now),
                Identifier = NewIdentifier(),
                BuyerId = buyerId,
                ProductId = productId,
                SellerId = sellerId,
                CreatedAt = now,
            };
            db.Add(customer);
        }

        customer.Subscriptions++;
        return customer;
    }
}
