using System.Text.Json;
using System.Text.Json.Serialization;

namespace JobMatch.Contracts.Responses;

/// <summary>
/// JSON as the services write their answers and the portal reads them, defined once: web defaults (camel-case names),
/// enums by camel-case name, numbers only as JSON numbers (docs/decisions/063, 068).
/// </summary>
public static class ApiJson
{
    /// <summary>The options, for a client reading the services' answers (and writing its requests).</summary>
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the conventions to options that start from the web defaults (ASP.NET Core's HTTP JSON options).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.NumberHandling = JsonNumberHandling.Strict;
        return options;
    }

    /// <summary>An enum value as it stands in the JSON ("fullTime"): the portal's words for it are keyed by that name.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
