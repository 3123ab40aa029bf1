using JobMatch.Contracts;

namespace JobMatch.ServiceDefaults.Messaging;

/// <summary>The messages an outbox may hold: the Contracts records, by name, and nothing else.</summary>
internal static class MessageTypes
{
    private static readonly Dictionary<string, Type> ByName = typeof(JobPublished).Assembly.GetExportedTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false })
        .ToDictionary(type => type.FullName!, StringComparer.Ordinal);

    public static string NameOf(Type type) =>
        ByName.ContainsKey(type.FullName ?? "") ? type.FullName! : throw new ArgumentException($"{type} is not a JobMatch.Contracts message.", nameof(type));

    public static Type Resolve(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new InvalidOperationException($"Unknown message type {name} in the outbox.");
}
