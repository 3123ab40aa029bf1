using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using JobMatch.ServiceDefaults.Messaging;
using JobMatch.ServiceDefaults.PersonalData;
using Npgsql;

namespace Notifications.Api.Preferences;

public sealed class PreferencesStore(NpgsqlDataSource dataSource, PersonalDataProtector protector)
{
    private const string Columns =
        "person_id, language, email_protected, phone_protected, webhook_url, webhook_secret_protected, channels::text AS channels, quiet_start, quiet_end, " +
        "digest_hour, digest_kinds";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PreferencesRow?> FindAsync(Guid personId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PreferencesRow>(new CommandDefinition(
            $"SELECT {Columns} FROM preferences WHERE person_id = @personId", new { personId }, cancellationToken: cancellationToken));
    }

    public Task<PreferencesRow?> FindAsync(ServiceTransaction transaction, Guid personId) =>
        transaction.QuerySingleOrDefaultAsync<PreferencesRow>($"SELECT {Columns} FROM preferences WHERE person_id = @personId", new { personId });

    /// <summary>Saves the preferences; a webhook gets a signing secret the first time (returned so it can be shown once).</summary>
    public async Task<(PreferencesRow Row, string? NewWebhookSecret)> SaveAsync(ServiceTransaction transaction, Guid personId, PreferencesRequest request)
    {
        var existing = await FindAsync(transaction, personId);
        string? newSecret = null;
        var secret = existing?.WebhookSecretProtected;
        if (request.WebhookUrl is not null && secret is null)
        {
            newSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
            secret = protector.Protect(newSecret);
        }
        var quiet = request.ParsedQuietHours();
        var row = await transaction.QuerySingleOrDefaultAsync<PreferencesRow>(
            $"""
            INSERT INTO preferences (person_id, language, email_protected, phone_protected, webhook_url, webhook_secret_protected, channels, quiet_start, quiet_end,
                                     digest_hour, digest_kinds)
            VALUES (@personId, @Language, @Email, @Phone, @WebhookUrl, @Secret, @Channels::jsonb, @QuietStart, @QuietEnd, @DigestHour, @DigestKinds)
            ON CONFLICT (person_id) DO UPDATE SET language = excluded.language, email_protected = excluded.email_protected,
                phone_protected = excluded.phone_protected, webhook_url = excluded.webhook_url,
                webhook_secret_protected = CASE WHEN excluded.webhook_url IS NULL THEN NULL ELSE excluded.webhook_secret_protected END,
                channels = excluded.channels, quiet_start = excluded.quiet_start, quiet_end = excluded.quiet_end,
                digest_hour = excluded.digest_hour, digest_kinds = excluded.digest_kinds, updated_at = now()
            RETURNING {Columns}
            """,
            new
            {
                personId,
                Language = request.Language ?? "zh-CN",
                Email = protector.ProtectOptional(request.Email),
                Phone = protector.ProtectOptional(request.Phone),
                request.WebhookUrl,
                Secret = request.WebhookUrl is null ? null : secret,
                Channels = JsonSerializer.Serialize(request.Channels ?? new Dictionary<string, IReadOnlyList<string>>(), Json),
                QuietStart = quiet?.Start,
                QuietEnd = quiet?.End,
                DigestHour = (short?)request.Digest?.Hour,
                DigestKinds = request.Digest?.Kinds?.Distinct(StringComparer.Ordinal).ToArray() ?? [],
            });
        return (row!, newSecret);
    }

    public Task DeleteAsync(ServiceTransaction transaction, Guid personId) =>
        transaction.ExecuteAsync("DELETE FROM preferences WHERE person_id = @personId", new { personId });

    public static IReadOnlyList<string> ChannelsFor(PreferencesRow? preferences, string kind) =>
        preferences is null ? [] : (JsonSerializer.Deserialize<Dictionary<string, List<string>>>(preferences.Channels, Json) ?? []).GetValueOrDefault(kind) ?? [];

    /// <summary>Whether this kind waits for the person's daily digest instead of an e-mail of its own.</summary>
    public static bool DigestsKind(PreferencesRow? preferences, string kind) =>
        preferences is { DigestHour: not null } && preferences.DigestKinds.Contains(kind, StringComparer.Ordinal);

    public static QuietHours? QuietHoursOf(PreferencesRow? preferences) =>
        preferences is { QuietStart: { } start, QuietEnd: { } end } ? new QuietHours(start, end) : null;
}
