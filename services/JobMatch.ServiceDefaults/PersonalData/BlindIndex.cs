using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace JobMatch.ServiceDefaults.PersonalData;

/// <summary>
/// A keyed hash (HMAC-SHA256) of a personal value, so rows can be found and de-duplicated by it (an ID number
/// in a register, a profile) without storing it in the clear: ciphertext is randomised and cannot be searched.
/// The key is PersonalData:BlindIndexKey (base64, 32 bytes), separate from the encryption keys because rotating
/// it means re-hashing every row; without it, one is derived from the current encryption key (fine until the
/// first rotation — configure BlindIndexKey before rotating).
/// </summary>
public sealed class BlindIndex(byte[] key)
{
    public static BlindIndex From(IConfiguration configuration)
    {
        var section = configuration.GetSection("PersonalData");
        if (section["BlindIndexKey"] is { Length: > 0 } configured) return new BlindIndex(Convert.FromBase64String(configured));
        var current = section["CurrentKeyId"] ?? throw new InvalidOperationException("Configure PersonalData:BlindIndexKey or PersonalData:CurrentKeyId.");
        var encryptionKey = Convert.FromBase64String(section[$"Keys:{current}"] ?? "");
        return new BlindIndex(HKDF.DeriveKey(HashAlgorithmName.SHA256, encryptionKey, 32, info: Encoding.UTF8.GetBytes("jobmatch/blind-index")));
    }

    public string Of(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
}
