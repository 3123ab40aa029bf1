using System.Text;

namespace JobMatch.ServiceDefaults.Skills;

/// <summary>
/// The form skills are compared in: NFKC (full-width letters become ASCII), lower case, single spaces — the same
/// in the profile service (the concept beside the typed text) and in matching (the key it compares on).
/// A first step only: the taxonomy will map synonyms ("JS", "JavaScript") to one concept.
/// </summary>
public static class SkillKey
{
    public static string Normalize(string skill) =>
        string.Join(' ', skill.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static string[] NormalizeAll(IEnumerable<string> skills) =>
        skills.Select(Normalize).Where(key => key.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
}
