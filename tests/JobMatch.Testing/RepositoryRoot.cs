namespace JobMatch.Testing;

/// <summary>The checkout the tests run from (the folder holding JobMatch.sln).</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "JobMatch.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("JobMatch.sln not found above " + AppContext.BaseDirectory);
    }
}
