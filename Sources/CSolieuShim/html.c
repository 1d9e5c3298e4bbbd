// SAX pass over HTML with libxml2, writing a compact event buffer that Swift reads.
#include "CSolieuShim.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint8_t *data;
    size_t length;
    size_t capacity;
    int failed;
    int skipDepth;      // > 0 while inside an element whose text is dropped
} EventBuffer;

static int reserve(EventBuffer *b, size_t extra) {
    if (b->failed) return 0;
    if (b->length + extra <= b->capacity) return 1;
    size_t cap = b->capacity ? b->capacity : 4096;
    while (cap < b->length + extra) cap *= 2;
    uint8_t *p = realloc(b->data, cap);
    if (!p) { b->failed = 1; return 0; }
    b->data = p;
    b->capacity = cap;
    return 1;
}

static void put_u8(EventBuffer *b, uint8_t v) { b->data[b->length++] = v; }
static void put_u16(EventBuffer *b, uint16_t v) { memcpy(b->data + b->length, &v, 2); b->length += 2; }
static void put_u32(EventBuffer *b, uint32_t v) { memcpy(b->data + b->length, &v, 4); b->length += 4; }
static void put_bytes(EventBuffer *b, const void *p, size_t n) { memcpy(b->data + b->length, p, n); b->length += n; }

static int is_skipped(const xmlChar *name) {
    static const char *names[] = {"script", "style", "noscript", "template", "svg", "select", "textarea", "math", NULL};
    for (int i = 0; names[i]; i++) if (xmlStrcasecmp(name, (const xmlChar *)names[i]) == 0) return 1;
    return 0;
}

// Attributes the Swift side reads; everything else is left out of the buffer.
static int wanted_attribute(const xmlChar *name) {
    static const char *names[] = {"id", "class", "property", "name", "content", "itemprop", "href", "rel",
                                  "charset", "http-equiv", "datetime", "alt", "style", "hidden", "role",
                                  "lang", "aria-hidden", NULL};
    for (int i = 0; names[i]; i++) if (xmlStrcasecmp(name, (const xmlChar *)names[i]) == 0) return 1;
    return 0;
}

static EventBuffer *buffer_of(void *ctx) {
    htmlParserCtxtPtr c = (htmlParserCtxtPtr)ctx;
    return (EventBuffer *)c->_private;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    EventBuffer *b = buffer_of(ctx);
    if (is_skipped(name)) b->skipDepth++;
    size_t nlen = strlen((const char *)name);
    if (nlen > 0xFFFF) nlen = 0xFFFF;
    size_t need = 1 + 2 + nlen + 1;
    int count = 0;
    if (atts) {
        for (int i = 0; atts[i]; i += 2) {
            if (!wanted_attribute(atts[i]) || count == 255) continue;
            size_t an = strlen((const char *)atts[i]);
            size_t av = atts[i + 1] ? strlen((const char *)atts[i + 1]) : 0;
            if (an > 0xFFFF) continue;
            need += 2 + an + 4 + av;
            count++;
        }
    }
    if (!reserve(b, need)) return;
    put_u8(b, SOLIEU_EV_START);
    put_u16(b, (uint16_t)nlen);
    put_bytes(b, name, nlen);
    put_u8(b, (uint8_t)count);
    if (atts) {
        int written = 0;
        for (int i = 0; atts[i] && written < count; i += 2) {
            if (!wanted_attribute(atts[i])) continue;
            size_t an = strlen((const char *)atts[i]);
            size_t av = atts[i + 1] ? strlen((const char *)atts[i + 1]) : 0;
            if (an > 0xFFFF) continue;
            put_u16(b, (uint16_t)an);
            put_bytes(b, atts[i], an);
            put_u32(b, (uint32_t)av);
            if (av) put_bytes(b, atts[i + 1], av);
            written++;
        }
    }
}

static void on_end(void *ctx, const xmlChar *name) {
    EventBuffer *b = buffer_of(ctx);
    if (is_skipped(name) && b->skipDepth > 0) b->skipDepth--;
    size_t nlen = strlen((const char *)name);
    if (nlen > 0xFFFF) nlen = 0xFFFF;
    if (!reserve(b, 3 + nlen)) return;
    put_u8(b, SOLIEU_EV_END);
    put_u16(b, (uint16_t)nlen);
    put_bytes(b, name, nlen);
}

static void on_text(void *ctx, const xmlChar *ch, int len) {
    EventBuffer *b = buffer_of(ctx);
    if (b->skipDepth > 0 || len <= 0) return;
    if (!reserve(b, 5 + (size_t)len)) return;
    put_u8(b, SOLIEU_EV_TEXT);
    put_u32(b, (uint32_t)len);
    put_bytes(b, ch, (size_t)len);
}

static void on_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

static xmlEntityPtr no_entity(void *ctx, const xmlChar *name) { (void)ctx; (void)name; return NULL; }

static const int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                            HTML_PARSE_NOWARNING | HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT;

// libxml2's global state (its dictionary's random seed, its mutexes) must be set up once before
// threads parse concurrently; without it two first parses can deadlock in xmlDictCreate.
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_libxml(void) { xmlInitParser(); }

static int32_t run_sax(const char *utf8, size_t length, xmlSAXHandler *handler, void *user) {
    if (length > (size_t)INT32_MAX) return SOLIEU_ERR_TOO_LARGE;
    pthread_once(&init_once, init_libxml);
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt) return SOLIEU_ERR_ALLOC;
    memcpy(ctxt->sax, handler, sizeof(xmlSAXHandler));
    ctxt->_private = user;
    ctxt->userData = ctxt;
    // The encoding is given, so a <meta charset> inside the page never re-decodes it.
    htmlDocPtr doc = htmlCtxtReadMemory(ctxt, utf8, (int)length, NULL, "UTF-8", kOptions);
    if (doc) xmlFreeDoc(doc);
    htmlFreeParserCtxt(ctxt);
    return SOLIEU_OK;
}

int32_t solieu_html_events(const char *utf8, size_t length, uint8_t **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    EventBuffer b = {0};
    if (!reserve(&b, length / 2 + 4096)) return SOLIEU_ERR_ALLOC;
    xmlSAXHandler h;
    memset(&h, 0, sizeof(h));
    h.startElement = on_start;
    h.endElement = on_end;
    h.characters = on_text;
    h.cdataBlock = on_text;
    h.getEntity = no_entity;
    h.error = on_error;
    h.warning = on_error;
    int32_t rc = run_sax(utf8, length, &h, &b);
    if (rc != SOLIEU_OK || b.failed) { free(b.data); return rc != SOLIEU_OK ? rc : SOLIEU_ERR_ALLOC; }
    *out = b.data;
    *out_length = b.length;
    return SOLIEU_OK;
}

typedef struct { int64_t count; } BareCounter;
static void bare_start(void *ctx, const xmlChar *n, const xmlChar **a) { (void)n; (void)a; ((BareCounter *)((htmlParserCtxtPtr)ctx)->_private)->count++; }
static void bare_end(void *ctx, const xmlChar *n) { (void)n; ((BareCounter *)((htmlParserCtxtPtr)ctx)->_private)->count++; }
static void bare_text(void *ctx, const xmlChar *c, int l) { (void)c; (void)l; ((BareCounter *)((htmlParserCtxtPtr)ctx)->_private)->count++; }

int64_t solieu_html_bare_pass(const char *utf8, size_t length) {
    BareCounter counter = {0};
    xmlSAXHandler h;
    memset(&h, 0, sizeof(h));
    h.startElement = bare_start;
    h.endElement = bare_end;
    h.characters = bare_text;
    h.getEntity = no_entity;
    h.error = on_error;
    h.warning = on_error;
    int32_t rc = run_sax(utf8, length, &h, &counter);
    return rc == SOLIEU_OK ? counter.count : rc;
}

void solieu_free(void *pointer) { free(pointer); }
