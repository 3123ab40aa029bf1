global using JobMatch.Testing;

namespace JobMatch.EndToEndTests;

/// <summary>One platform (tests/JobMatch.Testing/Platform.cs) for every end-to-end test class.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<Platform>
{
    public const string Name = "platform";
}
