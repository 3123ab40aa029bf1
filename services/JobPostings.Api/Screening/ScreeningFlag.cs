namespace JobPostings.Api.Screening;

/// <summary>The kinds of problem screening looks for: discriminatory requirements and fraud signals.</summary>
public static class ScreeningKinds
{
    public const string Gender = "gender";
    public const string Age = "age";
    public const string Ethnicity = "ethnicity";
    public const string RegionalOrigin = "regional-origin";
    public const string HouseholdRegistration = "household-registration";
    public const string SchoolTier = "school-tier";
    public const string Religion = "religion";
    public const string MaritalStatus = "marital-status";
    public const string Appearance = "appearance";
    public const string Health = "health";
    public const string Fee = "fee";
    public const string TrainingLoan = "training-loan";
    public const string ImplausiblePay = "implausible-pay";
    public const string Hype = "hype";
    public const string DisguisedPosting = "disguised-posting";
    public const string PrivateContact = "private-contact";
    public const string Duplicate = "duplicate";

    public static readonly IReadOnlyList<string> All =
    [
        Gender, Age, Ethnicity, RegionalOrigin, HouseholdRegistration, SchoolTier, Religion, MaritalStatus, Appearance, Health,
        Fee, TrainingLoan, ImplausiblePay, Hype, DisguisedPosting, PrivateContact, Duplicate,
    ];
}
