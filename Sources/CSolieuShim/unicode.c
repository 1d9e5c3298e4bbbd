// Charset conversion and normalization through ICU's C API.
#include "CSolieuShim.h"

#include <unicode/ucnv.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <stdlib.h>
#include <string.h>

int32_t solieu_charset_known(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *c = ucnv_open(charset, &status);
    if (U_FAILURE(status) || !c) return 0;
    ucnv_close(c);
    return 1;
}

static int32_t utf16_to_utf8(const UChar *src, int32_t len, char **out, size_t *out_length) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t need = 0;
    u_strToUTF8WithSub(NULL, 0, &need, src, len, 0xFFFD, NULL, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return SOLIEU_ERR_CONVERT;
    status = U_ZERO_ERROR;
    char *buf = malloc((size_t)need + 1);
    if (!buf) return SOLIEU_ERR_ALLOC;
    u_strToUTF8WithSub(buf, need + 1, NULL, src, len, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) { free(buf); return SOLIEU_ERR_CONVERT; }
    *out = buf;
    *out_length = (size_t)need;
    return SOLIEU_OK;
}

int32_t solieu_convert_to_utf8(const char *charset, const char *bytes, size_t length,
                               char **out, size_t *out_length, int64_t *substitutions) {
    *out = NULL;
    *out_length = 0;
    *substitutions = 0;
    if (length > (size_t)INT32_MAX / 2) return SOLIEU_ERR_TOO_LARGE;
    UErrorCode status = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &status);
    if (U_FAILURE(status) || !conv) return SOLIEU_ERR_CHARSET;
    // Substitute U+FFFD for illegal or unmappable bytes.
    UChar sub = 0xFFFD;
    status = U_ZERO_ERROR;
    ucnv_setSubstString(conv, &sub, 1, &status);
    status = U_ZERO_ERROR;
    size_t cap = length * 2 + 16;
    UChar *u = malloc(cap * sizeof(UChar));
    if (!u) { ucnv_close(conv); return SOLIEU_ERR_ALLOC; }
    int32_t ulen = ucnv_toUChars(conv, u, (int32_t)cap, bytes, (int32_t)length, &status);
    ucnv_close(conv);
    if (U_FAILURE(status)) { free(u); return SOLIEU_ERR_CONVERT; }
    for (int32_t i = 0; i < ulen; i++) if (u[i] == 0xFFFD) (*substitutions)++;
    int32_t rc = utf16_to_utf8(u, ulen, out, out_length);
    free(u);
    return rc;
}

int32_t solieu_normalize_utf8(int32_t form, const char *utf8, size_t length, char **out, size_t *out_length) {
    *out = NULL;
    *out_length = 0;
    if (length > (size_t)INT32_MAX / 4) return SOLIEU_ERR_TOO_LARGE;
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *norm = form == 0 ? unorm2_getNFCInstance(&status) : unorm2_getNFDInstance(&status);
    if (U_FAILURE(status)) return SOLIEU_ERR_CONVERT;
    int32_t ulen = 0;
    status = U_ZERO_ERROR;
    u_strFromUTF8WithSub(NULL, 0, &ulen, utf8, (int32_t)length, 0xFFFD, NULL, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return SOLIEU_ERR_CONVERT;
    status = U_ZERO_ERROR;
    UChar *u = malloc(((size_t)ulen + 1) * sizeof(UChar));
    if (!u) return SOLIEU_ERR_ALLOC;
    u_strFromUTF8WithSub(u, ulen + 1, NULL, utf8, (int32_t)length, 0xFFFD, NULL, &status);
    if (U_FAILURE(status)) { free(u); return SOLIEU_ERR_CONVERT; }
    if (unorm2_isNormalized(norm, u, ulen, &status) && U_SUCCESS(status)) { free(u); return 0; }
    status = U_ZERO_ERROR;
    int32_t cap = ulen * 3 + 16;
    UChar *n = malloc((size_t)cap * sizeof(UChar));
    if (!n) { free(u); return SOLIEU_ERR_ALLOC; }
    int32_t nlen = unorm2_normalize(norm, u, ulen, n, cap, &status);
    free(u);
    if (U_FAILURE(status)) { free(n); return SOLIEU_ERR_CONVERT; }
    int32_t rc = utf16_to_utf8(n, nlen, out, out_length);
    free(n);
    return rc == SOLIEU_OK ? 1 : rc;
}
