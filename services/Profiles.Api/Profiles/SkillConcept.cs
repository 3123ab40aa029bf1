using System.Text;

namespace Profiles.Api.Profiles;

/// <summary>
/// The concept a typed skill stands for. Until the skills taxonomy is loaded (matching issue), a concept is the
/// skill's normal form — NFKC (full-width letters become ASCII), lower case, single spaces — the same key matching
/// compares on, so "ＦＯＲＫＬＩＦＴ" and "forklift" meet. The typed text is kept beside it for explanations.
/// </summary>
public static class SkillConcept
{
    public static string Of(string skill) =>
        string.Join(' ', skill.Normalize(NormalizationForm.FormKC).ToLowerInvariant()
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
