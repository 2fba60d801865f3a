using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Accounts;
using Tradewind.Contracts.Events;
using Tradewind.Persistence;
using Tradewind.Persistence.Outbox;
using Tradewind.Web.Tests.Infrastructure;

namespace Tradewind.Web.Tests;

public sealed class OutboxTests(OutboxTests.AppWithConsumer app) : IClassFixture<OutboxTests.AppWithConsumer>
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Events_are_delivered_once_and_marked_processed()
    {
        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        await processor.DispatchPendingAsync(_ct);
        var deliveredBefore = app.Consumer.Received.Count;
        var organisation = await app.WithScopeAsync(s => s.GetRequiredService<IAccountsCommands>()
            .CreateOrganisationAsync(new NewOrganisation("Omicron Oy", OrganisationKind.Buyer, "FI"), "test", _ct));

        var first = await processor.DispatchPendingAsync(_ct);
        var second = await processor.DispatchPendingAsync(_ct);

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var received = Assert.Single(app.Consumer.Received.Skip(deliveredBefore));
        Assert.Equal(organisation.Id, received.OrganisationId);
        Assert.Equal(OrganisationKind.Buyer, received.Kind);
        await app.WithScopeAsync(async s =>
        {
            var message = await s.GetRequiredService<TradewindDbContext>().OutboxMessages
                .SingleAsync(m => m.Payload.Contains(organisation.Id.ToString()), _ct);
            Assert.NotNull(message.ProcessedAt);
            Assert.Null(message.LockedUntil);
            return 0;
        });
    }

    [Fact]
    public async Task A_failing_consumer_leaves_the_event_pending_with_its_error()
    {
        var processor = app.Services.GetRequiredService<OutboxProcessor>();
        await processor.DispatchPendingAsync(_ct);
        app.Consumer.FailNext = true;
        var organisation = await app.WithScopeAsync(s => s.GetRequiredService<IAccountsCommands>()
            .CreateOrganisationAsync(new NewOrganisation("Pi Oy", OrganisationKind.Buyer, "FI"), "test", _ct));

        var delivered = await processor.DispatchPendingAsync(_ct);

        Assert.Equal(0, delivered);
        await app.WithScopeAsync(async s =>
        {
            var message = await s.GetRequiredService<TradewindDbContext>().OutboxMessages.SingleAsync(m => m.Payload.Contains(organisation.Id.ToString()), _ct);
            Assert.Equal(1, message.Attempts);
            Assert.Contains("consumer refused", message.LastError, StringComparison.Ordinal);
            Assert.NotNull(message.LockedUntil);
            return 0;
        });
    }

    public sealed class RecordingConsumer : IIntegrationEventConsumer<OrganisationCreated>
    {
        public List<OrganisationCreated> Received { get; } = [];

        public bool FailNext { get; set; }

        public Task ConsumeAsync(OrganisationCreated integrationEvent, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new InvalidOperationException("consumer refused");
            }

            Received.Add(integrationEvent);
            return Task.CompletedTask;
        }
    }

    public sealed class AppWithConsumer : TradewindApp
    {
        public RecordingConsumer Consumer { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services => services.AddSingleton<IIntegrationEventConsumer<OrganisationCreated>>(Consumer));
        }
    }
}
