using System.Security.Cryptography;
using JobMatch.ServiceDefaults.PersonalData;
using Microsoft.Extensions.Configuration;

namespace Profiles.Tests.Unit;

public sealed class PersonalDataProtectorTests
{
    private static readonly byte[] OldKey = RandomNumberGenerator.GetBytes(32);
    private static readonly byte[] NewKey = RandomNumberGenerator.GetBytes(32);

    private static PersonalDataProtector Protector(string current, params (string Id, byte[] Key)[] keys) =>
        new(keys.ToDictionary(key => key.Id, key => key.Key), current);

    [Theory]
    [InlineData("张伟")]
    [InlineData("13912345678")]
    [InlineData("")]
    [InlineData("Бат-Эрдэнэ ᠪᠠᠲᠤ")]
    public void A_protected_value_opens_to_the_original(string plaintext)
    {
        var protector = Protector("k1", ("k1", OldKey));

        var sealedValue = protector.Protect(plaintext);

        Assert.Equal(plaintext, protector.Unprotect(sealedValue));
    }

    [Fact]
    public void A_protected_value_names_its_key_and_does_not_contain_the_plaintext()
    {
        var protector = Protector("k1", ("k1", OldKey));

        var sealedValue = protector.Protect("13912345678");

        Assert.StartsWith("k1:", sealedValue, StringComparison.Ordinal);
        Assert.DoesNotContain("13912345678", sealedValue, StringComparison.Ordinal);
        Assert.True(protector.IsCurrent(sealedValue));
    }

    [Fact]
    public void The_same_value_is_sealed_differently_each_time()
    {
        var protector = Protector("k1", ("k1", OldKey));

        Assert.NotEqual(protector.Protect("张伟"), protector.Protect("张伟"));
    }

    [Fact]
    public void Optional_values_stay_null()
    {
        var protector = Protector("k1", ("k1", OldKey));

        Assert.Null(protector.ProtectOptional(null));
        Assert.Null(protector.UnprotectOptional(null));
        Assert.Equal("张伟", protector.UnprotectOptional(protector.ProtectOptional("张伟")));
    }

    [Fact]
    public void A_tampered_ciphertext_does_not_open()
    {
        var protector = Protector("k1", ("k1", OldKey));
        var sealedValue = protector.Protect("13912345678");
        var bytes = Convert.FromBase64String(sealedValue["k1:".Length..]);
        bytes[^1] ^= 0x01;

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("k1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void A_tampered_authentication_tag_does_not_open()
    {
        var protector = Protector("k1", ("k1", OldKey));
        var sealedValue = protector.Protect("13912345678");
        var bytes = Convert.FromBase64String(sealedValue["k1:".Length..]);
        bytes[12] ^= 0x80; // the tag follows the 12-byte nonce

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("k1:" + Convert.ToBase64String(bytes)));
    }

    [Fact]
    public void A_value_relabelled_with_another_configured_key_id_does_not_open()
    {
        var protector = Protector("k1", ("k1", OldKey), ("k2", OldKey));
        var sealedValue = protector.Protect("张伟");

        // Same key bytes, different id: the key id is authenticated, so a relabelled value is refused.
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("k2" + sealedValue["k1".Length..]));
    }

    [Fact]
    public void After_rotation_new_values_use_the_new_key_and_old_values_still_open()
    {
        var before = Protector("k1", ("k1", OldKey));
        var sealedWithOld = before.Protect("张伟");

        var after = Protector("k2", ("k1", OldKey), ("k2", NewKey));
        var sealedWithNew = after.Protect("李娜");

        Assert.Equal("张伟", after.Unprotect(sealedWithOld));
        Assert.False(after.IsCurrent(sealedWithOld));
        Assert.StartsWith("k2:", sealedWithNew, StringComparison.Ordinal);
        Assert.True(after.IsCurrent(sealedWithNew));
        Assert.Equal("李娜", after.Unprotect(sealedWithNew));
    }

    [Fact]
    public void A_value_sealed_with_a_key_that_is_no_longer_configured_does_not_open()
    {
        var sealedWithOld = Protector("k1", ("k1", OldKey)).Protect("张伟");
        var withoutOldKey = Protector("k2", ("k2", NewKey));

        var error = Assert.ThrowsAny<CryptographicException>(() => withoutOldKey.Unprotect(sealedWithOld));
        Assert.Contains("k1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_without_a_key_id_does_not_open()
    {
        var protector = Protector("k1", ("k1", OldKey));

        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect("no key id here"));
    }

    [Fact]
    public void A_current_key_that_is_missing_or_not_32_bytes_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Protector("k2", ("k1", OldKey)));
        Assert.Throws<InvalidOperationException>(() => Protector("k1", ("k1", RandomNumberGenerator.GetBytes(16))));
    }

    [Fact]
    public void Keys_are_read_from_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PersonalData:CurrentKeyId"] = "2025-06",
            ["PersonalData:Keys:2025-01"] = Convert.ToBase64String(OldKey),
            ["PersonalData:Keys:2025-06"] = Convert.ToBase64String(NewKey),
        }).Build();
        var sealedWithOld = Protector("2025-01", ("2025-01", OldKey)).Protect("张伟");

        var protector = PersonalDataProtector.From(configuration);

        Assert.StartsWith("2025-06:", protector.Protect("x"), StringComparison.Ordinal);
        Assert.Equal("张伟", protector.Unprotect(sealedWithOld));
    }

    [Fact]
    public void Configuration_without_a_current_key_id_is_refused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["PersonalData:Keys:k1"] = Convert.ToBase64String(OldKey),
        }).Build();

        Assert.Throws<InvalidOperationException>(() => PersonalDataProtector.From(configuration));
    }
}
