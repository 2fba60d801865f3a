using System.Reflection;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Tradewind.Accounts;
using Tradewind.Agreements;
using Tradewind.Analytics;
using Tradewind.Billing;
using Tradewind.Catalog;
using Tradewind.Localization;
using Tradewind.Metering;
using Tradewind.Payments;
using Tradewind.Persistence;
using Tradewind.Tax;
using Tradewind.Webhooks;

namespace Tradewind.Architecture.Tests;

/// <summary>
/// The module rules of docs/architecture.md, checked on every build: modules meet only through Contracts,
/// expose nothing but their registration, and own only tables with their own prefix.
/// </summary>
public sealed class ModuleTests
{
    private static readonly string[] SharedAssemblies = ["Tradewind.Contracts", "Tradewind.Primitives", "Tradewind.Persistence"];

    public static TheoryData<string> Modules => new(ModuleAssemblies.Select(a => a.GetName().Name!));

    private static IEnumerable<Assembly> ModuleAssemblies =>
    [
        typeof(AccountsModule).Assembly,
        typeof(CatalogModule).Assembly,
        typeof(LocalizationModule).Assembly,
        typeof(PaymentsModule).Assembly,
        typeof(AgreementsModule).Assembly,
        typeof(WebhooksModule).Assembly,
        typeof(TaxModule).Assembly,
        typeof(MeteringModule).Assembly,
        typeof(BillingModule).Assembly,
        typeof(AnalyticsModule).Assembly,
    ];

    [Fact]
    public void Every_module_project_is_checked_here()
    {
        var projects = Directory.GetDirectories(Path.Combine(RepositoryRoot, "src", "Modules")).Select(d => $"Tradewind.{Path.GetFileName(d)}");

        Assert.Equal(projects.Order(StringComparer.Ordinal), ModuleAssemblies.Select(a => a.GetName().Name!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_references_only_Contracts_Primitives_and_Persistence(string module)
    {
        var assembly = ModuleAssemblies.Single(a => a.GetName().Name == module);

        var tradewindReferences = assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Tradewind.", StringComparison.Ordinal));
        var projectReferences = ProjectReferences(module);

        Assert.All(tradewindReferences, name => Assert.Contains(name, SharedAssemblies));
        Assert.All(projectReferences, name => Assert.Contains(name, SharedAssemblies));
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void A_module_exposes_only_its_registration(string module)
    {
        var assembly = ModuleAssemblies.Single(a => a.GetName().Name == module);
        var moduleName = module["Tradewind.".Length..];

        var publicTypes = assembly.GetExportedTypes().Select(t => t.FullName).ToList();

        Assert.Equal([$"{module}.{moduleName}Module"], publicTypes);
    }

    [Fact]
    public void Contracts_depend_only_on_Primitives_and_Primitives_on_nothing_of_ours()
    {
        Assert.Equal(["Tradewind.Primitives"], ProjectReferences("Tradewind.Contracts"));
        Assert.Empty(ProjectReferences("Tradewind.Primitives"));
        Assert.Equal(["Tradewind.Contracts", "Tradewind.Primitives"], ProjectReferences("Tradewind.Persistence").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_table_carries_the_prefix_of_the_module_that_maps_it()
    {
        using var context = new Migrations.Sqlite.DesignTimeDbContextFactory().CreateDbContext([]);

        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            var owner = entity.ClrType.Assembly.GetName().Name!;
            string[] expectedPrefixes = owner switch
            {
                "Tradewind.Persistence" => ["platform_"],
                _ when owner.StartsWith("Tradewind.", StringComparison.Ordinal) => [owner["Tradewind.".Length..].ToLowerInvariant() + "_"],
                // Framework types: Identity's are mapped by Accounts, data-protection keys by the platform.
                _ => ["accounts_", "platform_"],
            };
            Assert.True(
                expectedPrefixes.Any(p => table.StartsWith(p, StringComparison.Ordinal)),
                $"{entity.ClrType.Name} maps to '{table}', expected prefix {string.Join(" or ", expectedPrefixes)}");
        }
    }

    [Fact]
    public void The_design_time_model_includes_every_module()
    {
        using var context = new Migrations.Sqlite.DesignTimeDbContextFactory().CreateDbContext([]);

        var owners = context.Model.GetEntityTypes().Select(e => e.ClrType.Assembly.GetName().Name).ToHashSet();

        Assert.All(ModuleAssemblies, a => Assert.Contains(a.GetName().Name, owners));
        Assert.Contains(typeof(TradewindDbContext).Assembly.GetName().Name, owners);
    }

    private static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Tradewind.slnx")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("Tradewind.slnx not found above the test binaries.");
        }
    }

    private static List<string> ProjectReferences(string assemblyName)
    {
        var project = Directory.GetFiles(Path.Combine(RepositoryRoot, "src"), $"{assemblyName}.csproj", SearchOption.AllDirectories).Single();
        return XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .ToList();
    }
}
