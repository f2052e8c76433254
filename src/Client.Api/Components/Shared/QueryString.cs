using Microsoft.AspNetCore.Components;

namespace LabSandbox.Api.Components.Shared;

/// <summary>Filters, sort and paging live in the query string so a URL can be shared: this changes them in place.</summary>
public static class QueryString
{
    /// <summary>Navigates to the current page with <paramref name="changes"/> applied (a null value removes the parameter).</summary>
    public static void Update(NavigationManager navigation, IReadOnlyDictionary<string, object?> changes) =>
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(changes));

    public static void Update(NavigationManager navigation, string name, object? value) =>
        Update(navigation, new Dictionary<string, object?> { [name] = value });
}
