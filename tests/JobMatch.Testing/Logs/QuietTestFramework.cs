using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace JobMatch.Testing.Logs;

/// <summary>
/// xunit's own framework, plus two things: code that runs for a test class (its fixtures, constructor, tests and
/// every host they start) knows which class it runs for, so each host's log file has an owner (<see cref="TestLogs"/>);
/// and a failing test's output ends with the tail of the logs its class and collection wrote. A green run prints
/// results only. Every test project uses it (tests/Directory.Build.props).
/// </summary>
public sealed class QuietTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformation, IMessageSink diagnostics)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformation, diagnostics)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new AssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, new FailureLogsSink(executionMessageSink), executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class AssemblyRunner(ITestAssembly assembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageSink execution, ITestFrameworkExecutionOptions options)
        : XunitTestAssemblyRunner(assembly, testCases, diagnostics, execution, options)
    {
        // async, so the owner set here flows into the collection's work and no further.
        protected override async Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
        {
            TestLogs.SetOwner(testCollection.DisplayName);
            return await new CollectionRunner(testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer, new ExceptionAggregator(Aggregator), cancellationTokenSource).RunAsync();
        }
    }

    private sealed class CollectionRunner(ITestCollection collection, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnostics, IMessageBus messageBus, ITestCaseOrderer orderer, ExceptionAggregator aggregator, CancellationTokenSource cancellation)
        : XunitTestCollectionRunner(collection, testCases, diagnostics, messageBus, orderer, aggregator, cancellation)
    {
        protected override async Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases)
        {
            TestLogs.SetOwner(testClass.Class.Name);
            return await base.RunTestClassAsync(testClass, @class, testCases);
        }
    }

    /// <summary>Appends the owners' log tails to a failed test's output; passes every other message on as it is.</summary>
    private sealed class FailureLogsSink(IMessageSink inner) : Xunit.LongLivedMarshalByRefObject, IMessageSink
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<ITest, DateTime> _started = new();

        public bool OnMessage(IMessageSinkMessage message)
        {
            if (message is ITestStarting starting) _started[starting.Test] = DateTime.UtcNow;
            if (message is ITestFinished finished) _started.TryRemove(finished.Test, out _);
            return inner.OnMessage(message is ITestFailed failed ? WithLogs(failed) : message);
        }

        private TestFailed WithLogs(ITestFailed failed)
        {
            var since = _started.TryGetValue(failed.Test, out var start) ? start : DateTime.UtcNow.AddSeconds(-(double)failed.ExecutionTime);
            var logs = TestLogs.TailsOf([failed.TestClass.Class.Name, failed.TestCollection.DisplayName], since);
            var output = logs.Length == 0 ? failed.Output : $"{failed.Output}\nService logs of this test's class and collection:\n{logs}";
            return new TestFailed(failed.Test, failed.ExecutionTime, output, failed.ExceptionTypes, failed.Messages, failed.StackTraces, failed.ExceptionParentIndices);
        }
    }
}
