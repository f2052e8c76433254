using System.Text.RegularExpressions;
using System.Xml.Linq;
using k8s.Models;
using LabSandbox.Deploy.Tests.Infrastructure;

namespace LabSandbox.Deploy.Tests.Manifests;

/// <summary>
/// The three ways an image is described agree: the SDK container properties of the csproj (dotnet publish
/// -t:PublishContainer), the Dockerfile, and the Deployment that runs it (repository, non-root UID, ports).
/// No image is built here: the base images cannot be pulled offline.
/// </summary>
public sealed partial class ContainerImageTests
{
    public static TheoryData<string, string, string, string> Images => new()
    {
        { "src/Silo/Silo.csproj", "silo.Dockerfile", AgreedNames.Silo, AgreedNames.SiloContainer },
        { "src/Client.Api/Client.Api.csproj", "api.Dockerfile", AgreedNames.Api, AgreedNames.ApiContainer },
    };

    [Theory]
    [MemberData(nameof(Images))]
    public async Task Project_Dockerfile_and_Deployment_describe_the_same_image(string project, string dockerfile, string deployment, string container)
    {
        var problems = Check(
            await File.ReadAllTextAsync(Path.Combine(DeployPaths.RepositoryRoot, project)),
            await File.ReadAllTextAsync(Path.Combine(DeployPaths.DockerFolder, dockerfile)),
            (await Overlays.RenderAsync("prod")).Get<V1Deployment>(deployment), container);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("<ContainerUser>1654</ContainerUser>", "<ContainerUser>root</ContainerUser>", "ContainerUser")]
    [InlineData("<ContainerPort Include=\"8081\" Type=\"tcp\" />", "<ContainerPort Include=\"8082\" Type=\"tcp\" />", "ContainerPort")]
    [InlineData("<ContainerRepository>labsandbox/silo</ContainerRepository>", "<ContainerRepository>lab/silo</ContainerRepository>", "ContainerRepository")]
    public async Task Negative_control_a_project_that_disagrees_with_the_Deployment_is_reported(string find, string replacement, string expected)
    {
        var project = await File.ReadAllTextAsync(Path.Combine(DeployPaths.RepositoryRoot, "src/Silo/Silo.csproj"));
        Assert.Contains(find, project);
        var problems = Check(
            project.Replace(find, replacement),
            await File.ReadAllTextAsync(Path.Combine(DeployPaths.DockerFolder, "silo.Dockerfile")),
            (await Overlays.RenderAsync("prod")).Get<V1Deployment>(AgreedNames.Silo), AgreedNames.SiloContainer);
        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    private static List<string> Check(string projectXml, string dockerfile, V1Deployment deployment, string containerName)
    {
        var problems = new List<string>();
        var project = XDocument.Parse(projectXml);
        string? Property(string name) => project.Descendants(name).LastOrDefault()?.Value;
        var container = deployment.Spec.Template.Spec.Containers.Single(c => c.Name == containerName);

        var repository = container.Image.Split('@')[0].Split(':')[0];
        if (Property("ContainerRepository") != repository)
        {
            problems.Add($"ContainerRepository {Property("ContainerRepository")} is not the Deployment's image {repository}");
        }

        var uid = deployment.Spec.Template.Spec.SecurityContext?.RunAsUser?.ToString();
        var dockerUser = UserLine().Matches(dockerfile).LastOrDefault()?.Groups[1].Value;
        if (Property("ContainerUser") != uid || dockerUser != uid)
        {
            problems.Add($"ContainerUser {Property("ContainerUser")} and the Dockerfile's USER {dockerUser} must be the pod's runAsUser {uid}");
        }

        var projectPorts = project.Descendants("ContainerPort").Select(p => p.Attribute("Include")?.Value).Order().ToList();
        var podPorts = (container.Ports ?? []).Select(p => p.ContainerPort.ToString()).Order().ToList();
        var exposed = ExposeLine().Match(dockerfile).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order().ToList();
        if (!projectPorts.SequenceEqual(podPorts) || !exposed.SequenceEqual(podPorts))
        {
            problems.Add($"ContainerPort items [{string.Join(",", projectPorts)}] and EXPOSE [{string.Join(",", exposed)}] must be the containerPorts [{string.Join(",", podPorts)}]");
        }

        var baseImage = Property("ContainerBaseImage");
        var finalFrom = FromLine().Matches(dockerfile).LastOrDefault()?.Groups[1].Value;
        if (baseImage is null || baseImage != finalFrom)
        {
            problems.Add($"ContainerBaseImage {baseImage} must be the Dockerfile's final FROM {finalFrom}");
        }

        return problems;
    }

    [GeneratedRegex(@"^USER\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex UserLine();

    [GeneratedRegex(@"^EXPOSE\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex ExposeLine();

    [GeneratedRegex(@"^FROM\s+(\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLine();
}
