using System.Globalization;

namespace JobMatch.ServiceDefaults.PersonalData;

/// <summary>
/// A resident identity card number (GB 11643-1999): 6-digit division code, 8-digit birth date, 3-digit sequence
/// whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check character (0-9 or X).
/// Only 18-character numbers are accepted; the 15-digit numbers of the 1980s were replaced by 2013.
/// </summary>
public sealed record NationalId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private NationalId(string value, DateOnly birthDate, string gender)
    {
        Value = value;
        BirthDate = birthDate;
        Gender = gender;
    }

    /// <summary>The number, upper-case X.</summary>
    public string Value { get; }
    public DateOnly BirthDate { get; }
    /// <summary>"male" or "female", as the sequence digit records it.</summary>
    public string Gender { get; }

    /// <summary>Parses a number, or says why not (without repeating it: messages may reach logs and responses).</summary>
    public static bool TryParse(string? text, DateOnly today, out NationalId? nationalId, out string? error)
    {
        nationalId = null;
        var value = text?.Trim().ToUpperInvariant() ?? "";
        if (value.Length != 18 || !value[..17].All(char.IsAsciiDigit) || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            error = "The national ID number has 17 digits and a check digit (0-9 or X).";
            return false;
        }
        if (CheckCharacterOf(value) != value[17])
        {
            error = "The national ID number's check digit does not match (GB 11643).";
            return false;
        }
        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birthDate)
            || birthDate.Year < 1900 || birthDate > today)
        {
            error = "The national ID number does not hold a valid date of birth.";
            return false;
        }
        nationalId = new NationalId(value, birthDate, (value[16] - '0') % 2 == 1 ? "male" : "female");
        error = null;
        return true;
    }

    public static char CheckCharacterOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Age in whole years on a day.</summary>
    public int AgeOn(DateOnly day) => day.Year - BirthDate.Year - (day < BirthDate.AddYears(day.Year - BirthDate.Year) ? 1 : 0);

    /// <summary>Division code and last four kept, the rest starred: 150102********1234.</summary>
    public static string Mask(string value) =>
        value.Length == 18 ? string.Concat(value.AsSpan(0, 6), new string('*', 8), value.AsSpan(14, 4)) : new string('*', value.Length);

    public override string ToString() => Mask(Value);
}
