using System.Text;
using CsCheck;

namespace LabSandbox.Api.Tests.Fuzz;

/// <summary>The odd values the fuzz draws from: path ids outside the grammar, odd Unicode, long text, extreme numbers.</summary>
public static class FuzzValues
{
    /// <summary>Route values as they go into the URL (escaped): traversal, encoded separators, control characters, odd Unicode, too long.</summary>
    public static readonly Gen<string> BadPathId = Gen.OneOf(
        Gen.OneOf(
            "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2E%2E%2F", "%2e%2e%2fsecret", "a%2Fb", "a%5Cb", "%5C..%5Cwin.ini", "..%5C..",
            "x%01y", "%1F", "%7F", "a%0D%0Ab", "a%09b", "a%20b", "%E2%80%AE2017-ncaa", "syn%E2%80%8B1", "%F0%9F%98%80", "e%CC%81",
            "-leading", ".hidden", "%25", "%2525", "a%22b", "%3Cscript%3E", "a'b", "%ED%A0%80", "%FF%FE", "%C0%AF", "a%3Fb", "a%23b"),
        Gen.Int[201, 3000].Select(n => new string('a', n)),
        Gen.Int[1, 8].Select(n => string.Concat(Enumerable.Repeat("..%2F", n)) + "x"),
        Gen.Int[1, 31].Select(c => $"id%{c:X2}x"));

    private static readonly string[] OddPieces =
    [
        "\u202E", "\u202B", "\u200F", "\u0627\u0644", "\u05D0\u05D1", // right-to-left
        "\u200B", "\u200C", "\u200D", "\uFEFF", "\u2060", // zero-width
        "😀", "🧪", "👨‍👩‍👧", "🇺🇸", // emoji, a ZWJ sequence, a flag
        "e\u0301", "a\u0308\u0308\u0308", "\u20DD", "Z̴̡̛", // combining marks
        "\u0000", "\u0001", "\u001F", "\u007F", "\u0085", "\u2028", // NUL, controls, separators
        "../", "..\\", "%2e%2e", "%2F", "%00", "'; DROP TABLE runs;--", "<script>alert(1)</script>", "${jndi:x}", "ｆｕｌｌ",
        "ncaa-2017", "calcutta-2017", "",
    ];

    public static readonly Gen<string> OddText = Gen.Int[0, OddPieces.Length - 1].Array[1, 12]
        .Select(picks => string.Concat(picks.Select(i => OddPieces[i])));

    public static readonly Gen<string> LongText = Gen.Int[1_000, 120_000].SelectMany(n => Gen.Char["ab\u00e9\u4e2d"].Select(c => new string(c, n)));

    /// <summary>Numbers as raw JSON tokens: valid JSON, but huge, tiny, negative or past every .NET integer type.</summary>
    public static readonly Gen<string> ExtremeNumber = Gen.OneOf(
        "1e308", "-1e308", "1e999", "-1e999", "4.9e-324", "1e-400", "-0", "-0.0", "-1", "-2147483649", "2147483648",
        "9223372036854775807", "9223372036854775808", "-9223372036854775809", "123456789012345678901234567890", "0.5", "1.0000000000000002");

    /// <summary>What is never a JSON number: NaN and infinities as strings (the API takes numbers only as JSON numbers).</summary>
    public static readonly Gen<string> NumberAsString = Gen.OneOf("NaN", "Infinity", "-Infinity", "1e999", "12", "0x10", "1,000", "");

    /// <summary>Not a JSON value at all where a value belongs: bare NaN and Infinity tokens, JavaScript-isms.</summary>
    public static readonly Gen<string> InvalidToken = Gen.OneOf("NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x1F", "undefined", "'single'", "True", "nul");

    /// <summary>Bytes that are not UTF-8: an encoded surrogate (CESU-8), overlong forms, stray continuation bytes, truncations.</summary>
    public static readonly Gen<byte[]> InvalidUtf8 = Gen.OneOf(
        new byte[] { 0xED, 0xA0, 0x80 }, new byte[] { 0xED, 0xBF, 0xBF }, new byte[] { 0xC0, 0xAF }, new byte[] { 0xE0, 0x80, 0xAF },
        new byte[] { 0xFF }, new byte[] { 0xFE, 0xFF }, new byte[] { 0x80 }, new byte[] { 0xE2, 0x82 }, new byte[] { 0xF4, 0x90, 0x80, 0x80 },
        new byte[] { 0xF8, 0x88, 0x80, 0x80, 0x80 });

    /// <summary>Escaped surrogates with no partner (the JSON text <c>\ud800</c>), alone or in odd company.</summary>
    public static readonly Gen<string> LoneSurrogate = Gen.OneOf(
        @"\ud800", @"\uD800", @"\udbff", @"\udc00", @"\uDFFF", @"\ude00\ud83d", @"\ud83d\u0041", @"x\ud800y", @"\ud800\ud800");

    /// <summary>Bodies with a JSON content type that are not JSON.</summary>
    public static readonly Gen<byte[]> NotJson = Gen.OneOf(
        Gen.OneOf("<run kind=\"advancement\"/>", "kind=advancement&tournamentId=ncaa-2017", "kind,tournamentId\nadvancement,ncaa-2017", "{", "}", "{]",
            "{\"a\":1}}", "{\"a\":1,}", "{'a':1}", "{a:1}", "/* c */ {}", "{\"a\":1} // c", "\u00EF\u00BB\u00BF", " ", "\t\n")
            .Select(Encoding.UTF8.GetBytes),
        Gen.Byte.Array[1, 400]);

    /// <summary>JSON that is valid but not an object.</summary>
    public static readonly Gen<string> NotAnObject = Gen.OneOf("[]", "[{}]", "\"text\"", "42", "-1e999", "true", "null", "[[[[1]]]]");

    public static readonly Gen<string> WrongContentType = Gen.OneOf(
        "text/plain", "application/xml", "text/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/octet-stream", "text/html", "image/png", "application/jsonx", "application/javascript", "text/csv");
}
