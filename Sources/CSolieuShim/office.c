// What office documents (DOCX, ODT) need from C: raw DEFLATE through zlib, with a cap on what
// it may write, and a SAX pass over XML with libxml2 that never loads anything from outside.
#include "CSolieuShim.h"
#include "bytes.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

// MARK: DEFLATE

int32_t solieu_inflate_raw(const uint8_t *in, size_t in_length, size_t expected, size_t limit,
                           uint8_t **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    if (in_length > (size_t)UINT32_MAX) return SOLIEU_ERR_TOO_LARGE;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return SOLIEU_ERR_ALLOC;
    // Start from the size the archive states (never trusted beyond `limit`), grow when it lied.
    size_t capacity = expected > 0 && expected <= limit ? expected + 1 : (limit < 65536 ? limit + 1 : 65536);
    uint8_t *buffer = malloc(capacity ? capacity : 1);
    if (!buffer) { inflateEnd(&z); return SOLIEU_ERR_ALLOC; }
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)in_length;
    size_t written = 0;
    int32_t result = SOLIEU_OK;
    for (;;) {
        if (written == capacity) {
            if (capacity > limit) { result = SOLIEU_ERR_TOO_LARGE; break; }
            size_t grown = capacity * 2 > limit + 1 ? limit + 1 : capacity * 2;
            uint8_t *p = realloc(buffer, grown);
            if (!p) { result = SOLIEU_ERR_ALLOC; break; }
            buffer = p;
            capacity = grown;
        }
        size_t room = capacity - written;
        if (room > (size_t)UINT32_MAX) room = UINT32_MAX;
        z.next_out = buffer + written;
        z.avail_out = (uInt)room;
        int rc = inflate(&z, Z_NO_FLUSH);
        written += room - z.avail_out;
        if (written > limit) { result = SOLIEU_ERR_TOO_LARGE; break; }
        if (rc == Z_STREAM_END) break;
        if (rc == Z_BUF_ERROR && z.avail_in == 0) { result = SOLIEU_ERR_CORRUPT; break; }  // truncated
        if (rc != Z_OK && rc != Z_BUF_ERROR) { result = rc == Z_MEM_ERROR ? SOLIEU_ERR_ALLOC : SOLIEU_ERR_CORRUPT; break; }
    }
    inflateEnd(&z);
    if (result != SOLIEU_OK) { free(buffer); return result; }
    *out = buffer;
    *out_length = written;
    return SOLIEU_OK;
}

uint32_t solieu_crc32(const uint8_t *bytes, size_t length) {
    uLong crc = crc32(0L, Z_NULL, 0);
    while (length > 0) {
        uInt n = length > (size_t)UINT32_MAX ? UINT32_MAX : (uInt)length;
        crc = crc32(crc, bytes, n);
        bytes += n;
        length -= n;
    }
    return (uint32_t)crc;
}

// MARK: XML

// Namespaces the Swift side tells apart, by id (index + 1); 0 is any other.
static const char *const kNamespaces[] = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",  // w
    "urn:oasis:names:tc:opendocument:xmlns:text:1.0",                // text
    "urn:oasis:names:tc:opendocument:xmlns:table:1.0",               // table
    "urn:oasis:names:tc:opendocument:xmlns:office:1.0",              // office
    "http://schemas.openxmlformats.org/markup-compatibility/2006",   // mc
    "http://purl.org/dc/elements/1.1/",                              // dc
    "http://purl.org/dc/terms/",                                     // dcterms
    "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",                // meta
    "http://schemas.openxmlformats.org/package/2006/relationships",  // package relationships
    "http://schemas.openxmlformats.org/package/2006/content-types",  // content types
    "urn:oasis:names:tc:opendocument:xmlns:style:1.0",               // style
    "http://purl.oclc.org/ooxml/wordprocessingml/main",              // w, strict
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships",  // r
    "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",             // draw
    NULL,
};

static uint8_t namespace_id(const xmlChar *uri) {
    if (!uri) return 0;
    for (int i = 0; kNamespaces[i]; i++) {
        if (strcmp((const char *)uri, kNamespaces[i]) == 0) return (uint8_t)(i + 1);
    }
    return 0;
}

const char *solieu_xml_namespace(int32_t id) {
    int32_t count = (int32_t)(sizeof(kNamespaces) / sizeof(kNamespaces[0])) - 1;
    return id >= 1 && id <= count ? kNamespaces[id - 1] : NULL;
}

typedef struct {
    ShimBytes bytes;
    int refused;   // a DTD: the document is refused, nothing of it is read
    xmlParserCtxtPtr ctxt;
} XMLBuffer;

static int xreserve(XMLBuffer *b, size_t extra) { return shim_reserve(&b->bytes, extra); }
static void xput(XMLBuffer *b, const void *p, size_t n) { shim_put(&b->bytes, p, n); }
static void xput_u8(XMLBuffer *b, uint8_t v) { shim_put_u8(&b->bytes, v); }
static void xput_u16(XMLBuffer *b, uint16_t v) { shim_put_u16(&b->bytes, v); }
static void xput_u32(XMLBuffer *b, uint32_t v) { shim_put_u32(&b->bytes, v); }

static XMLBuffer *xbuffer(void *ctx) { return (XMLBuffer *)((xmlParserCtxtPtr)ctx)->_private; }

static size_t clamp16(size_t n) { return n > 0xFFFF ? 0xFFFF : n; }

static void x_start(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                    int nb_namespaces, const xmlChar **namespaces, int nb_attributes, int nb_defaulted,
                    const xmlChar **attributes) {
    (void)prefix; (void)nb_namespaces; (void)namespaces; (void)nb_defaulted;
    XMLBuffer *b = xbuffer(ctx);
    size_t nlen = clamp16(strlen((const char *)localname));
    int count = nb_attributes > 255 ? 255 : nb_attributes;
    size_t need = 1 + 1 + 2 + nlen + 1;
    for (int i = 0; i < count; i++) {
        const xmlChar **a = attributes + i * 5;  // localname, prefix, URI, value, end
        need += 1 + 2 + clamp16(strlen((const char *)a[0])) + 4 + (size_t)(a[4] - a[3]);
    }
    if (!xreserve(b, need)) { xmlStopParser(b->ctxt); return; }
    xput_u8(b, SOLIEU_EV_START);
    xput_u8(b, namespace_id(uri));
    xput_u16(b, (uint16_t)nlen);
    xput(b, localname, nlen);
    xput_u8(b, (uint8_t)count);
    for (int i = 0; i < count; i++) {
        const xmlChar **a = attributes + i * 5;
        size_t an = clamp16(strlen((const char *)a[0]));
        size_t av = (size_t)(a[4] - a[3]);
        xput_u8(b, namespace_id(a[2]));
        xput_u16(b, (uint16_t)an);
        xput(b, a[0], an);
        xput_u32(b, (uint32_t)av);
        xput(b, a[3], av);
    }
}

static void x_end(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)prefix;
    XMLBuffer *b = xbuffer(ctx);
    size_t nlen = clamp16(strlen((const char *)localname));
    if (!xreserve(b, 1 + 1 + 2 + nlen)) { xmlStopParser(b->ctxt); return; }
    xput_u8(b, SOLIEU_EV_END);
    xput_u8(b, namespace_id(uri));
    xput_u16(b, (uint16_t)nlen);
    xput(b, localname, nlen);
}

static void x_text(void *ctx, const xmlChar *ch, int len) {
    XMLBuffer *b = xbuffer(ctx);
    if (len <= 0) return;
    if (!xreserve(b, 5 + (size_t)len)) { xmlStopParser(b->ctxt); return; }
    xput_u8(b, SOLIEU_EV_TEXT);
    xput_u32(b, (uint32_t)len);
    xput(b, ch, (size_t)len);
}

// A DOCTYPE is how entities (external ones, or a billion laughs) get in. Office documents never
// carry one, so a part that declares one is refused before anything in it is read.
static void x_subset(void *ctx, const xmlChar *name, const xmlChar *external_id, const xmlChar *system_id) {
    (void)name; (void)external_id; (void)system_id;
    XMLBuffer *b = xbuffer(ctx);
    b->refused = 1;
    xmlStopParser(b->ctxt);
}

static xmlEntityPtr x_no_entity(void *ctx, const xmlChar *name) { (void)ctx; (void)name; return NULL; }
static void x_silent(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) { xmlInitParser(); }

int32_t solieu_xml_events(const char *bytes, size_t length, uint8_t **out, size_t *out_length, int32_t *error_line) {
    *out = NULL;
    *out_length = 0;
    *error_line = 0;
    if (length > (size_t)INT32_MAX) return SOLIEU_ERR_TOO_LARGE;
    pthread_once(&xml_once, xml_init);
    xmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = x_start;
    sax.endElementNs = x_end;
    sax.characters = x_text;
    sax.cdataBlock = x_text;
    sax.internalSubset = x_subset;
    sax.externalSubset = x_subset;
    sax.getEntity = x_no_entity;
    sax.getParameterEntity = x_no_entity;
    sax.warning = x_silent;
    sax.error = x_silent;
    sax.fatalError = x_silent;
    XMLBuffer b;
    memset(&b, 0, sizeof b);
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(bytes, (int)length);
    if (!ctxt) return SOLIEU_ERR_ALLOC;
    if (ctxt->sax) xmlFree(ctxt->sax);
    ctxt->sax = &sax;
    ctxt->_private = &b;
    ctxt->userData = ctxt;
    b.ctxt = ctxt;
    // No network, no DTD loading, no entity substitution, no recovery: a part that is not
    // well-formed is an error, not half a document.
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    ctxt->replaceEntities = 0;
    ctxt->loadsubset = 0;
    ctxt->validate = 0;
    xmlParseDocument(ctxt);
    int well_formed = ctxt->wellFormed;
    if (!well_formed) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        *error_line = e ? e->line : 0;
    }
    ctxt->sax = NULL;
    if (ctxt->myDoc) xmlFreeDoc(ctxt->myDoc);
    xmlFreeParserCtxt(ctxt);
    if (b.refused) { free(b.bytes.data); return SOLIEU_ERR_DTD; }
    if (b.bytes.failed) { free(b.bytes.data); return SOLIEU_ERR_ALLOC; }
    if (!well_formed) { free(b.bytes.data); return SOLIEU_ERR_PARSER; }
    *out = b.bytes.data;
    *out_length = b.bytes.length;
    return SOLIEU_OK;
}
