using JobMatch.TextAnalysis;

namespace JobMatch.Domain.PersonalData;

/// <summary>Why a member of staff reads or changes a person's data: the audit log keeps it beside the read.</summary>
public static class AuditReason
{
    public const int MaxLength = 500;

    /// <summary>
    /// Whether a reason says something: after cleaning (NFKC, invisible characters out) it holds at least two Chinese
    /// characters or four letters or digits. ".", "   " or "x" once unlocked a full ID number (issue 16).
    /// </summary>
    public static bool IsReal(string reason)
    {
        var weight = 0;
        foreach (var c in TextNormalizer.Clean(reason))
        {
            if (Script.IsCjk(c)) weight += 2;
            else if (char.IsLetterOrDigit(c)) weight += 1;
        }
        return weight >= 4;
    }
}
