/* The GSSAPI calls MIT krb5 and Heimdal provide differently, behind one interface: configure
 * (--with-gssapi) builds bridge/backend_mit.c or bridge/backend_heimdal.c, never both. */
#ifndef SSPIBRIDGE_BACKEND_H
#define SSPIBRIDGE_BACKEND_H

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_ext.h> /* Heimdal: bridge/compat-heimdal's stand-in */

/* Nonzero when the krb5 mechanism's gss_unwrap_iov takes a GSS_IOV_BUFFER_TYPE_STREAM buffer
 * (MIT). Heimdal's has none: DecryptMessage then splits the stream into HEADER and DATA
 * itself, as it does for DCE-style contexts on MIT. */
int backend_unwrap_stream(void);

/* Nonzero when the krb5 mechanism limits DCE-style contexts (Heimdal): its IOV calls refuse
 * PADDING and TRAILER buffers there (_gk_verify_buffers: EINVAL), so the bridge leaves them
 * out (DCE-style tokens need no padding: RFC 4121 EC, RC4's stream), and it makes no
 * integrity-only wrap tokens there (EINVAL), so SECQOP_WRAP_NO_ENCRYPT is
 * SEC_E_QOP_NOT_SUPPORTED. 0 for MIT. */
int backend_dce_limited(void);

/* Whether the bridge offers the named package when this GSSAPI lists its mechanism. Heimdal
 * lists a built-in NTLM mechanism that takes no password credential
 * (gss_acquire_cred_with_password: GSS_S_NO_CRED) and checks NTLM responses only through a
 * Heimdal KDC's digest service, so NTLM (alone or inside Negotiate) is not offered there.
 * Every package is offered on MIT (gss-ntlmssp provides NTLM). */
int backend_offers_package(const char *name);

/* gss_acquire_cred for the initiator credentials in the named ccache (MIT:
 * gss_acquire_cred_from with a "ccache" store; Heimdal: gss_krb5_import_cred). */
OM_uint32 backend_acquire_cred_ccache(OM_uint32 *minor, const char *ccache, gss_OID_set mechs,
                                      gss_cred_id_t *out, OM_uint32 *lifetime);

/* Stores an initiator credential (a delegated one) into the named ccache, creating it (MIT:
 * gss_store_cred_into; Heimdal: gss_krb5_copy_ccache). */
OM_uint32 backend_store_cred_ccache(OM_uint32 *minor, gss_cred_id_t cred, const char *ccache);

/* gss_inquire_cred's name of cred (GSS_C_NO_NAME when the mechanism names none); named: the
 * bridge acquired cred for a principal of its own choosing. Heimdal's krb5 mechanism names no
 * acceptor credential acquired for any keytab key, and its mechglue (gss_inquire_cred) wraps
 * that null mechanism name in a union name that gss_display_name then dereferences: a crash.
 * There an unnamed acceptor credential is answered GSS_C_NO_NAME without asking for its name.
 * MIT passes straight through. */
OM_uint32 backend_inquire_cred_name(OM_uint32 *minor, gss_cred_id_t cred, int named,
                                    gss_name_t *name);

/* Restricts the mechanisms SPNEGO negotiates with cred (MIT: gss_set_neg_mechs). Heimdal has
 * no such call: GSS_S_UNAVAILABLE, which the caller reports as SEC_E_UNSUPPORTED_FUNCTION. */
OM_uint32 backend_set_neg_mechs(OM_uint32 *minor, gss_cred_id_t cred, const gss_OID_set_desc *mechs);

/* The key the context protects messages with and its enctype, as MIT answers
 * GSS_C_INQ_SSPI_SESSION_KEY: element 0 the key, element 1 the OID
 * 1.2.840.113554.1.2.2.4.<enctype> (mappings/map_enctype.h). Heimdal declares that OID but
 * its library does not define it: there gsskrb5_get_subkey gives the same key (acceptor
 * subkey, else initiator subkey, else ticket session key) and the set is built from it.
 * The caller wipes element 0 and releases the set. */
OM_uint32 backend_session_key(OM_uint32 *minor, gss_ctx_id_t ctx, gss_buffer_set_t *set);

/* gss_unwrap_iov. framed_dce: the token is an RFC 4757 (RC4) one on a DCE-style context.
 * Heimdal's IOV unwrap of those tests the DCE flag of the wrong structure
 * (_gssapi_unwrap_iov_arcfour: IS_DCE_STYLE(context), its krb5_context), so it expects the
 * DER length to cover the data and refuses every such token (GSS_S_DEFECTIVE_TOKEN); there
 * HEADER and the one DATA buffer are joined and unwrapped with gss_unwrap, and the
 * plaintext is copied back over the data (one copy, wiped). */
OM_uint32 backend_unwrap_iov(OM_uint32 *minor, gss_ctx_id_t ctx, int *conf_state,
                             gss_qop_t *qop_state, gss_iov_buffer_desc *iov, int count,
                             int framed_dce);

/* gss_get_mic_iov, gss_verify_mic_iov and gss_get_mic_iov_length (MIT). Heimdal has only
 * gss_get_mic / gss_verify_mic: the DATA and SIGN_ONLY buffers (in order) are the message,
 * copied into one buffer when there are several, and the MIC token is copied into the
 * caller's MIC_TOKEN buffer. */
OM_uint32 backend_get_mic_iov(OM_uint32 *minor, gss_ctx_id_t ctx, gss_iov_buffer_desc *iov,
                              int count);
OM_uint32 backend_verify_mic_iov(OM_uint32 *minor, gss_ctx_id_t ctx, gss_qop_t *qop,
                                 gss_iov_buffer_desc *iov, int count);
OM_uint32 backend_get_mic_iov_length(OM_uint32 *minor, gss_ctx_id_t ctx,
                                     gss_iov_buffer_desc *iov, int count);

#endif
