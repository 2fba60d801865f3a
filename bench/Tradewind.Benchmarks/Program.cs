using System.Globalization;
using BenchmarkDotNet.Running;
using Tradewind.Benchmarks;

// dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Tradewind.Benchmarks -- search-latency [runs]
if (args.Length > 0 && args[0] == "search-latency")
{
    await SearchLatency.RunAsync(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
