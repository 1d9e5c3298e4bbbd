// Scanned pages through Tesseract's C API (LSTM engine, the Vietnamese model) and images
// through leptonica, which Tesseract reads its pictures with. The recognized words come out in
// the layout of `solieu_pdf_page` (boxes in points), so one layout pass serves text layers and
// scans alike, followed by each word's text and confidence.
#include "CSolieuShim.h"
#include "bytes.h"

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct solieu_ocr {
    TessBaseAPI *api;
};

static pthread_once_t quiet_once = PTHREAD_ONCE_INIT;
// Leptonica writes its errors to stderr ("pixReadMem: image not returned"): the caller reports
// them, once and with the file's name.
static void quiet(void) { setMsgSeverity(L_SEVERITY_NONE); }

int32_t solieu_ocr_open(const char *tessdata, const char *language, solieu_ocr **out, char *message, size_t message_size) {
    pthread_once(&quiet_once, quiet);
    *out = NULL;
    if (message_size) message[0] = 0;
    TessBaseAPI *api = TessBaseAPICreate();
    if (!api) return SOLIEU_ERR_ALLOC;
    // Tesseract's own messages ("Estimating resolution …") go nowhere.
    if (TessBaseAPIInit4(api, tessdata, language, OEM_LSTM_ONLY, NULL, 0, NULL, NULL, 0, 0) != 0) {
        if (message_size) snprintf(message, message_size, "Tesseract cannot load the '%s' model from %s", language, tessdata ? tessdata : "its default folder");
        TessBaseAPIDelete(api);
        return SOLIEU_ERR_PARSER;
    }
    TessBaseAPISetVariable(api, "debug_file", "/dev/null");
    // Scans are dark text on light paper: no second pass over each line inverted (Tesseract 5
    // tries one wherever a line reads poorly, which costs time on every noisy page).
    TessBaseAPISetVariable(api, "tessedit_do_invert", "0");
    TessBaseAPISetPageSegMode(api, PSM_AUTO);
    solieu_ocr *ocr = calloc(1, sizeof *ocr);
    if (!ocr) { TessBaseAPIEnd(api); TessBaseAPIDelete(api); return SOLIEU_ERR_ALLOC; }
    ocr->api = api;
    *out = ocr;
    return SOLIEU_OK;
}

void solieu_ocr_close(solieu_ocr *ocr) {
    if (!ocr) return;
    TessBaseAPIEnd(ocr->api);
    TessBaseAPIDelete(ocr->api);
    free(ocr);
}

int32_t solieu_image_info(const uint8_t *bytes, size_t length, int32_t *width, int32_t *height, int32_t *pages, int32_t *dpi) {
    pthread_once(&quiet_once, quiet);
    *width = *height = *pages = *dpi = 0;
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    if (!bytes || length < 8 || pixReadHeaderMem(bytes, length, &format, &w, &h, &bps, &spp, &cmap) != 0 || w <= 0 || h <= 0)
        return SOLIEU_ERR_PARSER;
    *width = w;
    *height = h;
    *pages = 1;
    if (format == IFF_TIFF || format == IFF_TIFF_G4 || format == IFF_TIFF_G3 || format == IFF_TIFF_LZW
        || format == IFF_TIFF_ZIP || format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE || format == IFF_TIFF_JPEG) {
        FILE *f = fmemopen((void *)bytes, length, "rb");
        l_int32 n = 0;
        if (f) { if (tiffGetCount(f, &n) == 0 && n > 0) *pages = n; fclose(f); }
    }
    l_int32 xres = 0, yres = 0;
    if (format == IFF_JFIF_JPEG) readResolutionMemJpeg(bytes, length, &xres, &yres);
    *dpi = xres;
    return SOLIEU_OK;
}

static void put(uint8_t **p, const void *v, size_t n) { memcpy(*p, v, n); *p += n; }

// One character of the page buffer: its code point and box.
static void put_char(ShimBytes *b, uint32_t cp, float x1, float y1, float x2, float y2) {
    if (!shim_reserve(b, 20)) return;
    float box[4] = {x1, y1, x2, y2};
    shim_put_u32(b, cp);
    shim_put(b, box, 16);
}

// UTF-8 → code points (Tesseract's words are valid UTF-8).
static size_t decode(const char *s, uint32_t *out, size_t max) {
    size_t n = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && n < max) {
        uint32_t c = *p++;
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        if (extra) c &= (0x3F >> extra);
        while (extra-- > 0 && (*p & 0xC0) == 0x80) c = (c << 6) | (*p++ & 0x3F);
        out[n++] = c;
    }
    return n;
}

static int has_alnum(const char *s) {
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || *p >= 0xC0) return 1;
    return 0;
}

// Recognizes `pix` (any depth) at `dpi`: see `solieu_ocr_image` for the buffer.
static int32_t recognize(solieu_ocr *ocr, PIX *pix, int32_t dpi, int32_t deadline_ms, uint8_t **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    TessBaseAPI *api = ocr->api;
    // A page scanned a little askew is turned straight first: the layout reads lines and columns
    // by where their words sit, and a turned page runs one column's lines into the other's.
    PIX *straight = pixDeskew(pix, 0);
    TessBaseAPISetImage2(api, straight ? straight : pix);
    TessBaseAPISetSourceResolution(api, dpi);
    ETEXT_DESC *monitor = TessMonitorCreate();
    if (monitor && deadline_ms > 0) TessMonitorSetDeadlineMSecs(monitor, deadline_ms);
    int rc = TessBaseAPIRecognize(api, monitor);
    if (monitor) TessMonitorDelete(monitor);
    if (rc != 0) { TessBaseAPIClear(api); if (straight) pixDestroy(&straight); return SOLIEU_ERR_PARSER; }
    float scale = 72.0f / (float)dpi;
    ShimBytes chars = {0}, words = {0};
    uint32_t nchars = 0, nwords = 0;
    TessResultIterator *ri = TessBaseAPIGetIterator(api);
    if (ri) {
        TessPageIterator *pi = TessResultIteratorGetPageIterator(ri);
        int first = 1;
        do {
            if (TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE) && !first) {
                put_char(&chars, '\n', 0, 0, 0, 0);
                nchars++;
            }
            char *word = TessResultIteratorGetUTF8Text(ri, RIL_WORD);
            if (!word) continue;
            int l = 0, t = 0, r = 0, b = 0;
            TessPageIteratorBoundingBox(pi, RIL_WORD, &l, &t, &r, &b);
            float conf = TessResultIteratorConfidence(ri, RIL_WORD);
            // Specks, rules and stamps read as marks the engine itself doubts ("»«", "_", ":" at
            // confidence 0): a word with no letter or digit under 20 is left out.
            if (conf < 20 && !has_alnum(word)) { TessDeleteText(word); continue; }
            uint32_t cps[256];
            size_t n = decode(word, cps, 256);
            if (n > 0) {
                if (!first && !TessPageIteratorIsAtBeginningOf(pi, RIL_TEXTLINE)) {
                    // A space between two words of a line, over the gap between them.
                    put_char(&chars, ' ', (float)l * scale, (float)t * scale, (float)l * scale, (float)b * scale);
                    nchars++;
                }
                // The word's box shared out evenly between its characters.
                float x = (float)l * scale, step = (float)(r - l) * scale / (float)n;
                for (size_t k = 0; k < n; k++) {
                    put_char(&chars, cps[k], x + step * (float)k, (float)t * scale, x + step * (float)(k + 1), (float)b * scale);
                    nchars++;
                }
                size_t bytes = strlen(word);
                if (bytes > 0xFFFF) bytes = 0xFFFF;
                uint16_t b16 = (uint16_t)bytes;
                if (shim_reserve(&words, 6 + bytes)) {
                    shim_put(&words, &conf, 4);
                    shim_put_u16(&words, b16);
                    shim_put(&words, word, bytes);
                }
                nwords++;
                first = 0;
            }
            TessDeleteText(word);
        } while (!chars.failed && !words.failed && TessResultIteratorNext(ri, RIL_WORD));
        TessResultIteratorDelete(ri);
    }
    TessBaseAPIClear(api);
    l_int32 w = pixGetWidth(pix), h = pixGetHeight(pix);
    if (straight) pixDestroy(&straight);
    size_t size = 4 + 4 + 4 + chars.length + 4 + 4 + words.length;
    uint8_t *buffer = chars.failed || words.failed ? NULL : malloc(size);
    if (!buffer) { free(chars.data); free(words.data); return SOLIEU_ERR_ALLOC; }
    uint8_t *p = buffer;
    float fw = (float)w * scale, fh = (float)h * scale;
    uint32_t zero = 0;
    put(&p, &fw, 4); put(&p, &fh, 4); put(&p, &nchars, 4);
    if (chars.length) put(&p, chars.data, chars.length);
    put(&p, &zero, 4);
    put(&p, &nwords, 4);
    if (words.length) put(&p, words.data, words.length);
    free(chars.data);
    free(words.data);
    *out = buffer;
    *out_length = size;
    return SOLIEU_OK;
}

// A grey (or bilevel) copy the engine reads well: colour and alpha dropped, colormaps applied.
static PIX *grey(PIX *pix) {
    if (!pix) return NULL;
    l_int32 d = pixGetDepth(pix);
    if (d == 1 || (d == 8 && !pixGetColormap(pix))) return pixClone(pix);
    return pixConvertTo8(pix, 0);
}

int32_t solieu_ocr_image(solieu_ocr *ocr, const uint8_t *bytes, size_t length, int32_t page, int64_t max_pixels, int32_t fallback_dpi,
                         int32_t read_dpi, int32_t deadline_ms, uint8_t **out, size_t *out_length) {
    pthread_once(&quiet_once, quiet);
    *out = NULL;
    *out_length = 0;
    if (!ocr) return SOLIEU_ERR_PARSER;
    int32_t w, h, pages, dpi;
    if (solieu_image_info(bytes, length, &w, &h, &pages, &dpi) != SOLIEU_OK) return SOLIEU_ERR_PARSER;
    // Checked before any pixel is decoded: a 20,000 × 20,000 picture is 400 million of them.
    if ((int64_t)w * (int64_t)h > max_pixels) return SOLIEU_ERR_TOO_LARGE;
    if (page < 0 || page >= pages) return SOLIEU_ERR_PARSER;
    PIX *pix = pages > 1 || page > 0 ? pixReadMemTiff(bytes, length, page) : pixReadMem(bytes, length);
    if (!pix) return SOLIEU_ERR_CORRUPT;
    if ((int64_t)pixGetWidth(pix) * (int64_t)pixGetHeight(pix) > max_pixels) { pixDestroy(&pix); return SOLIEU_ERR_TOO_LARGE; }
    l_int32 xres = pixGetXRes(pix);
    // A resolution under 70 dpi is a missing or wrong tag, not a scan's.
    if (xres < 70 || xres > 1200) xres = dpi >= 70 && dpi <= 1200 ? dpi : fallback_dpi;
    PIX *g = grey(pix);
    pixDestroy(&pix);
    if (!g) return SOLIEU_ERR_ALLOC;
    int32_t dpi_read = xres;
    if (read_dpi > 0 && xres > read_dpi + read_dpi / 10) {
        // Read at `read_dpi`: the engine's error rate is no higher there (measured on the
        // fixtures' scans), and a page of fewer pixels is read sooner.
        PIX *eight = pixGetDepth(g) == 8 ? pixClone(g) : pixConvertTo8(g, 0);
        PIX *scaled = eight ? pixScaleGrayLI(eight, (l_float32)read_dpi / (l_float32)xres, (l_float32)read_dpi / (l_float32)xres) : NULL;
        pixDestroy(&eight);
        if (scaled) { pixDestroy(&g); g = scaled; dpi_read = read_dpi; }
    }
    int32_t rc = recognize(ocr, g, dpi_read, deadline_ms, out, out_length);
    pixDestroy(&g);
    return rc;
}

int32_t solieu_ocr_grey(solieu_ocr *ocr, const uint8_t *pixels, int32_t width, int32_t height, int32_t dpi, int32_t deadline_ms,
                        uint8_t **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    if (!ocr || !pixels || width <= 0 || height <= 0 || dpi <= 0) return SOLIEU_ERR_PARSER;
    PIX *pix = pixCreate(width, height, 8);
    if (!pix) return SOLIEU_ERR_ALLOC;
    pixSetResolution(pix, dpi, dpi);
    l_uint32 *data = pixGetData(pix);
    l_int32 wpl = pixGetWpl(pix);
    for (int32_t y = 0; y < height; y++) {
        l_uint32 *line = data + (size_t)y * (size_t)wpl;
        const uint8_t *row = pixels + (size_t)y * (size_t)width;
        for (int32_t x = 0; x < width; x++) SET_DATA_BYTE(line, x, row[x]);
    }
    int32_t rc = recognize(ocr, pix, dpi, deadline_ms, out, out_length);
    pixDestroy(&pix);
    return rc;
}
