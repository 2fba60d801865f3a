using System.Text;
using Tradewind.Catalog.Media;

namespace Tradewind.Catalog.Tests.Media;

public sealed class ImageHeaderTests
{
    private static readonly byte[] Png1x2 = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAACCAIAAAAW4yFwAAAAEElEQVR4nGP4z8DAxMDAAAAPCQEDE1oV3AAAAABJRU5ErkJggg==");

    [Fact]
    public void A_png_is_recognised_with_its_size()
    {
        var header = ImageHeader.Read(Png1x2, out var problem);

        Assert.Null(problem);
        Assert.Equal(new ImageHeader("image/png", 1, 2), header);
    }

    [Fact]
    public void A_jpeg_is_recognised_from_its_start_of_frame()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x30, 0x00, 0x40, 0x03, 0, 0, 0, 0];

        Assert.Equal(new ImageHeader("image/jpeg", 64, 48), ImageHeader.Read(jpeg, out _));
    }

    [Fact]
    public void A_webp_is_recognised()
    {
        var webp = Encoding.ASCII.GetBytes("RIFF\0\0\0\0WEBPVP8X").Concat(new byte[14]).ToArray();
        webp[24] = 99;
        webp[27] = 49;

        Assert.Equal(new ImageHeader("image/webp", 100, 50), ImageHeader.Read(webp, out _));
    }

    [Theory]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<?xml version=\"1.0\"?><svg/>")]
    public void Svg_is_refused_by_name(string svg)
    {
        Assert.Null(ImageHeader.Read(Encoding.UTF8.GetBytes(svg), out var problem));
        Assert.Contains("SVG", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Anything_else_is_refused_whatever_its_name()
    {
        Assert.Null(ImageHeader.Read("GIF89a"u8, out var problem));
        Assert.Contains("PNG, JPEG or WebP", problem, StringComparison.Ordinal);
    }
}
