using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace JobMatch.ServiceDefaults.PersonalData;

/// <summary>
/// Encrypts personal data at rest with AES-256-GCM. Each value names the key it was sealed with, so keys
/// rotate: add a new key under PersonalData:Keys, point PersonalData:CurrentKeyId at it, and old values
/// still open (re-encrypt them at leisure). Keys are 32 random bytes, base64, from configuration.
/// </summary>
public sealed class PersonalDataProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _currentKeyId;

    public PersonalDataProtector(IReadOnlyDictionary<string, byte[]> keys, string currentKeyId)
    {
        if (!keys.ContainsKey(currentKeyId))
            throw new InvalidOperationException($"PersonalData:Keys:{currentKeyId} is not configured.");
        foreach (var (id, key) in keys)
        {
            if (key.Length != 32) throw new InvalidOperationException($"PersonalData:Keys:{id} must be a base64 32-byte key.");
        }
        _keys = keys.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
        _currentKeyId = currentKeyId;
    }

    public static PersonalDataProtector From(IConfiguration configuration)
    {
        var section = configuration.GetSection("PersonalData");
        var currentKeyId = section["CurrentKeyId"];
        if (string.IsNullOrWhiteSpace(currentKeyId))
            throw new InvalidOperationException("Configure PersonalData:CurrentKeyId and PersonalData:Keys:<id> (base64, 32 bytes) to store personal data.");
        var keys = section.GetSection("Keys").GetChildren().ToDictionary(key => key.Key, key => Convert.FromBase64String(key.Value ?? ""));
        return new PersonalDataProtector(keys, currentKeyId);
    }

    public string Protect(string plaintext)
    {
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var sealedValue = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedValue.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_keys[_currentKeyId], TagSize);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), Associated(_currentKeyId));
        return $"{_currentKeyId}:{Convert.ToBase64String(sealedValue)}";
    }

    public string Unprotect(string protectedValue)
    {
        var separator = protectedValue.IndexOf(':', StringComparison.Ordinal);
        var keyId = separator > 0 ? protectedValue[..separator] : throw new CryptographicException("Not a protected value.");
        if (!_keys.TryGetValue(keyId, out var key)) throw new CryptographicException($"Personal data key '{keyId}' is not configured.");
        byte[] sealedValue;
        try
        {
            sealedValue = Convert.FromBase64String(protectedValue[(separator + 1)..]);
        }
        catch (FormatException e)
        {
            throw new CryptographicException("Not a protected value.", e);
        }
        if (sealedValue.Length < NonceSize + TagSize) throw new CryptographicException("Not a protected value.");
        var plain = new byte[sealedValue.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(sealedValue.AsSpan(0, NonceSize), sealedValue.AsSpan(NonceSize + TagSize), sealedValue.AsSpan(NonceSize, TagSize), plain, Associated(keyId));
        return Encoding.UTF8.GetString(plain);
    }

    public string? ProtectOptional(string? plaintext) => plaintext is null ? null : Protect(plaintext);

    public string? UnprotectOptional(string? protectedValue) => protectedValue is null ? null : Unprotect(protectedValue);

    public bool IsCurrent(string protectedValue) => protectedValue.StartsWith(_currentKeyId + ":", StringComparison.Ordinal);

    private static byte[] Associated(string keyId) => Encoding.UTF8.GetBytes("jobmatch/" + keyId);
}
