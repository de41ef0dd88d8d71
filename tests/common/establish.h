/* Test helper: runs an SSPI establishment loop between a bridge initiator and a bridge
 * acceptor in one process, recording each side's last status and flags. */
#ifndef SSPIBRIDGE_TEST_ESTABLISH_H
#define SSPIBRIDGE_TEST_ESTABLISH_H

#include <security.h>

typedef struct est_result {
    SECURITY_STATUS isc_status;   /* the initiator's last status */
    SECURITY_STATUS asc_status;   /* the acceptor's last status (SEC_E_OK if never called) */
    ULONG isc_attrs, asc_attrs;
    TimeStamp isc_expiry, asc_expiry;
    int isc_calls, asc_calls;
    int failed_side;              /* 0 none, 1 initiator, 2 acceptor */
} est_result;

typedef struct est_opts {
    ULONG isc_req, asc_req;
    const SecBuffer *bindings_isc; /* SECBUFFER_CHANNEL_BINDINGS or NULL */
    const SecBuffer *bindings_asc;
    int wide;                      /* use InitializeSecurityContextW (target converted) */
} est_opts;

/* Runs the loop to completion or the first failure. Contexts that exist at the end are in
 * *ictx / *actx (invalidated otherwise); the caller deletes them. Returns 0 when both sides
 * reached SEC_E_OK. */
int est_run(CredHandle *icred, CredHandle *acred, const char *target, const est_opts *opts,
            CtxtHandle *ictx, CtxtHandle *actx, est_result *res);

/* Acquire helpers: CU-asserted, return SEC status. */
SECURITY_STATUS est_acquire(const char *package, const char *principal, ULONG use, void *auth,
                            CredHandle *out);

#endif
