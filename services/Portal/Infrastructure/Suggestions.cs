using System.Globalization;

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
    public static async Task<IReadOnlyList<Suggestion>?> ForAsync(MatchingApi api, string? typed, string kind, string lang)
    {
        if (string.IsNullOrWhiteSpace(typed)) return [];
        if ((await api.SuggestAsync(typed.Trim(), kind)).Value is not { } concepts) return null;
        return concepts.Select(concept =>
        {
            var id = concept.Id.ToString(CultureInfo.InvariantCulture);
            var zh = concept.LabelZh is { Length: > 0 } z ? z : null;
            return lang == Language.English ? new Suggestion(id, concept.Label, zh ?? "") : zh is null ? null : new Suggestion(id, zh, concept.Label);
        }).OfType<Suggestion>().Where(s => s.Label.Length > 0).DistinctBy(s => s.Label).ToList();
    }
}
