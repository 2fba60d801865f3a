using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Tradewind.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
