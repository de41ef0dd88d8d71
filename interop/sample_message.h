/* Message protection as the sample protocol needs it, written the way SSPI programs use
 * EncryptMessage, DecryptMessage, MakeSignature and VerifySignature:
 *  - a wrap token is TOKEN || DATA || PADDING of one EncryptMessage call laid end to end,
 *    which is the standard RFC 4121 wrap token a GSSAPI peer passes to gss_unwrap (the
 *    Kerberos package rotates its trailer into the TOKEN buffer);
 *  - a received wrap token goes to DecryptMessage whole, as SECBUFFER_STREAM with an empty
 *    SECBUFFER_DATA that comes back pointing at the plaintext inside it;
 *  - a MIC is MakeSignature's SECBUFFER_TOKEN over one SECBUFFER_DATA.
 * Each function reports its failure (report_failure) and returns the SSPI status. */
#ifndef SSPIBRIDGE_INTEROP_SAMPLE_MESSAGE_H
#define SSPIBRIDGE_INTEROP_SAMPLE_MESSAGE_H

#include <security.h>
#include <stddef.h>

/* SECPKG_ATTR_SIZES of ctx into *sizes (queried once establishment is complete). */
SECURITY_STATUS message_sizes(PCtxtHandle ctx, SecPkgContext_Sizes *sizes);

/* Wraps msg. encrypt = 0 asks for an integrity-only wrap (SECQOP_WRAP_NO_ENCRYPT). *out
 * is malloc'd (caller frees), *out_len its length. */
SECURITY_STATUS message_wrap(PCtxtHandle ctx, const SecPkgContext_Sizes *sizes, int encrypt,
                             const void *msg, size_t len, unsigned char **out, size_t *out_len);

/* Unwraps tok in place: *msg and *msg_len describe the plaintext inside tok; *encrypted
 * tells whether the peer encrypted it (pfQOP is not SECQOP_WRAP_NO_ENCRYPT). */
SECURITY_STATUS message_unwrap(PCtxtHandle ctx, unsigned char *tok, size_t len,
                               unsigned char **msg, size_t *msg_len, int *encrypted);

/* The MIC of msg: *mic malloc'd (caller frees). */
SECURITY_STATUS message_sign(PCtxtHandle ctx, const SecPkgContext_Sizes *sizes, const void *msg,
                             size_t len, unsigned char **mic, size_t *mic_len);

/* Checks mic against msg. */
SECURITY_STATUS message_verify(PCtxtHandle ctx, const void *msg, size_t len,
                               const unsigned char *mic, size_t mic_len);

#endif
