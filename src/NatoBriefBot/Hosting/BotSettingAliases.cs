using NatoBriefBot.Core;

namespace NatoBriefBot.Hosting;

/// <summary>
/// Accepts the app registration under the names newer Microsoft bot tooling uses, so a bot set up for one of them runs here
/// unchanged: Teams Toolkit (<c>BOT_ID</c>, <c>BOT_PASSWORD</c>, <c>BOT_TENANT_ID</c>, <c>BOT_TYPE</c>), the M365 Agents SDK
/// (<c>Connections:ServiceConnection:Settings:ClientId</c>, <c>ClientSecret</c>, <c>TenantId</c>, <c>AuthType</c>) and the
/// Teams SDK (<c>CLIENT_ID</c>, <c>CLIENT_SECRET</c>, <c>TENANT_ID</c>). They apply only while <c>MicrosoftAppId</c> is empty,
/// and fill only the Bot Framework keys that are still empty; a tenant without a type means SingleTenant, as in those tools.
/// </summary>
public static class BotSettingAliases
{
    private const string AgentsSettings = "Connections:ServiceConnection:Settings:";

    private sealed record Family(string Id, string Secret, string Tenant, string? Type);

    private static readonly Family[] Families =
    [
        new("BOT_ID", "BOT_PASSWORD", "BOT_TENANT_ID", "BOT_TYPE"),
        new(AgentsSettings + "ClientId", AgentsSettings + "ClientSecret", AgentsSettings + "TenantId", AgentsSettings + "AuthType"),
        new("CLIENT_ID", "CLIENT_SECRET", "TENANT_ID", null),
    ];

    public static IConfigurationBuilder AddBotSettingAliases(this IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var family = Families.FirstOrDefault(f => Has(configuration, f.Id));
        if (Has(configuration, "MicrosoftAppId") || family is null)
        {
            return configuration;
        }

        var values = new Dictionary<string, string?> { ["MicrosoftAppId"] = configuration[family.Id] };
        foreach (var (ours, theirs) in new[] { ("MicrosoftAppPassword", family.Secret), ("MicrosoftAppTenantId", family.Tenant) })
        {
            if (!Has(configuration, ours) && Has(configuration, theirs))
            {
                values[ours] = configuration[theirs];
            }
        }

        if (!Has(configuration, "MicrosoftAppType"))
        {
            values["MicrosoftAppType"] = AppType(configuration, family);
        }

        return configuration.AddInMemoryCollection(values);
    }

    private static string AppType(IConfiguration configuration, Family family)
    {
        var type = family.Type is null ? null : configuration[family.Type]?.Trim();
        return type?.ToUpperInvariant() switch
        {
            null or "" or "CLIENTSECRET" => Has(configuration, family.Tenant) ? "SingleTenant" : "MultiTenant",
            "USERMANAGEDIDENTITY" or "USERASSIGNEDMSI" => "UserAssignedMSI",
            "MULTITENANT" => "MultiTenant",
            "SINGLETENANT" => "SingleTenant",
            _ => throw new BriefBotException(
                $"{family.Type} '{type}' is not supported here: use ClientSecret or UserManagedIdentity, or set MicrosoftAppType (MultiTenant, SingleTenant or UserAssignedMSI)."),
        };
    }

    private static bool Has(IConfiguration configuration, string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
