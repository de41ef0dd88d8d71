/* AcceptSecurityContext: the acceptor's side of establishment over gss_accept_sec_context,
 * keeping delegated credentials in a memory cache the context owns. */
#include "bridge/backend.h"
#include "bridge/call.h"
#include "bridge/ccache.h"
#include "bridge/ctx.h"
#include "bridge/gss_util.h"
#include "bridge/secbuf.h"
#include "mappings/map_flags.h"

#include <gssapi/gssapi_ext.h>
#include <string.h>

/* Stores delegated credentials where ImpersonateSecurityContext can find them. A failure
 * here loses only the delegation, not the login, as on Windows when forwarding fails. */
static void accept_store_delegation(ctx *c, gss_cred_id_t deleg)
{
    OM_uint32 major, minor;
    char name[sizeof(c->deleg_ccache)];

    ccache_new_memory_name(name, sizeof(name));
    major = backend_store_cred_ccache(&minor, deleg, name);
    if (GSS_ERROR(major)) {
        c->gss_flags &= ~(OM_uint32)GSS_C_DELEG_FLAG;
        return;
    }
    memcpy(c->deleg_ccache, name, sizeof(name));
}

static SECURITY_STATUS accept_step(ctx *c, PSecBufferDesc pInput, PSecBufferDesc pOutput,
                                   PULONG pfContextAttr, PTimeStamp ptsExpiry)
{
    SECURITY_STATUS status;
    OM_uint32 major, minor, ret_flags = 0, time_rec = 0;
    gss_buffer_desc in, out = GSS_C_EMPTY_BUFFER;
    gss_cred_id_t deleg = GSS_C_NO_CREDENTIAL;
    struct gss_channel_bindings_struct cb_storage;
    gss_channel_bindings_t cb;
    int allocate = (c->req & ASC_REQ_ALLOCATE_MEMORY) != 0;
    const SecBuffer *token = secbuf_find(pInput, SECBUFFER_TOKEN);

    if (token == NULL || token->cbBuffer == 0 || token->pvBuffer == NULL) {
        call_note("AcceptSecurityContext needs the client's token in a SECBUFFER_TOKEN input buffer");
        status = SEC_E_INVALID_TOKEN;
        goto cleanup;
    }
    in.value = token->pvBuffer;
    in.length = token->cbBuffer;
    status = ctx_bindings(pInput, &cb_storage, &cb);
    if (status != SEC_E_OK)
        goto cleanup;

    major = gss_accept_sec_context(&minor, &c->gss, c->cred->gss, &in, cb, NULL,
                                   &c->actual_mech, &out, &ret_flags, &time_rec, &deleg);
    if (GSS_ERROR(major)) {
        c->failed = 1;
        status = gss_util_fail(major, minor, c->actual_mech ? c->actual_mech : &c->mech,
                               ctx_status_opts(c));
        goto cleanup;
    }
    c->gss_flags = ret_flags;
    if (deleg != GSS_C_NO_CREDENTIAL && c->deleg_ccache[0] == '\0')
        accept_store_delegation(c, deleg);
    c->attrs = map_gss_to_asc_ret(c->gss_flags, c->req) | (allocate ? ASC_RET_ALLOCATED_MEMORY : 0);
    status = (major & GSS_S_CONTINUE_NEEDED) ? SEC_I_CONTINUE_NEEDED : SEC_E_OK;
    if (status == SEC_E_OK)
        atomic_store(&c->complete, 1);
    gss_util_expiry(time_rec, ptsExpiry);
    status = ctx_output_token(c, pOutput, &out, allocate, status);

cleanup:
    if (deleg != GSS_C_NO_CREDENTIAL)
        gss_release_cred(&minor, &deleg);
    if (pfContextAttr != NULL)
        *pfContextAttr = c->attrs;
    gss_release_buffer(&minor, &out);
    return status;
}

static SECURITY_STATUS accept_create(PCredHandle phCredential, ULONG req, ctx **out)
{
    SECURITY_STATUS status = SEC_E_OK;
    cred *cr = cred_get(phCredential);

    *out = NULL;
    if (cr == NULL) {
        status = SEC_E_INVALID_HANDLE;
    } else if (!(cr->use & SECPKG_CRED_INBOUND)) {
        call_note("the credential is OUTBOUND only");
        status = SEC_E_NO_CREDENTIALS;
    } else if ((*out = ctx_new(cr->pkg, cr, 0, req)) == NULL) {
        status = SEC_E_INSUFFICIENT_MEMORY;
    }
    cred_put(cr);
    return status;
}

SECURITY_STATUS SEC_ENTRY AcceptSecurityContext(PCredHandle phCredential, PCtxtHandle phContext,
                                                PSecBufferDesc pInput, ULONG fContextReq,
                                                ULONG TargetDataRep, PCtxtHandle phNewContext,
                                                PSecBufferDesc pOutput, PULONG pfContextAttr,
                                                PTimeStamp ptsExpiry)
{
    SECURITY_STATUS status;
    ctx *c = NULL;
    int created = 0;

    if (pfContextAttr != NULL)
        *pfContextAttr = 0;
    status = secbuf_check(pInput, 0);
    if (status == SEC_E_OK)
        status = secbuf_check(pOutput, 1);
    if (status != SEC_E_OK)
        goto cleanup;

    if (phContext == NULL) {
        if (phNewContext == NULL) {
            status = SEC_E_INVALID_PARAMETER;
            goto cleanup;
        }
        status = accept_create(phCredential, fContextReq, &c);
        if (status != SEC_E_OK)
            goto cleanup;
        created = 1;
    } else {
        c = ctx_get(phContext);
        if (c == NULL || c->initiator) {
            status = SEC_E_INVALID_HANDLE;
            goto cleanup;
        }
    }

    status = ctx_establish(c, created, accept_step, phContext, phNewContext, pInput, pOutput,
                           pfContextAttr, ptsExpiry);
    c = NULL;

cleanup:
    ctx_put(c);
    CALL_RETURN(status);
}
