/* The MIT krb5 backend (configure --with-gssapi=mit): every call of bridge/backend.h is MIT's
 * own GSSAPI extension, passed straight through. */
#include "bridge/backend.h"

#include <gssapi/gssapi_krb5.h>

int backend_unwrap_stream(void)
{
    return 1;
}

int backend_offers_package(const char *name)
{
    (void)name;
    return 1;
}

int backend_dce_limited(void)
{
    return 0;
}

OM_uint32 backend_inquire_cred_name(OM_uint32 *minor, gss_cred_id_t cred, int named,
                                    gss_name_t *name)
{
    (void)named;
    return gss_inquire_cred(minor, cred, name, NULL, NULL, NULL);
}

OM_uint32 backend_acquire_cred_ccache(OM_uint32 *minor, const char *ccache, gss_OID_set mechs,
                                      gss_cred_id_t *out, OM_uint32 *lifetime)
{
    gss_key_value_element_desc elem = {"ccache", ccache};
    gss_key_value_set_desc store = {1, &elem};
    return gss_acquire_cred_from(minor, GSS_C_NO_NAME, GSS_C_INDEFINITE, mechs, GSS_C_INITIATE,
                                 &store, out, NULL, lifetime);
}

OM_uint32 backend_store_cred_ccache(OM_uint32 *minor, gss_cred_id_t cred, const char *ccache)
{
    gss_key_value_element_desc elem = {"ccache", ccache};
    gss_key_value_set_desc store = {1, &elem};
    return gss_store_cred_into(minor, cred, GSS_C_INITIATE, GSS_C_NO_OID, 1, 0, &store, NULL,
                               NULL);
}

OM_uint32 backend_set_neg_mechs(OM_uint32 *minor, gss_cred_id_t cred, const gss_OID_set_desc *mechs)
{
    /* MIT takes a non-const set it does not change. */
    return gss_set_neg_mechs(minor, cred, (gss_OID_set)mechs);
}

OM_uint32 backend_session_key(OM_uint32 *minor, gss_ctx_id_t ctx, gss_buffer_set_t *set)
{
    return gss_inquire_sec_context_by_oid(minor, ctx, GSS_C_INQ_SSPI_SESSION_KEY, set);
}

OM_uint32 backend_unwrap_iov(OM_uint32 *minor, gss_ctx_id_t ctx, int *conf_state,
                             gss_qop_t *qop_state, gss_iov_buffer_desc *iov, int count,
                             int framed_dce)
{
    (void)framed_dce;
    return gss_unwrap_iov(minor, ctx, conf_state, qop_state, iov, count);
}

OM_uint32 backend_get_mic_iov(OM_uint32 *minor, gss_ctx_id_t ctx, gss_iov_buffer_desc *iov,
                              int count)
{
    return gss_get_mic_iov(minor, ctx, GSS_C_QOP_DEFAULT, iov, count);
}

OM_uint32 backend_verify_mic_iov(OM_uint32 *minor, gss_ctx_id_t ctx, gss_qop_t *qop,
                                 gss_iov_buffer_desc *iov, int count)
{
    return gss_verify_mic_iov(minor, ctx, qop, iov, count);
}

OM_uint32 backend_get_mic_iov_length(OM_uint32 *minor, gss_ctx_id_t ctx,
                                     gss_iov_buffer_desc *iov, int count)
{
    return gss_get_mic_iov_length(minor, ctx, GSS_C_QOP_DEFAULT, iov, count);
}
