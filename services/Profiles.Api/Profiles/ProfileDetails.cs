namespace Profiles.Api.Profiles;

/// <summary>
/// What the service knows of a profile's details beyond their shape (the records are JobMatch.Contracts.Responses.Profiles,
/// shared with the portal): the empty details, the names of education levels and employment types, the highest
/// education finished and the years worked.
/// </summary>
public static class ProfileDetailsRules
{
    private static readonly ProfileDetails EmptyDetails = new([], [], [], [], [], null, [], null, false, null);
    private static readonly IReadOnlyList<string> Levels =
        ["primary", "junior-secondary", "senior-secondary", "vocational", "junior-college", "bachelor", "master", "doctorate"];
    private static readonly IReadOnlyList<string> TypeNames = ["full-time", "part-time", "seasonal", "temporary", "flexible"];

    extension(ProfileDetails)
    {
        public static ProfileDetails Empty => EmptyDetails;

        /// <summary>Education levels, lowest first; the highest finished one is what matching sees.</summary>
        public static IReadOnlyList<string> EducationLevels => Levels;

        public static IReadOnlyList<string> EmploymentTypeNames => TypeNames;
    }

    extension(ProfileDetails details)
    {
        public EducationEntry? HighestEducation(DateOnly today) => details.Education
            .Where(entry => entry.Level is not null && (entry.GraduationDate is null || entry.GraduationDate <= today))
            .MaxBy(entry => Levels.IndexOf(entry.Level!));

        /// <summary>Years worked, overlapping jobs counted once per day, to one decimal.</summary>
        public double YearsOfExperience(DateOnly today)
        {
            var days = new HashSet<int>();
            foreach (var job in details.WorkHistory.Where(job => job.From is not null))
            {
                var end = job.To ?? today;
                for (var day = job.From!.Value; day <= end && day <= today; day = day.AddDays(1)) days.Add(day.DayNumber);
            }
            return Math.Round(days.Count / 365.25, 1);
        }
    }
}

internal static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++) if (list[i] == value) return i;
        return -1;
    }
}
