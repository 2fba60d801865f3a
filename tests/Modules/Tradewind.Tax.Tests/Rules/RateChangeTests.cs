using System.Globalization;
using Tradewind.Contracts.Tax;
using static Tradewind.Tax.Tests.Rules.Sales;

namespace Tradewind.Tax.Tests.Rules;

/// <summary>Every dated change in tax.md, on the day before and on the day it takes effect.</summary>
public sealed class RateChangeTests
{
    public static TheoryData<string, string?, string, string, string, string> Changes => new()
    {
        { "FI", null, "2024-08-31", "0.24", "2024-09-01", "0.255" },
        { "EE", null, "2025-06-30", "0.22", "2025-07-01", "0.24" },
        { "SK", null, "2024-12-31", "0.20", "2025-01-01", "0.23" },
        // tax.md §0: sales-tax 2.23.0 puts this a day late, on 2025-08-02.
        { "RO", null, "2025-07-31", "0.19", "2025-08-01", "0.21" },
        { "CA", "CA-NS", "2025-03-31", "0.15", "2025-04-01", "0.14" },
        { "US", "US-DC", "2026-09-30", "0.06", "2026-10-01", "0.07" },
        { "US", "US-NM", "2024-06-30", "0.05", "2024-07-01", "0.04875" },
        { "US", "US-LA", "2024-12-31", "0", "2025-01-01", "0.05" },
        { "MY", null, "2024-02-29", "0.06", "2024-03-01", "0.08" },
        { "ID", null, "2024-12-31", "0.11", "2025-01-01", "0.12" },
        { "KZ", null, "2025-12-31", "0.12", "2026-01-01", "0.16" },
        { "LA", null, "2024-12-31", "0.07", "2025-01-01", "0.10" },
        { "BR", null, "2025-12-31", "0", "2026-01-01", "0.01" },
        { "MD", null, "2025-06-30", "0", "2025-07-01", "0.20" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void The_rate_changes_on_its_effective_date(string country, string? subdivision, string before, string rateBefore, string on, string rateOn)
    {
        var old = One(Sale(Foreign, country, subdivision, business: false, null, valid: false, DateOnly.Parse(before, CultureInfo.InvariantCulture)));
        var @new = One(Sale(Foreign, country, subdivision, business: false, null, valid: false, DateOnly.Parse(on, CultureInfo.InvariantCulture)));

        Assert.Equal(decimal.Parse(rateBefore, CultureInfo.InvariantCulture), old.Rate);
        Assert.Equal(decimal.Parse(rateOn, CultureInfo.InvariantCulture), @new.Rate);
        Assert.Equal(TaxTreatments.Standard, @new.Treatment);
    }

    [Fact]
    public void Israel_moved_to_18_percent_on_2025_01_01_for_an_Israeli_entity()
    {
        var entity = EstablishedIn("IL");

        Assert.Equal(0.17m, One(Sale(entity, "IL", null, false, null, false, new DateOnly(2024, 12, 31))).Rate);
        Assert.Equal(0.18m, One(Sale(entity, "IL", null, false, null, false, new DateOnly(2025, 1, 1))).Rate);
    }

    [Fact]
    public void Japan_platform_taxation_starts_on_2025_04_01()
    {
        Assert.Equal("jp.b2c.destination", One(Sale(Foreign, "JP", null, false, null, false, new DateOnly(2025, 3, 31), currency: "JPY")).Rule);
        Assert.Equal("jp.platform_taxation", One(Sale(Foreign, "JP", null, false, null, false, new DateOnly(2025, 4, 1), currency: "JPY")).Rule);
    }
}
