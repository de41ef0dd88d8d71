/* UTF-8 <-> UTF-16 (SEC_WCHAR) conversion for the A/W entry points. Strict: malformed input
 * is reported, never repaired and never read past its end. */
#ifndef SSPIBRIDGE_MAP_UTF_H
#define SSPIBRIDGE_MAP_UTF_H

#include <sspi.h>
#include <stddef.h>

/* Result codes of the conversions. */
#define MAP_UTF_OK       0
#define MAP_UTF_INVALID  (-1) /* malformed input, or a NULL argument */
#define MAP_UTF_NOMEM    (-2) /* allocation failed (or the result would not fit in memory) */

/* Length of a NUL-terminated UTF-16 string in code units, like strlen; 0 for NULL. */
size_t map_utf16_len(const SEC_WCHAR *s);

/* Converts in_len bytes of UTF-8 at in (or up to its NUL when in_len is (size_t)-1) to UTF-16.
 * Rejected: bytes that cannot start a sequence (0x80-0xC1, 0xF5-0xFF), truncated sequences,
 * overlong forms, encoded surrogates (U+D800-U+DFFF) and code points above U+10FFFF. A NUL
 * inside an explicit length is converted like any other character.
 * On success *out is a malloc'd, NUL-terminated string the caller frees with free(), and
 * *out_len (when out_len is not NULL) is its length in units without the terminator.
 * On failure *out is NULL and *out_len 0. Returns MAP_UTF_OK, MAP_UTF_INVALID or MAP_UTF_NOMEM. */
int map_utf8_to_utf16(const char *in, size_t in_len, SEC_WCHAR **out, size_t *out_len);

/* Converts in_len units of UTF-16 at in (or up to its NUL when in_len is (size_t)-1) to UTF-8.
 * A high surrogate not followed by a low one, or a low surrogate on its own, is invalid.
 * Ownership and results as for map_utf8_to_utf16; *out_len counts bytes. */
int map_utf16_to_utf8(const SEC_WCHAR *in, size_t in_len, char **out, size_t *out_len);

#endif
