/* InitializeSecurityContextA/W: the initiator's side of establishment over
 * gss_init_sec_context. */
#include "bridge/call.h"
#include "bridge/ctx.h"
#include "bridge/gss_util.h"
#include "bridge/secbuf.h"
#include "mappings/map_flags.h"
#include "mappings/map_utf.h"

#include <gssapi/gssapi_ext.h>
#include <gssapi/gssapi_krb5.h>
#include <stdlib.h>
#include <string.h>

/* ISC_REQ_NO_INTEGRITY: MIT puts CONF|INTEG into the authenticator's checksum flags whatever
 * the request says, unless the credential carries the no-CI-flags option. The option changes
 * the credential, so the context gets its own copy (export/import duplicates a credential,
 * the library's default included) and other contexts on the handle are unaffected. */
static SECURITY_STATUS init_no_integrity_cred(ctx *c)
{
    OM_uint32 major, minor;
    gss_buffer_desc blob = GSS_C_EMPTY_BUFFER, empty = GSS_C_EMPTY_BUFFER;
    gss_OID_set_desc mechs = {1, &c->mech};

    if (c->cred->gss == GSS_C_NO_CREDENTIAL) {
        major = gss_acquire_cred(&minor, GSS_C_NO_NAME, GSS_C_INDEFINITE, &mechs, GSS_C_INITIATE,
                                 &c->own_cred, NULL, NULL);
    } else {
        major = gss_export_cred(&minor, c->cred->gss, &blob);
        if (!GSS_ERROR(major))
            major = gss_import_cred(&minor, &blob, &c->own_cred);
        gss_release_buffer(&minor, &blob);
    }
    if (!GSS_ERROR(major))
        major = gss_set_cred_option(&minor, &c->own_cred, (gss_OID)GSS_KRB5_CRED_NO_CI_FLAGS_X, &empty);
    if (GSS_ERROR(major))
        return gss_util_fail(major, minor, &c->mech, 0);
    return SEC_E_OK;
}

/* The first call: a new context object for the credential and target. */
static SECURITY_STATUS init_create(PCredHandle phCredential, const char *target, ULONG req, ctx **out)
{
    SECURITY_STATUS status = SEC_E_OK;
    cred *cr = cred_get(phCredential);
    ctx *c = NULL;

    *out = NULL;
    if (cr == NULL) {
        status = SEC_E_INVALID_HANDLE;
        goto cleanup;
    }
    if (!(cr->use & SECPKG_CRED_OUTBOUND)) {
        call_note("the credential is INBOUND only");
        status = SEC_E_NO_CREDENTIALS;
        goto cleanup;
    }
    c = ctx_new(cr->pkg, cr, 1, req);
    if (c == NULL) {
        status = SEC_E_INSUFFICIENT_MEMORY;
        goto cleanup;
    }
    if (gss_util_import_name(c->pkg, target, &c->target) != 0) {
        status = SEC_E_TARGET_UNKNOWN;
        goto cleanup;
    }
    if (req & ISC_REQ_NO_INTEGRITY) {
        status = init_no_integrity_cred(c);
        if (status != SEC_E_OK)
            goto cleanup;
    }
    *out = c;
    c = NULL;

cleanup:
    ctx_discard(c);
    cred_put(cr);
    return status;
}

/* One gss_init_sec_context step on c, token out into pOutput. */
static SECURITY_STATUS init_step(ctx *c, PSecBufferDesc pInput, PSecBufferDesc pOutput,
                                 PULONG pfContextAttr, PTimeStamp ptsExpiry)
{
    SECURITY_STATUS status;
    OM_uint32 major, minor, ret_flags = 0, time_rec = 0;
    gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
    struct gss_channel_bindings_struct cb_storage;
    gss_channel_bindings_t cb;
    int allocate = (c->req & ISC_REQ_ALLOCATE_MEMORY) != 0;
    const SecBuffer *token = secbuf_find(pInput, SECBUFFER_TOKEN);

    if (token != NULL && token->cbBuffer > 0) {
        if (token->pvBuffer == NULL) {
            status = SEC_E_INVALID_TOKEN;
            goto cleanup;
        }
        in.value = token->pvBuffer;
        in.length = token->cbBuffer;
    } else if (c->gss != GSS_C_NO_CONTEXT) {
        call_note("a continuation call needs the peer's token in a SECBUFFER_TOKEN input buffer");
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    status = ctx_bindings(pInput, &cb_storage, &cb);
    if (status != SEC_E_OK)
        goto cleanup;

    major = gss_init_sec_context(&minor,
                                 c->own_cred != GSS_C_NO_CREDENTIAL ? c->own_cred : c->cred->gss, &c->gss, c->target, &c->mech,
                                 map_isc_req_to_gss(c->req), GSS_C_INDEFINITE, cb, &in,
                                 &c->actual_mech, &out, &ret_flags, &time_rec);
    if (GSS_ERROR(major)) {
        c->failed = 1;
        status = gss_util_fail(major, minor, c->actual_mech ? c->actual_mech : &c->mech,
                               ctx_status_opts(c));
        goto cleanup;
    }
    c->gss_flags = ret_flags;
    c->attrs = map_gss_to_isc_ret(ret_flags, c->req) | (allocate ? ISC_RET_ALLOCATED_MEMORY : 0);
    status = (major & GSS_S_CONTINUE_NEEDED) ? SEC_I_CONTINUE_NEEDED : SEC_E_OK;
    if (status == SEC_E_OK)
        atomic_store(&c->complete, 1);
    gss_util_expiry(time_rec, ptsExpiry);
    status = ctx_output_token(c, pOutput, &out, allocate, status);

cleanup:
    if (pfContextAttr != NULL)
        *pfContextAttr = c->attrs;
    gss_release_buffer(&minor, &out);
    return status;
}

static SECURITY_STATUS init_common(PCredHandle phCredential, PCtxtHandle phContext,
                                   const char *target, ULONG fContextReq, PSecBufferDesc pInput,
                                   PCtxtHandle phNewContext, PSecBufferDesc pOutput,
                                   PULONG pfContextAttr, PTimeStamp ptsExpiry)
{
    SECURITY_STATUS status;
    ctx *c = NULL;
    int created = 0;

    if (pfContextAttr != NULL)
        *pfContextAttr = 0;
    status = secbuf_check(pInput, 1);
    if (status == SEC_E_OK)
        status = secbuf_check(pOutput, 1);
    if (status != SEC_E_OK)
        goto cleanup;

    if (phContext == NULL) {
        if (phNewContext == NULL) {
            status = SEC_E_INVALID_PARAMETER;
            goto cleanup;
        }
        status = init_create(phCredential, target, fContextReq, &c);
        if (status != SEC_E_OK)
            goto cleanup;
        created = 1;
    } else {
        c = ctx_get(phContext);
        if (c == NULL || !c->initiator) {
            status = SEC_E_INVALID_HANDLE;
            goto cleanup;
        }
    }

    status = ctx_establish(c, created, init_step, phContext, phNewContext, pInput, pOutput,
                           pfContextAttr, ptsExpiry);
    c = NULL;

cleanup:
    ctx_put(c);
    return status;
}

SECURITY_STATUS SEC_ENTRY InitializeSecurityContextA(PCredHandle phCredential, PCtxtHandle phContext,
                                                     SEC_CHAR *pszTargetName, ULONG fContextReq,
                                                     ULONG Reserved1, ULONG TargetDataRep,
                                                     PSecBufferDesc pInput, ULONG Reserved2,
                                                     PCtxtHandle phNewContext, PSecBufferDesc pOutput,
                                                     PULONG pfContextAttr, PTimeStamp ptsExpiry)
{
    CALL_RETURN(init_common(phCredential, phContext, pszTargetName, fContextReq, pInput,
                            phNewContext, pOutput, pfContextAttr, ptsExpiry));
}

SECURITY_STATUS SEC_ENTRY InitializeSecurityContextW(PCredHandle phCredential, PCtxtHandle phContext,
                                                     SEC_WCHAR *pszTargetName, ULONG fContextReq,
                                                     ULONG Reserved1, ULONG TargetDataRep,
                                                     PSecBufferDesc pInput, ULONG Reserved2,
                                                     PCtxtHandle phNewContext, PSecBufferDesc pOutput,
                                                     PULONG pfContextAttr, PTimeStamp ptsExpiry)
{
    SECURITY_STATUS status;
    char *target = NULL;

    /* The target matters on the first call only; later calls may pass anything. */
    if (phContext == NULL && pszTargetName != NULL &&
        (status = map_utf16_to_utf8(pszTargetName, (size_t)-1, &target, NULL)) != MAP_UTF_OK) {
        call_note("pszTargetName is not valid UTF-16");
        status = status == MAP_UTF_NOMEM ? SEC_E_INSUFFICIENT_MEMORY : SEC_E_TARGET_UNKNOWN;
        goto cleanup;
    }
    status = init_common(phCredential, phContext, target, fContextReq, pInput, phNewContext,
                         pOutput, pfContextAttr, ptsExpiry);

cleanup:
    free(target);
    CALL_RETURN(status);
}
