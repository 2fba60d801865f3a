using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Tradewind.Contracts.Agreements;
using Tradewind.Metering.Usage;
using Tradewind.Primitives.Ids;

namespace Tradewind.Metering.Tests.Usage;

public sealed class CustomerDirectoryTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero));
    private readonly MeteringOptions _options = new() { CustomerCacheLifetime = TimeSpan.FromMinutes(1), MaxCachedCustomers = 3 };
    private readonly IAgreementsQueries _agreements = CountingAgreements.Create();

    private CountingAgreements Counter => (CountingAgreements)(object)_agreements;

    private CustomerDirectory Directory() => new(_clock, Options.Create(_options));

    private Task<(IReadOnlyDictionary<string, MeteringCustomer> ByIdentifier, IReadOnlyDictionary<AgreementId, MeteringCustomer> ByAgreement)> FindAsync(
        CustomerDirectory directory, params string[] identifiers) =>
        directory.FindAsync(_agreements, identifiers, [], Since, TestContext.Current.CancellationToken);

    [Fact]
    public async Task A_known_customer_is_read_once_within_the_lifetime_and_again_after_it()
    {
        var directory = Directory();
        var first = await FindAsync(directory, "a", "b");
        Assert.Equal(["a", "b"], first.ByIdentifier.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(1, Counter.Queries);

        _clock.Advance(TimeSpan.FromSeconds(59));
        var second = await FindAsync(directory, "a", "b");
        Assert.Same(first.ByIdentifier["a"], second.ByIdentifier["a"]);
        Assert.Equal(1, Counter.Queries);

        _clock.Advance(TimeSpan.FromSeconds(2));
        await FindAsync(directory, "a");
        Assert.Equal(2, Counter.Queries);
    }

    [Fact]
    public async Task An_unknown_customer_is_asked_for_every_time()
    {
        var directory = Directory();
        Assert.Empty((await FindAsync(directory, "missing")).ByIdentifier);
        Assert.Empty((await FindAsync(directory, "missing")).ByIdentifier);
        Assert.Equal(2, Counter.Queries);
    }

    [Fact]
    public async Task An_agreement_event_forgets_its_customer_at_once()
    {
        var directory = Directory();
        var found = await FindAsync(directory, "a", "b");
        var agreementOfA = found.ByIdentifier["a"].Agreements[0].AgreementId;
        var invalidation = new CustomerDirectoryInvalidation(directory);

        await invalidation.ConsumeAsync(
            new AgreementSuspended(agreementOfA, new OrganisationId(Guid.CreateVersion7()), new OrganisationId(Guid.CreateVersion7()), new ProductId(Guid.CreateVersion7()), "test", Since),
            TestContext.Current.CancellationToken);
        await FindAsync(directory, "b");
        Assert.Equal(1, Counter.Queries);
        await FindAsync(directory, "a");
        Assert.Equal(2, Counter.Queries);
        Assert.Equal(["a"], Counter.LastAsked);

        await invalidation.ConsumeAsync(
            new AgreementCreated(new AgreementId(Guid.CreateVersion7()), new OrganisationId(Guid.CreateVersion7()), new OrganisationId(Guid.CreateVersion7()),
                new ProductId(Guid.CreateVersion7()), new PlanId(Guid.CreateVersion7()), 1, "b", false, Since),
            TestContext.Current.CancellationToken);
        await FindAsync(directory, "b");
        Assert.Equal(3, Counter.Queries);
        Assert.Equal(["b"], Counter.LastAsked);
    }

    [Fact]
    public async Task A_customer_named_by_agreement_is_served_from_memory_too()
    {
        var directory = Directory();
        var agreement = (await FindAsync(directory, "a")).ByIdentifier["a"].Agreements[0].AgreementId;
        var byAgreement = await directory.FindAsync(_agreements, [], [agreement], Since, TestContext.Current.CancellationToken);
        Assert.Equal("a", byAgreement.ByAgreement[agreement].CustomerIdentifier);
        Assert.Equal(1, Counter.Queries);
    }

    [Fact]
    public async Task An_earlier_since_than_the_kept_one_is_read_afresh()
    {
        var directory = Directory();
        await FindAsync(directory, "a");
        await directory.FindAsync(_agreements, ["a"], [], Since.AddDays(-1), TestContext.Current.CancellationToken);
        Assert.Equal(2, Counter.Queries);
    }

    [Fact]
    public async Task The_cache_is_bounded()
    {
        var directory = Directory();
        await FindAsync(directory, "a", "b", "c");
        await FindAsync(directory, "d", "e");
        Assert.InRange(directory.Count, 1, _options.MaxCachedCustomers);
    }

    [Fact]
    public async Task A_zero_lifetime_keeps_nothing()
    {
        _options.CustomerCacheLifetime = TimeSpan.Zero;
        var directory = Directory();
        await FindAsync(directory, "a");
        await FindAsync(directory, "a");
        Assert.Equal(2, Counter.Queries);
        Assert.Equal(0, directory.Count);
    }

    /// <summary>Agreements with one customer per identifier except "missing"; counts the metering look-ups.</summary>
    public class CountingAgreements : DispatchProxy
    {
        private static readonly OrganisationId Seller = new(Guid.CreateVersion7());
        private static readonly ProductId Product = new(Guid.CreateVersion7());
        private readonly Dictionary<string, AgreementId> _agreementIds = new(StringComparer.Ordinal);

        public int Queries { get; private set; }

        public IReadOnlyList<string> LastAsked { get; private set; } = [];

        public static IAgreementsQueries Create() => Create<IAgreementsQueries, CountingAgreements>();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name != nameof(IAgreementsQueries.FindMeteringCustomersAsync) || args is null)
            {
                throw new NotSupportedException(targetMethod?.Name);
            }

            Queries++;
            var identifiers = ((IReadOnlyCollection<string>)args[0]!).ToList();
            var byAgreement = (IReadOnlyCollection<AgreementId>)args[1]!;
            identifiers.AddRange(_agreementIds.Where(p => byAgreement.Contains(p.Value)).Select(p => p.Key));
            LastAsked = identifiers;
            IReadOnlyList<MeteringCustomer> found = identifiers.Where(i => i != "missing").Distinct(StringComparer.Ordinal).Select(Customer).ToList();
            return Task.FromResult(found);
        }

        private MeteringCustomer Customer(string identifier)
        {
            if (!_agreementIds.TryGetValue(identifier, out var id))
            {
                id = new AgreementId(Guid.CreateVersion7());
                _agreementIds[identifier] = id;
            }

            return new MeteringCustomer(identifier, Product, Seller, new OrganisationId(Guid.CreateVersion7()), "Buyer",
                [new MeteringAgreement(id, AgreementStatus.Active, Since, null, ["requests"], [], null)]);
        }
    }
}
