/* The Heimdal backend (configure --with-gssapi=heimdal): MIT's GSSAPI extensions the bridge
 * uses, done with the calls Heimdal has. Every difference from bridge/backend_mit.c is
 * listed in README.md ("Heimdal backend"). */
#include "bridge/backend.h"
#include "mappings/map_enctype.h"

#include <errno.h>
#include <krb5.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Heimdal's krb5 mechanism (lib/gssapi/krb5: _gk_unwrap_iov, the CFX and arcfour IOV code)
 * finds HEADER, DATA, PADDING and TRAILER buffers only; a STREAM buffer is not one of them. */
int backend_unwrap_stream(void)
{
    return 0;
}

int backend_offers_package(const char *name)
{
    return strcasecmp(name, "NTLM") != 0;
}

int backend_dce_limited(void)
{
    return 1;
}

/* Heimdal's _gsskrb5_inquire_cred answers GSS_C_NO_NAME for an acceptor credential without a
 * principal, and gss_inquire_cred (lib/gssapi/mech) stores that NULL as the union name's
 * mechanism name unchecked: only the usage is asked of such a credential. */
OM_uint32 backend_inquire_cred_name(OM_uint32 *minor, gss_cred_id_t cred, int named,
                                    gss_name_t *name)
{
    OM_uint32 major;
    gss_cred_usage_t usage = GSS_C_BOTH;

    *name = GSS_C_NO_NAME;
    if (!named) {
        major = gss_inquire_cred(minor, cred, NULL, NULL, &usage, NULL);
        if (GSS_ERROR(major))
            return major;
        if (usage == GSS_C_ACCEPT)
            return GSS_S_COMPLETE;
    }
    return gss_inquire_cred(minor, cred, name, NULL, NULL, NULL);
}

/* Opens the named ccache in a krb5 context of its own (Heimdal's GSSAPI keeps its own too). */
static OM_uint32 heimdal_ccache(OM_uint32 *minor, const char *name, krb5_context *kctx,
                                krb5_ccache *cc)
{
    krb5_error_code ret;

    *kctx = NULL;
    *cc = NULL;
    ret = krb5_init_context(kctx);
    if (ret == 0)
        ret = krb5_cc_resolve(*kctx, name, cc);
    if (ret != 0) {
        if (*kctx != NULL)
            krb5_free_context(*kctx);
        *kctx = NULL;
        *minor = (OM_uint32)ret;
        return GSS_S_FAILURE;
    }
    return GSS_S_COMPLETE;
}

/* gss_krb5_import_cred names the krb5 mechanism's credential after the ccache (it keeps the
 * cache's name, not our handle), so the cache may be closed at once. The mechanism set does
 * not matter: only Kerberos reads a ccache. */
OM_uint32 backend_acquire_cred_ccache(OM_uint32 *minor, const char *ccache, gss_OID_set mechs,
                                      gss_cred_id_t *out, OM_uint32 *lifetime)
{
    OM_uint32 major, tmp;
    krb5_context kctx;
    krb5_ccache cc;

    (void)mechs;
    major = heimdal_ccache(minor, ccache, &kctx, &cc);
    if (GSS_ERROR(major))
        return major;
    major = gss_krb5_import_cred(minor, cc, NULL, NULL, out);
    if (!GSS_ERROR(major) && lifetime != NULL) {
        major = gss_inquire_cred(minor, *out, NULL, lifetime, NULL, NULL);
        if (GSS_ERROR(major))
            gss_release_cred(&tmp, out);
    }
    krb5_cc_close(kctx, cc);
    krb5_free_context(kctx);
    return major;
}

/* gss_krb5_copy_ccache initializes the cache with the credential's client and copies its
 * tickets (krb5_cc_copy_cache). A MEMORY cache outlives the close: Heimdal keeps it until
 * krb5_cc_destroy (bridge/ccache.c). */
OM_uint32 backend_store_cred_ccache(OM_uint32 *minor, gss_cred_id_t cred, const char *ccache)
{
    OM_uint32 major;
    krb5_context kctx;
    krb5_ccache cc;

    major = heimdal_ccache(minor, ccache, &kctx, &cc);
    if (GSS_ERROR(major))
        return major;
    major = gss_krb5_copy_ccache(minor, cred, cc);
    krb5_cc_close(kctx, cc);
    krb5_free_context(kctx);
    return major;
}

OM_uint32 backend_set_neg_mechs(OM_uint32 *minor, gss_cred_id_t cred, const gss_OID_set_desc *mechs)
{
    (void)cred;
    (void)mechs;
    *minor = 0;
    return GSS_S_UNAVAILABLE;
}

/* Only the krb5 mechanism answers gsskrb5_get_subkey (others: GSS_S_UNAVAILABLE or a
 * failure, which the caller reports as it reports MIT's answer for a mechanism without
 * GSS_C_INQ_SSPI_SESSION_KEY). */
OM_uint32 backend_session_key(OM_uint32 *minor, gss_ctx_id_t ctx, gss_buffer_set_t *set)
{
    OM_uint32 major, tmp;
    krb5_context kctx = NULL;
    krb5_keyblock *key = NULL;
    unsigned char oid[MAP_ENCTYPE_OID_MAX];
    gss_buffer_desc elem;
    size_t oid_len = 0;

    *set = GSS_C_NO_BUFFER_SET;
    major = gsskrb5_get_subkey(minor, ctx, &key);
    if (GSS_ERROR(major))
        goto cleanup;
    if (map_enctype_to_oid(key->keytype, oid, sizeof(oid), &oid_len) != 0) {
        *minor = EINVAL;
        major = GSS_S_FAILURE;
        goto cleanup;
    }
    major = gss_create_empty_buffer_set(minor, set);
    if (GSS_ERROR(major))
        goto cleanup;
    elem.length = key->keyvalue.length;
    elem.value = key->keyvalue.data;
    major = gss_add_buffer_set_member(minor, &elem, set);
    if (!GSS_ERROR(major)) {
        elem.length = oid_len;
        elem.value = oid;
        major = gss_add_buffer_set_member(minor, &elem, set);
    }
    if (GSS_ERROR(major)) {
        if ((*set)->count > 0)
            explicit_bzero((*set)->elements[0].value, (*set)->elements[0].length);
        gss_release_buffer_set(&tmp, set);
    }

cleanup:
    /* krb5_free_keyblock wipes the key before freeing it. */
    if (key != NULL && krb5_init_context(&kctx) == 0) {
        krb5_free_keyblock(kctx, key);
        krb5_free_context(kctx);
    } else if (key != NULL) {
        explicit_bzero(key->keyvalue.data, key->keyvalue.length);
        free(key->keyvalue.data);
        free(key);
    }
    return major;
}

OM_uint32 backend_unwrap_iov(OM_uint32 *minor, gss_ctx_id_t ctx, int *conf_state,
                             gss_qop_t *qop_state, gss_iov_buffer_desc *iov, int count,
                             int framed_dce)
{
    OM_uint32 major, tmp;
    gss_iov_buffer_desc *header = NULL, *data = NULL;
    gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
    unsigned char *joined = NULL;

    if (!framed_dce)
        return gss_unwrap_iov(minor, ctx, conf_state, qop_state, iov, count);
    for (int i = 0; i < count; i++) {
        OM_uint32 type = GSS_IOV_BUFFER_TYPE(iov[i].type);
        if (type == GSS_IOV_BUFFER_TYPE_HEADER)
            header = &iov[i];
        else if (type == GSS_IOV_BUFFER_TYPE_PADDING && iov[i].buffer.length == 0)
            continue; /* the empty PADDING EncryptMessage handed out: DCE RC4 has no pad */
        else if (type == GSS_IOV_BUFFER_TYPE_DATA && data == NULL)
            data = &iov[i];
        else if (type != GSS_IOV_BUFFER_TYPE_EMPTY && type != GSS_IOV_BUFFER_TYPE_DATA) {
            *minor = EINVAL; /* sign-only parts or padding: not in a DCE RC4 token here */
            return GSS_S_FAILURE;
        } else if (type == GSS_IOV_BUFFER_TYPE_DATA) {
            *minor = EINVAL; /* a second DATA buffer */
            return GSS_S_FAILURE;
        }
    }
    if (header == NULL || data == NULL || header->buffer.length > SIZE_MAX - data->buffer.length) {
        *minor = EINVAL;
        return GSS_S_FAILURE;
    }
    in.length = header->buffer.length + data->buffer.length;
    joined = malloc(in.length > 0 ? in.length : 1);
    if (joined == NULL) {
        *minor = ENOMEM;
        return GSS_S_FAILURE;
    }
    memcpy(joined, header->buffer.value, header->buffer.length);
    if (data->buffer.length > 0)
        memcpy(joined + header->buffer.length, data->buffer.value, data->buffer.length);
    in.value = joined;
    major = gss_unwrap(minor, ctx, &in, &out, conf_state, qop_state);
    if (!GSS_ERROR(major)) {
        if (out.length > data->buffer.length) {
            *minor = ERANGE;
            major = GSS_S_FAILURE;
        } else {
            if (out.length > 0)
                memcpy(data->buffer.value, out.value, out.length);
            data->buffer.length = out.length;
        }
    }
    if (out.value != NULL)
        explicit_bzero(out.value, out.length);
    gss_release_buffer(&tmp, &out);
    explicit_bzero(joined, in.length);
    free(joined);
    return major;
}

/* The message a MIC covers: every DATA and SIGN_ONLY buffer, in order (MIT's
 * gss_get_mic_iov checksums them so). One buffer is used where it lies; several are copied
 * into *owned (freed by the caller, wiped: it may be a secret). *token is the MIC_TOKEN
 * buffer, NULL when there is none. */
static OM_uint32 heimdal_mic_message(OM_uint32 *minor, gss_iov_buffer_desc *iov, int count,
                                     gss_buffer_desc *msg, unsigned char **owned, size_t *owned_len,
                                     gss_iov_buffer_desc **token)
{
    size_t total = 0, parts = 0;
    gss_iov_buffer_desc *only = NULL;

    *owned = NULL;
    *owned_len = 0;
    *token = NULL;
    msg->length = 0;
    msg->value = NULL;
    for (int i = 0; i < count; i++) {
        OM_uint32 type = GSS_IOV_BUFFER_TYPE(iov[i].type);
        if (type == GSS_IOV_BUFFER_TYPE_MIC_TOKEN) {
            *token = &iov[i];
        } else if (type == GSS_IOV_BUFFER_TYPE_DATA || type == GSS_IOV_BUFFER_TYPE_SIGN_ONLY) {
            if (iov[i].buffer.length > SIZE_MAX - total) {
                *minor = EOVERFLOW;
                return GSS_S_FAILURE;
            }
            total += iov[i].buffer.length;
            only = &iov[i];
            parts++;
        }
    }
    if (*token == NULL) {
        *minor = EINVAL;
        return GSS_S_CALL_INACCESSIBLE_READ;
    }
    if (parts == 1) {
        *msg = only->buffer;
        return GSS_S_COMPLETE;
    }
    if (total == 0)
        return GSS_S_COMPLETE;
    *owned = malloc(total);
    if (*owned == NULL) {
        *minor = ENOMEM;
        return GSS_S_FAILURE;
    }
    *owned_len = total;
    total = 0;
    for (int i = 0; i < count; i++) {
        OM_uint32 type = GSS_IOV_BUFFER_TYPE(iov[i].type);
        if ((type == GSS_IOV_BUFFER_TYPE_DATA || type == GSS_IOV_BUFFER_TYPE_SIGN_ONLY) &&
            iov[i].buffer.length > 0) {
            memcpy(*owned + total, iov[i].buffer.value, iov[i].buffer.length);
            total += iov[i].buffer.length;
        }
    }
    msg->value = *owned;
    msg->length = total;
    return GSS_S_COMPLETE;
}

static void heimdal_mic_release(unsigned char *owned, size_t len)
{
    if (owned != NULL) {
        explicit_bzero(owned, len);
        free(owned);
    }
}

/* The caller sized the MIC_TOKEN buffer with backend_get_mic_iov_length; a token that does
 * not fit is refused rather than cut (GSS_S_FAILURE, ERANGE). */
OM_uint32 backend_get_mic_iov(OM_uint32 *minor, gss_ctx_id_t ctx, gss_iov_buffer_desc *iov,
                              int count)
{
    OM_uint32 major, tmp;
    gss_buffer_desc msg, mic = GSS_C_EMPTY_BUFFER;
    gss_iov_buffer_desc *token;
    unsigned char *owned;
    size_t owned_len;

    major = heimdal_mic_message(minor, iov, count, &msg, &owned, &owned_len, &token);
    if (GSS_ERROR(major))
        goto cleanup;
    major = gss_get_mic(minor, ctx, GSS_C_QOP_DEFAULT, &msg, &mic);
    if (GSS_ERROR(major))
        goto cleanup;
    if (mic.length > token->buffer.length || token->buffer.value == NULL) {
        *minor = ERANGE;
        major = GSS_S_FAILURE;
        goto cleanup;
    }
    memcpy(token->buffer.value, mic.value, mic.length);
    token->buffer.length = mic.length;

cleanup:
    gss_release_buffer(&tmp, &mic);
    heimdal_mic_release(owned, owned_len);
    return major;
}

OM_uint32 backend_verify_mic_iov(OM_uint32 *minor, gss_ctx_id_t ctx, gss_qop_t *qop,
                                 gss_iov_buffer_desc *iov, int count)
{
    OM_uint32 major;
    gss_buffer_desc msg;
    gss_iov_buffer_desc *token;
    unsigned char *owned;
    size_t owned_len;

    major = heimdal_mic_message(minor, iov, count, &msg, &owned, &owned_len, &token);
    if (!GSS_ERROR(major))
        major = gss_verify_mic(minor, ctx, &msg, &token->buffer, qop);
    heimdal_mic_release(owned, owned_len);
    return major;
}

/* A MIC token's size without making one (gss_get_mic would spend a sequence number, and the
 * peer would see a gap). Heimdal has no length call for MICs, and its wrap length call
 * refuses integrity-only tokens on DCE-style contexts, so the size comes from the key's
 * enctype: RFC 4757 7.2 (RC4): the framed 37-byte token; RFC 4121 4.2.6.1 (every newer
 * enctype): the 16-byte header and the enctype's checksum. Neither depends on the message.
 * DES and DES3 (RFC 1964) are not sized here: GSS_S_UNAVAILABLE. */
#define HEIMDAL_RC4_MIC_LEN 37
#define HEIMDAL_CFX_HEADER  16
OM_uint32 backend_get_mic_iov_length(OM_uint32 *minor, gss_ctx_id_t ctx,
                                     gss_iov_buffer_desc *iov, int count)
{
    OM_uint32 major;
    gss_iov_buffer_desc *token = NULL;
    krb5_context kctx = NULL;
    krb5_keyblock *key = NULL;
    krb5_crypto crypto = NULL;
    krb5_cksumtype ctype;
    size_t csize = 0;
    krb5_error_code ret;

    for (int i = 0; i < count; i++)
        if (GSS_IOV_BUFFER_TYPE(iov[i].type) == GSS_IOV_BUFFER_TYPE_MIC_TOKEN)
            token = &iov[i];
    if (token == NULL) {
        *minor = EINVAL;
        return GSS_S_CALL_INACCESSIBLE_READ;
    }
    major = gsskrb5_get_subkey(minor, ctx, &key);
    if (GSS_ERROR(major))
        return major;
    ret = krb5_init_context(&kctx);
    if (ret != 0)
        goto cleanup;
    switch (key->keytype) {
    case ETYPE_ARCFOUR_HMAC_MD5:
    case ETYPE_ARCFOUR_HMAC_MD5_56:
        token->buffer.length = HEIMDAL_RC4_MIC_LEN;
        break;
    case ETYPE_DES_CBC_CRC:
    case ETYPE_DES_CBC_MD4:
    case ETYPE_DES_CBC_MD5:
    case ETYPE_DES3_CBC_SHA1:
        major = GSS_S_UNAVAILABLE;
        break;
    default:
        ret = krb5_crypto_init(kctx, key, 0, &crypto);
        if (ret == 0)
            ret = krb5_crypto_get_checksum_type(kctx, crypto, &ctype);
        if (ret == 0)
            ret = krb5_checksumsize(kctx, ctype, &csize);
        if (ret == 0)
            token->buffer.length = HEIMDAL_CFX_HEADER + csize;
        break;
    }

cleanup:
    if (ret != 0) {
        *minor = (OM_uint32)ret;
        major = GSS_S_FAILURE;
    }
    if (crypto != NULL)
        krb5_crypto_destroy(kctx, crypto);
    if (kctx != NULL) {
        krb5_free_keyblock(kctx, key);
        krb5_free_context(kctx);
    } else {
        explicit_bzero(key->keyvalue.data, key->keyvalue.length);
        free(key->keyvalue.data);
        free(key);
    }
    return major;
}
