/* SECBUFFER_* types (with their READONLY attributes) -> GSS IOV buffer types. */
#ifndef SSPIBRIDGE_MAP_IOV_H
#define SSPIBRIDGE_MAP_IOV_H

#include <sspi.h>
#include <stdint.h>

/* The GSS_IOV_BUFFER_TYPE_* a SecBuffer of that BufferType (attributes included) becomes
 * in a wrap (Encrypt/DecryptMessage, mic = 0) or a signature (Make/VerifySignature,
 * mic = 1); GSS_IOV_BUFFER_TYPE_EMPTY for a buffer the call does not pass to GSSAPI. */
uint32_t map_iov_type(ULONG buffer_type, int mic);

#endif
