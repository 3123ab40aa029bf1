using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace JobMatch.ServiceDefaults.Problems;

/// <summary>
/// Turns a body or parameter that could not be read into a 400 validation problem naming the field,
/// instead of a bare 400 (or, in Development, a stack trace).
/// </summary>
internal sealed partial class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;

        var (field, message) = exception.InnerException is JsonException json
            ? (json.Path is { Length: > 0 } path ? path.TrimStart('$', '.') : "body", FirstLine(json.Message))
            : Parameter(badRequest.Message);
        context.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field.Length == 0 ? "body" : field] = [message] })
            {
                Status = badRequest.StatusCode,
                Title = "The request could not be read.",
            },
        });
    }

    /// <summary>
    /// A query or route value that is not of its parameter's type ("Failed to bind parameter "int? Page" from "x"."):
    /// the parameter named as the API spells it, with a message the caller's language has.
    /// </summary>
    private static (string Field, string Message) Parameter(string message)
    {
        var match = UnboundParameter().Match(message);
        if (!match.Success) return ("body", message);
        var name = match.Groups["name"].Value;
        var numeric = NumberType().IsMatch(match.Groups["type"].Value);
        return (char.ToLowerInvariant(name[0]) + name[1..], numeric ? "This is not a number." : "This value could not be read.");
    }

    [GeneratedRegex("""^Failed to bind parameter "(?<type>[^"]+) (?<name>\w+)" from "[^"]*"\.$""", RegexOptions.Singleline)]
    private static partial Regex UnboundParameter();

    [GeneratedRegex(@"\b(int|long|short|decimal|double|float|Int16|Int32|Int64|Decimal|Double|Single)\b")]
    private static partial Regex NumberType();

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
