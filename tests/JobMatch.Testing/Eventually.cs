namespace JobMatch.Testing;

/// <summary>
/// Waits for an effect that arrives through the broker. The timeout is a safety net for a broken system,
/// never a performance assertion: it is generous (two minutes: a model trained on two cores that CI shares with the
/// rest of the suite can take one), and the test fails by naming what never happened.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public static async Task<T> GetAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        T? last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await probe();
            if (last is not null && done(last)) return last;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"Never happened: {what}. Last seen: {Describe(last)}");
    }

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        System.Collections.IEnumerable items and not string => "[" + string.Join(", ", items.Cast<object>()) + "]",
        _ => value.ToString() ?? "",
    };
}
