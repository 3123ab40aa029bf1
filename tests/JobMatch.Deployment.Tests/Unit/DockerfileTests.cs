using System.Diagnostics;
using JobMatch.Testing;

namespace JobMatch.Deployment.Tests.Unit;

/// <summary>
/// Every Dockerfile is what deploy/docker/generate.sh makes of the one template: each image copies exactly the projects
/// its project references (transitively), so a library a service starts to use cannot be missing from its image.
/// </summary>
public sealed class DockerfileTests
{
    [Fact]
    public async Task Every_dockerfile_is_the_template_rendered_for_its_project_and_references()
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "deploy", "docker", "generate.sh"), "--check"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var check = Process.Start(start)!;
        var error = await check.StandardError.ReadToEndAsync();
        await check.WaitForExitAsync();

        Assert.True(check.ExitCode == 0, error);
    }

    [Theory]
    [InlineData("services/JobPostings.Api", "services/JobMatch.TextAnalysis")]
    [InlineData("services/Matching.Api", "services/JobMatch.TextAnalysis")]
    [InlineData("services/Matching.Api", "services/Matching.Ranking")]
    [InlineData("services/Portal", "services/JobMatch.ServiceDefaults")]
    public void An_image_copies_the_libraries_its_project_references(string component, string library)
    {
        var dockerfile = DeploymentFiles.Read($"{component}/Dockerfile");

        Assert.Contains($"COPY {library}/{Path.GetFileName(library)}.csproj {library}/", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"COPY {library}/ {library}/", dockerfile, StringComparison.Ordinal);
    }
}
