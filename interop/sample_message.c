/* Message protection for the sample programs (sample_message.h). */
#include "interop/sample_message.h"

#include "interop/sample_report.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

SECURITY_STATUS message_sizes(PCtxtHandle ctx, SecPkgContext_Sizes *sizes)
{
    SECURITY_STATUS status;

    memset(sizes, 0, sizeof(*sizes));
    status = QueryContextAttributesA(ctx, SECPKG_ATTR_SIZES, sizes);
    if (status != SEC_E_OK)
        report_failure("QueryContextAttributes(SECPKG_ATTR_SIZES)", status);
    return status;
}

SECURITY_STATUS message_wrap(PCtxtHandle ctx, const SecPkgContext_Sizes *sizes, int encrypt,
                             const void *msg, size_t len, unsigned char **out, size_t *out_len)
{
    SecBuffer bufs[3];
    SecBufferDesc desc = {SECBUFFER_VERSION, 3, bufs};
    SECURITY_STATUS status;
    unsigned char *buf;
    size_t total;

    *out = NULL;
    *out_len = 0;
    if (len > UINT32_MAX - (size_t)sizes->cbSecurityTrailer - sizes->cbBlockSize) {
        report_failure("EncryptMessage", SEC_E_INVALID_PARAMETER);
        return SEC_E_INVALID_PARAMETER;
    }
    total = (size_t)sizes->cbSecurityTrailer + len + sizes->cbBlockSize;
    buf = malloc(total ? total : 1);
    if (buf == NULL) {
        report_failure("EncryptMessage", SEC_E_INSUFFICIENT_MEMORY);
        return SEC_E_INSUFFICIENT_MEMORY;
    }
    /* One allocation laid out TOKEN | DATA | PADDING, each at its largest size. */
    bufs[0].BufferType = SECBUFFER_TOKEN;
    bufs[0].cbBuffer = sizes->cbSecurityTrailer;
    bufs[0].pvBuffer = buf;
    bufs[1].BufferType = SECBUFFER_DATA;
    bufs[1].cbBuffer = (ULONG)len;
    bufs[1].pvBuffer = buf + sizes->cbSecurityTrailer;
    if (len > 0)
        memcpy(bufs[1].pvBuffer, msg, len);
    bufs[2].BufferType = SECBUFFER_PADDING;
    bufs[2].cbBuffer = sizes->cbBlockSize;
    bufs[2].pvBuffer = buf + sizes->cbSecurityTrailer + len;

    status = EncryptMessage(ctx, encrypt ? 0 : SECQOP_WRAP_NO_ENCRYPT, &desc, 0);
    if (status != SEC_E_OK) {
        report_failure("EncryptMessage", status);
        free(buf);
        return status;
    }
    /* The package may have used less than the maximum TOKEN and PADDING: close the gaps so
     * that the three buffers form one token. */
    if (bufs[0].cbBuffer > sizes->cbSecurityTrailer || bufs[1].cbBuffer > len ||
        bufs[2].cbBuffer > sizes->cbBlockSize) {
        report_failure("EncryptMessage (buffer sizes grew)", SEC_E_INTERNAL_ERROR);
        free(buf);
        return SEC_E_INTERNAL_ERROR;
    }
    memmove(buf + bufs[0].cbBuffer, bufs[1].pvBuffer, bufs[1].cbBuffer);
    memmove(buf + bufs[0].cbBuffer + bufs[1].cbBuffer, bufs[2].pvBuffer, bufs[2].cbBuffer);
    *out = buf;
    *out_len = (size_t)bufs[0].cbBuffer + bufs[1].cbBuffer + bufs[2].cbBuffer;
    return SEC_E_OK;
}

SECURITY_STATUS message_unwrap(PCtxtHandle ctx, unsigned char *tok, size_t len,
                               unsigned char **msg, size_t *msg_len, int *encrypted)
{
    SecBuffer bufs[2];
    SecBufferDesc desc = {SECBUFFER_VERSION, 2, bufs};
    SECURITY_STATUS status;
    ULONG qop = 0;

    *msg = NULL;
    *msg_len = 0;
    *encrypted = 0;
    if (len > UINT32_MAX) {
        report_failure("DecryptMessage", SEC_E_INVALID_TOKEN);
        return SEC_E_INVALID_TOKEN;
    }
    bufs[0].BufferType = SECBUFFER_STREAM;
    bufs[0].cbBuffer = (ULONG)len;
    bufs[0].pvBuffer = tok;
    bufs[1].BufferType = SECBUFFER_DATA;
    bufs[1].cbBuffer = 0;
    bufs[1].pvBuffer = NULL;
    status = DecryptMessage(ctx, &desc, 0, &qop);
    if (status != SEC_E_OK) {
        report_failure("DecryptMessage", status);
        return status;
    }
    /* SSPI callers find output buffers by type, not by index. */
    for (ULONG i = 0; i < desc.cBuffers; i++) {
        if ((bufs[i].BufferType & ~SECBUFFER_ATTRMASK) == SECBUFFER_DATA) {
            *msg = bufs[i].pvBuffer;
            *msg_len = bufs[i].cbBuffer;
        }
    }
    if (*msg == NULL && *msg_len != 0) {
        report_failure("DecryptMessage (no DATA buffer)", SEC_E_INTERNAL_ERROR);
        return SEC_E_INTERNAL_ERROR;
    }
    *encrypted = (qop != SECQOP_WRAP_NO_ENCRYPT);
    return SEC_E_OK;
}

SECURITY_STATUS message_sign(PCtxtHandle ctx, const SecPkgContext_Sizes *sizes, const void *msg,
                             size_t len, unsigned char **mic, size_t *mic_len)
{
    SecBuffer bufs[2];
    SecBufferDesc desc = {SECBUFFER_VERSION, 2, bufs};
    SECURITY_STATUS status;
    unsigned char *sig;

    *mic = NULL;
    *mic_len = 0;
    if (len > UINT32_MAX) {
        report_failure("MakeSignature", SEC_E_INVALID_PARAMETER);
        return SEC_E_INVALID_PARAMETER;
    }
    sig = malloc(sizes->cbMaxSignature ? sizes->cbMaxSignature : 1);
    if (sig == NULL) {
        report_failure("MakeSignature", SEC_E_INSUFFICIENT_MEMORY);
        return SEC_E_INSUFFICIENT_MEMORY;
    }
    bufs[0].BufferType = SECBUFFER_DATA;
    bufs[0].cbBuffer = (ULONG)len;
    bufs[0].pvBuffer = (void *)msg;
    bufs[1].BufferType = SECBUFFER_TOKEN;
    bufs[1].cbBuffer = sizes->cbMaxSignature;
    bufs[1].pvBuffer = sig;
    status = MakeSignature(ctx, 0, &desc, 0);
    if (status != SEC_E_OK) {
        report_failure("MakeSignature", status);
        free(sig);
        return status;
    }
    *mic = sig;
    *mic_len = bufs[1].cbBuffer;
    return SEC_E_OK;
}

SECURITY_STATUS message_verify(PCtxtHandle ctx, const void *msg, size_t len,
                               const unsigned char *mic, size_t mic_len)
{
    SecBuffer bufs[2];
    SecBufferDesc desc = {SECBUFFER_VERSION, 2, bufs};
    SECURITY_STATUS status;
    ULONG qop = 0;

    if (len > UINT32_MAX || mic_len > UINT32_MAX) {
        report_failure("VerifySignature", SEC_E_INVALID_TOKEN);
        return SEC_E_INVALID_TOKEN;
    }
    bufs[0].BufferType = SECBUFFER_DATA;
    bufs[0].cbBuffer = (ULONG)len;
    bufs[0].pvBuffer = (void *)msg;
    bufs[1].BufferType = SECBUFFER_TOKEN;
    bufs[1].cbBuffer = (ULONG)mic_len;
    bufs[1].pvBuffer = (void *)mic;
    status = VerifySignature(ctx, &desc, 0, &qop);
    if (status != SEC_E_OK)
        report_failure("VerifySignature", status);
    return status;
}
