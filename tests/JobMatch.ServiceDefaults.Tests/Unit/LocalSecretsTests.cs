using JobMatch.ServiceDefaults.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace JobMatch.ServiceDefaults.Tests.Unit;

/// <summary>
/// A component started on its own in Development reads the keys deploy/local/run.sh generated for the checkout, above
/// its appsettings.Development.json stand-ins and below the environment and anything a test sets.
/// </summary>
public sealed class LocalSecretsTests : IDisposable
{
    private readonly DirectoryInfo _checkout = Directory.CreateTempSubdirectory("jobmatch-checkout-");
    private readonly string _project;

    public LocalSecretsTests()
    {
        File.WriteAllText(Path.Combine(_checkout.FullName, "JobMatch.sln"), "");
        Directory.CreateDirectory(Path.Combine(_checkout.FullName, ".local"));
        File.WriteAllLines(Path.Combine(_checkout.FullName, LocalSecrets.RelativePath),
        [
            "Auth__SigningKey=generated-for-this-checkout-0123456789",
            "PersonalData__CurrentKeyId=local1",
            "PersonalData__Keys__local1=bG9jYWw=",
            "ConnectionStrings__Redis=127.0.0.1:56379,password=shared",
            "Services__profiles__ConnectionStrings__Postgres=Host=127.0.0.1;Username=jobmatch_profiles;Password=own",
            "Services__matching__ConnectionStrings__Postgres=Host=127.0.0.1;Username=jobmatch_matching;Password=other",
        ]);
        _project = Directory.CreateDirectory(Path.Combine(_checkout.FullName, "services", "Some.Api", "bin", "Release", "net10.0")).FullName;
        File.WriteAllText(Path.Combine(_project, "appsettings.Development.json"),
            """{ "Auth": { "SigningKey": "stand-in" }, "PersonalData": { "CurrentKeyId": "development" } }""");
    }

    public void Dispose() => _checkout.Delete(recursive: true);

    private WebApplicationBuilder Builder(string environment) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, ContentRootPath = _project });

    [Fact]
    public void In_development_the_checkouts_keys_replace_the_stand_ins()
    {
        var builder = Builder("Development");

        builder.AddLocalSecrets();

        Assert.Equal("generated-for-this-checkout-0123456789", builder.Configuration["Auth:SigningKey"]);
        Assert.Equal("local1", builder.Configuration["PersonalData:CurrentKeyId"]);
        Assert.Equal("bG9jYWw=", builder.Configuration["PersonalData:Keys:local1"]);
    }

    [Fact]
    public void A_service_reads_its_own_database_role_and_never_another_services()
    {
        var profiles = Builder("Development");
        var portal = Builder("Development");

        profiles.AddLocalSecrets("profiles");
        portal.AddLocalSecrets("portal");

        Assert.Equal("Host=127.0.0.1;Username=jobmatch_profiles;Password=own", profiles.Configuration.GetConnectionString("Postgres"));
        Assert.Equal("127.0.0.1:56379,password=shared", profiles.Configuration.GetConnectionString("Redis"));
        Assert.DoesNotContain(profiles.Configuration.AsEnumerable(), pair => pair.Value?.Contains("Password=other", StringComparison.Ordinal) == true);
        Assert.Null(portal.Configuration.GetConnectionString("Postgres"));
    }

    [Fact]
    public void Settings_added_after_them_still_win()
    {
        var builder = Builder("Development");
        builder.AddLocalSecrets();

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Auth:SigningKey"] = "set-by-a-test" });

        Assert.Equal("set-by-a-test", builder.Configuration["Auth:SigningKey"]);
    }

    [Fact]
    public void Outside_development_they_are_not_read()
    {
        var builder = Builder("Production");

        builder.AddLocalSecrets();

        Assert.Null(builder.Configuration["PersonalData:Keys:local1"]);
    }
}
