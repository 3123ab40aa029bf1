using System.Collections.Concurrent;
using JobMatch.Testing.Logs;
using Xunit;

namespace JobMatch.Testing;

/// <summary>
/// The hosts one test class shares: started by its first test, stopped when the class is done. A host per test
/// spent most of a run creating databases, virtual hosts and buses; a class's tests instead share one and keep out of
/// each other's way with ids of their own (new seekers, employers and postings per test). A test base class asks for
/// it by declaring <c>IClassFixture&lt;ClassHosts&gt;</c>, then calls <see cref="GetAsync{T}"/> from its
/// InitializeAsync; xunit makes one per class, in the class's context, so <see cref="Current"/> finds it.
/// </summary>
public sealed class ClassHosts : IAsyncLifetime
{
    private static readonly ConcurrentDictionary<string, ClassHosts> ByOwner = new();
    private readonly ConcurrentDictionary<string, Lazy<Task<IAsyncDisposable>>> _hosts = new();
    private readonly string _owner = TestLogs.Owner;

    public ClassHosts() => ByOwner[_owner] = this;

    /// <summary>The hosts of the test class whose code is running.</summary>
    public static ClassHosts Current => ByOwner.TryGetValue(TestLogs.Owner, out var hosts)
        ? hosts
        : throw new InvalidOperationException($"No ClassHosts for {TestLogs.Owner}: declare IClassFixture<ClassHosts> on the test class or its base.");

    /// <summary>The class's host named <paramref name="key"/>, started by <paramref name="start"/> the first time.</summary>
    public async Task<T> GetAsync<T>(string key, Func<Task<T>> start) where T : IAsyncDisposable =>
        (T)await _hosts.GetOrAdd(key, _ => new Lazy<Task<IAsyncDisposable>>(async () => await start())).Value;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        ByOwner.TryRemove(_owner, out _);
        foreach (var host in _hosts.Values.Where(host => host.IsValueCreated))
        {
            try
            {
                await (await host.Value).DisposeAsync();
            }
            catch (Exception) when (host.Value.IsFaulted)
            {
                // A host that never started has nothing to stop; its test already failed with the reason.
            }
        }
    }
}
