using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace JobMatch.ServiceDefaults.Problems;

/// <summary>
/// Turns a body or parameter that could not be read into a 400 validation problem naming the field,
/// instead of a bare 400 (or, in Development, a stack trace).
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException badRequest) return false;

        var field = exception.InnerException is JsonException { Path: { Length: > 0 } path } ? path.TrimStart('$', '.') : "body";
        var message = exception.InnerException is JsonException json ? FirstLine(json.Message) : badRequest.Message;
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

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
