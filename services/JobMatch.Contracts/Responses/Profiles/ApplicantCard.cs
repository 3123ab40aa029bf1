namespace JobMatch.Contracts.Responses.Profiles;

/// <summary>An applicant as the posting's employer sees them for one application.</summary>
public sealed record ApplicantCard(Guid ApplicationId, Guid SeekerId, ApplicantSharing Sharing, string? Name, string? Phone, ApplicantSummary? Profile);

/// <summary>What the profile says of the applicant's work, without anything sensitive (no ID, birth date, gender, health, key groups).</summary>
public sealed record ApplicantSummary(
    IReadOnlyList<string> Skills, IReadOnlyList<string> DesiredOccupations, string? HighestEducation, IReadOnlyList<WorkEntry> WorkHistory,
    IReadOnlyList<string> Certificates, IReadOnlyList<string> Languages, DateOnly? AvailableFrom, string RegionCode);

/// <summary>How much of an applicant the employer sees, and why.</summary>
public enum ApplicantSharing
{
    /// <summary>The seeker consents to sharing with employers: name, phone and the profile.</summary>
    Consented,
    /// <summary>No such consent, but the seeker accepted this employer's contact request: name and phone, for this application.</summary>
    ContactShared,
    /// <summary>Neither: a masked card (the family name's first character, no phone, no profile); the employer may ask for the contact.</summary>
    Masked,
    /// <summary>The seeker applied without writing a profile.</summary>
    NoProfile,
}
