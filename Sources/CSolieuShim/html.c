// SAX pass over HTML with libxml2, writing a compact event buffer that Swift reads.
#define _GNU_SOURCE  // memmem
#include "CSolieuShim.h"
#include "bytes.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    ShimBytes bytes;
    int skipDepth;      // > 0 while inside an element whose text is dropped
} EventBuffer;

static int reserve(EventBuffer *b, size_t extra) { return shim_reserve(&b->bytes, extra); }
static void put_u8(EventBuffer *b, uint8_t v) { shim_put_u8(&b->bytes, v); }
static void put_u16(EventBuffer *b, uint16_t v) { shim_put_u16(&b->bytes, v); }
static void put_u32(EventBuffer *b, uint32_t v) { shim_put_u32(&b->bytes, v); }
static void put_bytes(EventBuffer *b, const void *p, size_t n) { shim_put(&b->bytes, p, n); }

// Tag names the Swift side tells apart, by id (index + 1); 0 is any other tag, sent by name.
// libxml2's HTML parser lower-cases element and attribute names, so lookups compare exactly.
static const char *const kTags[] = {
    // dropped with their text
    "script", "style", "noscript", "template", "svg", "select", "textarea", "math",
    // head and metadata
    "html", "head", "title", "meta", "link", "body", "time", "base",
    // blocks
    "address", "article", "aside", "blockquote", "caption", "center", "dd", "details", "dialog", "dir",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "frameset", "frame", "legend", "option", "optgroup",
    // inline
    "a", "b", "strong", "i", "em", "u", "span", "font", "small", "big", "sub", "sup", "label", "abbr", "mark", "s",
    "strike", "ins", "del", "cite", "q", "o:p", "tt", "var", "dfn", "kbd", "samp", "nobr", "acronym",
    // empty elements and widgets
    "br", "img", "input", "wbr", "col", "area", "param", "source", "track", "embed", "button", "iframe",
    NULL,
};
enum { kSkippedTags = 8 };  // the first eight entries

static const char *const kAttributes[] = {
    "id", "class", "property", "name", "content", "itemprop", "href", "rel", "http-equiv",
    "datetime", "style", "hidden", "role", "lang", "aria-hidden", NULL,
};

const char *solieu_html_tag_name(int32_t id) {
    int32_t count = (int32_t)(sizeof(kTags) / sizeof(kTags[0])) - 1;
    return id >= 1 && id <= count ? kTags[id - 1] : NULL;
}

const char *solieu_html_attribute_name(int32_t id) {
    int32_t count = (int32_t)(sizeof(kAttributes) / sizeof(kAttributes[0])) - 1;
    return id >= 1 && id <= count ? kAttributes[id - 1] : NULL;
}

// A small open-addressing table from a name's bytes to its id, built once.
#define NAME_SLOTS 512
typedef struct { const char *name; uint8_t length; uint8_t id; } NameSlot;
static NameSlot tag_slots[NAME_SLOTS];
static NameSlot attribute_slots[NAME_SLOTS];

static uint32_t name_hash(const char *s, size_t n) {
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
    return h;
}

static void fill_slots(NameSlot *slots, const char *const *names) {
    for (int i = 0; names[i]; i++) {
        size_t n = strlen(names[i]);
        uint32_t h = name_hash(names[i], n) & (NAME_SLOTS - 1);
        while (slots[h].name) h = (h + 1) & (NAME_SLOTS - 1);
        slots[h].name = names[i];
        slots[h].length = (uint8_t)n;
        slots[h].id = (uint8_t)(i + 1);
    }
}

// libxml2's global state (its dictionary's random seed, its mutexes) must be set up once before
// threads parse concurrently; without it two first parses can deadlock in xmlDictCreate.
static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_libxml(void) {
    xmlInitParser();
    fill_slots(tag_slots, kTags);
    fill_slots(attribute_slots, kAttributes);
}

static uint8_t lookup(const NameSlot *slots, const xmlChar *name, size_t n) {
    if (n == 0 || n > 32) return 0;
    uint32_t h = name_hash((const char *)name, n) & (NAME_SLOTS - 1);
    while (slots[h].name) {
        if (slots[h].length == n && memcmp(slots[h].name, name, n) == 0) return slots[h].id;
        h = (h + 1) & (NAME_SLOTS - 1);
    }
    return 0;
}

int32_t solieu_html_tag_id(const char *name) {
    pthread_once(&init_once, init_libxml);
    return name ? lookup(tag_slots, (const xmlChar *)name, strlen(name)) : 0;
}

static EventBuffer *buffer_of(void *ctx) {
    htmlParserCtxtPtr c = (htmlParserCtxtPtr)ctx;
    return (EventBuffer *)c->_private;
}

// Writes a tag: its id, or 0 and its name.
static size_t tag_size(uint8_t id, size_t nlen) { return id ? 1 : 1 + 2 + nlen; }
static void put_tag(EventBuffer *b, uint8_t id, const xmlChar *name, size_t nlen) {
    put_u8(b, id);
    if (!id) {
        put_u16(b, (uint16_t)nlen);
        put_bytes(b, name, nlen);
    }
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    EventBuffer *b = buffer_of(ctx);
    size_t nlen = strlen((const char *)name);
    if (nlen > 0xFFFF) nlen = 0xFFFF;
    uint8_t id = lookup(tag_slots, name, nlen);
    // Elements inside a dropped one (an svg's paths, a select's options) are not sent either.
    int inside = b->skipDepth > 0;
    if (id && id <= kSkippedTags) b->skipDepth++;
    if (inside) return;
    size_t need = 1 + tag_size(id, nlen) + 1;
    int count = 0;
    uint8_t ids[256];
    if (atts) {
        for (int i = 0; atts[i] && count < 255; i += 2) {
            uint8_t a = lookup(attribute_slots, atts[i], strlen((const char *)atts[i]));
            if (i / 2 < 256) ids[i / 2] = a;
            if (!a) continue;
            size_t av = atts[i + 1] ? strlen((const char *)atts[i + 1]) : 0;
            need += 1 + 4 + av;
            count++;
        }
    }
    if (!reserve(b, need)) return;
    put_u8(b, SOLIEU_EV_START);
    put_tag(b, id, name, nlen);
    put_u8(b, (uint8_t)count);
    if (atts) {
        int written = 0;
        for (int i = 0; atts[i] && written < count; i += 2) {
            uint8_t a = i / 2 < 256 ? ids[i / 2] : lookup(attribute_slots, atts[i], strlen((const char *)atts[i]));
            if (!a) continue;
            size_t av = atts[i + 1] ? strlen((const char *)atts[i + 1]) : 0;
            put_u8(b, a);
            put_u32(b, (uint32_t)av);
            if (av) put_bytes(b, atts[i + 1], av);
            written++;
        }
    }
}

static void on_end(void *ctx, const xmlChar *name) {
    EventBuffer *b = buffer_of(ctx);
    size_t nlen = strlen((const char *)name);
    if (nlen > 0xFFFF) nlen = 0xFFFF;
    uint8_t id = lookup(tag_slots, name, nlen);
    if (id && id <= kSkippedTags && b->skipDepth > 0) b->skipDepth--;
    if (b->skipDepth > 0) return;
    if (!reserve(b, 1 + tag_size(id, nlen))) return;
    put_u8(b, SOLIEU_EV_END);
    put_tag(b, id, name, nlen);
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


// MARK: raw text the article never uses

static int ascii_lower(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

// Whether `p` (with `avail` bytes) starts with `word` (lower-case ASCII), in any case.
static int starts_ci(const char *p, size_t avail, const char *word, size_t n) {
    if (avail < n) return 0;
    for (size_t i = 0; i < n; i++) if (ascii_lower((unsigned char)p[i]) != word[i]) return 0;
    return 1;
}

// "</name" in any case, from `p` on; NULL when absent.
static const char *find_end_tag(const char *p, const char *end, const char *name, size_t n) {
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) return NULL;
        if (lt + 1 < end && lt[1] == '/' && starts_ci(lt + 2, (size_t)(end - lt - 2), name, n)) return lt;
        p = lt + 1;
    }
    return NULL;
}


static int is_space_char(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
static int is_name_end(char c) { return c == '>' || c == '/' || is_space_char(c); }
static int is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether `p` starts with one of `names` (lower-case, NULL-terminated) as a whole tag name.
static int starts_with_name(const char *p, size_t avail, const char *const *names) {
    for (int i = 0; names[i]; i++) {
        size_t n = strlen(names[i]);
        if (avail > n && starts_ci(p, avail, names[i], n) && is_name_end(p[n])) return 1;
    }
    return 0;
}

// The end of a start tag whose name ends before `q`: its '>' outside quotes; NULL when absent.
static const char *tag_end(const char *q, const char *end) {
    char quote = 0;
    while (q < end) {
        if (quote) { if (*q == quote) quote = 0; }
        else if (*q == '"' || *q == '\'') quote = *q;
        else if (*q == '>') return q;
        q++;
    }
    return NULL;
}

// End tags that, met inside an <svg>, may make libxml2 close the svg before its own end tag:
// such an svg is left whole for libxml2.
static int closes_html(const char *name, size_t avail) {
    static const char *const names[] = {
        "div", "p", "li", "ul", "ol", "td", "th", "tr", "table", "tbody", "span", "section", "article", "body", "html",
        "form", "header", "footer", "nav", "main", "aside", "dl", "dd", "dt", "blockquote", "iframe", "center",
        "font", "b", "i", "h1", "h2", "h3", "h4", "h5", "h6", "button", "label", "figure", NULL,
    };
    return starts_with_name(name, avail, names);
}

// Elements an inline SVG icon or chart is made of; any other start tag inside an <svg> makes the
// cut leave that svg to libxml2.
static int svg_element(const char *name, size_t avail) {
    static const char *const names[] = {
        "path", "g", "circle", "rect", "use", "defs", "symbol", "title", "desc", "lineargradient", "radialgradient",
        "stop", "clippath", "mask", "polygon", "polyline", "line", "ellipse", "text", "tspan", "image", "pattern",
        "filter", "marker", "metadata", "switch", "animate", "animatetransform", "set", "view", "textpath", NULL,
    };
    if (avail > 2 && starts_ci(name, avail, "fe", 2)) return 1;  // filter primitives: feGaussianBlur, ...
    return starts_with_name(name, avail, names);
}

// The "</svg" that closes the <svg> whose content starts at `p` (nested svg elements counted),
// or NULL when there is none or when libxml2 might close it elsewhere (see closes_html).
// When there is none, `*stop` is where the search stopped (the page's end, or the tag that made
// it give up): no svg that starts before it is looked at again, so no page makes this quadratic.
static const char *find_svg_end(const char *p, const char *end, const char **stop) {
    int depth = 1;
    *stop = end;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) return NULL;
        size_t avail = (size_t)(end - lt);
        if (avail >= 4 && lt[1] == '!' && lt[2] == '-' && lt[3] == '-') {
            const char *close = memmem(lt + 4, avail - 4, "-->", 3);
            if (!close) return NULL;
            p = close + 3;
            continue;
        }
        if (avail > 5 && lt[1] == '/' && starts_ci(lt + 2, avail - 2, "svg", 3) && is_name_end(lt[5])) {
            if (--depth == 0) return lt;
        } else if (avail > 4 && starts_ci(lt + 1, avail - 1, "svg", 3) && is_name_end(lt[4])) {
            const char *q = tag_end(lt + 4, end);
            if (!q) return NULL;
            if (q[-1] != '/') depth++;
            p = q + 1;
            continue;
        } else if (avail > 2 && lt[1] == '/' && closes_html(lt + 2, avail - 2)) {
            *stop = lt;
            return NULL;
        } else if (avail > 2 && is_ascii_letter(lt[1]) && !svg_element(lt + 1, avail - 1)) {
            *stop = lt;
            return NULL;  // an HTML element inside (foreignObject, or a broken page): leave it whole
        } else if (avail > 7 && (starts_ci(lt + 1, avail - 1, "script", 6) || starts_ci(lt + 1, avail - 1, "style", 5))) {
            *stop = lt;
            return NULL;  // raw text inside: leave the whole svg to libxml2
        }
        p = lt + 1;
    }
    return NULL;
}


static int is_attr_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' || c == '.';
}

// Attributes whose values the stage never reads and libxml2 does nothing with: their quoted
// values are cut before parsing (libxml2 copies every value it reads). `href` keeps its name
// (a link is a link), and its value on <link> (the canonical URL).
static int value_unread(const char *name, size_t n) {
    static const char *const names[] = {
        "src", "srcset", "alt", "title", "width", "height", "target", "border", "cellpadding", "cellspacing", "align",
        "valign", "bgcolor", "type", "value", "placeholder", "sizes", "loading", "decoding", "tabindex", "face",
        "size", "color", "colspan", "rowspan", "href", "action", "method", "for", "rel", "media", NULL,
    };
    if (n > 5 && starts_ci(name, n, "data-", 5)) return 1;
    if (n > 2 && starts_ci(name, n, "on", 2)) return 1;
    for (int i = 0; names[i]; i++) {
        size_t m = strlen(names[i]);
        if (m == n && starts_ci(name, n, names[i], m)) return 1;
    }
    return 0;
}

typedef struct { const char *from, *to; } Cut;

// Reads the start tag at `lt` ("<name ...>") and lists the quoted attribute values to cut in
// `cuts` (at most `room`). Returns the tag's '>' or NULL when the tag is not read cleanly (then
// nothing is cut from it, nor from the rest of the page).
static const char *plan_attribute_cuts(const char *lt, const char *end, Cut *cuts, int room, int *count) {
    *count = 0;
    const char *q = lt + 1;
    while (q < end && is_attr_name_char(*q)) q++;
    size_t tagLength = (size_t)(q - lt - 1);
    int isLink = tagLength == 4 && starts_ci(lt + 1, 4, "link", 4);
    int isMeta = tagLength == 4 && starts_ci(lt + 1, 4, "meta", 4);
    while (q < end) {
        while (q < end && is_space_char(*q)) q++;
        if (q >= end) return NULL;
        if (*q == '>') return q;
        if (*q == '/') { q++; continue; }
        const char *name = q;
        while (q < end && is_attr_name_char(*q)) q++;
        size_t n = (size_t)(q - name);
        if (n == 0) return NULL;
        const char *afterName = q;
        while (q < end && is_space_char(*q)) q++;
        if (q < end && *q == '=') {
            q++;
            while (q < end && is_space_char(*q)) q++;
            if (q >= end) return NULL;
            if (*q == '"' || *q == '\'') {
                const char *close = memchr(q + 1, *q, (size_t)(end - q - 1));
                if (!close) return NULL;
                int keepHref = n == 4 && starts_ci(name, n, "href", 4) && isLink;
                int keepRel = n == 3 && starts_ci(name, n, "rel", 3) && isLink;
                if (!keepHref && !keepRel && !isMeta && value_unread(name, n) && *count < room) {
                    cuts[*count].from = afterName;
                    cuts[*count].to = close + 1;
                    (*count)++;
                }
                q = close + 1;
            } else {
                while (q < end && !is_space_char(*q) && *q != '>') q++;
            }
        } else {
            q = afterName;
            if (q < end && !is_space_char(*q) && *q != '>' && *q != '/') return NULL;
        }
    }
    return NULL;
}

// The page as it goes to libxml2: the input with stretches cut out, written on first cut.
typedef struct {
    const char *copied;  // the input up to here is written (or cut)
    size_t length, written;
    char *buffer;
} CutPage;

// Copies what lies before `from`, leaves out [from, to) (putting `replacement` in its place
// unless it is 0) and goes on after it. Returns 0, or an error code.
static int32_t cut_out(CutPage *c, const char *from, const char *to, char replacement) {
    if (!c->buffer) {
        c->buffer = malloc(c->length);  // cuts only shrink the page
        if (!c->buffer) return SOLIEU_ERR_ALLOC;
    }
    size_t keep = (size_t)(from - c->copied);
    memcpy(c->buffer + c->written, c->copied, keep);
    c->written += keep;
    if (replacement) c->buffer[c->written++] = replacement;
    c->copied = to;
    return SOLIEU_OK;
}

// Just past the quoted string that starts at p (its quote repeated), NULL when it does not end.
static const char *skip_quoted(const char *p, const char *end) {
    const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));
    return q ? q + 1 : NULL;
}

// The '>' ending a declaration that starts at p, skipping quoted strings; NULL when none.
static const char *declaration_end(const char *p, const char *end) {
    while (p < end) {
        if (*p == '"' || *p == '\'') {
            p = skip_quoted(p, end);
            if (!p) return NULL;
            continue;
        }
        if (*p == '>') return p;
        p++;
    }
    return NULL;
}

// Just past the "]>" (spaces allowed between) that ends an internal subset starting at p,
// skipping quoted strings and comments; NULL when it does not end.
static const char *dtd_subset_end(const char *p, const char *end) {
    while (p < end) {
        if (*p == '"' || *p == '\'') {
            p = skip_quoted(p, end);
            if (!p) return NULL;
            continue;
        }
        if (end - p >= 4 && p[0] == '<' && p[1] == '!' && p[2] == '-' && p[3] == '-') {
            const char *q = memmem(p + 4, (size_t)(end - p - 4), "-->", 3);
            if (!q) return NULL;
            p = q + 3;
            continue;
        }
        if (*p == ']') {
            const char *q = p + 1;
            while (q < end && is_space_char(*q)) q++;
            if (q < end && *q == '>') return q + 1;
        }
        p++;
    }
    return NULL;
}

// The input with the text of comments, <script>, <style> and <svg> cut out (the elements
// themselves stay), and the quoted values of attributes nobody reads (`value_unread`): the stage
// drops all of these anyway, and libxml2 reads them a character at a time (inline SVG icons and
// charts were a quarter of the real pages' bytes). The cuts end where libxml2's own HTML parser
// ends them (recovering: "-->", "</script", "</style" in any case, the matching "</svg>"); an
// unterminated one, or an svg libxml2 might close early, is left to it. Returns 0 when there is
// nothing to cut (`*out` NULL), 1 with `*out` to free, or an error code.
//
// DTD internals (a DOCTYPE's internal subset, stray <!ENTITY …> declarations) are cut in either
// mode too: libxml2's HTML parser has no DTD and reads them as text.
//
// Word's downlevel-revealed conditionals (`<![if !supportLists]>`, `<![endif]>`) are cut in
// either mode: libxml2 reads them as text, and they are markup, never the article's words.
static int32_t strip_raw_text(const char *in, size_t length, int only_downlevel, char **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    const char *p = in, *end = in + length;
    CutPage page = {.copied = in, .length = length, .written = 0, .buffer = NULL};
    // An svg starting before this was already looked for in vain (see find_svg_end).
    const char *svg_blocked_until = in;
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt) break;
        size_t avail = (size_t)(end - lt);
        const char *keepEnd = NULL, *resume = NULL;
        if (avail >= 6 && lt[1] == '!' && lt[2] == '[' && (starts_ci(lt + 3, avail - 3, "if", 2) || starts_ci(lt + 3, avail - 3, "endif", 5))) {
            const char *close = memmem(lt + 3, avail - 3, "]>", 2);
            if (!close || close - lt > 200) { p = lt + 1; continue; }
            keepEnd = lt;
            resume = close + 2;
        } else if (avail >= 10 && lt[1] == '!' && starts_ci(lt + 2, avail - 2, "doctype", 7)) {
            // A DOCTYPE with an internal subset: libxml2's HTML parser reads the subset's
            // declarations (<!ENTITY lol1 "&lol;&lol;…">) as the page's text. Cut it whole.
            const char *q = lt + 9;
            while (q < end && *q != '>' && *q != '[') q++;
            if (q >= end || *q != '[') { p = lt + 1; continue; }
            const char *close = dtd_subset_end(q + 1, end);
            if (!close) break;
            keepEnd = lt;
            resume = close;
        } else if (avail >= 4 && lt[1] == '!' && (starts_ci(lt + 2, avail - 2, "entity", 6) || starts_ci(lt + 2, avail - 2, "element", 7) ||
                                                 starts_ci(lt + 2, avail - 2, "attlist", 7) || starts_ci(lt + 2, avail - 2, "notation", 8))) {
            // A stray DTD declaration outside a DOCTYPE: markup, never text.
            const char *gt = declaration_end(lt + 2, end);
            if (!gt) break;
            keepEnd = lt;
            resume = gt + 1;
        } else if (only_downlevel) {
            p = lt + 1;
            continue;
        } else if (avail >= 4 && lt[1] == '!' && lt[2] == '-' && lt[3] == '-') {
            const char *close = memmem(lt + 4, avail - 4, "-->", 3);
            if (!close) break;
            keepEnd = lt;
            resume = close + 3;
        } else {
            const char *name = NULL;
            size_t n = 0;
            if (starts_ci(lt + 1, avail - 1, "script", 6)) { name = "script"; n = 6; }
            else if (starts_ci(lt + 1, avail - 1, "style", 5)) { name = "style"; n = 5; }
            else if (lt >= svg_blocked_until && starts_ci(lt + 1, avail - 1, "svg", 3)) { name = "svg"; n = 3; }
            if (name && avail > n + 1) {
                if (is_name_end(lt[1 + n])) {
                    const char *q = tag_end(lt + 1 + n, end);
                    if (!q) break;
                    int svg = n == 3;
                    if (svg && q[-1] == '/') { p = q + 1; continue; }  // <svg ... />: nothing inside
                    // libxml2 reads an end tag right after <script> or <style> as markup, not as
                    // their text ("<script></tr>"): such an element is left to it.
                    if (!svg && q + 2 < end && q[1] == '<' && q[2] == '/' && !starts_ci(q + 3, (size_t)(end - q - 3), name, n)) {
                        p = q + 1;
                        continue;
                    }
                    const char *stop = NULL;
                    const char *close = svg ? find_svg_end(q + 1, end, &stop) : find_end_tag(q + 1, end, name, n);
                    if (!close) {
                        if (svg) { svg_blocked_until = stop; p = q + 1; continue; }
                        break;
                    }
                    if (close > q + 1) {
                        keepEnd = q + 1;
                        resume = close;
                    } else {
                        p = close + 2;
                        continue;
                    }
                }
            }
        }
        if (!keepEnd) {
            // An ordinary start tag: cut the attribute values nobody reads.
            if (avail > 1 && is_ascii_letter(lt[1])) {
                Cut cuts[32];
                int count = 0;
                const char *gt = plan_attribute_cuts(lt, end, cuts, 32, &count);
                // A tag not read cleanly may hide '<' inside a value libxml2 reads differently:
                // from here on the page goes to libxml2 as it is.
                if (!gt) break;
                // A value gives way to one space: `href='/a'title=x` must not become `hreftitle=x`.
                for (int k = 0; k < count; k++) {
                    if (cut_out(&page, cuts[k].from, cuts[k].to, ' ') != SOLIEU_OK) return SOLIEU_ERR_ALLOC;
                }
                p = gt + 1;
                continue;
            }
            p = lt + 1;
            continue;
        }
        if (cut_out(&page, keepEnd, resume, 0) != SOLIEU_OK) return SOLIEU_ERR_ALLOC;
        p = resume;
    }
    if (!page.buffer) return 0;
    cut_out(&page, end, end, 0);  // the rest of the page (the buffer exists: cannot fail)
    *out = page.buffer;
    *out_length = page.written;
    return 1;
}

int32_t solieu_html_events(const char *utf8, size_t length, uint8_t **out, size_t *out_length) {
    return solieu_html_events_cut(utf8, length, 1, out, out_length);
}

int32_t solieu_html_events_cut(const char *utf8, size_t length, int32_t cut_raw_text, uint8_t **out, size_t *out_length) {
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
    char *stripped = NULL;
    size_t strippedLength = 0;
    int32_t cut = strip_raw_text(utf8, length, !cut_raw_text, &stripped, &strippedLength);
    if (cut < 0) { free(b.bytes.data); return cut; }
    int32_t rc = stripped ? run_sax(stripped, strippedLength, &h, &b) : run_sax(utf8, length, &h, &b);
    free(stripped);
    if (rc != SOLIEU_OK || b.bytes.failed) { free(b.bytes.data); return rc != SOLIEU_OK ? rc : SOLIEU_ERR_ALLOC; }
    *out = b.bytes.data;
    *out_length = b.bytes.length;
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
