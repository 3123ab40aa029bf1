namespace JobMatch.Gateway.DevelopmentIssuer;

/// <summary>
/// What a new password must not be (NIST SP 800-63B: length plus a block list, no composition rules): a run of one or
/// two characters (aaaaaaaa, abababab), the username inside it, or one of the passwords guessed first everywhere.
/// </summary>
public static class PasswordRules
{
    private static readonly HashSet<string> Common = new(StringComparer.OrdinalIgnoreCase)
    {
        "12345678", "123456789", "1234567890", "87654321", "password", "password1", "passw0rd", "qwertyui", "qwerty123",
        "iloveyou", "1qaz2wsx", "abcd1234", "a1234567", "abc12345", "woaini520", "woaini1314", "5201314520",
        "admin123", "11223344", "12341234", "asdfghjk", "zxcvbnm1",
    };

    public static bool IsHardToGuess(string password, string? username) =>
        password.Distinct().Count() >= 4
        && !Common.Contains(password)
        && (string.IsNullOrEmpty(username) || !password.Contains(username, StringComparison.OrdinalIgnoreCase));
}
