using BenchmarkDotNet.Running;
using JobMatch.Benchmarks;

// `notifications [count]` measures the running notification pipeline end to end; anything else goes to BenchmarkDotNet.
if (args is ["notifications", ..])
    return await NotificationThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
BenchmarkSwitcher.FromAssembly(typeof(MatchScorerBenchmarks).Assembly).Run(args);
return 0;
