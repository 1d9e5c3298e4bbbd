// CSolieuShim: the only code in solieu that includes libxml2, ICU, zlib, poppler, cairo, Tesseract or
// leptonica headers.
//
// Its public surface uses plain C types only, so that Swift never sees libxml2's or the system
// ICU's declarations (which clash with Foundation's own ICU module on Linux, and whose ICU
// function names are version-renamed macros Swift cannot call).
#ifndef CSOLIEU_SHIM_H
#define CSOLIEU_SHIM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Event kinds written by `solieu_html_events`.
enum {
    SOLIEU_EV_START = 1,  ///< tag, u8 attribute count, then per attribute: u8 attribute id
                          ///< (`solieu_html_attribute_name`), u32 value length, value (UTF-8)
    SOLIEU_EV_END = 2,    ///< tag
                          ///< (a tag is a u8 id, `solieu_html_tag_name`; id 0 is followed by
                          ///< u16 name length and the name's bytes)
    SOLIEU_EV_TEXT = 3,   ///< u32 length, UTF-8 bytes (entities already decoded)
};

/// Error codes (negative) returned by the shim.
enum {
    SOLIEU_OK = 0,
    SOLIEU_ERR_ALLOC = -1,
    SOLIEU_ERR_PARSER = -2,
    SOLIEU_ERR_CHARSET = -3,
    SOLIEU_ERR_CONVERT = -4,
    SOLIEU_ERR_TOO_LARGE = -5,
    SOLIEU_ERR_CORRUPT = -6,   ///< compressed data that does not decode (or ends too soon)
    SOLIEU_ERR_DTD = -7,       ///< an XML part that declares a DTD (refused: entities never load)
    SOLIEU_ERR_ENCRYPTED = -8, ///< a PDF that needs a password
};

/// Parses UTF-8 HTML with libxml2's SAX HTML parser (recovering, no network, no DTD loading)
/// and writes a flat event buffer (see SOLIEU_EV_*). Text inside script, style, noscript,
/// template, svg, select and textarea is dropped; comments are dropped (and the content of comments,
/// scripts, styles and svg elements, and the quoted values of attributes the caller never reads,
/// are cut out before libxml2 reads the page; `solieu_html_events_cut` with 0 turns that off). Word's
/// downlevel conditionals (`<![if !supportLists]>`, `<![endif]>`) are cut in either mode.
/// On success `*out` must be released with `solieu_free`.
int32_t solieu_html_events(const char *utf8, size_t length, uint8_t **out, size_t *out_length);
/// `solieu_html_events` with the cut of raw text before parsing on (1) or off (0), for tests.
int32_t solieu_html_events_cut(const char *utf8, size_t length, int32_t cut_raw_text, uint8_t **out, size_t *out_length);

/// The lower-case name of tag id `id` (1...), or NULL past the last.
const char *solieu_html_tag_name(int32_t id);
/// The id of a lower-case tag name, 0 when it has none.
int32_t solieu_html_tag_id(const char *name);
/// The name of attribute id `id` (1...), or NULL past the last. Only these attributes are sent.
const char *solieu_html_attribute_name(int32_t id);

/// The same SAX pass with callbacks that do nothing: the benchmark baseline.
/// Returns the number of callbacks seen (>= 0) or an error code.
int64_t solieu_html_bare_pass(const char *utf8, size_t length);

/// Converts bytes in `charset` (an ICU converter name: "windows-1258", "ISO-8859-1", ...) to UTF-8.
/// Unmappable or illegal bytes become U+FFFD; `*substitutions` counts them.
/// On success `*out` must be released with `solieu_free`.
int32_t solieu_convert_to_utf8(const char *charset, const char *bytes, size_t length,
                               char **out, size_t *out_length, int64_t *substitutions);

/// Whether ICU knows a converter for `charset` (1) or not (0).
int32_t solieu_charset_known(const char *charset);

/// Unicode normalization through ICU. form: 0 = NFC, 1 = NFD.
/// Returns 0 when the input is already in that form (nothing written), 1 when `*out` holds the
/// normalized UTF-8 (release with `solieu_free`), or an error code.
int32_t solieu_normalize_utf8(int32_t form, const char *utf8, size_t length,
                              char **out, size_t *out_length);

/// Inflates raw DEFLATE data (a ZIP entry's method 8) into a new buffer, never writing more
/// than `limit` bytes: past it the result is SOLIEU_ERR_TOO_LARGE (a ZIP bomb stops there).
/// `expected` is the size the archive states, used only to size the first buffer. Data that
/// does not decode or ends early is SOLIEU_ERR_CORRUPT. Release `*out` with `solieu_free`.
int32_t solieu_inflate_raw(const uint8_t *in, size_t in_length, size_t expected, size_t limit,
                           uint8_t **out, size_t *out_length);
/// The CRC-32 of some bytes (as ZIP stores it).
uint32_t solieu_crc32(const uint8_t *bytes, size_t length);

/// Parses one XML document (an office document's part) with libxml2's SAX2 parser and writes
/// a flat event buffer: SOLIEU_EV_START: u8 namespace id (`solieu_xml_namespace`, 0 any other),
/// u16 local-name length, the name, u8 attribute count, then per attribute: u8 namespace id,
/// u16 name length, name, u32 value length, value; SOLIEU_EV_END: u8 namespace id, u16 length,
/// name; SOLIEU_EV_TEXT: u32 length, UTF-8 (entities and CDATA decoded). Nothing is fetched: no
/// network, no DTD, no entity substitution; a DOCTYPE is refused (SOLIEU_ERR_DTD), and a part
/// that is not well-formed is SOLIEU_ERR_PARSER with `*error_line` the line libxml2 stopped on.
/// Release `*out` with `solieu_free`.
int32_t solieu_xml_events(const char *bytes, size_t length, uint8_t **out, size_t *out_length, int32_t *error_line);
/// The URI of namespace id `id` (1...), or NULL past the last.
const char *solieu_xml_namespace(int32_t id);

/// An open PDF document (poppler), read a page at a time.
typedef struct solieu_pdf solieu_pdf;
/// Opens a PDF from memory (the bytes are copied). SOLIEU_ERR_ENCRYPTED when it needs a
/// password, SOLIEU_ERR_PARSER when poppler cannot read it (`message` says why).
int32_t solieu_pdf_open(const uint8_t *bytes, size_t length, solieu_pdf **out, int32_t *pages, char *message, size_t message_size);
void solieu_pdf_close(solieu_pdf *pdf);
/// The document's title (release with `solieu_free`; NULL when none) and creation time (Unix
/// seconds, -1 when none).
int32_t solieu_pdf_metadata(solieu_pdf *pdf, char **title, int64_t *created);
/// Page `index` (0-based): f32 width and height (points), u32 character count, then per character
/// its code point (u32) and box x1, y1, x2, y2 (f32, points from the top left), in poppler's
/// reading order ('\n' between lines); then u32 font runs, each first and last character (u32),
/// font size (f32) and font name (u16 length + bytes). Release `*out` with `solieu_free`.
int32_t solieu_pdf_page(solieu_pdf *pdf, int32_t index, uint8_t **out, size_t *out_length);

/// Renders page `index` at `dpi` to 8-bit grey pixels (`*width` × `*height`, one byte each, no
/// padding; release with `solieu_free`), for OCR of a page that has no text layer.
/// SOLIEU_ERR_TOO_LARGE when the picture would exceed `max_pixels`.
int32_t solieu_pdf_render(solieu_pdf *pdf, int32_t index, int32_t dpi, int64_t max_pixels, uint8_t **grey, int32_t *width, int32_t *height);

/// A Tesseract engine with one language model loaded. Not shared between threads: each thread
/// that reads scans opens its own.
typedef struct solieu_ocr solieu_ocr;
/// Loads `language` ("vie") from the folder `tessdata` (NULL: Tesseract's default), LSTM engine,
/// automatic page segmentation. SOLIEU_ERR_PARSER when the model cannot be loaded (`message`).
int32_t solieu_ocr_open(const char *tessdata, const char *language, solieu_ocr **out, char *message, size_t message_size);
void solieu_ocr_close(solieu_ocr *ocr);
/// An image's size, page count (a multi-page TIFF) and stated resolution (0 when unknown), read
/// from its header without decoding pixels. SOLIEU_ERR_PARSER when it is no image leptonica reads
/// (PNG, JPEG, TIFF, BMP, PNM, GIF, WebP, JPEG 2000, as built).
int32_t solieu_image_info(const uint8_t *bytes, size_t length, int32_t *width, int32_t *height, int32_t *pages, int32_t *dpi);
/// Recognizes page `page` of an image. The buffer has the layout of `solieu_pdf_page` (page size
/// and boxes in points at the image's resolution, or `fallback_dpi` when it states none; lines
/// separated by '\n', words by ' '; no font runs), then u32 word count and per word, in the order
/// of the characters: f32 confidence (0–100), u16 UTF-8 length, the word. SOLIEU_ERR_TOO_LARGE when the image has more than
/// `max_pixels` (checked before decoding), SOLIEU_ERR_CORRUPT when its pixels do not decode.
/// `deadline_ms` > 0 bounds the recognition's time (what was read by then is returned). An image
/// of more than `read_dpi` (> 0) is scaled down to it first.
int32_t solieu_ocr_image(solieu_ocr *ocr, const uint8_t *bytes, size_t length, int32_t page, int64_t max_pixels, int32_t fallback_dpi,
                         int32_t read_dpi, int32_t deadline_ms, uint8_t **out, size_t *out_length);
/// `solieu_ocr_image` for 8-bit grey pixels (`width` × `height`, no padding) at `dpi`.
int32_t solieu_ocr_grey(solieu_ocr *ocr, const uint8_t *pixels, int32_t width, int32_t height, int32_t dpi, int32_t deadline_ms,
                        uint8_t **out, size_t *out_length);

void solieu_free(void *pointer);

#ifdef __cplusplus
}
#endif

#endif
