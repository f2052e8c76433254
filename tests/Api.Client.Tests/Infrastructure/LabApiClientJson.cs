using System.Text.Json;
using System.Text.Json.Serialization;

namespace LabSandbox.Api.Client.Generated;

/// <summary>
/// The one hand-written piece of the generated client: its JSON settings. The API writes enums as camelCase
/// strings ("succeeded"); NSwag's System.Text.Json output marks them with EnumMember, which System.Text.Json
/// ignores, so the converter is added here through the generator's partial hook.
/// </summary>
public partial class LabApiClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
}
