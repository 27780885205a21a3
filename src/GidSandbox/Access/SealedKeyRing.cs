using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace GidSandbox.Access;

/// <summary>
/// ASP.NET Core's data-protection keys (they protect the sign-in and console cookies and the antiforgery tokens) live in
/// the database, so a person's session works on whichever node of a cluster the proxy sends them to. Whoever holds them
/// could forge a signed-in person's cookie, so they are stored sealed with the key file's key, as the token signing keys
/// are (<see cref="SigningKeys"/>): someone who reads the table as the application role learns nothing.
/// </summary>
public static class SealedKeyRing
{
    private const string Purpose = "data-protection";

    public static IServiceCollection AddGidDataProtection(this IServiceCollection services, SigningKeys keys)
    {
        services.AddDataProtection().SetApplicationName("gid-sandbox").PersistKeysToDbContext<AccessDbContext>();
        services.Configure<KeyManagementOptions>(options => options.XmlEncryptor = new Encryptor(keys.KeyFileKey));
        return services;
    }

    private sealed class Encryptor(byte[] key) : IXmlEncryptor
    {
        public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
            new(new XElement("sealed", SigningKeys.Seal(key, Purpose, plaintextElement.ToString(SaveOptions.DisableFormatting))), typeof(Decryptor));
    }

    /// <summary>Made by data protection itself, by type, with the services: it finds the key file's key there.</summary>
    public sealed class Decryptor(IServiceProvider services) : IXmlDecryptor
    {
        public XElement Decrypt(XElement encryptedElement) =>
            XElement.Parse(SigningKeys.Open(services.GetRequiredService<SigningKeys>().KeyFileKey, Purpose, encryptedElement.Value));
    }
}
