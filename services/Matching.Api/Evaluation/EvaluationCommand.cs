namespace Matching.Api.Evaluation;

/// <summary>`Matching.Api evaluate …`: the offline evaluation, run as a command instead of the service.</summary>
public static class EvaluationCommand
{
    public static bool IsRequested(string[] args) => args is ["evaluate", ..];

    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine($"evaluate: not implemented yet ({args.Length} arguments)");
        return Task.FromResult(2);
    }
}
