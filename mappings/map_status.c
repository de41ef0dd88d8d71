/* GSS status -> SECURITY_STATUS: a table of GSS major codes, a table of krb5 minor codes that
 * refine the generic majors, and the supplementary-bit rule; plus the status name table. */
#include "mappings/map_status.h"

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>
#include <krb5.h>

#include <errno.h>
#include <stddef.h>

#define MAP_ROWS(t) (sizeof(t) / sizeof((t)[0]))

/* ---- Major codes (RFC 2743 section 1.2.1.1, RFC 2744 section 3.9.1) ------------------------ */

typedef struct map_major_row {
    uint32_t routine;       /* GSS_ROUTINE_ERROR() value */
    SECURITY_STATUS status;
    int minor_refines;      /* a krb5 minor row may replace status */
    SECURITY_STATUS acceptor_status; /* on the acceptor when no minor row says more (0: status) */
} map_major_row;

static const map_major_row map_major_rows[] = {
    /* The mechanism is not there: Windows' answer for a package it does not have. */
    {GSS_S_BAD_MECH, SEC_E_SECPKG_NOT_FOUND, 0, 0},
    /* gss_import_name rejects the name: for an ISC target name (the usual case) Windows'
     * "The specified target is unknown or unreachable". */
    {GSS_S_BAD_NAME, SEC_E_TARGET_UNKNOWN, 0, 0},
    {GSS_S_BAD_NAMETYPE, SEC_E_TARGET_UNKNOWN, 0, 0},
    /* Channel bindings differ: "The SSPI channel bindings supplied by the client are
     * incorrect" (SSPI Status Codes). */
    {GSS_S_BAD_BINDINGS, SEC_E_BAD_BINDINGS, 0, 0},
    /* Only gss_display_status returns it, for a bad status type: a bridge bug. */
    {GSS_S_BAD_STATUS, SEC_E_INTERNAL_ERROR, 0, 0},
    /* GSS_S_BAD_SIG == GSS_S_BAD_MIC: the checksum failed, "The message or signature supplied
     * for verification has been altered". Never refined: MIT reports a failed message
     * checksum as BAD_SIG with minor KRB5KRB_AP_ERR_BAD_INTEGRITY. */
    {GSS_S_BAD_SIG, SEC_E_MESSAGE_ALTERED, 0, 0},
    {GSS_S_NO_CRED, SEC_E_NO_CREDENTIALS, 1, 0},
    /* A context GSS does not know is a bad handle to the SSPI caller. */
    {GSS_S_NO_CONTEXT, SEC_E_INVALID_HANDLE, 0, 0},
    /* Malformed or truncated token: "The token supplied to the function is invalid". */
    {GSS_S_DEFECTIVE_TOKEN, SEC_E_INVALID_TOKEN, 0, 0},
    /* A credential exists but fails GSS's consistency checks: "The credentials supplied to
     * the package were not recognized" fits better than "No credentials are available". */
    {GSS_S_DEFECTIVE_CREDENTIAL, SEC_E_UNKNOWN_CREDENTIALS, 1, 0},
    /* MIT returns it when the initiator's TGT has expired (minor KRB5KRB_AP_ERR_TKT_EXPIRED).
     * SSPI has no "credentials expired" code; SEC_E_CONTEXT_EXPIRED ("The context has
     * expired and can no longer be used") is the nearest, and what Wine's Kerberos package,
     * also over MIT, returns for this major. */
    {GSS_S_CREDENTIALS_EXPIRED, SEC_E_CONTEXT_EXPIRED, 1, 0},
    {GSS_S_CONTEXT_EXPIRED, SEC_E_CONTEXT_EXPIRED, 0, 0},
    /* Unspecified: the krb5 minor rows below usually say what happened. An acceptor whose
     * failure no minor row explains could not read the client's token: MIT answers a token
     * cut short after its header with GSS_S_FAILURE and an opaque minor, where Windows says
     * "The token supplied to the function is invalid". */
    {GSS_S_FAILURE, SEC_E_INTERNAL_ERROR, 1, SEC_E_INVALID_TOKEN},
    {GSS_S_BAD_QOP, SEC_E_QOP_NOT_SUPPORTED, 0, 0},
    /* A local policy refused the operation: SSPI reports refused logons as LOGON_DENIED. */
    {GSS_S_UNAUTHORIZED, SEC_E_LOGON_DENIED, 0, 0},
    /* "The function requested is not supported". */
    {GSS_S_UNAVAILABLE, SEC_E_UNSUPPORTED_FUNCTION, 0, 0},
    /* gss_add_cred on an element the credential has, or gss_export_name on a name that is
     * not a mechanism name: the bridge asked for something it should not have. */
    {GSS_S_DUPLICATE_ELEMENT, SEC_E_INTERNAL_ERROR, 0, 0},
    {GSS_S_NAME_NOT_MN, SEC_E_INTERNAL_ERROR, 0, 0},
};

/* Calling errors (GSS_CALLING_ERROR()): the bridge passed GSS something unreadable or
 * malformed. Caller input is validated before it reaches GSS, so this is an internal error. */
static const struct {
    uint32_t calling;
    SECURITY_STATUS status;
} map_calling_rows[] = {
    {GSS_S_CALL_INACCESSIBLE_READ, SEC_E_INTERNAL_ERROR},
    {GSS_S_CALL_INACCESSIBLE_WRITE, SEC_E_INTERNAL_ERROR},
    {GSS_S_CALL_BAD_STRUCTURE, SEC_E_INTERNAL_ERROR},
};

/* Supplementary token bits of a successful gss_unwrap / gss_verify_mic (RFC 2743 section
 * 1.2.3). DecryptMessage and VerifySignature (Kerberos) answer a replayed or reordered
 * message with SEC_E_OUT_OF_SEQUENCE when detection was requested; when it was not, the
 * message is good and the bits are noise. */
static const struct {
    uint32_t bit;
    SECURITY_STATUS status;
} map_supp_rows[] = {
    {GSS_S_DUPLICATE_TOKEN, SEC_E_OUT_OF_SEQUENCE},
    {GSS_S_OLD_TOKEN, SEC_E_OUT_OF_SEQUENCE},
    {GSS_S_UNSEQ_TOKEN, SEC_E_OUT_OF_SEQUENCE},
    {GSS_S_GAP_TOKEN, SEC_E_OUT_OF_SEQUENCE},
};

/* ---- krb5 minor codes ----------------------------------------------------------------------- */

/* MIT's own GSS krb5 mechanism codes (com_err table "k5g", gssapi_err_krb5.et), which MIT
 * does not install in a header. The table base is fixed by its name. Heimdal's mechanism
 * uses other codes, so under Heimdal these rows simply never match. */
#define MAP_KG_BASE            39756032L
#define MAP_KG_CCACHE_NOMATCH  (MAP_KG_BASE + 0)
#define MAP_KG_KEYTAB_NOMATCH  (MAP_KG_BASE + 1)
#define MAP_KG_TGT_MISSING     (MAP_KG_BASE + 2)
#define MAP_KG_EMPTY_CCACHE    (MAP_KG_BASE + 12)

/* Which side a row applies to (MAP_STATUS_ACCEPTOR tells). */
#define MAP_SIDE_ANY       0
#define MAP_SIDE_INITIATOR 1
#define MAP_SIDE_ACCEPTOR  2
#define MAP_SIDE_MESSAGE   3 /* per-message calls only (MAP_STATUS_MESSAGE), either side */

typedef struct map_krb5_row {
    int32_t code;           /* krb5_error_code */
    uint32_t major;         /* only under this routine major; 0: any major that may be refined */
    unsigned side;
    SECURITY_STATUS status;
} map_krb5_row;

/* First matching row wins, so narrower rows (a major, a side) come before wider ones. */
static const map_krb5_row map_krb5_rows[] = {
    /* A per-message token that does not decrypt or whose checksum fails: Heimdal's unwrap
     * and verify answer GSS_S_FAILURE with the krb5 code where MIT answers GSS_S_BAD_SIG.
     * Either way the message was altered: SEC_E_MESSAGE_ALTERED ("The message or signature
     * supplied for verification has been altered", DecryptMessage (Kerberos)). */
    {(int32_t)KRB5KRB_AP_ERR_BAD_INTEGRITY, 0, MAP_SIDE_MESSAGE, SEC_E_MESSAGE_ALTERED},
    {(int32_t)KRB5KRB_AP_ERR_MODIFIED, 0, MAP_SIDE_MESSAGE, SEC_E_MESSAGE_ALTERED},

    /* No KDC for the realm, or none answering. InitializeSecurityContext (Kerberos):
     * SEC_E_NO_AUTHENTICATING_AUTHORITY, "No authority could be contacted for authentication.
     * The domain name of the authenticating party could be wrong, the domain could be
     * unreachable, or there might have been a trust relationship failure." */
    {(int32_t)KRB5_KDC_UNREACH, 0, MAP_SIDE_ANY, SEC_E_NO_AUTHENTICATING_AUTHORITY},
    {(int32_t)KRB5_REALM_UNKNOWN, 0, MAP_SIDE_ANY, SEC_E_NO_AUTHENTICATING_AUTHORITY},
    {(int32_t)KRB5_REALM_CANT_RESOLVE, 0, MAP_SIDE_ANY, SEC_E_NO_AUTHENTICATING_AUTHORITY},

    /* The KDC does not know the service: InitializeSecurityContext (Kerberos),
     * SEC_E_TARGET_UNKNOWN, "The target was not recognized". */
    {(int32_t)KRB5KDC_ERR_S_PRINCIPAL_UNKNOWN, 0, MAP_SIDE_ANY, SEC_E_TARGET_UNKNOWN},

    /* The KDC does not know the client, or refuses its password or account. Windows answers
     * all of these with SEC_E_LOGON_DENIED ("The logon attempt failed") and does not tell an
     * unknown user from a wrong password. */
    {(int32_t)KRB5KDC_ERR_C_PRINCIPAL_UNKNOWN, 0, MAP_SIDE_ANY, SEC_E_LOGON_DENIED},
    {(int32_t)KRB5KDC_ERR_PREAUTH_FAILED, 0, MAP_SIDE_ANY, SEC_E_LOGON_DENIED},
    {(int32_t)KRB5KDC_ERR_KEY_EXP, 0, MAP_SIDE_ANY, SEC_E_LOGON_DENIED},
    {(int32_t)KRB5KDC_ERR_CLIENT_REVOKED, 0, MAP_SIDE_ANY, SEC_E_LOGON_DENIED},
    {(int32_t)KRB5KDC_ERR_NAME_EXP, 0, MAP_SIDE_ANY, SEC_E_LOGON_DENIED},

    /* BAD_INTEGRITY means a decryption failed. On the acceptor that is the service ticket:
     * the service's key is not the one the KDC used, which Windows reports as
     * SEC_E_WRONG_PRINCIPAL (see KRB5KRB_AP_ERR_MODIFIED below). On the initiator it is the
     * AS reply of a principal without pre-authentication, i.e. a wrong password. */
    {(int32_t)KRB5KRB_AP_ERR_BAD_INTEGRITY, 0, MAP_SIDE_ACCEPTOR, SEC_E_WRONG_PRINCIPAL},
    {(int32_t)KRB5KRB_AP_ERR_BAD_INTEGRITY, 0, MAP_SIDE_INITIATOR, SEC_E_LOGON_DENIED},

    /* The service cannot decrypt the ticket. Microsoft KB 2090913: SEC_E_WRONG_PRINCIPAL
     * (-2146893022, "The target principal name is incorrect") "occurs when the source domain
     * controller does not decrypt the service ticket" (KRB_AP_ERR_MODIFIED); the initiator
     * gets the same code back in the acceptor's error token. MIT's finer codes for the same
     * fault (ticket for another principal, key version or enctype not in the keytab) map
     * alike. */
    {(int32_t)KRB5KRB_AP_ERR_MODIFIED, 0, MAP_SIDE_ANY, SEC_E_WRONG_PRINCIPAL},
    {(int32_t)KRB5KRB_AP_ERR_NOT_US, 0, MAP_SIDE_ANY, SEC_E_WRONG_PRINCIPAL},
    {(int32_t)KRB5KRB_AP_ERR_BADKEYVER, 0, MAP_SIDE_ANY, SEC_E_WRONG_PRINCIPAL},
    {(int32_t)KRB5KRB_AP_ERR_NOKEY, 0, MAP_SIDE_ANY, SEC_E_WRONG_PRINCIPAL},
#ifdef KRB5_KT_KVNONOTFOUND /* MIT only; Heimdal's error table has no such code */
    {(int32_t)KRB5_KT_KVNONOTFOUND, 0, MAP_SIDE_ANY, SEC_E_WRONG_PRINCIPAL},
#endif

    /* Keytab without the service's key. From gss_acquire_cred (major NO_CRED) the server has
     * no credentials; from accepting a ticket (older MIT) it cannot decrypt that ticket. */
    {(int32_t)KRB5_KT_NOTFOUND, GSS_S_NO_CRED, MAP_SIDE_ANY, SEC_E_NO_CREDENTIALS},
    {(int32_t)KRB5_KT_NOTFOUND, 0, MAP_SIDE_ANY, SEC_E_WRONG_PRINCIPAL},
    /* Heimdal's acceptor reports the same fault as the keytab's end reached without the
     * service's key ("Failed to find ... in keytab"). */
    {(int32_t)KRB5_KT_END, 0, MAP_SIDE_ACCEPTOR, SEC_E_WRONG_PRINCIPAL},
    /* Heimdal's acceptor opens the keytab at each accept and reports a keytab file gone as
     * the errno of that open, and one that is not a keytab as its version check: the
     * service cannot decrypt the ticket either way (MIT: KRB5_KT_NOTFOUND above). */
    {ENOENT, GSS_S_FAILURE, MAP_SIDE_ACCEPTOR, SEC_E_WRONG_PRINCIPAL},
    {(int32_t)KRB5_KEYTAB_BADVNO, GSS_S_FAILURE, MAP_SIDE_ACCEPTOR, SEC_E_WRONG_PRINCIPAL},
    /* Heimdal's initiator reports a default ccache file deleted under it as the errno of its
     * lstat: no credentials, as MIT's KRB5_FCC_NOFILE below. */
    {ENOENT, GSS_S_FAILURE, MAP_SIDE_INITIATOR, SEC_E_NO_CREDENTIALS},

    /* Clocks apart: SEC_E_TIME_SKEW, "The clocks on the client and server machines are
     * skewed". A ticket not yet valid is the same fault seen from the other side. */
    {(int32_t)KRB5KRB_AP_ERR_SKEW, 0, MAP_SIDE_ANY, SEC_E_TIME_SKEW},
    {(int32_t)KRB5KRB_AP_ERR_TKT_NYV, 0, MAP_SIDE_ANY, SEC_E_TIME_SKEW},

    /* Expired ticket: as GSS_S_CREDENTIALS_EXPIRED above. */
    {(int32_t)KRB5KRB_AP_ERR_TKT_EXPIRED, 0, MAP_SIDE_ANY, SEC_E_CONTEXT_EXPIRED},

    /* A replayed authenticator (the acceptor's replay cache saw it): the establishment-time
     * form of GSS_S_DUPLICATE_TOKEN, so the same SEC_E_OUT_OF_SEQUENCE. Unlike the message
     * bits it is always fatal: GSS refuses the context. */
    {(int32_t)KRB5KRB_AP_ERR_REPEAT, 0, MAP_SIDE_ANY, SEC_E_OUT_OF_SEQUENCE},

    /* No usable ticket cache: "No credentials are available in the security package". */
    {(int32_t)KRB5_FCC_NOFILE, 0, MAP_SIDE_ANY, SEC_E_NO_CREDENTIALS},
    {(int32_t)KRB5_CC_NOTFOUND, 0, MAP_SIDE_ANY, SEC_E_NO_CREDENTIALS},
    {(int32_t)KRB5_CC_NOSUPP, 0, MAP_SIDE_ANY, SEC_E_NO_CREDENTIALS},
    /* A cache file that is garbage (Heimdal reports its format; MIT: no cache). */
    {(int32_t)KRB5_CC_FORMAT, 0, MAP_SIDE_ANY, SEC_E_NO_CREDENTIALS},
    {(int32_t)MAP_KG_CCACHE_NOMATCH, 0, MAP_SIDE_ANY, SEC_E_NO_CREDENTIALS},
    {(int32_t)MAP_KG_KEYTAB_NOMATCH, 0, MAP_SIDE_ANY, SEC_E_NO_CREDENTIALS},
    {(int32_t)MAP_KG_TGT_MISSING, 0, MAP_SIDE_ANY, SEC_E_NO_CREDENTIALS},
    {(int32_t)MAP_KG_EMPTY_CCACHE, 0, MAP_SIDE_ANY, SEC_E_NO_CREDENTIALS},

    /* A peer's establishment token that does not parse: Heimdal's initiator answers a reply
     * token that is not DER with GSS_S_FAILURE and the ASN.1 decoder's code where MIT answers
     * GSS_S_DEFECTIVE_TOKEN: "The token supplied to the function is invalid". */
    {(int32_t)ASN1_OVERRUN, GSS_S_FAILURE, MAP_SIDE_INITIATOR, SEC_E_INVALID_TOKEN},
    {(int32_t)ASN1_BAD_ID, GSS_S_FAILURE, MAP_SIDE_INITIATOR, SEC_E_INVALID_TOKEN},

    /* No common enctype with the KDC: "The encryption type requested is not supported by
     * the KDC". */
    {(int32_t)KRB5KDC_ERR_ETYPE_NOSUPP, 0, MAP_SIDE_ANY, SEC_E_KDC_UNKNOWN_ETYPE},
};

/* ---- gss-ntlmssp minor codes ----------------------------------------------------------------- */

/* gss-ntlmssp's own codes (src/gss_ntlmssp.h enum ntlm_err_code: ERR_BASE is 'N' 'T' 0 0, and
 * the codes count up from ERR_BASE + 1 in the order of src/gss_err.c's message table). It
 * installs no header with them. */
#define MAP_NTLM_ERR_BASE       0x4E540000u
#define MAP_NTLM_ERR_NOBINDINGS (MAP_NTLM_ERR_BASE + 24)
#define MAP_NTLM_ERR_TIMESKEW   (MAP_NTLM_ERR_BASE + 25)
#define MAP_NTLM_ERR_EXPIRED    (MAP_NTLM_ERR_BASE + 26)
#define MAP_NTLM_ERR_NONTLMV1   (MAP_NTLM_ERR_BASE + 28)
#define MAP_NTLM_ERR_NOUSRFOUND (MAP_NTLM_ERR_BASE + 29)

/* AcceptSecurityContext (NTLM) fails a logon the domain (here NTLM_USER_FILE) refuses with
 * SEC_E_LOGON_DENIED, "The logon failed", for an unknown user and a wrong password alike.
 * gss-ntlmssp 1.2 reports those as plain errno values under GSS_S_FAILURE: EINVAL when the
 * NTLMv2 response does not match the user's key (a wrong password) and EACCES when the user
 * file has no such user; newer versions say ERR_NOUSRFOUND. Those errno values mean this only
 * on the acceptor. */
static const map_krb5_row map_ntlm_rows[] = {
    {EINVAL, GSS_S_FAILURE, MAP_SIDE_ACCEPTOR, SEC_E_LOGON_DENIED},
    {EACCES, GSS_S_FAILURE, MAP_SIDE_ACCEPTOR, SEC_E_LOGON_DENIED},
    {(int32_t)MAP_NTLM_ERR_NOUSRFOUND, 0, MAP_SIDE_ANY, SEC_E_LOGON_DENIED},
    /* The acceptor's policy refuses NTLMv1: Windows denies the logon too. */
    {(int32_t)MAP_NTLM_ERR_NONTLMV1, 0, MAP_SIDE_ANY, SEC_E_LOGON_DENIED},
    /* MS-NLMP 3.2.5.1.2: a CHALLENGE/AUTHENTICATE timestamp too far from the clock. */
    {(int32_t)MAP_NTLM_ERR_TIMESKEW, 0, MAP_SIDE_ANY, SEC_E_TIME_SKEW},
    {(int32_t)MAP_NTLM_ERR_EXPIRED, 0, MAP_SIDE_ANY, SEC_E_CONTEXT_EXPIRED},
    /* Channel bindings required but missing or different (MS-NLMP 3.2.5.1.2 MsvAvChannelBindings). */
    {(int32_t)MAP_NTLM_ERR_NOBINDINGS, 0, MAP_SIDE_ANY, SEC_E_BAD_BINDINGS},
};

static const map_major_row *map_find_major(uint32_t routine)
{
    for (size_t i = 0; i < MAP_ROWS(map_major_rows); i++)
        if (map_major_rows[i].routine == routine)
            return &map_major_rows[i];
    return NULL;
}

static const map_krb5_row *map_find_minor(const map_krb5_row *rows, size_t nrows,
                                          uint32_t routine, uint32_t minor, unsigned opts)
{
    unsigned side = (opts & MAP_STATUS_ACCEPTOR) ? MAP_SIDE_ACCEPTOR : MAP_SIDE_INITIATOR;
    for (size_t i = 0; i < nrows; i++) {
        const map_krb5_row *r = &rows[i];
        if ((uint32_t)r->code != minor)
            continue;
        if (r->major != 0 && r->major != routine)
            continue;
        if (r->side == MAP_SIDE_MESSAGE) {
            if (!(opts & MAP_STATUS_MESSAGE))
                continue;
        } else if (r->side != MAP_SIDE_ANY && r->side != side) {
            continue;
        }
        return r;
    }
    return NULL;
}

SECURITY_STATUS map_status_from_gss(uint32_t major, uint32_t minor, unsigned opts)
{
    uint32_t routine = GSS_ROUTINE_ERROR(major);
    uint32_t calling = GSS_CALLING_ERROR(major);
    uint32_t supp = GSS_SUPPLEMENTARY_INFO(major);

    if (routine != 0) {
        const map_major_row *row = map_find_major(routine);
        if (row == NULL)
            return SEC_E_INTERNAL_ERROR; /* a routine error newer than RFC 2744 */
        if (row->minor_refines && (opts & MAP_STATUS_KRB5_MINOR) != 0) {
            const map_krb5_row *k =
                map_find_minor(map_krb5_rows, MAP_ROWS(map_krb5_rows), routine, minor, opts);
            if (k != NULL)
                return k->status;
        }
        if (row->minor_refines && (opts & MAP_STATUS_NTLM_MINOR) != 0) {
            const map_krb5_row *k =
                map_find_minor(map_ntlm_rows, MAP_ROWS(map_ntlm_rows), routine, minor, opts);
            if (k != NULL)
                return k->status;
        }
        if ((opts & MAP_STATUS_ACCEPTOR) && row->acceptor_status != 0)
            return row->acceptor_status;
        return row->status;
    }
    if (calling != 0) {
        for (size_t i = 0; i < MAP_ROWS(map_calling_rows); i++)
            if (map_calling_rows[i].calling == calling)
                return map_calling_rows[i].status;
        return SEC_E_INTERNAL_ERROR;
    }
    if (supp & GSS_S_CONTINUE_NEEDED)
        return SEC_I_CONTINUE_NEEDED;
    if (opts & MAP_STATUS_WANT_SEQUENCE) {
        for (size_t i = 0; i < MAP_ROWS(map_supp_rows); i++)
            if (supp & map_supp_rows[i].bit)
                return map_supp_rows[i].status;
    }
    return SEC_E_OK;
}

/* ---- Names ----------------------------------------------------------------------------------- */

#define MAP_NAME(code) {code, #code}

/* Every code sspi.h defines, in its order. The aliases SEC_E_NO_SPM and SEC_E_NOT_SUPPORTED
 * share their values with SEC_E_INTERNAL_ERROR and SEC_E_UNSUPPORTED_FUNCTION, whose names
 * are the ones given. */
static const struct {
    SECURITY_STATUS status;
    const char *name;
} map_status_names[] = {
    MAP_NAME(SEC_E_OK),
    MAP_NAME(SEC_E_INSUFFICIENT_MEMORY),
    MAP_NAME(SEC_E_INVALID_HANDLE),
    MAP_NAME(SEC_E_UNSUPPORTED_FUNCTION),
    MAP_NAME(SEC_E_TARGET_UNKNOWN),
    MAP_NAME(SEC_E_INTERNAL_ERROR),
    MAP_NAME(SEC_E_SECPKG_NOT_FOUND),
    MAP_NAME(SEC_E_NOT_OWNER),
    MAP_NAME(SEC_E_CANNOT_INSTALL),
    MAP_NAME(SEC_E_INVALID_TOKEN),
    MAP_NAME(SEC_E_CANNOT_PACK),
    MAP_NAME(SEC_E_QOP_NOT_SUPPORTED),
    MAP_NAME(SEC_E_NO_IMPERSONATION),
    MAP_NAME(SEC_E_LOGON_DENIED),
    MAP_NAME(SEC_E_UNKNOWN_CREDENTIALS),
    MAP_NAME(SEC_E_NO_CREDENTIALS),
    MAP_NAME(SEC_E_MESSAGE_ALTERED),
    MAP_NAME(SEC_E_OUT_OF_SEQUENCE),
    MAP_NAME(SEC_E_NO_AUTHENTICATING_AUTHORITY),
    MAP_NAME(SEC_I_CONTINUE_NEEDED),
    MAP_NAME(SEC_I_COMPLETE_NEEDED),
    MAP_NAME(SEC_I_COMPLETE_AND_CONTINUE),
    MAP_NAME(SEC_I_LOCAL_LOGON),
    MAP_NAME(SEC_I_GENERIC_EXTENSION_RECEIVED),
    MAP_NAME(SEC_E_BAD_PKGID),
    MAP_NAME(SEC_E_CONTEXT_EXPIRED),
    MAP_NAME(SEC_I_CONTEXT_EXPIRED),
    MAP_NAME(SEC_E_INCOMPLETE_MESSAGE),
    MAP_NAME(SEC_E_INCOMPLETE_CREDENTIALS),
    MAP_NAME(SEC_E_BUFFER_TOO_SMALL),
    MAP_NAME(SEC_I_INCOMPLETE_CREDENTIALS),
    MAP_NAME(SEC_I_RENEGOTIATE),
    MAP_NAME(SEC_E_WRONG_PRINCIPAL),
    MAP_NAME(SEC_I_NO_LSA_CONTEXT),
    MAP_NAME(SEC_E_TIME_SKEW),
    MAP_NAME(SEC_E_UNTRUSTED_ROOT),
    MAP_NAME(SEC_E_ILLEGAL_MESSAGE),
    MAP_NAME(SEC_E_CERT_UNKNOWN),
    MAP_NAME(SEC_E_CERT_EXPIRED),
    MAP_NAME(SEC_E_ENCRYPT_FAILURE),
    MAP_NAME(SEC_E_DECRYPT_FAILURE),
    MAP_NAME(SEC_E_ALGORITHM_MISMATCH),
    MAP_NAME(SEC_E_SECURITY_QOS_FAILED),
    MAP_NAME(SEC_E_UNFINISHED_CONTEXT_DELETED),
    MAP_NAME(SEC_E_NO_TGT_REPLY),
    MAP_NAME(SEC_E_NO_IP_ADDRESSES),
    MAP_NAME(SEC_E_WRONG_CREDENTIAL_HANDLE),
    MAP_NAME(SEC_E_CRYPTO_SYSTEM_INVALID),
    MAP_NAME(SEC_E_MAX_REFERRALS_EXCEEDED),
    MAP_NAME(SEC_E_MUST_BE_KDC),
    MAP_NAME(SEC_E_STRONG_CRYPTO_NOT_SUPPORTED),
    MAP_NAME(SEC_E_TOO_MANY_PRINCIPALS),
    MAP_NAME(SEC_E_NO_PA_DATA),
    MAP_NAME(SEC_E_PKINIT_NAME_MISMATCH),
    MAP_NAME(SEC_E_SMARTCARD_LOGON_REQUIRED),
    MAP_NAME(SEC_E_SHUTDOWN_IN_PROGRESS),
    MAP_NAME(SEC_E_KDC_INVALID_REQUEST),
    MAP_NAME(SEC_E_KDC_UNABLE_TO_REFER),
    MAP_NAME(SEC_E_KDC_UNKNOWN_ETYPE),
    MAP_NAME(SEC_E_UNSUPPORTED_PREAUTH),
    MAP_NAME(SEC_E_DELEGATION_REQUIRED),
    MAP_NAME(SEC_E_BAD_BINDINGS),
    MAP_NAME(SEC_E_MULTIPLE_ACCOUNTS),
    MAP_NAME(SEC_E_NO_KERB_KEY),
    MAP_NAME(SEC_E_CERT_WRONG_USAGE),
    MAP_NAME(SEC_E_DOWNGRADE_DETECTED),
    MAP_NAME(SEC_E_SMARTCARD_CERT_REVOKED),
    MAP_NAME(SEC_E_ISSUING_CA_UNTRUSTED),
    MAP_NAME(SEC_E_REVOCATION_OFFLINE_C),
    MAP_NAME(SEC_E_PKINIT_CLIENT_FAILURE),
    MAP_NAME(SEC_E_SMARTCARD_CERT_EXPIRED),
    MAP_NAME(SEC_E_NO_S4U_PROT_SUPPORT),
    MAP_NAME(SEC_E_CROSSREALM_DELEGATION_FAILURE),
    MAP_NAME(SEC_E_REVOCATION_OFFLINE_KDC),
    MAP_NAME(SEC_E_ISSUING_CA_UNTRUSTED_KDC),
    MAP_NAME(SEC_E_KDC_CERT_EXPIRED),
    MAP_NAME(SEC_E_KDC_CERT_REVOKED),
    MAP_NAME(SEC_I_SIGNATURE_NEEDED),
    MAP_NAME(SEC_E_INVALID_PARAMETER),
    MAP_NAME(SEC_E_DELEGATION_POLICY),
    MAP_NAME(SEC_E_POLICY_NLTM_ONLY),
    MAP_NAME(SEC_I_NO_RENEGOTIATION),
    MAP_NAME(SEC_E_NO_CONTEXT),
    MAP_NAME(SEC_E_PKU2U_CERT_FAILURE),
    MAP_NAME(SEC_E_MUTUAL_AUTH_FAILED),
    MAP_NAME(SEC_I_MESSAGE_FRAGMENT),
    MAP_NAME(SEC_E_ONLY_HTTPS_ALLOWED),
    MAP_NAME(SEC_I_CONTINUE_NEEDED_MESSAGE_OK),
    MAP_NAME(SEC_E_APPLICATION_PROTOCOL_MISMATCH),
    MAP_NAME(SEC_I_ASYNC_CALL_PENDING),
    MAP_NAME(SEC_E_INVALID_UPN_NAME),
    MAP_NAME(SEC_E_EXT_BUFFER_TOO_SMALL),
    MAP_NAME(SEC_E_INSUFFICIENT_BUFFERS),
};

const char *map_status_name(SECURITY_STATUS s)
{
    for (size_t i = 0; i < MAP_ROWS(map_status_names); i++)
        if (map_status_names[i].status == s)
            return map_status_names[i].name;
    return "unknown";
}
