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

    /// <summary>A unique number per call (sequence varies), so tests sharing a database never collide.</summary>
    public static string Unique(bool male = true)
    {
        var born = new DateOnly(1970, 1, 1).AddDays(Random.Shared.Next(0, 365 * 30));
        var sequence = Random.Shared.Next(0, 500) * 2 + (male ? 1 : 0);
        return Make(Random.Shared.Next(0, 2) == 0 ? "150102" : "150203", born, sequence);
    }
}
