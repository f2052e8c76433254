using System.Buffers.Text;
using System.Globalization;
using System.Text;
using LabSandbox.Grains.Interfaces.Runs;

namespace LabSandbox.Api.Infrastructure;

/// <summary>Opaque paging cursors: base64url of "{created-at UTC ticks}:{run id}".</summary>
public static class RunCursorCodec
{
    public static string Encode(RunCursor cursor) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{cursor.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{cursor.RunId}"));

    public static bool TryDecode(string text, out RunCursor? cursor)
    {
        cursor = null;
        try
        {
            var raw = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(text));
            var colon = raw.IndexOf(':');
            if (colon <= 0 || !long.TryParse(raw.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                || ticks > DateTimeOffset.MaxValue.UtcTicks || colon == raw.Length - 1)
            {
                return false;
            }

            cursor = new RunCursor(new DateTimeOffset(ticks, TimeSpan.Zero), raw[(colon + 1)..]);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
