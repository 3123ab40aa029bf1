namespace JobMatch.Domain.Organisations;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from 0–9 and the capital letters without I, O, Z, S and V — the
/// registration authority (1), organisation type (1), administrative division (6 digits), organisation code (9) and a
/// check character. The check character is the one whose value makes Σ value·3^(i−1) mod 31 over all 18 come to 0
/// (weights 1, 3, 9, 27, 19, 26, …); a code that fails it was mistyped.
/// </summary>
public static class CreditCode
{
    public const int Length = 18;
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>The code as written in capitals with spaces removed (people copy it from licences with spaces and lower case).</summary>
    public static string Normalise(string code) => string.Concat(code.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();

    public static bool IsValid(string? code)
    {
        if (code is not { Length: Length } || !code.All(c => Alphabet.Contains(c, StringComparison.Ordinal))) return false;
        if (code.AsSpan(2, 6).ContainsAnyExcept("0123456789")) return false; // the division is digits
        return CheckCharacter(code[..17]) == code[17];
    }

    /// <summary>The check character for the first 17 characters of a code.</summary>
    public static char CheckCharacter(string first17)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(first17.Length, Length - 1);
        var sum = 0;
        for (var i = 0; i < Weights.Length; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0) throw new ArgumentException($"'{first17[i]}' is not a credit-code character.", nameof(first17));
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }
}
