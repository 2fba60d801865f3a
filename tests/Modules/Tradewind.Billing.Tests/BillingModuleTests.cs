using Microsoft.Extensions.DependencyInjection;
using Tradewind.Contracts.Billing;

namespace Tradewind.Billing.Tests;

public sealed class BillingModuleTests
{
    [Fact]
    public void The_module_registers_into_a_service_collection()
    {
        var services = new ServiceCollection();

        var returned = services.AddBillingModule();

        Assert.Same(services, returned);
    }

    [Fact]
    public void The_module_provides_the_invoice_documents()
    {
        using var provider = new ServiceCollection().AddBillingModule().BuildServiceProvider();

        var documents = provider.GetRequiredService<IInvoiceDocuments>();

        Assert.Contains("<cbc:ID>TWE-2026-000041</cbc:ID>", documents.RenderUbl(Documents.InvoiceFixtures.EuStandardRateB2C()), StringComparison.Ordinal);
    }
}
