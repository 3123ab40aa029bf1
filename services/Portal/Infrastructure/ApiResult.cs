using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Portal.Infrastructure;

/// <summary>An API answer: its status and, for problems, their title and field-level messages (shown beside the fields).</summary>
public class ApiResult
{
    public static readonly ApiResult Unavailable = new(HttpStatusCode.ServiceUnavailable, "unavailable");

    protected ApiResult(HttpStatusCode status, string? title)
    {
        Status = status;
        Title = title;
    }

    public HttpStatusCode Status { get; }
    /// <summary>The problem's title; null on success.</summary>
    public string? Title { get; }
    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.OrdinalIgnoreCase);
    public bool Ok => (int)Status is >= 200 and < 300;
    public bool NotFound => Status == HttpStatusCode.NotFound;

    /// <summary>The portal's own refusal of what was typed (before any API call), shaped like the APIs' problems.</summary>
    public static ApiResult Invalid(string title, IReadOnlyDictionary<string, string> errors)
    {
        var result = new ApiResult(HttpStatusCode.BadRequest, title);
        foreach (var (field, message) in errors) result.Errors[field] = [message];
        return result;
    }

    /// <summary>This problem with more field messages (the portal's checks beside the API's).</summary>
    public ApiResult With(IReadOnlyDictionary<string, string> errors)
    {
        foreach (var (field, message) in errors) Errors[field] = Errors.TryGetValue(field, out var known) ? [.. known, message] : [message];
        return this;
    }

    /// <summary>An answer without a body to read (204), or its refusal: the status, and the problem's title and field messages.</summary>
    public static ApiResult From(HttpStatusCode status, JsonNode? problem)
    {
        var result = new ApiResult(status, TitleOf(status, problem));
        result.ReadErrors(problem);
        return result;
    }

    protected static string? TitleOf(HttpStatusCode status, JsonNode? problem) =>
        (int)status is >= 200 and < 300 ? null
            : problem?["title"] is JsonValue title && title.GetValueKind() == JsonValueKind.String ? title.GetValue<string>()
            : ((int)status).ToString(CultureInfo.InvariantCulture);

    protected void ReadErrors(JsonNode? problem)
    {
        if (Ok || problem?["errors"] is not JsonObject errors) return;
        foreach (var (field, messages) in errors)
            Errors[field] = messages is JsonArray list ? list.Select(m => m?.ToString() ?? "").ToArray() : [messages?.ToString() ?? ""];
    }
}

/// <summary>A typed API answer: on success the service's response record, else the problem (<see cref="ApiResult"/>).</summary>
public sealed class ApiResult<T> : ApiResult
{
    public static new readonly ApiResult<T> Unavailable = new(HttpStatusCode.ServiceUnavailable, "unavailable", default);

    private ApiResult(HttpStatusCode status, string? title, T? value) : base(status, title) => Value = value;

    /// <summary>The answer; default when the call failed or answered no body.</summary>
    public T? Value { get; }

    /// <summary>A success read into <typeparamref name="T"/>.</summary>
    public static ApiResult<T> Success(HttpStatusCode status, T? value) => new(status, null, value);

    /// <summary>A refusal: the problem's title and field messages.</summary>
    public static ApiResult<T> Refused(HttpStatusCode status, JsonNode? problem)
    {
        var result = new ApiResult<T>(status, TitleOf(status, problem), default);
        result.ReadErrors(problem);
        return result;
    }
}
