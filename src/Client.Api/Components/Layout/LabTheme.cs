using MudBlazor;

namespace LabSandbox.Api.Components.Layout;

/// <summary>The lab's colours: MudBlazor's defaults darkened where they fall short of WCAG AA contrast on white.</summary>
public static class LabTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f5fa8",
            Secondary = "#8a3b12",
            AppbarBackground = "#17324d",
            Success = "#1b6e20",
            Warning = "#8a5300",
            Error = "#b00020",
            Info = "#0b5f7a",
            TextSecondary = "rgba(0,0,0,0.70)",
        },
    };
}
