/* SecBufferDesc handling shared by establishment and message functions: buffers are found
 * by type, never by position, and checked before they are touched. */
#ifndef SSPIBRIDGE_SECBUF_H
#define SSPIBRIDGE_SECBUF_H

#include <sspi.h>
#include <stddef.h>

/* Most buffers any real caller passes; more is treated as a corrupt descriptor. */
#define SECBUF_MAX_BUFFERS 64

/* The buffer type without its SECBUFFER_ATTRMASK flags. */
#define SECBUF_TYPE(b) ((b)->BufferType & ~(ULONG)SECBUFFER_ATTRMASK)

/* SEC_E_OK when desc is usable: right version, 1..SECBUF_MAX_BUFFERS buffers, an array,
 * and no buffer with a NULL pvBuffer but a non-zero size. A NULL desc is accepted when
 * optional is set. Otherwise SEC_E_INVALID_TOKEN (Windows' answer for a bad descriptor). */
SECURITY_STATUS secbuf_check(const SecBufferDesc *desc, int optional);
/* The first buffer of that type, or NULL (also for a NULL desc). */
SecBuffer *secbuf_find(const SecBufferDesc *desc, ULONG type);
/* How many buffers of that type desc holds. */
size_t secbuf_count(const SecBufferDesc *desc, ULONG type);
/* Puts a token into out: into the caller's buffer, or with allocate into memory freed by
 * FreeContextBuffer. A caller's buffer too small gives SEC_E_INSUFFICIENT_MEMORY and leaves
 * cbBuffer untouched. */
SECURITY_STATUS secbuf_put_token(SecBuffer *out, const void *data, size_t len, int allocate);

#endif
