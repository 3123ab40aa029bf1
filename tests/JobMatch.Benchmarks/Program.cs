using BenchmarkDotNet.Running;
using JobMatch.Benchmarks;

// `lexical [sizes…]` what lexical retrieval costs the candidate index; `retrieval [postings]` retrieval against its pre-round-5 baseline (same lists?, CPU); `notifications [count]` measures the running notification pipeline end to end, `recommend [sizes…]` one seeker's
// recommendation latency, `campaign [seekers] [postings] [instances…]` a campaign's wall time; anything else goes to BenchmarkDotNet.
if (args is ["notifications", ..])
    return await NotificationThroughput.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 2000);
if (args is ["recommend", ..]) return RecommendationLatency.Run(args);
if (args is ["campaign", ..]) return await CampaignBenchmark.RunAsync(args);
if (args is ["lexical", ..]) return LexicalRetrievalCost.Run(args);
if (args is ["retrieval", ..]) return RetrievalAgreement.Run(args);
BenchmarkSwitcher.FromAssembly(typeof(RecommendationBenchmarks).Assembly).Run(args);
return 0;
