// PDF text layers through poppler's GLib API: each page's characters in poppler's reading order
// with their boxes and fonts, for the Swift side to lay out into lines and paragraphs.
#include "CSolieuShim.h"

#include <cairo.h>
#include <glib.h>
#include <math.h>
#include <poppler.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

// Poppler keeps global state (its parameters, font and Unicode maps) and is not documented as
// safe to call from several threads at once, even on different documents: every call into it
// holds this lock. A batch's other files go on in parallel; PDFs take turns.
static pthread_mutex_t poppler_lock = PTHREAD_MUTEX_INITIALIZER;

struct solieu_pdf {
    PopplerDocument *document;
    GBytes *bytes;
};

int32_t solieu_pdf_open(const uint8_t *bytes, size_t length, solieu_pdf **out, int32_t *pages, char *message, size_t message_size) {
    *out = NULL;
    *pages = 0;
    if (message_size) message[0] = 0;
    if (length > (size_t)INT32_MAX) return SOLIEU_ERR_TOO_LARGE;
    GBytes *b = g_bytes_new(bytes, length);
    GError *error = NULL;
    pthread_mutex_lock(&poppler_lock);
    PopplerDocument *doc = poppler_document_new_from_bytes(b, NULL, &error);
    int n = doc ? poppler_document_get_n_pages(doc) : 0;
    pthread_mutex_unlock(&poppler_lock);
    if (!doc) {
        int32_t rc = SOLIEU_ERR_PARSER;
        if (error) {
            if (error->domain == POPPLER_ERROR && error->code == POPPLER_ERROR_ENCRYPTED) rc = SOLIEU_ERR_ENCRYPTED;
            if (message_size) g_strlcpy(message, error->message ? error->message : "", message_size);
            g_error_free(error);
        }
        g_bytes_unref(b);
        return rc;
    }
    solieu_pdf *pdf = calloc(1, sizeof *pdf);
    if (!pdf) { g_object_unref(doc); g_bytes_unref(b); return SOLIEU_ERR_ALLOC; }
    pdf->document = doc;
    pdf->bytes = b;
    *pages = n;
    *out = pdf;
    return SOLIEU_OK;
}

void solieu_pdf_close(solieu_pdf *pdf) {
    if (!pdf) return;
    pthread_mutex_lock(&poppler_lock);
    if (pdf->document) g_object_unref(pdf->document);
    pthread_mutex_unlock(&poppler_lock);
    if (pdf->bytes) g_bytes_unref(pdf->bytes);
    free(pdf);
}

int32_t solieu_pdf_metadata(solieu_pdf *pdf, char **title, int64_t *created) {
    *title = NULL;
    *created = -1;
    if (!pdf || !pdf->document) return SOLIEU_ERR_PARSER;
    pthread_mutex_lock(&poppler_lock);
    gchar *t = poppler_document_get_title(pdf->document);
    if (t) { *title = strdup(t); g_free(t); }
    GDateTime *d = poppler_document_get_creation_date_time(pdf->document);
    if (d) { *created = g_date_time_to_unix(d); g_date_time_unref(d); }
    pthread_mutex_unlock(&poppler_lock);
    return SOLIEU_OK;
}

static void put(uint8_t **p, const void *v, size_t n) { memcpy(*p, v, n); *p += n; }

static int32_t page_locked(solieu_pdf *pdf, int32_t index, uint8_t **out, size_t *out_length);

int32_t solieu_pdf_page(solieu_pdf *pdf, int32_t index, uint8_t **out, size_t *out_length) {
    pthread_mutex_lock(&poppler_lock);
    int32_t rc = page_locked(pdf, index, out, out_length);
    pthread_mutex_unlock(&poppler_lock);
    return rc;
}

static int32_t page_locked(solieu_pdf *pdf, int32_t index, uint8_t **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    if (!pdf || index < 0 || index >= poppler_document_get_n_pages(pdf->document)) return SOLIEU_ERR_PARSER;
    PopplerPage *page = poppler_document_get_page(pdf->document, index);
    if (!page) return SOLIEU_ERR_PARSER;
    double width = 0, height = 0;
    poppler_page_get_size(page, &width, &height);
    char *text = poppler_page_get_text(page);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    if (text && !poppler_page_get_text_layout(page, &rects, &nrects)) { rects = NULL; nrects = 0; }
    GList *attributes = text ? poppler_page_get_text_attributes(page) : NULL;
    glong nchars = text ? g_utf8_strlen(text, -1) : 0;
    guint nruns = g_list_length(attributes);
    size_t font_bytes = 0;
    for (GList *l = attributes; l; l = l->next) {
        PopplerTextAttributes *a = l->data;
        size_t n = a->font_name ? strlen(a->font_name) : 0;
        font_bytes += 4 + 4 + 4 + 2 + (n > 0xFFFF ? 0xFFFF : n);
    }
    // width, height (f32), char count (u32), per char: code point (u32) and box (4 × f32),
    // run count (u32), per run: first and last char (u32), size (f32), font name (u16 + bytes).
    size_t size = 4 + 4 + 4 + (size_t)nchars * 20 + 4 + font_bytes;
    uint8_t *buffer = malloc(size ? size : 1);
    if (!buffer) {
        g_free(text); g_free(rects); poppler_page_free_text_attributes(attributes); g_object_unref(page);
        return SOLIEU_ERR_ALLOC;
    }
    uint8_t *p = buffer;
    float fw = (float)width, fh = (float)height;
    uint32_t n32 = (uint32_t)nchars;
    put(&p, &fw, 4); put(&p, &fh, 4); put(&p, &n32, 4);
    const char *c = text;
    for (glong i = 0; i < nchars; i++) {
        uint32_t cp = (uint32_t)g_utf8_get_char(c);
        c = g_utf8_next_char(c);
        float box[4] = {0, 0, 0, 0};
        if ((guint)i < nrects) {
            box[0] = (float)rects[i].x1; box[1] = (float)rects[i].y1; box[2] = (float)rects[i].x2; box[3] = (float)rects[i].y2;
        }
        put(&p, &cp, 4);
        put(&p, box, 16);
    }
    put(&p, &nruns, 4);
    for (GList *l = attributes; l; l = l->next) {
        PopplerTextAttributes *a = l->data;
        uint32_t first = (uint32_t)a->start_index, last = (uint32_t)a->end_index;
        float fs = (float)a->font_size;
        size_t n = a->font_name ? strlen(a->font_name) : 0;
        if (n > 0xFFFF) n = 0xFFFF;
        uint16_t n16 = (uint16_t)n;
        put(&p, &first, 4); put(&p, &last, 4); put(&p, &fs, 4); put(&p, &n16, 2);
        if (n) put(&p, a->font_name, n);
    }
    g_free(text);
    g_free(rects);
    poppler_page_free_text_attributes(attributes);
    g_object_unref(page);
    *out = buffer;
    *out_length = (size_t)(p - buffer);
    return SOLIEU_OK;
}

int32_t solieu_pdf_render(solieu_pdf *pdf, int32_t index, int32_t dpi, int64_t max_pixels, uint8_t **grey, int32_t *width, int32_t *height) {
    *grey = NULL;
    *width = *height = 0;
    if (!pdf || dpi <= 0) return SOLIEU_ERR_PARSER;
    pthread_mutex_lock(&poppler_lock);
    int32_t rc = SOLIEU_OK;
    PopplerPage *page = index >= 0 && index < poppler_document_get_n_pages(pdf->document) ? poppler_document_get_page(pdf->document, index) : NULL;
    if (!page) { pthread_mutex_unlock(&poppler_lock); return SOLIEU_ERR_PARSER; }
    double pw = 0, ph = 0;
    poppler_page_get_size(page, &pw, &ph);
    double w = ceil(pw * dpi / 72.0), h = ceil(ph * dpi / 72.0);
    // A page's size comes from the file: a huge MediaBox must not become a huge picture.
    if (!(w >= 1 && h >= 1) || w * h > (double)max_pixels || w > 100000 || h > 100000) {
        g_object_unref(page);
        pthread_mutex_unlock(&poppler_lock);
        return SOLIEU_ERR_TOO_LARGE;
    }
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)w, (int)h);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) rc = SOLIEU_ERR_ALLOC;
    uint8_t *out = rc == SOLIEU_OK ? malloc((size_t)w * (size_t)h) : NULL;
    if (rc == SOLIEU_OK && !out) rc = SOLIEU_ERR_ALLOC;
    if (rc == SOLIEU_OK) {
        cairo_t *cr = cairo_create(surface);
        cairo_set_source_rgb(cr, 1, 1, 1);
        cairo_paint(cr);
        cairo_scale(cr, dpi / 72.0, dpi / 72.0);
        poppler_page_render_for_printing(page, cr);
        cairo_destroy(cr);
        cairo_surface_flush(surface);
        const uint8_t *data = cairo_image_surface_get_data(surface);
        int stride = cairo_image_surface_get_stride(surface);
        for (int y = 0; y < (int)h; y++) {
            const uint32_t *row = (const uint32_t *)(data + (size_t)y * (size_t)stride);
            uint8_t *o = out + (size_t)y * (size_t)w;
            for (int x = 0; x < (int)w; x++) {
                uint32_t p = row[x];
                uint32_t r = (p >> 16) & 0xFF, g = (p >> 8) & 0xFF, b = p & 0xFF;
                o[x] = (uint8_t)((r * 299 + g * 587 + b * 114) / 1000);
            }
        }
    }
    cairo_surface_destroy(surface);
    g_object_unref(page);
    pthread_mutex_unlock(&poppler_lock);
    if (rc != SOLIEU_OK) { free(out); return rc; }
    *grey = out;
    *width = (int32_t)w;
    *height = (int32_t)h;
    return SOLIEU_OK;
}
