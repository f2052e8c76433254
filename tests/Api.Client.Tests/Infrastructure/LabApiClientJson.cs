using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabSandbox.Api.Client.Generated;

/// <summary>
/// The one hand-written piece of the generated client: its JSON settings, through the generator's partial hook.
/// </summary>
public partial class LabApiClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        // The API writes enums as camelCase strings ("succeeded"); NSwag's System.Text.Json output marks them with
        // EnumMember, which System.Text.Json ignores.
        settings.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));

        // A field left unset is left out of the body, as the README's requests do: for a few fields the API reads an
        // absent field and an explicit null differently (a simulation's excludedEntryKey: absent is the synthetic
        // calcutta's own, null is nobody), and NSwag's classes cannot tell the two apart.
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }
}
