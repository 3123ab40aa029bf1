using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(JobMatch.Benchmarks.MatchScorerBenchmarks).Assembly).Run(args);
