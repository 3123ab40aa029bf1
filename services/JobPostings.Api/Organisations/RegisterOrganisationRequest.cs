using JobMatch.Domain.Organisations;
using JobMatch.ServiceDefaults.Problems;
using JobMatch.TextAnalysis;

namespace JobPostings.Api.Organisations;

/// <summary>
/// An employer registers its organisation (or, asked for more information, corrects it). The place is a division of
/// Inner Mongolia the portal's picker found by name; the contact person and phone are personal data.
/// </summary>
public sealed record RegisterOrganisationRequest(
    string? CreditCode,
    string? LegalName,
    string? Industry,
    OrganisationSize? Size,
    string? RegionCode,
    string? Address,
    string? ContactName,
    string? ContactPhone)
{
    public const int MaxName = 200;
    public const int MaxAddress = 300;
    public const int MaxContactName = 100;

    /// <summary>The request as stored: text cleaned (NFKC, invisible characters out) and the credit code in capitals.</summary>
    public RegisterOrganisationRequest Cleaned() => this with
    {
        CreditCode = CreditCode is null ? null : JobMatch.Domain.Organisations.CreditCode.Normalise(TextNormalizer.Clean(CreditCode)),
        LegalName = Clean(LegalName),
        Industry = Industry?.Trim().ToUpperInvariant(),
        RegionCode = RegionCode?.Trim(),
        Address = Clean(Address),
        ContactName = Clean(ContactName),
        ContactPhone = Clean(ContactPhone)?.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal),
    };

    /// <summary>Validates a cleaned request.</summary>
    private Validation Validate() => new Validation()
        .Require(JobMatch.Domain.Organisations.CreditCode.IsValid(CreditCode), "creditCode",
            "The unified social credit code is 18 characters with a valid check character (GB 32100-2015), e.g. 91150100MA0N0ABC16.")
        .Require(!string.IsNullOrWhiteSpace(LegalName), "legalName", "Give the organisation's legal name as on its business licence.")
        .Require(LegalName is null || LegalName.Length <= MaxName, "legalName", $"The legal name is at most {MaxName} characters.")
        .Require(Industries.Find(Industry) is not null, "industry", "Choose the industry section (GB/T 4754-2017), A to T.")
        .Require(Size is { } size && Enum.IsDefined(size), "size", "Choose the size band: micro, small, medium or large.")
        .RequireRegionCode(RegionCode)
        .Require(!string.IsNullOrWhiteSpace(Address), "address", "Give the organisation's address.")
        .Require(Address is null || Address.Length <= MaxAddress, "address", $"The address is at most {MaxAddress} characters.")
        .Require(!string.IsNullOrWhiteSpace(ContactName), "contactName", "Give the contact person's name.")
        .Require(ContactName is null || ContactName.Length <= MaxContactName, "contactName", $"The contact name is at most {MaxContactName} characters.")
        .Require(ContactPhone is not null && Validation.IsMobile(ContactPhone), "contactPhone",
            "The phone is an 11-digit mainland mobile number, e.g. 13800138000.");

    /// <summary>
    /// The request cleaned, and what is wrong with it: characters no client may send are looked for in the text as
    /// sent (cleaning would drop a broken surrogate silently), everything else in the cleaned text.
    /// </summary>
    public (RegisterOrganisationRequest Cleaned, Validation Validation) Check()
    {
        var cleaned = Cleaned();
        var validation = cleaned.Validate();
        foreach (var (field, text) in new[] { ("legalName", LegalName), ("address", Address), ("contactName", ContactName) })
        {
            validation.Require(TextNormalizer.FindForbidden(text) < 0, field,
                "This text contains a character that cannot be stored (a control character or a broken surrogate).");
        }

        return (cleaned, validation);
    }

    private static string? Clean(string? text) => text is null ? null : TextNormalizer.Clean(text).Trim();
}

/// <summary>A caseworker's decision: verified, needsInformation or rejected, always with a reason the employer reads.</summary>
public sealed record OrganisationDecisionRequest(OrganisationStatus? Status, string? Reason)
{
    public const int MaxReason = 2000;

    public Validation Validate() => new Validation()
        .Require(Status is OrganisationStatus.Verified or OrganisationStatus.NeedsInformation or OrganisationStatus.Rejected, "status",
            "Decide verified, needsInformation or rejected.")
        .Require(!string.IsNullOrWhiteSpace(Reason), "reason", "Say why, so the employer knows what to do.")
        .Require(Reason is null || Reason.Length <= MaxReason, "reason", "The reason is at most 2,000 characters.")
        .Require(TextNormalizer.FindForbidden(Reason) < 0, "reason",
            "This text contains a character that cannot be stored (a control character or a broken surrogate).");
}

/// <summary>A caseworker marks (true) or unmarks (false) the organisation with this credit code as a key enterprise, saying why.</summary>
public sealed record KeyEnterpriseRequest(string? CreditCode, bool? KeyEnterprise, string? Reason)
{
    public const int MaxReason = 1000;

    /// <summary>The credit code as stored (NFKC-cleaned, spaces out, upper case) and the reason cleaned, with the validation.</summary>
    public (KeyEnterpriseRequest Cleaned, Validation Validation) Check()
    {
        var cleaned = this with
        {
            CreditCode = CreditCode is null ? null : JobMatch.Domain.Organisations.CreditCode.Normalise(TextNormalizer.Clean(CreditCode)),
            Reason = Reason is null ? null : TextNormalizer.Clean(Reason).Trim(),
        };
        return (cleaned, new Validation()
            .Require(JobMatch.Domain.Organisations.CreditCode.IsValid(cleaned.CreditCode), "creditCode",
                "The unified social credit code is 18 characters with a valid check character (GB 32100-2015), e.g. 91150100MA0N0ABC16.")
            .Require(KeyEnterprise is not null, "keyEnterprise", "Say whether the organisation is a key enterprise (true or false).")
            .Require(!string.IsNullOrWhiteSpace(cleaned.Reason), "reason", "Say why, so the employer knows what to do.")
            .Require(cleaned.Reason is null || cleaned.Reason.Length <= MaxReason, "reason", $"The reason is at most {MaxReason} characters.")
            .Require(TextNormalizer.FindForbidden(Reason) < 0, "reason",
                "This text contains a character that cannot be stored (a control character or a broken surrogate)."));
    }
}
