/* An in-process establishment loop for the integration suites. */
#include "tests/common/establish.h"

#include <stdlib.h>
#include <string.h>

#define EST_TOKEN_MAX 65536

static SEC_WCHAR *est_widen(const char *s)
{
    size_t n = strlen(s);
    SEC_WCHAR *w = calloc(n + 1, sizeof(SEC_WCHAR));
    for (size_t i = 0; w != NULL && i < n; i++)
        w[i] = (SEC_WCHAR)(unsigned char)s[i];
    return w;
}

SECURITY_STATUS est_acquire(const char *package, const char *principal, ULONG use, void *auth,
                            CredHandle *out)
{
    TimeStamp expiry;
    SecInvalidateHandle(out);
    return AcquireCredentialsHandleA((SEC_CHAR *)principal, (SEC_CHAR *)package, use, NULL, auth,
                                     NULL, NULL, out, &expiry);
}

int est_run(CredHandle *icred, CredHandle *acred, const char *target, const est_opts *opts,
            CtxtHandle *ictx, CtxtHandle *actx, est_result *res)
{
    static const est_opts defaults = {ISC_REQ_MUTUAL_AUTH, 0, NULL, NULL, 0};
    unsigned char *to_acceptor = malloc(EST_TOKEN_MAX), *to_initiator = malloc(EST_TOKEN_MAX);
    ULONG to_acceptor_len = 0, to_initiator_len = 0;
    SEC_WCHAR *wtarget = NULL;
    int have_i = 0, have_a = 0, rc = -1;

    if (opts == NULL)
        opts = &defaults;
    memset(res, 0, sizeof(*res));
    SecInvalidateHandle(ictx);
    SecInvalidateHandle(actx);
    if (to_acceptor == NULL || to_initiator == NULL)
        goto done;
    if (opts->wide && (wtarget = est_widen(target)) == NULL)
        goto done;

    res->isc_status = SEC_I_CONTINUE_NEEDED;
    res->asc_status = SEC_I_CONTINUE_NEEDED;
    for (int round = 0; round < 8; round++) {
        /* Initiator step, unless it already finished. */
        if (res->isc_status == SEC_I_CONTINUE_NEEDED) {
            SecBuffer in_bufs[2], out_buf = {EST_TOKEN_MAX, SECBUFFER_TOKEN, to_acceptor};
            SecBufferDesc in = {SECBUFFER_VERSION, 0, in_bufs}, out = {SECBUFFER_VERSION, 1, &out_buf};
            if (have_i) {
                in_bufs[in.cBuffers++] = (SecBuffer){to_initiator_len, SECBUFFER_TOKEN, to_initiator};
            }
            if (opts->bindings_isc != NULL)
                in_bufs[in.cBuffers++] = *opts->bindings_isc;
            if (opts->wide)
                res->isc_status = InitializeSecurityContextW(
                    icred, have_i ? ictx : NULL, wtarget, opts->isc_req, 0, SECURITY_NATIVE_DREP,
                    in.cBuffers ? &in : NULL, 0, ictx, &out, &res->isc_attrs, &res->isc_expiry);
            else
                res->isc_status = InitializeSecurityContextA(
                    icred, have_i ? ictx : NULL, (SEC_CHAR *)target, opts->isc_req, 0,
                    SECURITY_NATIVE_DREP, in.cBuffers ? &in : NULL, 0, ictx, &out, &res->isc_attrs,
                    &res->isc_expiry);
            res->isc_calls++;
            if (res->isc_status < 0) {
                res->failed_side = 1;
                if (!have_i)
                    SecInvalidateHandle(ictx);
                goto done;
            }
            have_i = 1;
            to_acceptor_len = out_buf.cbBuffer;
            if (to_acceptor_len == 0 && res->asc_status != SEC_I_CONTINUE_NEEDED)
                break;
        }
        if (to_acceptor_len == 0) {
            if (res->isc_status == SEC_E_OK && res->asc_status == SEC_E_OK)
                break;
            if (res->asc_status != SEC_I_CONTINUE_NEEDED)
                break;
            /* The acceptor waits for a token the initiator did not send. */
            if (res->isc_status == SEC_E_OK)
                break;
        }
        if (to_acceptor_len > 0 && res->asc_status == SEC_I_CONTINUE_NEEDED) {
            SecBuffer in_bufs[2] = {{to_acceptor_len, SECBUFFER_TOKEN, to_acceptor}};
            SecBuffer out_buf = {EST_TOKEN_MAX, SECBUFFER_TOKEN, to_initiator};
            SecBufferDesc in = {SECBUFFER_VERSION, 1, in_bufs}, out = {SECBUFFER_VERSION, 1, &out_buf};
            if (opts->bindings_asc != NULL)
                in_bufs[in.cBuffers++] = *opts->bindings_asc;
            res->asc_status = AcceptSecurityContext(acred, have_a ? actx : NULL, &in, opts->asc_req,
                                                    SECURITY_NATIVE_DREP, actx, &out,
                                                    &res->asc_attrs, &res->asc_expiry);
            res->asc_calls++;
            to_acceptor_len = 0;
            if (res->asc_status < 0) {
                res->failed_side = 2;
                if (!have_a)
                    SecInvalidateHandle(actx);
                goto done;
            }
            have_a = 1;
            to_initiator_len = out_buf.cbBuffer;
            if (to_initiator_len == 0 && res->isc_status == SEC_I_CONTINUE_NEEDED) {
                res->failed_side = 2; /* the initiator waits for a token that never comes */
                goto done;
            }
        }
        if (res->isc_status == SEC_E_OK && res->asc_status == SEC_E_OK)
            break;
    }
    rc = (res->isc_status == SEC_E_OK && res->asc_status == SEC_E_OK) ? 0 : -1;

done:
    free(wtarget);
    free(to_acceptor);
    free(to_initiator);
    return rc;
}
