using System.Globalization;

namespace LabSandbox.Api.Features.Datasets.Components;

/// <summary>
/// A heat-map cell's colours: white shading to deep blue in proportion to the probability, and whichever of black or
/// white text contrasts more with that shade (at least 4.5:1 anywhere on this scale, so the number stays readable).
/// </summary>
public static class HeatShade
{
    private static readonly (int R, int G, int B) Deep = (0x15, 0x65, 0xc0);

    public static string Style(double probability)
    {
        var p = double.IsFinite(probability) ? Math.Clamp(probability, 0, 1) : 0;
        var r = Mix(Deep.R, p);
        var g = Mix(Deep.G, p);
        var b = Mix(Deep.B, p);
        var luminance = 0.2126 * Linear(r) + 0.7152 * Linear(g) + 0.0722 * Linear(b);
        var text = (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? "#000" : "#fff";
        return string.Create(CultureInfo.InvariantCulture, $"background-color:#{r:x2}{g:x2}{b:x2};color:{text}");
    }

    private static int Mix(int channel, double p) => (int)Math.Round(255 - (255 - channel) * p);

    private static double Linear(int channel)
    {
        var c = channel / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
