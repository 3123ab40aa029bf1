using System.Text.RegularExpressions;
using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;

namespace JobPostings.Api.Applications;

/// <summary>An interview as stored; the contact person and phone sealed.</summary>
public sealed class Interview
{
    public Guid Id { get; init; }
    public Guid ApplicationId { get; init; }
    public DateTime At { get; init; }
    public string Place { get; init; } = "";
    public string ContactNameSealed { get; init; } = "";
    public string ContactPhoneSealed { get; init; } = "";
    public string Status { get; init; } = "";
    public string? SeekerNote { get; init; }
    public int Revision { get; init; }
    public DateTime ScheduledAt { get; init; }
    public DateTime? AnsweredAt { get; init; }

    public InterviewStatus State => Enum.Parse<InterviewStatus>(Status, ignoreCase: true);
}

/// <summary>
/// The employer schedules (or moves) an interview: a time in the future, the place as an address people can find, and
/// whom to ask for (name and phone, mobile or landline with its area code).
/// </summary>
public sealed partial record ScheduleInterviewRequest(DateTimeOffset? At, string? Place, string? ContactName, string? ContactPhone)
{
    public const int MaxPlace = 300;
    public const int MaxContactName = 100;

    /// <summary>Interviews are booked at most this far ahead.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(180);

    /// <summary>The request cleaned (NFKC, invisible characters out; spaces and dashes out of the phone) and what is wrong with it.</summary>
    public (ScheduleInterviewRequest Cleaned, Validation Validation) Check(DateTimeOffset now)
    {
        var cleaned = this with
        {
            Place = Clean(Place),
            ContactName = Clean(ContactName),
            ContactPhone = Clean(ContactPhone)?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal),
        };
        var validation = new Validation()
            .Require(At is not null, "at", "Give the interview's date and time.")
            .Require(At is null || At > now, "at", "The interview is in the future.")
            .Require(At is null || At <= now + MaxAhead, "at", "The interview is at most 180 days ahead.")
            .Require(!string.IsNullOrWhiteSpace(cleaned.Place), "place", "Give the interview's address.")
            .Require(cleaned.Place is null || cleaned.Place.Length <= MaxPlace, "place", $"The address is at most {MaxPlace} characters.")
            .Require(!string.IsNullOrWhiteSpace(cleaned.ContactName), "contactName", "Give the contact person's name.")
            .Require(cleaned.ContactName is null || cleaned.ContactName.Length <= MaxContactName, "contactName", $"The contact name is at most {MaxContactName} characters.")
            .Require(cleaned.ContactPhone is not null && IsPhone(cleaned.ContactPhone), "contactPhone",
                "The contact phone is a mainland mobile number (13800138000) or a landline with its area code (04716281234).");
        foreach (var (field, text) in new[] { ("place", Place), ("contactName", ContactName) })
        {
            validation.Require(TextNormalizer.FindForbidden(text) < 0, field,
                "This text contains a character that cannot be stored (a control character or a broken surrogate).");
        }
        return (cleaned, validation);
    }

    public static bool IsPhone(string phone) => Validation.IsMobile(phone) || LandlinePattern().IsMatch(phone);

    private static string? Clean(string? text) => text is null ? null : TextNormalizer.Clean(text).Trim();

    /// <summary>A landline: 0, a two- or three-digit area code, a seven- or eight-digit number (dashes already out).</summary>
    [GeneratedRegex(@"^0\d{2,3}\d{7,8}$")]
    private static partial Regex LandlinePattern();
}

/// <summary>The seeker accepts or declines an interview, optionally with a note for the employer.</summary>
public sealed record AnswerInterviewRequest(bool? Accept, string? Note)
{
    public const int MaxNote = 1000;

    public Validation Validate() => new Validation()
        .Require(Accept is not null, "accept", "Say whether you accept the interview.")
        .Require(Note is null || Note.Length <= MaxNote, "note", "A note is at most 1,000 characters.")
        .Require(TextNormalizer.FindForbidden(Note) < 0, "note", "This text contains a character that cannot be stored (a control character or a broken surrogate).");
}

/// <summary>The seeker's answer to an employer's contact request.</summary>
public sealed record AnswerContactRequest(bool? Accept)
{
    public Validation Validate() => new Validation().Require(Accept is not null, "accept", "Say whether you share your contact with this employer.");
}
