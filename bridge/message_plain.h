/* Message protection for mechanisms without GSSAPI's IOV message calls (gss-ntlmssp has
 * gss_wrap, gss_unwrap, gss_get_mic, gss_verify_mic and gss_wrap_size_limit only). The
 * four SSPI message functions dispatch here per context once they have validated the
 * handle; bridge/message.c keeps the IOV path. */
#ifndef SSPIBRIDGE_MESSAGE_PLAIN_H
#define SSPIBRIDGE_MESSAGE_PLAIN_H

#include "bridge/ctx.h"

/* Nonzero when c's (negotiated) mechanism lacks gss_wrap_iov: asked of GSSAPI once per
 * established context and kept in c->msg_plain. 0 for a context without a GSS context
 * (exported): the IOV path then reports the handle. */
int msg_plain_context(ctx *c);

/* The SSPI calls on such a context, c established and referenced by the caller. Each takes
 * the context's send or receive lock itself. */
SECURITY_STATUS msg_plain_encrypt(ctx *c, ULONG fQOP, PSecBufferDesc m);
SECURITY_STATUS msg_plain_decrypt(ctx *c, PSecBufferDesc m, ULONG *pfQOP);
SECURITY_STATUS msg_plain_sign(ctx *c, ULONG fQOP, PSecBufferDesc m);
SECURITY_STATUS msg_plain_verify(ctx *c, PSecBufferDesc m, ULONG *pfQOP);

/* cbMaxSignature, cbSecurityTrailer and cbBlockSize of such a context: the wrap overhead
 * gss_wrap_size_limit reports (an NTLM seal is the data plus its 16-byte signature, MS-NLMP
 * 3.4.3, and a signature is that same NTLMSSP_MESSAGE_SIGNATURE, 2.2.2.9), and no block:
 * RC4 is a stream cipher. SEC_E_OK or the GSS failure's status. */
SECURITY_STATUS msg_plain_sizes(const ctx *c, ULONG *max_signature, ULONG *trailer,
                                ULONG *block);

#endif
