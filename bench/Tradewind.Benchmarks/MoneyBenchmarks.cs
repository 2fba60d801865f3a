using BenchmarkDotNet.Attributes;
using Tradewind.Primitives.Money;

namespace Tradewind.Benchmarks;

/// <summary>The money operations every invoice line goes through.</summary>
[MemoryDiagnoser]
public class MoneyBenchmarks
{
    private readonly Money _amount = Money.FromMinor(1_234_567, Currency.EUR);
    private readonly UnitPrice _price = UnitPrice.Of(0.0125m, Currency.USD);
    private readonly decimal[] _ratios = [70m, 20m, 10m];

    [Benchmark]
    public Money Add() => _amount + _amount;

    [Benchmark]
    public Money ExtendUnitPrice() => _price.Extend(123_456.789m, MidpointRounding.ToEven);

    [Benchmark]
    public IReadOnlyList<Money> AllocateThreeWays() => _amount.Allocate(_ratios);

    [Benchmark]
    public Money ParseWireAmount() => Money.Parse("12345.67", Currency.EUR);

    [Benchmark]
    public string FormatWireAmount() => _amount.ToMajorString();
}
