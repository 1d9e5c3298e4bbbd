// A growable byte buffer for the event buffers the shim hands to Swift (html.c, office.c, ocr.c):
// reserve room for a whole event, then write it; a failed allocation sticks, so the caller checks
// once at the end.
#ifndef CSOLIEU_BYTES_H
#define CSOLIEU_BYTES_H

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    uint8_t *data;
    size_t length;
    size_t capacity;
    int failed;
} ShimBytes;

static inline int shim_reserve(ShimBytes *b, size_t extra) {
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

// Writes after a successful `shim_reserve` of at least their size.
static inline void shim_put(ShimBytes *b, const void *p, size_t n) { memcpy(b->data + b->length, p, n); b->length += n; }
static inline void shim_put_u8(ShimBytes *b, uint8_t v) { b->data[b->length++] = v; }
static inline void shim_put_u16(ShimBytes *b, uint16_t v) { shim_put(b, &v, 2); }
static inline void shim_put_u32(ShimBytes *b, uint32_t v) { shim_put(b, &v, 4); }

#endif
