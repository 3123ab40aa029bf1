namespace Portal.Infrastructure;

/// <summary>A taxonomy concept offered while typing a skill or occupation: its label in the page's language and, where known, in the other.</summary>
public sealed record Suggestion(string Id, string Label, string OtherLabel);

/// <summary>What the suggestions partial shows for one field.</summary>
public sealed record SuggestionsView(string Id, string Title, IReadOnlyList<Suggestion> Items, bool? Available);

public static class Suggestions
{
    /// <summary>
    /// The taxonomy's skills or occupations for what was typed, named in the page's language (a Chinese page offers
    /// only concepts with a Chinese name); empty for nothing typed, null when the matching service did not answer.
    /// </summary>
    public static async Task<IReadOnlyList<Suggestion>?> ForAsync(GatewayClient api, string? typed, string kind, string lang)
    {
        if (string.IsNullOrWhiteSpace(typed)) return [];
        var result = await api.GetAsync($"api/matches/taxonomy/suggest?q={Uri.EscapeDataString(typed.Trim())}&kind={kind}");
        if (!result.Ok) return null;
        return result.Array.Select(item =>
        {
            var zh = item.Str("labelZh") is { Length: > 0 } z && z != "null" ? z : null;
            var en = item.Str("label");
            return lang == Language.English ? new Suggestion(item.Str("id"), en, zh ?? "") : zh is null ? null : new Suggestion(item.Str("id"), zh, en);
        }).OfType<Suggestion>().Where(s => s.Label.Length > 0).DistinctBy(s => s.Label).ToList();
    }
}
