using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace JobMatch.Gateway.DevelopmentIssuer;

/// <summary>PBKDF2-SHA256 password hashes, compared in constant time.</summary>
public static class PasswordHash
{
    private const int Iterations = 100_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Create(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"pbkdf2-sha256${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>A hash no password is known for, checked when the username is unknown so both answers take as long.</summary>
    private static readonly string NobodysHash = Create(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Verifies against the account's hash, or against nobody's when there is no account: same work, same time.</summary>
    public static bool VerifyFor(string password, string? encoded)
    {
        var verified = Verify(password, encoded ?? NobodysHash);
        return encoded is not null && verified;
    }

    public static bool Verify(string password, string encoded)
    {
        var parts = encoded.Split('$');
        if (parts is not ["pbkdf2-sha256", var iterationText, var saltText, var hashText]
            || !int.TryParse(iterationText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(hashText);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Convert.FromBase64String(saltText), iterations,
            HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
