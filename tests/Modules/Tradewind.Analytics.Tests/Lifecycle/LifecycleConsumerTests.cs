using Microsoft.EntityFrameworkCore;
using Tradewind.Analytics.Events;
using Tradewind.Analytics.Lifecycle;
using Tradewind.Analytics.Lifecycle.Rollups;
using Tradewind.Contracts.Agreements;
using Tradewind.Contracts.Analytics;
using Tradewind.Primitives.Ids;

namespace Tradewind.Analytics.Tests.Lifecycle;

public sealed class LifecycleConsumerTests : IAsyncLifetime
{
    private readonly LifecycleStore _store = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;
    private static readonly OrganisationId Seller = new(Guid.CreateVersion7());
    private static readonly OrganisationId Buyer = new(Guid.CreateVersion7());
    private static readonly ProductId Product = new(Guid.CreateVersion7());

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _store.DisposeAsync();

    [Fact]
    public async Task The_same_agreement_created_twice_stores_one_trial_started_row()
    {
        var created = new AgreementCreated(new AgreementId(Guid.CreateVersion7()), Buyer, Seller, Product, new PlanId(Guid.CreateVersion7()), 1, "cust-1", true, new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));

        await _store.Consumers.ConsumeAsync(created, _ct);
        await _store.Consumers.ConsumeAsync(created, _ct);

        var row = Assert.Single(await _store.Db.Set<AnalyticsEvent>().ToListAsync(_ct));
        Assert.Equal(AnalyticsEventNames.TrialStarted, row.Name);
        Assert.Equal($"trial_started:{created.AgreementId}", row.DedupeKey);
        Assert.Equal(OfferTypes.PublicFreeTrial, row.OfferType);
        Assert.Equal("JP", row.Country);
        Assert.Equal("""{"trialDays":14}""", row.Detail);
        Assert.Equal(created.OccurredAt, row.OccurredAt);
        Assert.Equal((Seller, Product, Buyer, created.AgreementId), (row.SellerId!.Value, row.ProductId!.Value, row.BuyerId!.Value, row.AgreementId!.Value));
    }

    [Fact]
    public async Task A_row_stored_by_another_node_first_makes_the_append_a_no_op()
    {
        var writer = new LifecycleEventWriter(_store.Db);
        AnalyticsEvent Row() => new() { Id = Guid.CreateVersion7(), Name = AnalyticsEventNames.FirstUsage, DedupeKey = "first_usage:x", OccurredAt = _store.Clock.GetUtcNow() };

        Assert.True(await writer.AppendAsync(Row(), _ct));
        Assert.False(await writer.AppendAsync(Row(), _ct));
        Assert.Equal(1, await _store.Db.Set<AnalyticsEvent>().CountAsync(_ct));
    }

    [Fact]
    public async Task Offer_events_carry_the_offer_and_its_contract_value_and_cancellations_their_reason()
    {
        var offer = new PrivateOfferId(Guid.CreateVersion7());
        var sent = new PrivateOfferPublished(offer, Seller, Product, Buyer, "EUR", 1_200_000, new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));
        var accepted = new PrivateOfferAccepted(offer, new AgreementId(Guid.CreateVersion7()), null, Buyer, Seller, Product, "EUR", 1_200_000, new DateTimeOffset(2026, 11, 5, 12, 0, 0, TimeSpan.Zero));
        var cancelled = new AgreementCancelled(new AgreementId(Guid.CreateVersion7()), Buyer, Seller, Product, true, new DateTimeOffset(2026, 11, 6, 0, 0, 0, TimeSpan.Zero));

        foreach (var _ in Enumerable.Range(0, 2))
        {
            await _store.Consumers.ConsumeAsync(sent, _ct);
            await _store.Consumers.ConsumeAsync(accepted, _ct);
            await _store.Consumers.ConsumeAsync(cancelled, _ct);
        }

        var rows = await _store.Db.Set<AnalyticsEvent>().OrderBy(e => e.OccurredAt).ToListAsync(_ct);
        Assert.Equal(new[] { "private_offer_sent", "private_offer_accepted", "unsubscribed" }, rows.Select(r => r.Name));
        Assert.All(rows.Take(2), r => Assert.Equal((offer, "EUR", 1_200_000L), (r.OfferId!.Value, r.Currency!, r.AmountMinor!.Value)));
        Assert.Equal(accepted.AgreementId, rows[1].AgreementId);
        Assert.Equal("""{"reason":"cancelled_in_trial"}""", rows[2].Detail);

        var lifecycle = new LifecycleAnalytics(_store.Db, new LifecycleEventWriter(_store.Db), null!, null!, _store.Clock);
        var november = new AnalyticsRange(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 28));
        await lifecycle.RebuildAsync(november, _ct);
        await lifecycle.RebuildAsync(november, _ct);
        Assert.Equal(3, await _store.Db.Set<DailyLifecycle>().CountAsync(_ct));

        var report = await _store.Reports.GetPrivateOffersAsync(new AnalyticsScope(Seller), november, _ct);
        Assert.Equal((1, 1, 1m), (report.Sent, report.Accepted, report.AcceptanceRate));
        Assert.Equal(3.5m, report.MedianDaysToAccept);
        Assert.Equal(new ContractValue("EUR", 1_200_000), Assert.Single(report.AcceptedContractValue));
        var other = await _store.Reports.GetPrivateOffersAsync(new AnalyticsScope(new OrganisationId(Guid.CreateVersion7())), november, _ct);
        Assert.Equal(0, other.Sent);
    }
}
