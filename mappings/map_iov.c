/* SecBuffer types -> GSS IOV types, the table EncryptMessage and friends are built on
 * (DESIGN: HEADER / DATA / SIGN_ONLY / PADDING and no TRAILER, so the trailer is rotated
 * into the header as Windows does). */
#include "mappings/map_iov.h"

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_ext.h>
#include <stddef.h>

/* One row per SecBuffer type a message call passes to GSSAPI: its IOV type in a wrap and in
 * a signature; EMPTY for a type that call does not pass. */
static const struct {
    ULONG type;
    uint32_t wrap;
    uint32_t mic;
} map_iov_rows[] = {
    /* "The security token portion of the message": the wrap token's header (with the
     * rotated trailer), or the whole MIC token. */
    {SECBUFFER_TOKEN, GSS_IOV_BUFFER_TYPE_HEADER, GSS_IOV_BUFFER_TYPE_MIC_TOKEN},
    {SECBUFFER_DATA, GSS_IOV_BUFFER_TYPE_DATA, GSS_IOV_BUFFER_TYPE_DATA},
    {SECBUFFER_PADDING, GSS_IOV_BUFFER_TYPE_PADDING, GSS_IOV_BUFFER_TYPE_EMPTY},
    /* DecryptMessage: a whole wrap token, split by GSSAPI (or by the bridge, DCE style). */
    {SECBUFFER_STREAM, GSS_IOV_BUFFER_TYPE_STREAM, GSS_IOV_BUFFER_TYPE_EMPTY},
};

uint32_t map_iov_type(ULONG buffer_type, int mic)
{
    ULONG type = buffer_type & ~(ULONG)SECBUFFER_ATTRMASK;
    for (size_t i = 0; i < sizeof(map_iov_rows) / sizeof(map_iov_rows[0]); i++) {
        if (map_iov_rows[i].type != type)
            continue;
        /* A read-only buffer is never written: DATA is signed only (the header-signing
         * buffers of DCE RPC), and a read-only TOKEN, PADDING or STREAM (which GSSAPI
         * would write into) is not passed at all. */
        if ((buffer_type & (SECBUFFER_READONLY | SECBUFFER_READONLY_WITH_CHECKSUM)) != 0)
            return type == SECBUFFER_DATA ? GSS_IOV_BUFFER_TYPE_SIGN_ONLY : GSS_IOV_BUFFER_TYPE_EMPTY;
        return mic ? map_iov_rows[i].mic : map_iov_rows[i].wrap;
    }
    return GSS_IOV_BUFFER_TYPE_EMPTY;
}
