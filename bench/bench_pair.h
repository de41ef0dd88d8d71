/* One throwaway realm per session-key enctype, and in it the contexts both sides of every
 * comparison use: a bridge pair (InitializeSecurityContextA / AcceptSecurityContext) and a
 * raw GSSAPI pair (gss_init_sec_context / gss_accept_sec_context) established with the same
 * flags, target, credentials and ticket cache. */
#ifndef SSPIBENCH_BENCH_PAIR_H
#define SSPIBENCH_BENCH_PAIR_H

#include "tests/realm/realm.h"

#include <gssapi/gssapi.h>
#include <security.h>
#include <stddef.h>

/* The target both sides name, as an SPN (the bridge imports it as a krb5 principal name,
 * the raw side does the same with GSS_KRB5_NT_PRINCIPAL_NAME). */
#define BENCH_TARGET "host/localhost"

typedef struct bench_pair {
    const char *etype;          /* MIT enctype name: the only one the realm's clients allow */
    int etype_number;           /* RFC 3961 number, checked on both contexts */
    realm r;
    CredHandle icred, acred;    /* bridge: default outbound, default inbound (keytab) */
    gss_cred_id_t raw_acred;    /* raw: default acceptor credential (keytab) */
    CtxtHandle ictx, actx;      /* bridge message contexts */
    gss_ctx_id_t ig, ag;        /* raw message contexts */
    SecPkgContext_Sizes sizes;  /* the bridge initiator's SECPKG_ATTR_SIZES */
    size_t raw_header;          /* gss_wrap_iov_length: HEADER for HEADER|DATA|PADDING */
    size_t raw_mic;             /* gss_get_mic_iov_length: MIC_TOKEN */
    int up;
} bench_pair;

/* Brings up a realm allowing only etype (realm_name distinct per pair), gets the user's
 * TGT, acquires both sides' credentials and establishes both context pairs. 0 or -1 (with
 * the reason on stderr). */
int bench_pair_up(const char *etype, int etype_number, const char *realm_name, bench_pair *p);
/* Deletes the contexts and credentials and takes the realm down. Safe after a failed up. */
void bench_pair_down(bench_pair *p);
/* Puts p's realm variables into the environment again (the last realm up wins). */
int bench_pair_activate(bench_pair *p);

/* Full establishment, iters times: initiator and acceptor in this process, the service
 * ticket already cached, then both contexts deleted. The bridge does ISC, ASC, ISC and two
 * DeleteSecurityContext calls; raw GSSAPI does gss_import_name, gss_init_sec_context,
 * gss_accept_sec_context, gss_init_sec_context, gss_release_name and two
 * gss_delete_sec_context calls (the name is a string in every SSPI call). arg: bench_pair.
 * 0, or -1 with the failure on stderr. */
int bench_est_bridge(void *arg, size_t iters);
int bench_est_raw(void *arg, size_t iters);

#endif
