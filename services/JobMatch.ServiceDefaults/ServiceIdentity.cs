namespace JobMatch.ServiceDefaults;

/// <summary>
/// One name per service, from which every other name derives, so that searching traces, queues, databases or the
/// gateway's configuration for a service's name finds it: the telemetry service name, the queue prefix
/// (<c>{name}-{consumer}</c>), the database (<c>jobmatch_{name}</c>), the scope of its migration ids
/// (<c>{name}/001_….sql</c>, independent of the project's name) and the gateway cluster.
/// </summary>
public sealed record ServiceIdentity
{
    public ServiceIdentity(string name)
    {
        if (name.Length == 0 || !name.All(c => c is (>= 'a' and <= 'z') or '-'))
            throw new ArgumentException("A service name is lower-case letters and hyphens.", nameof(name));
        Name = name;
    }

    public string Name { get; }

    public string DatabaseName => "jobmatch_" + Name.Replace('-', '_');

    public override string ToString() => Name;
}
