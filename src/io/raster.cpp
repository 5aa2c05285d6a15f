// io/raster.cpp — software rasteriser, deflate, PNG writer, toPng.
//
// Contents
//   1. Checksums
//   2. Deflate (fixed Huffman, LZ77 hash chains) and zlib
//   3. PNG
//   4. Coverage drawing: rectangles, discs, rings, lines (dashed), triangles
//   5. Text (stb_truetype, from Dear ImGui's sources)
//   6. rasterise, toPng
//
// Anti-aliasing is analytic: each pixel gets the coverage "distance to the shape's edge + ½"
// clamped to [0, 1], which is exact enough for discs, strokes and triangles at these sizes and
// needs no supersampling.

#include "io/raster.h"

#include <algorithm>
#include <cmath>
#include <cstring>

// stb_truetype, compiled here with static linkage so it cannot clash with Dear ImGui's own
// copy in the web app. Required (CMakeLists.txt checks it too): without it PNGs lose their text.
#if !__has_include("imstb_truetype.h")
#error "imstb_truetype.h (Dear ImGui's sources) is missing: run scripts/setup.sh"
#endif
#define QFQ_HAVE_STBTT 1
#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#include "imstb_truetype.h"

namespace qfq::io::raster {

// ---------------------------------------------------------------------------
// 1. Checksums
// ---------------------------------------------------------------------------

uint32_t crc32(const uint8_t* data, size_t size, uint32_t crc) {
    static const auto table = [] {
        std::vector<uint32_t> t(256);
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (size_t i = 0; i < size; ++i) crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
    return ~crc;
}

uint32_t adler32(const uint8_t* data, size_t size, uint32_t adler) {
    uint32_t a = adler & 0xFFFF, b = adler >> 16;
    while (size) {
        size_t n = std::min<size_t>(size, 5552);  // largest n with no 32-bit overflow
        for (size_t i = 0; i < n; ++i) a += data[i], b += a;
        a %= 65521, b %= 65521;
        data += n, size -= n;
    }
    return (b << 16) | a;
}

// ---------------------------------------------------------------------------
// 2. Deflate and zlib
// ---------------------------------------------------------------------------

namespace {

struct BitWriter {
    std::vector<uint8_t>& out;
    uint64_t bits = 0;
    int count = 0;
    void put(uint32_t value, int n) {  // LSB first
        bits |= uint64_t(value) << count;
        count += n;
        while (count >= 8) {
            out.push_back(uint8_t(bits));
            bits >>= 8;
            count -= 8;
        }
    }
    // Huffman codes are sent most significant bit first.
    void code(uint32_t value, int n) {
        uint32_t reversed = 0;
        for (int i = 0; i < n; ++i) reversed |= ((value >> i) & 1u) << (n - 1 - i);
        put(reversed, n);
    }
    void flush() {
        if (count > 0) out.push_back(uint8_t(bits));
        bits = 0, count = 0;
    }
};

const uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                  31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
const uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                  2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
const uint16_t kDistBase[30] = {1,    2,    3,    4,    5,    7,    9,    13,    17,    25,
                                33,   49,   65,   97,   129,  193,  257,  385,   513,   769,
                                1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
const uint8_t kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

void literal(BitWriter& w, int symbol) {
    if (symbol < 144)
        w.code(0x30 + symbol, 8);
    else if (symbol < 256)
        w.code(0x190 + symbol - 144, 9);
    else if (symbol < 280)
        w.code(symbol - 256, 7);
    else
        w.code(0xC0 + symbol - 280, 8);
}

void match(BitWriter& w, int length, int distance) {
    int l = 28;
    while (kLengthBase[l] > length) --l;
    literal(w, 257 + l);
    if (kLengthExtra[l]) w.put(uint32_t(length - kLengthBase[l]), kLengthExtra[l]);
    int d = 29;
    while (kDistBase[d] > distance) --d;
    w.code(uint32_t(d), 5);
    if (kDistExtra[d]) w.put(uint32_t(distance - kDistBase[d]), kDistExtra[d]);
}

}  // namespace

std::vector<uint8_t> zlibCompress(std::span<const uint8_t> data) {
    std::vector<uint8_t> out = {0x78, 0x01};
    BitWriter w{out};
    w.put(1, 1);  // BFINAL
    w.put(1, 2);  // BTYPE = fixed Huffman
    constexpr size_t kWindow = 32768, kHashSize = 1 << 16, kMaxChain = 24;
    std::vector<int64_t> head(kHashSize, -1), prev(kWindow, -1);
    const size_t n = data.size();
    auto hash = [&](size_t i) {
        return ((uint32_t(data[i]) << 16 | uint32_t(data[i + 1]) << 8 | data[i + 2]) * 2654435761u) >> 16;
    };
    auto insert = [&](size_t i) {
        if (i + 2 >= n) return;
        uint32_t h = hash(i);
        prev[i % kWindow] = head[h];
        head[h] = int64_t(i);
    };
    for (size_t i = 0; i < n;) {
        int bestLength = 0;
        size_t bestDistance = 0;
        if (i + 2 < n) {
            int64_t candidate = head[hash(i)];
            size_t limit = std::min<size_t>(258, n - i);
            for (size_t chain = 0; candidate >= 0 && chain < kMaxChain; ++chain) {
                size_t c = size_t(candidate), distance = i - c;
                if (distance == 0 || distance > kWindow - 1) break;
                size_t len = 0;
                while (len < limit && data[c + len] == data[i + len]) ++len;
                if (int(len) > bestLength) bestLength = int(len), bestDistance = distance;
                if (len == limit) break;
                int64_t next = prev[c % kWindow];
                if (next >= candidate) break;  // the slot was reused by a newer position
                candidate = next;
            }
        }
        if (bestLength >= 3) {
            match(w, bestLength, int(bestDistance));
            for (int k = 0; k < bestLength; ++k) insert(i + size_t(k));
            i += size_t(bestLength);
        } else {
            literal(w, data[i]);
            insert(i);
            ++i;
        }
    }
    literal(w, 256);  // end of block
    w.flush();
    uint32_t adler = adler32(data.data(), data.size());
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(uint8_t(adler >> shift));
    return out;
}

// ---------------------------------------------------------------------------
// 3. PNG
// ---------------------------------------------------------------------------

namespace {

void chunk(std::vector<uint8_t>& png, const char* type, const std::vector<uint8_t>& data) {
    uint32_t size = uint32_t(data.size());
    for (int shift = 24; shift >= 0; shift -= 8) png.push_back(uint8_t(size >> shift));
    size_t start = png.size();
    png.insert(png.end(), type, type + 4);
    png.insert(png.end(), data.begin(), data.end());
    uint32_t crc = crc32(png.data() + start, png.size() - start);
    for (int shift = 24; shift >= 0; shift -= 8) png.push_back(uint8_t(crc >> shift));
}

void be32(std::vector<uint8_t>& v, uint32_t x) {
    for (int shift = 24; shift >= 0; shift -= 8) v.push_back(uint8_t(x >> shift));
}

}  // namespace

std::vector<uint8_t> encodePng(const Image& image) {
    const size_t stride = size_t(image.width) * 3;
    std::vector<uint8_t> filtered;
    filtered.reserve((stride + 1) * size_t(image.height));
    std::vector<uint8_t> sub(stride), up(stride);
    for (int y = 0; y < image.height; ++y) {
        const uint8_t* row = image.rgb.data() + size_t(y) * stride;
        const uint8_t* above = y ? row - stride : nullptr;
        uint64_t costNone = 0, costSub = 0, costUp = 0;
        for (size_t i = 0; i < stride; ++i) {
            sub[i] = uint8_t(row[i] - (i >= 3 ? row[i - 3] : 0));
            up[i] = uint8_t(row[i] - (above ? above[i] : 0));
            costNone += std::min<int>(row[i], 256 - row[i]);
            costSub += std::min<int>(sub[i], 256 - sub[i]);
            costUp += std::min<int>(up[i], 256 - up[i]);
        }
        if (costUp <= costSub && costUp <= costNone) {
            filtered.push_back(2);
            filtered.insert(filtered.end(), up.begin(), up.end());
        } else if (costSub <= costNone) {
            filtered.push_back(1);
            filtered.insert(filtered.end(), sub.begin(), sub.end());
        } else {
            filtered.push_back(0);
            filtered.insert(filtered.end(), row, row + stride);
        }
    }
    std::vector<uint8_t> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<uint8_t> header;
    be32(header, uint32_t(image.width));
    be32(header, uint32_t(image.height));
    header.insert(header.end(), {8, 2, 0, 0, 0});  // 8 bits, RGB, deflate, adaptive filter, no interlace
    chunk(png, "IHDR", header);
    chunk(png, "IDAT", zlibCompress(filtered));
    chunk(png, "IEND", {});
    return png;
}

// ---------------------------------------------------------------------------
// 4. Coverage drawing
// ---------------------------------------------------------------------------

namespace {

struct Clip {
    int x0, y0, x1, y1;  // pixels [x0, x1) × [y0, y1)
};

struct Canvas {
    Image& image;
    Clip clip;

    void blend(int x, int y, uint32_t colour, float a) {
        if (a <= 0 || x < clip.x0 || y < clip.y0 || x >= clip.x1 || y >= clip.y1) return;
        a = std::min(a, 1.0f);
        uint8_t* p = image.rgb.data() + (size_t(y) * size_t(image.width) + size_t(x)) * 3;
        const float c[3] = {float((colour >> 16) & 255), float((colour >> 8) & 255), float(colour & 255)};
        for (int k = 0; k < 3; ++k) p[k] = uint8_t(std::lround(p[k] + (c[k] - p[k]) * a));
    }
    // Calls f(x, y, px, py) for each pixel of the box, clipped; px/py = pixel centre.
    template <class F>
    void box(float bx0, float by0, float bx1, float by1, F f) {
        int x0 = std::max(clip.x0, int(std::floor(bx0))), x1 = std::min(clip.x1, int(std::ceil(bx1)) + 1);
        int y0 = std::max(clip.y0, int(std::floor(by0))), y1 = std::min(clip.y1, int(std::ceil(by1)) + 1);
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) f(x, y, float(x) + 0.5f, float(y) + 0.5f);
    }
};

float clamp01(float v) {
    return v < 0 ? 0 : v > 1 ? 1 : v;
}

void fillRect(Canvas& c, float x0, float y0, float x1, float y1, uint32_t colour, float alpha) {
    c.box(x0, y0, x1, y1, [&](int x, int y, float, float) {
        float cx = clamp01(std::min(x1, float(x) + 1) - std::max(x0, float(x)));
        float cy = clamp01(std::min(y1, float(y) + 1) - std::max(y0, float(y)));
        c.blend(x, y, colour, cx * cy * alpha);
    });
}

void fillDisc(Canvas& c, float cx, float cy, float r, uint32_t colour, float alpha) {
    c.box(cx - r - 1, cy - r - 1, cx + r + 1, cy + r + 1, [&](int x, int y, float px, float py) {
        float d = std::sqrt((px - cx) * (px - cx) + (py - cy) * (py - cy));
        c.blend(x, y, colour, clamp01(r - d + 0.5f) * alpha);
    });
}

void ring(Canvas& c, float cx, float cy, float r, float width, uint32_t colour) {
    fillDisc(c, cx, cy, r - 0.5f, 0xFFFFFF, 1);
    c.box(cx - r - 1, cy - r - 1, cx + r + 1, cy + r + 1, [&](int x, int y, float px, float py) {
        float d = std::sqrt((px - cx) * (px - cx) + (py - cy) * (py - cy));
        c.blend(x, y, colour, clamp01(r - d + 0.5f) - clamp01(r - width - d + 0.5f));
    });
}

// A stroke with butt ends; `on`/`off` > 0 = dash pattern along it (in pixels).
void strokeLine(Canvas& c, float x0, float y0, float x1, float y1, float width, uint32_t colour, float alpha,
                float on, float off) {
    float dx = x1 - x0, dy = y1 - y0, len = std::sqrt(dx * dx + dy * dy);
    if (len < 1e-3f) return;
    float ux = dx / len, uy = dy / len, h = width * 0.5f;
    c.box(std::min(x0, x1) - h - 1, std::min(y0, y1) - h - 1, std::max(x0, x1) + h + 1,
          std::max(y0, y1) + h + 1, [&](int x, int y, float px, float py) {
              float t = (px - x0) * ux + (py - y0) * uy;
              float d = std::fabs((px - x0) * uy - (py - y0) * ux);
              float a = clamp01(h - d + 0.5f) * clamp01(std::min(t, len - t) + 0.5f);
              if (on > 0 && a > 0) {
                  float period = on + off, m = std::fmod(std::max(t, 0.0f), period);
                  a *= m <= on ? clamp01(std::min(m, on - m) + 0.5f)
                               : clamp01(0.5f - std::min(m - on, period - m));
              }
              c.blend(x, y, colour, a * alpha);
          });
}

void fillTriangle(Canvas& c, const float (&px)[3], const float (&py)[3], uint32_t colour, float alpha) {
    // Orient counter-clockwise so every edge's inside is to its left.
    float area = (px[1] - px[0]) * (py[2] - py[0]) - (py[1] - py[0]) * (px[2] - px[0]);
    int order[3] = {0, area < 0 ? 2 : 1, area < 0 ? 1 : 2};
    float nx[3], ny[3], off[3];
    for (int e = 0; e < 3; ++e) {
        int a = order[e], b = order[(e + 1) % 3];
        float ex = px[b] - px[a], ey = py[b] - py[a], l = std::sqrt(ex * ex + ey * ey);
        if (l < 1e-4f) return;
        nx[e] = -ey / l, ny[e] = ex / l, off[e] = nx[e] * px[a] + ny[e] * py[a];
    }
    float minX = std::min({px[0], px[1], px[2]}), maxX = std::max({px[0], px[1], px[2]});
    float minY = std::min({py[0], py[1], py[2]}), maxY = std::max({py[0], py[1], py[2]});
    c.box(minX - 1, minY - 1, maxX + 1, maxY + 1, [&](int x, int y, float qx, float qy) {
        float d = INFINITY;
        for (int e = 0; e < 3; ++e) d = std::min(d, nx[e] * qx + ny[e] * qy - off[e]);
        c.blend(x, y, colour, clamp01(d + 0.5f) * alpha);
    });
}

// ---------------------------------------------------------------------------
// 5. Text
// ---------------------------------------------------------------------------

std::vector<uint32_t> codepoints(std::string_view s) {
    std::vector<uint32_t> out;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        uint32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (int k = 1; k < n && i + size_t(k) < s.size(); ++k) cp = (cp << 6) | (s[i + size_t(k)] & 0x3F);
        out.push_back(cp);
        i += size_t(n);
    }
    return out;
}

#if QFQ_HAVE_STBTT
struct Font {
    stbtt_fontinfo info{};
    bool ok = false;
};

void drawText(Canvas& c, const Font& font, const detail::Shape& s, float scale) {
    const float em = s.size * scale, k = stbtt_ScaleForMappingEmToPixels(&font.info, em);
    std::vector<uint32_t> text = codepoints(s.text);
    float width = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        int advance = 0, lsb = 0;
        stbtt_GetCodepointHMetrics(&font.info, int(text[i]), &advance, &lsb);
        width += float(advance) * k;  // no kerning: the app's atlas and layout/labels.h have none
    }
    int ascent = 0, descent = 0, gap = 0;
    stbtt_GetFontVMetrics(&font.info, &ascent, &descent, &gap);
    float startX = s.x0 * scale - (s.anchor == 1 ? width * 0.5f : s.anchor == 2 ? width : 0.0f);
    const int pad = int(std::ceil(2 * scale)) + 1;
    const int baseline = int(std::lround(s.y0 * scale));
    const int mx0 = int(std::floor(startX)) - pad, my0 = baseline - int(std::ceil(float(ascent) * k)) - pad;
    const int mw = int(std::ceil(width)) + 2 * pad + 2,
              mh = int(std::ceil(float(ascent - descent) * k)) + 2 * pad + 2;
    if (mw <= 0 || mh <= 0 || size_t(mw) * size_t(mh) > 50'000'000) return;
    std::vector<float> mask(size_t(mw) * size_t(mh), 0.0f);
    std::vector<unsigned char> glyph;
    float pen = startX;
    for (size_t i = 0; i < text.size(); ++i) {
        int cp = int(text[i]), advance = 0, lsb = 0, gx0 = 0, gy0 = 0, gx1 = 0, gy1 = 0;
        stbtt_GetCodepointHMetrics(&font.info, cp, &advance, &lsb);
        float frac = pen - std::floor(pen);
        stbtt_GetCodepointBitmapBoxSubpixel(&font.info, cp, k, k, frac, 0, &gx0, &gy0, &gx1, &gy1);
        int gw = gx1 - gx0, gh = gy1 - gy0;
        if (gw > 0 && gh > 0) {
            glyph.assign(size_t(gw) * size_t(gh), 0);
            stbtt_MakeCodepointBitmapSubpixel(&font.info, glyph.data(), gw, gh, gw, k, k, frac, 0, cp);
            int ox = int(std::floor(pen)) + gx0 - mx0, oy = baseline + gy0 - my0;
            for (int gy = 0; gy < gh; ++gy)
                for (int gx = 0; gx < gw; ++gx) {
                    int x = ox + gx, y = oy + gy;
                    if (x < 0 || y < 0 || x >= mw || y >= mh) continue;
                    float& m = mask[size_t(y) * size_t(mw) + size_t(x)];
                    m = std::min(1.0f, m + float(glyph[size_t(gy) * size_t(gw) + size_t(gx)]) / 255.0f);
                }
        }
        pen += float(advance) * k;
    }
    // Max filter over a (2r+1)-wide box, rows then columns: used for the halo and fake bold.
    auto dilate = [&](const std::vector<float>& in, int rx, int ry) {
        std::vector<float> tmp(in.size()), out(in.size());
        for (int y = 0; y < mh; ++y)
            for (int x = 0; x < mw; ++x) {
                float m = 0;
                for (int d = -rx; d <= rx; ++d)
                    if (x + d >= 0 && x + d < mw) m = std::max(m, in[size_t(y) * size_t(mw) + size_t(x + d)]);
                tmp[size_t(y) * size_t(mw) + size_t(x)] = m;
            }
        for (int y = 0; y < mh; ++y)
            for (int x = 0; x < mw; ++x) {
                float m = 0;
                for (int d = -ry; d <= ry; ++d)
                    if (y + d >= 0 && y + d < mh)
                        m = std::max(m, tmp[size_t(y + d) * size_t(mw) + size_t(x)]);
                out[size_t(y) * size_t(mw) + size_t(x)] = m;
            }
        return out;
    };
    if (s.bold) {
        std::vector<float> bold(mask.size());
        int shift = std::max(1, int(std::lround(0.6f * scale)));
        for (int y = 0; y < mh; ++y)
            for (int x = 0; x < mw; ++x) {
                float m = mask[size_t(y) * size_t(mw) + size_t(x)];
                for (int d = 1; d <= shift && x - d >= 0; ++d)
                    m = std::max(m, mask[size_t(y) * size_t(mw) + size_t(x - d)]);
                bold[size_t(y) * size_t(mw) + size_t(x)] = m;
            }
        mask = std::move(bold);
    }
    if (s.halo) {
        int r = std::max(1, int(std::lround(1.5f * scale)));
        std::vector<float> halo = dilate(mask, r, r);
        for (int y = 0; y < mh; ++y)
            for (int x = 0; x < mw; ++x)
                c.blend(mx0 + x, my0 + y, 0xFFFFFF, halo[size_t(y) * size_t(mw) + size_t(x)] * 0.9f);
    }
    for (int y = 0; y < mh; ++y)
        for (int x = 0; x < mw; ++x)
            c.blend(mx0 + x, my0 + y, s.colour, mask[size_t(y) * size_t(mw) + size_t(x)] * s.alpha);
}
#endif

}  // namespace

// ---------------------------------------------------------------------------
// 6. rasterise, toPng
// ---------------------------------------------------------------------------

bool hasText() {
    return QFQ_HAVE_STBTT != 0;
}

Image rasterise(const detail::Scene& scene, float scale, std::span<const uint8_t> fontTtf, size_t maxPixels) {
    using detail::Shape;
    Image image;
    if (!(scale > 0) || !std::isfinite(scene.width * scale) || !std::isfinite(scene.height * scale))
        return image;
    double w = std::ceil(double(scene.width) * scale), h = std::ceil(double(scene.height) * scale);
    if (w < 1 || h < 1 || w * h > double(maxPixels)) return image;
    image.width = int(w), image.height = int(h);
    image.rgb.assign(size_t(image.width) * size_t(image.height) * 3, 255);
#if QFQ_HAVE_STBTT
    Font font;
    if (fontTtf.size() > 12 && stbtt_GetFontOffsetForIndex(fontTtf.data(), 0) >= 0)
        font.ok =
            stbtt_InitFont(&font.info, fontTtf.data(), stbtt_GetFontOffsetForIndex(fontTtf.data(), 0)) != 0;
#else
    (void)fontTtf;
#endif
    const Clip whole{0, 0, image.width, image.height};
    const Clip mapArea{0, std::max(0, int(std::floor(scene.clipTop * scale))), image.width,
                       std::min(image.height, int(std::ceil(scene.clipBottom * scale)))};
    for (size_t i = 0; i < scene.shapes.size(); ++i) {
        const Shape& s = scene.shapes[i];
        Canvas c{image, i >= scene.clipFrom && i < scene.clipTo ? mapArea : whole};
        switch (s.kind) {
            case Shape::Rect:
                fillRect(c, s.x0 * scale, s.y0 * scale, s.x1 * scale, s.y1 * scale, s.colour, s.alpha);
                break;
            case Shape::Line: {
                float on = 0, off = 0;
                if (s.dash == Dash::Dashed) on = 6 * scale, off = 4 * scale;
                if (s.dash == Dash::Dotted) on = 1.5f * scale, off = 3 * scale;
                strokeLine(c, s.x0 * scale, s.y0 * scale, s.x1 * scale, s.y1 * scale, s.width * scale,
                           s.colour, s.alpha, on, off);
                break;
            }
            case Shape::Arrow: {
                float dx = s.x1 - s.x0, dy = s.y1 - s.y0, len = std::sqrt(dx * dx + dy * dy);
                if (len <= 0) break;
                float ux = dx / len, uy = dy / len, bx = s.x1 - ux * s.r, by = s.y1 - uy * s.r,
                      hw = s.r * 0.45f;
                const float tx[3] = {s.x1 * scale, (bx - uy * hw) * scale, (bx + uy * hw) * scale};
                const float ty[3] = {s.y1 * scale, (by + ux * hw) * scale, (by - ux * hw) * scale};
                fillTriangle(c, tx, ty, s.colour, s.alpha);
                break;
            }
            case Shape::Disc:
                if (s.width > 0)
                    ring(c, s.x0 * scale, s.y0 * scale, s.r * scale, s.width * scale, s.colour);
                else
                    fillDisc(c, s.x0 * scale, s.y0 * scale, s.r * scale, s.colour, s.alpha);
                break;
            case Shape::Label:
#if QFQ_HAVE_STBTT
                if (font.ok) drawText(c, font, s, scale);
#endif
                break;
        }
    }
    return image;
}

}  // namespace qfq::io::raster

namespace qfq::io {

std::vector<uint8_t> toPng(const Map& map, const std::vector<float>& x, const std::vector<float>& y,
                           const View& view, const ExportOptions& options, std::span<const uint8_t> fontTtf) {
    raster::Image image =
        raster::rasterise(detail::buildScene(map, x, y, view, options), options.scale, fontTtf);
    if (image.width == 0) return {};
    return raster::encodePng(image);
}

}  // namespace qfq::io
