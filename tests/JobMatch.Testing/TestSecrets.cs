using System.Security.Cryptography;

namespace JobMatch.Testing;

/// <summary>Keys the tests configure services with, made fresh for each test run.</summary>
public static class TestSecrets
{
    public static string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    public static string PersonalDataKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    public const string PersonalDataKeyId = "test-1";

    /// <summary>Configuration every service needs beyond its servers.</summary>
    public static IReadOnlyDictionary<string, string> ServiceSettings { get; } = new Dictionary<string, string>
    {
        ["Auth:SigningKey"] = SigningKey,
        ["Auth:Issuer"] = "jobmatch-dev",
        ["Auth:Audience"] = "jobmatch",
        ["PersonalData:CurrentKeyId"] = PersonalDataKeyId,
        [$"PersonalData:Keys:{PersonalDataKeyId}"] = PersonalDataKey,
        ["Outbox:PollInterval"] = "00:00:00.200",
    };
}
