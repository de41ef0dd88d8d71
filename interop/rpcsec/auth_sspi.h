/* auth_sspi: an RPCSEC_GSS (RFC 2203) client authenticator for libtirpc, written only
 * against the SSPI API (<sspi.h>, <sspibridge.h>): the way a Windows NFS/RPC client uses
 * Kerberos, here over sspibridge. No GSSAPI header is needed to use or build it.
 *
 * auth_sspi_create() establishes the context through the RPCSEC_GSS_INIT /
 * CONTINUE_INIT exchange (InitializeSecurityContext tokens carried in NULLPROC calls) and
 * returns an AUTH to put into clnt->cl_auth. Every later call carries an RPCSEC_GSS_DATA
 * credential with the next sequence number and a verifier (MakeSignature over the RPC
 * header); the reply verifier (a MIC of the sequence number) is checked with
 * VerifySignature. The service decides the body: none (plain), integrity
 * (rpc_gss_integ_data: databody and a MakeSignature checksum) or privacy (databody
 * wrapped with EncryptMessage TOKEN|DATA|PADDING, sent as one wrap token; replies opened
 * with DecryptMessage STREAM). AUTH_DESTROY sends RPCSEC_GSS_DESTROY and deletes the
 * context.
 *
 * One AUTH serves one call at a time: libtirpc's clnt_vc serializes the calls of a
 * CLIENT, so threads may share a CLIENT; for parallel calls give each thread its own
 * CLIENT and AUTH (libtirpc's server keeps one context per connection).
 * refresh does not re-establish a context the server dropped: the call fails with
 * RPC_AUTHERROR and the caller creates a new AUTH. */
#ifndef SSPIBRIDGE_AUTH_SSPI_H
#define SSPIBRIDGE_AUTH_SSPI_H

#include <rpc/rpc.h>
#include <sspi.h>

/* rpc_gss_service_t of RFC 2203 (the numbers on the wire). */
typedef enum auth_sspi_service {
    AUTH_SSPI_SVC_NONE = 1,
    AUTH_SSPI_SVC_INTEGRITY = 2,
    AUTH_SSPI_SVC_PRIVACY = 3,
} auth_sspi_service;

/* Test hooks: flip one byte of what is sent or received, once (the next DATA call). */
typedef enum auth_sspi_tamper {
    AUTH_SSPI_TAMPER_NONE = 0,
    AUTH_SSPI_TAMPER_CALL_VERIFIER,  /* the header MIC of the call */
    AUTH_SSPI_TAMPER_CALL_BODY,      /* integrity checksum / privacy wrap token of the call */
    AUTH_SSPI_TAMPER_REPLY_VERIFIER, /* the reply verifier, before VerifySignature */
    AUTH_SSPI_TAMPER_REPLY_BODY,     /* reply checksum / wrap token, before Verify/Decrypt */
} auth_sspi_tamper;

typedef struct auth_sspi_options {
    const char *package;  /* NULL: "Kerberos" */
    PCredHandle cred;     /* NULL: default outbound credentials of the package */
    ULONG extra_isc_flags; /* or-ed into ISC_REQ_MUTUAL_AUTH|INTEGRITY|CONFIDENTIALITY */
} auth_sspi_options;

/* Why auth_sspi_create failed (or what the last call's authenticator saw). */
typedef struct auth_sspi_error {
    SECURITY_STATUS status;  /* the failing SSPI call's status, SEC_E_OK if none failed */
    enum clnt_stat rpc_stat; /* the failing INIT call's RPC status, RPC_SUCCESS if none */
    unsigned gss_major;      /* gr_major / gr_minor the server answered in gss_init_res */
    unsigned gss_minor;
    char message[256];
} auth_sspi_error;

/* Establishes a context with the RPC server behind clnt, for target (an SPN
 * "host/server", a GSS host-based name "host@server" or a principal) and service.
 * Returns the AUTH (the caller sets clnt->cl_auth to it and ends it with auth_destroy,
 * before clnt_destroy), or NULL with *err filled in (err may be NULL). */
AUTH *auth_sspi_create(CLIENT *clnt, const char *target, auth_sspi_service service,
                       const auth_sspi_options *opts, auth_sspi_error *err);

/* Arms a test hook for the next DATA call. Returns 0, or -1 if auth is not ours. */
int auth_sspi_set_tamper(AUTH *auth, auth_sspi_tamper what);

/* The last failure the authenticator saw during calls (verification, wrapping). Returns
 * 1 and fills *err when there was one, else 0. */
int auth_sspi_last_error(AUTH *auth, auth_sspi_error *err);

/* The sequence window the server granted (gss_init_res gr_win). */
unsigned auth_sspi_window(AUTH *auth);

#endif
