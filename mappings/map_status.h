/* GSS major/minor status -> SECURITY_STATUS, and the symbolic name of every SECURITY_STATUS
 * in sspi.h for traces and test output. */
#ifndef SSPIBRIDGE_MAP_STATUS_H
#define SSPIBRIDGE_MAP_STATUS_H

#include <sspi.h>
#include <stdint.h>

/* Options for map_status_from_gss. */
#define MAP_STATUS_WANT_SEQUENCE 0x1 /* caller asked for replay/sequence detection */
#define MAP_STATUS_KRB5_MINOR    0x2 /* minor is a krb5 error code (krb5 mech) */
#define MAP_STATUS_ACCEPTOR      0x4 /* the status comes from the acceptor side
                                        (AcceptSecurityContext, inbound credentials) */
#define MAP_STATUS_NTLM_MINOR    0x8 /* minor is a gss-ntlmssp code (NTLM mech): its
                                        ERR_* table or an errno value */
#define MAP_STATUS_MESSAGE      0x10 /* the status comes from a per-message call (wrap,
                                        unwrap, MIC) on an established context */

/* Translates a GSS status once, at the bridge boundary:
 *  - a routine error maps through the major table; for the generic majors (FAILURE,
 *    NO_CRED, DEFECTIVE_CREDENTIAL, CREDENTIALS_EXPIRED) a krb5 minor code that says more
 *    (KDC unreachable, unknown principal, wrong password, clock skew, ...) wins when
 *    MAP_STATUS_KRB5_MINOR is set, and a gss-ntlmssp minor code (wrong password, unknown
 *    user, clock skew, ...) when MAP_STATUS_NTLM_MINOR is set;
 *  - a calling error alone (GSS_S_CALL_*) is the bridge's mistake: SEC_E_INTERNAL_ERROR;
 *  - GSS_S_CONTINUE_NEEDED gives SEC_I_CONTINUE_NEEDED;
 *  - the supplementary token bits (duplicate, old, unseq, gap) give SEC_E_OUT_OF_SEQUENCE
 *    only with MAP_STATUS_WANT_SEQUENCE, else SEC_E_OK;
 *  - GSS_S_COMPLETE gives SEC_E_OK. */
SECURITY_STATUS map_status_from_gss(uint32_t major, uint32_t minor, unsigned opts);

/* "SEC_E_LOGON_DENIED" for SEC_E_LOGON_DENIED, and so on for every code sspi.h defines
 * (aliases give the primary name: SEC_E_NOT_SUPPORTED -> "SEC_E_UNSUPPORTED_FUNCTION");
 * "unknown" otherwise. Static strings. */
const char *map_status_name(SECURITY_STATUS s);

#endif
