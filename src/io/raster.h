// io/raster.h — a small software rasteriser and PNG writer for picture exports (toPng).
//
// Contents
//   1. Images
//   2. Checksums and compression (CRC-32, Adler-32, zlib with fixed-Huffman deflate)
//   3. PNG
//   4. Scenes to pixels
//
// Why our own: the engine runs in the browser too, where no image library is at hand, and a
// map picture needs little: anti-aliased discs, lines (dashed), triangles, rectangles, text.
// Text uses stb_truetype from Dear ImGui's sources when they are present at build time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "io/export.h"

namespace qfq::io::raster {

// ---------------------------------------------------------------------------
// 1. Images
// ---------------------------------------------------------------------------

struct Image {
    int width = 0, height = 0;
    std::vector<uint8_t> rgb;  // width * height * 3, rows top to bottom
};

// ---------------------------------------------------------------------------
// 2. Checksums and compression
// ---------------------------------------------------------------------------

uint32_t crc32(const uint8_t* data, size_t size, uint32_t crc = 0);
uint32_t adler32(const uint8_t* data, size_t size, uint32_t adler = 1);
// A zlib stream (RFC 1950) holding one fixed-Huffman deflate block (RFC 1951) with LZ77
// matches found through hash chains: white pictures shrink a hundredfold.
std::vector<uint8_t> zlibCompress(std::span<const uint8_t> data);

// ---------------------------------------------------------------------------
// 3. PNG
// ---------------------------------------------------------------------------

// 8-bit RGB, non-interlaced; each row filtered with None, Sub or Up (whichever looks smallest).
std::vector<uint8_t> encodePng(const Image& image);

// ---------------------------------------------------------------------------
// 4. Scenes to pixels
// ---------------------------------------------------------------------------

// Draws `scene` at `scale` device pixels per CSS pixel. `fontTtf` empty (or unreadable, or
// stb_truetype absent at build time) = labels are left out. Returns an empty image if the
// result would exceed `maxPixels`.
Image rasterise(const detail::Scene& scene, float scale, std::span<const uint8_t> fontTtf,
                size_t maxPixels = 100'000'000);

// Whether this build can draw text (stb_truetype was found).
bool hasText();

}  // namespace qfq::io::raster
