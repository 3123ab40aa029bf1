using JobMatch.ServiceDefaults.PersonalData;

namespace Profiles.Tests;

/// <summary>Valid national ID numbers for tests, with the GB 11643 check digit computed.</summary>
internal static class TestIds
{
    public static string Make(string region, DateOnly born, int sequence)
    {
        var first17 = $"{region}{born:yyyyMMdd}{sequence:000}";
        return first17 + NationalId.CheckCharacterOf(first17);
    }

    private static long _issued = Random.Shared.Next(0, 1_000_000);

    /// <summary>
    /// A different number on every call in this process, so tests sharing a database never collide: each call takes
    /// the next of 500 sequence numbers per birth date and moves to the next date after that (random draws collided
    /// about one run in ten when a test asked for 1,500 at once).
    /// </summary>
    public static string Unique(bool male = true)
    {
        var issued = Interlocked.Increment(ref _issued);
        var born = new DateOnly(1970, 1, 1).AddDays((int)(issued / 500 % (365 * 30)));
        var sequence = (int)(issued % 500) * 2 + (male ? 1 : 0);
        return Make(issued / 500 / (365 * 30) % 2 == 0 ? "150102" : "150203", born, sequence);
    }
}
