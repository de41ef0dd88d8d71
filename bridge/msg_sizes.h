/* SecPkgContext_Sizes of an established context, and the per-message sizes behind it: what
 * the next EncryptMessage and MakeSignature really need, asked of GSSAPI (never a table of
 * per-enctype numbers). */
#ifndef SSPIBRIDGE_MSG_SIZES_H
#define SSPIBRIDGE_MSG_SIZES_H

#include "bridge/ctx.h"

#include <stddef.h>

/* Fills *out for c, an established context whose GSS context is present (the caller keeps
 * ExportSecurityContext out meanwhile). The values are computed once per context and then
 * read from it; any thread may call this at any time, message calls included.
 *   cbMaxToken         the package's maximum establishment token (SecPkgInfo.cbMaxToken);
 *   cbMaxSignature     MakeSignature's TOKEN buffer (gss_get_mic_iov_length);
 *   cbSecurityTrailer  EncryptMessage's TOKEN buffer for the largest message, either QOP
 *                      (gss_wrap_iov_length with HEADER | DATA | PADDING and no TRAILER, the
 *                      layout EncryptMessage uses);
 *   cbBlockSize        the granularity PADDING brings a message to.
 * SEC_E_OK, SEC_E_INVALID_HANDLE for a context not (or no longer) established, or the
 * GSS failure's status. */
SECURITY_STATUS msg_sizes(ctx *c, SecPkgContext_Sizes *out);

/* The TOKEN (HEADER) and PADDING sizes gss_wrap_iov needs for a message of data_len bytes
 * to protect (in a DATA buffer, when have_data) and sign_len bytes to sign only (in a
 * SIGN_ONLY buffer, when have_sign), in EncryptMessage's layout: no TRAILER. Returns the
 * GSS major status (minor in *minor). Answered from the context once GSSAPI has shown the
 * overhead to be the same for every message (RFC 4121 tokens of CTS enctypes); asked of
 * gss_wrap_iov_length on every call otherwise. */
uint32_t msg_sizes_wrap(const ctx *c, int conf, int have_data, size_t data_len, int have_sign,
                        size_t sign_len, size_t *header, size_t *padding, uint32_t *minor);

/* The MIC token gss_get_mic_iov writes for data_len bytes (kept by the context once it is
 * known not to depend on data_len). GSS major status. */
uint32_t msg_sizes_mic(const ctx *c, size_t data_len, size_t *token, uint32_t *minor);

#endif
