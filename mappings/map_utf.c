/* UTF-8 <-> UTF-16 conversion. UTF-8 is validated against the Unicode Standard's table of
 * well-formed byte sequences (chapter 3, Table 3-7), UTF-16 by surrogate pairing (3.9). */
#include "mappings/map_utf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One row of Table 3-7: a range of lead bytes, the sequence length, and the range the second
 * byte must fall in (later bytes are always 0x80-0xBF). The narrowed second-byte ranges are
 * what exclude overlong forms (E0, F0), surrogates (ED) and code points past U+10FFFF (F4).
 * Lead bytes in no row (0x80-0xC1, 0xF5-0xFF) start no sequence. */
typedef struct map_utf8_form {
    unsigned char lead_lo, lead_hi;
    unsigned char len;
    unsigned char second_lo, second_hi;
} map_utf8_form;

static const map_utf8_form map_utf8_forms[] = {
    {0x00, 0x7F, 1, 0x00, 0x00}, /* U+0000..U+007F */
    {0xC2, 0xDF, 2, 0x80, 0xBF}, /* U+0080..U+07FF */
    {0xE0, 0xE0, 3, 0xA0, 0xBF}, /* U+0800..U+0FFF */
    {0xE1, 0xEC, 3, 0x80, 0xBF}, /* U+1000..U+CFFF */
    {0xED, 0xED, 3, 0x80, 0x9F}, /* U+D000..U+D7FF (not the surrogates) */
    {0xEE, 0xEF, 3, 0x80, 0xBF}, /* U+E000..U+FFFF */
    {0xF0, 0xF0, 4, 0x90, 0xBF}, /* U+10000..U+3FFFF */
    {0xF1, 0xF3, 4, 0x80, 0xBF}, /* U+40000..U+FFFFF */
    {0xF4, 0xF4, 4, 0x80, 0x8F}, /* U+100000..U+10FFFF */
};

/* Payload bits of the lead byte, by sequence length. */
static const unsigned char map_utf8_lead_mask[5] = {0, 0x7F, 0x1F, 0x0F, 0x07};

#define MAP_UTF16_HI_FIRST 0xD800u
#define MAP_UTF16_LO_FIRST 0xDC00u
#define MAP_UTF16_LO_LAST  0xDFFFu
#define MAP_UTF16_SUPP_BASE 0x10000u

/* Decodes one code point from p[0..avail). Returns the bytes used, 0 if malformed. */
static size_t map_utf8_decode(const unsigned char *p, size_t avail, uint32_t *cp)
{
    const map_utf8_form *form = NULL;
    for (size_t i = 0; i < sizeof(map_utf8_forms) / sizeof(map_utf8_forms[0]); i++) {
        if (p[0] >= map_utf8_forms[i].lead_lo && p[0] <= map_utf8_forms[i].lead_hi) {
            form = &map_utf8_forms[i];
            break;
        }
    }
    if (form == NULL || avail < form->len)
        return 0;
    uint32_t value = p[0] & map_utf8_lead_mask[form->len];
    for (size_t k = 1; k < form->len; k++) {
        unsigned char lo = k == 1 ? form->second_lo : 0x80;
        unsigned char hi = k == 1 ? form->second_hi : 0xBF;
        if (p[k] < lo || p[k] > hi)
            return 0;
        value = (value << 6) | (p[k] & 0x3Fu);
    }
    *cp = value;
    return form->len;
}

/* Decodes one code point from p[0..avail) UTF-16 units. Returns the units used, 0 if an
 * unpaired surrogate. */
static size_t map_utf16_decode(const SEC_WCHAR *p, size_t avail, uint32_t *cp)
{
    uint32_t u = p[0];
    if (u < MAP_UTF16_HI_FIRST || u > MAP_UTF16_LO_LAST) {
        *cp = u;
        return 1;
    }
    if (u >= MAP_UTF16_LO_FIRST || avail < 2)
        return 0;
    uint32_t low = p[1];
    if (low < MAP_UTF16_LO_FIRST || low > MAP_UTF16_LO_LAST)
        return 0;
    *cp = MAP_UTF16_SUPP_BASE + ((u - MAP_UTF16_HI_FIRST) << 10) + (low - MAP_UTF16_LO_FIRST);
    return 2;
}

static size_t map_utf8_encoded_len(uint32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

static size_t map_utf8_encode(uint32_t cp, unsigned char *o)
{
    static const unsigned char lead_tag[5] = {0, 0x00, 0xC0, 0xE0, 0xF0};
    size_t n = map_utf8_encoded_len(cp);
    for (size_t k = n - 1; k > 0; k--) {
        o[k] = (unsigned char)(0x80 | (cp & 0x3F));
        cp >>= 6;
    }
    o[0] = (unsigned char)(lead_tag[n] | cp);
    return n;
}

size_t map_utf16_len(const SEC_WCHAR *s)
{
    size_t n = 0;
    if (s == NULL)
        return 0;
    while (s[n] != 0)
        n++;
    return n;
}

int map_utf8_to_utf16(const char *in, size_t in_len, SEC_WCHAR **out, size_t *out_len)
{
    const unsigned char *src = (const unsigned char *)in;
    SEC_WCHAR *buf = NULL;
    size_t units = 0;
    uint32_t cp;

    if (out != NULL)
        *out = NULL;
    if (out_len != NULL)
        *out_len = 0;
    if (in == NULL || out == NULL)
        return MAP_UTF_INVALID;
    if (in_len == (size_t)-1)
        in_len = strlen(in);

    for (size_t i = 0; i < in_len;) {
        size_t used = map_utf8_decode(src + i, in_len - i, &cp);
        if (used == 0)
            return MAP_UTF_INVALID;
        units += cp >= MAP_UTF16_SUPP_BASE ? 2 : 1;
        i += used;
    }
    /* units <= in_len, so units + 1 cannot wrap; the byte count can. */
    if (units + 1 > SIZE_MAX / sizeof(SEC_WCHAR))
        return MAP_UTF_NOMEM;
    buf = malloc((units + 1) * sizeof(SEC_WCHAR));
    if (buf == NULL)
        return MAP_UTF_NOMEM;

    size_t w = 0;
    for (size_t i = 0; i < in_len;) {
        i += map_utf8_decode(src + i, in_len - i, &cp);
        if (cp >= MAP_UTF16_SUPP_BASE) {
            cp -= MAP_UTF16_SUPP_BASE;
            buf[w++] = (SEC_WCHAR)(MAP_UTF16_HI_FIRST + (cp >> 10));
            buf[w++] = (SEC_WCHAR)(MAP_UTF16_LO_FIRST + (cp & 0x3FF));
        } else {
            buf[w++] = (SEC_WCHAR)cp;
        }
    }
    buf[w] = 0;
    *out = buf;
    if (out_len != NULL)
        *out_len = w;
    return MAP_UTF_OK;
}

int map_utf16_to_utf8(const SEC_WCHAR *in, size_t in_len, char **out, size_t *out_len)
{
    unsigned char *buf = NULL;
    size_t bytes = 0;
    uint32_t cp;

    if (out != NULL)
        *out = NULL;
    if (out_len != NULL)
        *out_len = 0;
    if (in == NULL || out == NULL)
        return MAP_UTF_INVALID;
    if (in_len == (size_t)-1)
        in_len = map_utf16_len(in);

    for (size_t i = 0; i < in_len;) {
        size_t used = map_utf16_decode(in + i, in_len - i, &cp);
        if (used == 0)
            return MAP_UTF_INVALID;
        size_t n = map_utf8_encoded_len(cp);
        if (bytes > SIZE_MAX - 1 - n)
            return MAP_UTF_NOMEM;
        bytes += n;
        i += used;
    }
    buf = malloc(bytes + 1);
    if (buf == NULL)
        return MAP_UTF_NOMEM;

    size_t w = 0;
    for (size_t i = 0; i < in_len;) {
        i += map_utf16_decode(in + i, in_len - i, &cp);
        w += map_utf8_encode(cp, buf + w);
    }
    buf[w] = 0;
    *out = (char *)buf;
    if (out_len != NULL)
        *out_len = w;
    return MAP_UTF_OK;
}
