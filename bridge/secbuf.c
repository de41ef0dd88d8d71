/* SecBufferDesc checks and token output. */
#include "bridge/secbuf.h"

#include "bridge/call.h"
#include "bridge/memory.h"

#include <string.h>

SECURITY_STATUS secbuf_check(const SecBufferDesc *desc, int optional)
{
    if (desc == NULL)
        return optional ? SEC_E_OK : SEC_E_INVALID_TOKEN;
    if (desc->ulVersion != SECBUFFER_VERSION) {
        call_note("SecBufferDesc ulVersion is %u, not SECBUFFER_VERSION", (unsigned)desc->ulVersion);
        return SEC_E_INVALID_TOKEN;
    }
    if (desc->cBuffers == 0 || desc->cBuffers > SECBUF_MAX_BUFFERS || desc->pBuffers == NULL) {
        call_note("SecBufferDesc has %u buffers at %p", (unsigned)desc->cBuffers, (void *)desc->pBuffers);
        return SEC_E_INVALID_TOKEN;
    }
    for (ULONG i = 0; i < desc->cBuffers; i++) {
        if (desc->pBuffers[i].pvBuffer == NULL && desc->pBuffers[i].cbBuffer != 0 &&
            SECBUF_TYPE(&desc->pBuffers[i]) != SECBUFFER_TOKEN) {
            call_note("buffer %u has no memory but cbBuffer %u", (unsigned)i,
                      (unsigned)desc->pBuffers[i].cbBuffer);
            return SEC_E_INVALID_TOKEN;
        }
    }
    return SEC_E_OK;
}

SecBuffer *secbuf_find(const SecBufferDesc *desc, ULONG type)
{
    if (desc == NULL || desc->pBuffers == NULL)
        return NULL;
    for (ULONG i = 0; i < desc->cBuffers && i < SECBUF_MAX_BUFFERS; i++)
        if (SECBUF_TYPE(&desc->pBuffers[i]) == type)
            return &desc->pBuffers[i];
    return NULL;
}

size_t secbuf_count(const SecBufferDesc *desc, ULONG type)
{
    size_t n = 0;
    if (desc == NULL || desc->pBuffers == NULL)
        return 0;
    for (ULONG i = 0; i < desc->cBuffers && i < SECBUF_MAX_BUFFERS; i++)
        if (SECBUF_TYPE(&desc->pBuffers[i]) == type)
            n++;
    return n;
}

SECURITY_STATUS secbuf_put_token(SecBuffer *out, const void *data, size_t len, int allocate)
{
    if (allocate) {
        out->pvBuffer = NULL;
        out->cbBuffer = 0;
        if (len == 0)
            return SEC_E_OK;
        void *p = mem_alloc(len);
        if (p == NULL)
            return SEC_E_INSUFFICIENT_MEMORY;
        memcpy(p, data, len);
        out->pvBuffer = p;
        out->cbBuffer = (ULONG)len;
        return SEC_E_OK;
    }
    if (len > out->cbBuffer || (len > 0 && out->pvBuffer == NULL)) {
        call_note("output token needs %zu bytes, the caller's TOKEN buffer has %u", len,
                  (unsigned)out->cbBuffer);
        return SEC_E_INSUFFICIENT_MEMORY;
    }
    if (len > 0)
        memcpy(out->pvBuffer, data, len);
    out->cbBuffer = (ULONG)len;
    return SEC_E_OK;
}
