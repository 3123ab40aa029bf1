using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using JobMatch.Testing;
using Profiles.Api.Profiles;

namespace Profiles.Tests.Integration;

/// <summary>The profile service on its own database and virtual host, with helpers to save profiles and read its outbox.</summary>
public abstract class ProfilesHost : IAsyncLifetime
{
    protected const string Phone = "13912345678";
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected ServiceFactory<ProfileStore> Factory { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var servers = await TestServers.GetAsync();
        Factory = CreateFactory(servers, await servers.CreateVirtualHostAsync());
        using var _ = Factory.CreateClient();
    }

    public virtual async Task DisposeAsync() => await Factory.DisposeAsync();

    protected virtual ServiceFactory<ProfileStore> CreateFactory(TestServers servers, string virtualHost) => new(servers, virtualHost);

    protected static Dictionary<string, object?> Profile(string? nationalId = null, string regionCode = "150102", string name = "张伟明") => new()
    {
        ["name"] = name,
        ["phone"] = Phone,
        ["skills"] = new[] { "Welding", "ＦＯＲＫＬＩＦＴ" },
        ["regionCode"] = regionCode,
        ["latitude"] = 40.84,
        ["longitude"] = 111.75,
        ["maxCommuteKm"] = 30,
        ["willingToRelocate"] = false,
        ["nationalId"] = nationalId,
    };

    /// <summary>Saves a profile as the seeker and returns their id.</summary>
    protected async Task<Guid> SavedAsync(Dictionary<string, object?> profile, Guid? seekerId = null)
    {
        var id = seekerId ?? Guid.NewGuid();
        using var client = Factory.ClientWithToken(TestTokens.Seeker(id));
        using var response = await client.PutAsJsonAsync("/api/profiles/me", profile);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return id;
    }

    protected async Task<List<(string Type, string Body, bool Sent)>> OutboxAsync(Guid seekerId)
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(string, string, bool)>(
            "SELECT message_type, body::text, sent_at IS NOT NULL FROM outbox WHERE body->>'seekerId' = @id ORDER BY position",
            new { id = seekerId.ToString() })).AsList();
    }

    protected async Task<List<(Guid StaffId, string Action, Guid? SeekerId, string[] Fields, string Reason)>> AuditAsync()
    {
        await using var connection = await Factory.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<(Guid, string, Guid?, string[], string)>(
            "SELECT staff_id, action, seeker_id, fields, reason FROM audit_log ORDER BY id")).AsList();
    }

    protected static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
