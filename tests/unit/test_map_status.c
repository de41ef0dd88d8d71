/* map_status: GSS major/minor status -> SECURITY_STATUS, and status names. */
#include "mappings/map_status.h"
#include "tests/common/test_main.h"

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>
#include <errno.h>
#include <krb5.h>
#include <string.h>

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

#define KRB5 MAP_STATUS_KRB5_MINOR
#define ACC  MAP_STATUS_ACCEPTOR
#define MSG  MAP_STATUS_MESSAGE

/* MIT's "k5g" GSS krb5 mechanism codes (not in an installed header): base 39756032. */
#define KG_CCACHE_NOMATCH 39756032u
#define KG_KEYTAB_NOMATCH 39756033u
#define KG_TGT_MISSING    39756034u
#define KG_EMPTY_CCACHE   39756044u

static void test_complete_is_ok(void)
{
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_COMPLETE, 0, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_COMPLETE, 0, KRB5 | ACC), SEC_E_OK);
}

static void test_continue_needed_is_sec_i_continue_needed(void)
{
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_CONTINUE_NEEDED, 0, 0), SEC_I_CONTINUE_NEEDED);
}

/* ---- major codes ---------------------------------------------------------------------------- */

static const struct {
    uint32_t major;
    SECURITY_STATUS expect;
} major_expect[] = {
    {GSS_S_BAD_MECH, SEC_E_SECPKG_NOT_FOUND},
    {GSS_S_BAD_NAME, SEC_E_TARGET_UNKNOWN},
    {GSS_S_BAD_NAMETYPE, SEC_E_TARGET_UNKNOWN},
    {GSS_S_BAD_BINDINGS, SEC_E_BAD_BINDINGS},
    {GSS_S_BAD_STATUS, SEC_E_INTERNAL_ERROR},
    {GSS_S_BAD_SIG, SEC_E_MESSAGE_ALTERED},
    {GSS_S_BAD_MIC, SEC_E_MESSAGE_ALTERED},
    {GSS_S_NO_CRED, SEC_E_NO_CREDENTIALS},
    {GSS_S_NO_CONTEXT, SEC_E_INVALID_HANDLE},
    {GSS_S_DEFECTIVE_TOKEN, SEC_E_INVALID_TOKEN},
    {GSS_S_DEFECTIVE_CREDENTIAL, SEC_E_UNKNOWN_CREDENTIALS},
    {GSS_S_CREDENTIALS_EXPIRED, SEC_E_CONTEXT_EXPIRED},
    {GSS_S_CONTEXT_EXPIRED, SEC_E_CONTEXT_EXPIRED},
    {GSS_S_FAILURE, SEC_E_INTERNAL_ERROR},
    {GSS_S_BAD_QOP, SEC_E_QOP_NOT_SUPPORTED},
    {GSS_S_UNAUTHORIZED, SEC_E_LOGON_DENIED},
    {GSS_S_UNAVAILABLE, SEC_E_UNSUPPORTED_FUNCTION},
    {GSS_S_DUPLICATE_ELEMENT, SEC_E_INTERNAL_ERROR},
    {GSS_S_NAME_NOT_MN, SEC_E_INTERNAL_ERROR},
};

static void test_each_major_code_maps_to_its_status(void)
{
    for (size_t i = 0; i < N_ELEMS(major_expect); i++) {
        SECURITY_STATUS got = map_status_from_gss(major_expect[i].major, 0, 0);
        if (got != major_expect[i].expect)
            fprintf(stderr, "\n  major 0x%x -> %s, want %s\n", major_expect[i].major,
                    map_status_name(got), map_status_name(major_expect[i].expect));
        CU_ASSERT_EQUAL(got, major_expect[i].expect);
    }
}

static void test_routine_error_wins_over_calling_error(void)
{
    /* Mechglue reports a bad context handle as CALL_INACCESSIBLE_READ | NO_CONTEXT. */
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_CALL_INACCESSIBLE_READ | GSS_S_NO_CONTEXT, 0, 0),
                    SEC_E_INVALID_HANDLE);
}

static void test_calling_error_alone_is_internal_error(void)
{
    static const uint32_t calling[] = {GSS_S_CALL_INACCESSIBLE_READ,
                                       GSS_S_CALL_INACCESSIBLE_WRITE, GSS_S_CALL_BAD_STRUCTURE};
    for (size_t i = 0; i < N_ELEMS(calling); i++)
        CU_ASSERT_EQUAL(map_status_from_gss(calling[i], 0, 0), SEC_E_INTERNAL_ERROR);
}

static void test_unknown_routine_error_is_internal_error(void)
{
    CU_ASSERT_EQUAL(map_status_from_gss(40u << GSS_C_ROUTINE_ERROR_OFFSET, 0, KRB5),
                    SEC_E_INTERNAL_ERROR);
}

/* ---- krb5 minor codes ----------------------------------------------------------------------- */

static const struct {
    const char *what;
    uint32_t major;
    uint32_t minor;
    unsigned opts;
    SECURITY_STATUS expect;
} minor_expect[] = {
    {"KDC unreachable", GSS_S_FAILURE, (uint32_t)KRB5_KDC_UNREACH, KRB5,
     SEC_E_NO_AUTHENTICATING_AUTHORITY},
    {"realm has no KDC", GSS_S_FAILURE, (uint32_t)KRB5_REALM_UNKNOWN, KRB5,
     SEC_E_NO_AUTHENTICATING_AUTHORITY},
    {"KDC name does not resolve", GSS_S_FAILURE, (uint32_t)KRB5_REALM_CANT_RESOLVE, KRB5,
     SEC_E_NO_AUTHENTICATING_AUTHORITY},
    {"unknown service", GSS_S_FAILURE, (uint32_t)KRB5KDC_ERR_S_PRINCIPAL_UNKNOWN, KRB5,
     SEC_E_TARGET_UNKNOWN},
    {"unknown client", GSS_S_FAILURE, (uint32_t)KRB5KDC_ERR_C_PRINCIPAL_UNKNOWN, KRB5,
     SEC_E_LOGON_DENIED},
    {"wrong password (preauth)", GSS_S_FAILURE, (uint32_t)KRB5KDC_ERR_PREAUTH_FAILED, KRB5,
     SEC_E_LOGON_DENIED},
    {"password expired", GSS_S_FAILURE, (uint32_t)KRB5KDC_ERR_KEY_EXP, KRB5, SEC_E_LOGON_DENIED},
    {"account disabled", GSS_S_FAILURE, (uint32_t)KRB5KDC_ERR_CLIENT_REVOKED, KRB5,
     SEC_E_LOGON_DENIED},
    {"account expired", GSS_S_FAILURE, (uint32_t)KRB5KDC_ERR_NAME_EXP, KRB5, SEC_E_LOGON_DENIED},
    {"wrong password (no preauth), initiator", GSS_S_FAILURE,
     (uint32_t)KRB5KRB_AP_ERR_BAD_INTEGRITY, KRB5, SEC_E_LOGON_DENIED},
    {"ticket undecryptable, acceptor", GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_BAD_INTEGRITY,
     KRB5 | ACC, SEC_E_WRONG_PRINCIPAL},
    {"ticket modified", GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_MODIFIED, KRB5 | ACC,
     SEC_E_WRONG_PRINCIPAL},
    {"ticket modified, reported back to the initiator", GSS_S_FAILURE,
     (uint32_t)KRB5KRB_AP_ERR_MODIFIED, KRB5, SEC_E_WRONG_PRINCIPAL},
    {"ticket for another principal", GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_NOT_US, KRB5 | ACC,
     SEC_E_WRONG_PRINCIPAL},
    {"key version not in keytab", GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_BADKEYVER, KRB5 | ACC,
     SEC_E_WRONG_PRINCIPAL},
    {"enctype not in keytab", GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_NOKEY, KRB5 | ACC,
     SEC_E_WRONG_PRINCIPAL},
#ifdef KRB5_KT_KVNONOTFOUND /* MIT only */
    {"keytab kvno mismatch", GSS_S_FAILURE, (uint32_t)KRB5_KT_KVNONOTFOUND, KRB5 | ACC,
     SEC_E_WRONG_PRINCIPAL},
#endif
    {"no keytab, acquiring acceptor credentials", GSS_S_NO_CRED, (uint32_t)KRB5_KT_NOTFOUND,
     KRB5 | ACC, SEC_E_NO_CREDENTIALS},
    {"service not in keytab, accepting", GSS_S_FAILURE, (uint32_t)KRB5_KT_NOTFOUND, KRB5 | ACC,
     SEC_E_WRONG_PRINCIPAL},
    {"service not in keytab, accepting (Heimdal)", GSS_S_FAILURE, (uint32_t)KRB5_KT_END,
     KRB5 | ACC, SEC_E_WRONG_PRINCIPAL},
    {"keytab file gone, accepting (Heimdal)", GSS_S_FAILURE, ENOENT, KRB5 | ACC, SEC_E_WRONG_PRINCIPAL},
    {"keytab file not a keytab, accepting (Heimdal)", GSS_S_FAILURE, (uint32_t)KRB5_KEYTAB_BADVNO,
     KRB5 | ACC, SEC_E_WRONG_PRINCIPAL},
    {"ccache file gone, initiating (Heimdal)", GSS_S_FAILURE, ENOENT, KRB5, SEC_E_NO_CREDENTIALS},
    {"ccache file garbage", GSS_S_FAILURE, (uint32_t)KRB5_CC_FORMAT, KRB5, SEC_E_NO_CREDENTIALS},
    {"reply token not DER, initiating (Heimdal)", GSS_S_FAILURE, (uint32_t)ASN1_OVERRUN, KRB5,
     SEC_E_INVALID_TOKEN},
    {"reply token wrong DER tag, initiating (Heimdal)", GSS_S_FAILURE, (uint32_t)ASN1_BAD_ID, KRB5,
     SEC_E_INVALID_TOKEN},
    {"wrap token fails to decrypt, acceptor unwrapping (Heimdal)", GSS_S_FAILURE,
     (uint32_t)KRB5KRB_AP_ERR_BAD_INTEGRITY, KRB5 | ACC | MSG, SEC_E_MESSAGE_ALTERED},
    {"wrap token fails to decrypt, initiator unwrapping (Heimdal)", GSS_S_FAILURE,
     (uint32_t)KRB5KRB_AP_ERR_BAD_INTEGRITY, KRB5 | MSG, SEC_E_MESSAGE_ALTERED},
    {"per-message checksum modified", GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_MODIFIED,
     KRB5 | ACC | MSG, SEC_E_MESSAGE_ALTERED},
    {"clock skew", GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_SKEW, KRB5 | ACC, SEC_E_TIME_SKEW},
    {"ticket not yet valid", GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_TKT_NYV, KRB5 | ACC,
     SEC_E_TIME_SKEW},
    {"ticket expired, acceptor", GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_TKT_EXPIRED, KRB5 | ACC,
     SEC_E_CONTEXT_EXPIRED},
    {"TGT expired, initiator", GSS_S_CREDENTIALS_EXPIRED, (uint32_t)KRB5KRB_AP_ERR_TKT_EXPIRED,
     KRB5, SEC_E_CONTEXT_EXPIRED},
    {"replayed authenticator", GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_REPEAT, KRB5 | ACC,
     SEC_E_OUT_OF_SEQUENCE},
    {"no ticket cache file", GSS_S_NO_CRED, (uint32_t)KRB5_FCC_NOFILE, KRB5, SEC_E_NO_CREDENTIALS},
    {"no ticket cache file, generic major", GSS_S_FAILURE, (uint32_t)KRB5_FCC_NOFILE, KRB5,
     SEC_E_NO_CREDENTIALS},
    {"no matching credential", GSS_S_NO_CRED, (uint32_t)KRB5_CC_NOTFOUND, KRB5,
     SEC_E_NO_CREDENTIALS},
    {"cache type unusable", GSS_S_FAILURE, (uint32_t)KRB5_CC_NOSUPP, KRB5, SEC_E_NO_CREDENTIALS},
    {"cache principal differs", GSS_S_FAILURE, KG_CCACHE_NOMATCH, KRB5, SEC_E_NO_CREDENTIALS},
    {"keytab principal differs", GSS_S_FAILURE, KG_KEYTAB_NOMATCH, KRB5 | ACC,
     SEC_E_NO_CREDENTIALS},
    {"cache has no TGT", GSS_S_FAILURE, KG_TGT_MISSING, KRB5, SEC_E_NO_CREDENTIALS},
    {"cache empty", GSS_S_FAILURE, KG_EMPTY_CCACHE, KRB5, SEC_E_NO_CREDENTIALS},
    {"no common enctype with the KDC", GSS_S_FAILURE, (uint32_t)KRB5KDC_ERR_ETYPE_NOSUPP, KRB5,
     SEC_E_KDC_UNKNOWN_ETYPE},
    {"KDC unreachable under DEFECTIVE_CREDENTIAL", GSS_S_DEFECTIVE_CREDENTIAL,
     (uint32_t)KRB5_KDC_UNREACH, KRB5, SEC_E_NO_AUTHENTICATING_AUTHORITY},
};

static void test_each_krb5_minor_row_refines_the_major(void)
{
    for (size_t i = 0; i < N_ELEMS(minor_expect); i++) {
        SECURITY_STATUS got = map_status_from_gss(minor_expect[i].major, minor_expect[i].minor,
                                                  minor_expect[i].opts);
        if (got != minor_expect[i].expect)
            fprintf(stderr, "\n  %s -> %s, want %s\n", minor_expect[i].what,
                    map_status_name(got), map_status_name(minor_expect[i].expect));
        CU_ASSERT_EQUAL(got, minor_expect[i].expect);
    }
}

static void test_kdc_unreachable_is_no_authenticating_authority(void)
{
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, (uint32_t)KRB5_KDC_UNREACH, KRB5),
                    SEC_E_NO_AUTHENTICATING_AUTHORITY);
}

static void test_wrong_password_is_logon_denied(void)
{
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, (uint32_t)KRB5KDC_ERR_PREAUTH_FAILED, KRB5),
                    SEC_E_LOGON_DENIED);
}

static void test_unknown_client_looks_like_wrong_password(void)
{
    CU_ASSERT_EQUAL(
        map_status_from_gss(GSS_S_FAILURE, (uint32_t)KRB5KDC_ERR_C_PRINCIPAL_UNKNOWN, KRB5),
        map_status_from_gss(GSS_S_FAILURE, (uint32_t)KRB5KDC_ERR_PREAUTH_FAILED, KRB5));
}

static void test_bad_integrity_depends_on_side(void)
{
    uint32_t m = (uint32_t)KRB5KRB_AP_ERR_BAD_INTEGRITY;
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, m, KRB5), SEC_E_LOGON_DENIED);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, m, KRB5 | ACC), SEC_E_WRONG_PRINCIPAL);
}

static void test_minor_ignored_without_krb5_minor_option(void)
{
    /* Another mechanism's minor codes can collide with krb5's. */
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, (uint32_t)KRB5_KDC_UNREACH, 0),
                    SEC_E_INTERNAL_ERROR);
    /* On the acceptor the major's own acceptor row applies, not the krb5 minor row. */
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, (uint32_t)KRB5_KDC_UNREACH, ACC),
                    SEC_E_INVALID_TOKEN);
}

static void test_unknown_minor_keeps_the_major_status(void)
{
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, 12345u, KRB5), SEC_E_INTERNAL_ERROR);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_NO_CRED, 12345u, KRB5), SEC_E_NO_CREDENTIALS);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, 0, KRB5), SEC_E_INTERNAL_ERROR);
}

static void test_specific_majors_are_never_refined(void)
{
    /* A failed message checksum stays MESSAGE_ALTERED though MIT's minor says BAD_INTEGRITY. */
    CU_ASSERT_EQUAL(
        map_status_from_gss(GSS_S_BAD_SIG, (uint32_t)KRB5KRB_AP_ERR_BAD_INTEGRITY, KRB5 | ACC),
        SEC_E_MESSAGE_ALTERED);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_BAD_SIG, (uint32_t)KRB5KRB_AP_ERR_BAD_INTEGRITY,
                                        KRB5),
                    SEC_E_MESSAGE_ALTERED);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_NO_CONTEXT, (uint32_t)KRB5_KDC_UNREACH, KRB5),
                    SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_DEFECTIVE_TOKEN, (uint32_t)KRB5KRB_AP_ERR_MODIFIED,
                                        KRB5),
                    SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_CONTEXT_EXPIRED, (uint32_t)KRB5KRB_AP_ERR_SKEW,
                                        KRB5),
                    SEC_E_CONTEXT_EXPIRED);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_BAD_BINDINGS, (uint32_t)KRB5KRB_AP_ERR_MODIFIED,
                                        KRB5),
                    SEC_E_BAD_BINDINGS);
}

/* ---- supplementary bits --------------------------------------------------------------------- */

static const uint32_t token_bits[] = {GSS_S_DUPLICATE_TOKEN, GSS_S_OLD_TOKEN, GSS_S_UNSEQ_TOKEN,
                                      GSS_S_GAP_TOKEN};

static void test_token_bits_are_ok_without_sequence_request(void)
{
    for (size_t i = 0; i < N_ELEMS(token_bits); i++)
        CU_ASSERT_EQUAL(map_status_from_gss(token_bits[i], 0, KRB5), SEC_E_OK);
}

static void test_token_bits_are_out_of_sequence_with_sequence_request(void)
{
    for (size_t i = 0; i < N_ELEMS(token_bits); i++)
        CU_ASSERT_EQUAL(map_status_from_gss(token_bits[i], 0, MAP_STATUS_WANT_SEQUENCE | KRB5),
                        SEC_E_OUT_OF_SEQUENCE);
}

static void test_continue_needed_wins_over_token_bits(void)
{
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_CONTINUE_NEEDED | GSS_S_DUPLICATE_TOKEN, 0,
                                        MAP_STATUS_WANT_SEQUENCE),
                    SEC_I_CONTINUE_NEEDED);
}

static void test_routine_error_wins_over_token_bits(void)
{
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_BAD_SIG | GSS_S_DUPLICATE_TOKEN, 0,
                                        MAP_STATUS_WANT_SEQUENCE),
                    SEC_E_MESSAGE_ALTERED);
}

/* ---- names ---------------------------------------------------------------------------------- */

/* Every status code of winerror.h's SSPI range that sspi.h defines, with its value. */
static const struct {
    SECURITY_STATUS status;
    const char *name;
} names_expect[] = {
    {(SECURITY_STATUS)0x00000000u, "SEC_E_OK"},
    {(SECURITY_STATUS)0x80090300u, "SEC_E_INSUFFICIENT_MEMORY"},
    {(SECURITY_STATUS)0x80090301u, "SEC_E_INVALID_HANDLE"},
    {(SECURITY_STATUS)0x80090302u, "SEC_E_UNSUPPORTED_FUNCTION"},
    {(SECURITY_STATUS)0x80090303u, "SEC_E_TARGET_UNKNOWN"},
    {(SECURITY_STATUS)0x80090304u, "SEC_E_INTERNAL_ERROR"},
    {(SECURITY_STATUS)0x80090305u, "SEC_E_SECPKG_NOT_FOUND"},
    {(SECURITY_STATUS)0x80090306u, "SEC_E_NOT_OWNER"},
    {(SECURITY_STATUS)0x80090307u, "SEC_E_CANNOT_INSTALL"},
    {(SECURITY_STATUS)0x80090308u, "SEC_E_INVALID_TOKEN"},
    {(SECURITY_STATUS)0x80090309u, "SEC_E_CANNOT_PACK"},
    {(SECURITY_STATUS)0x8009030Au, "SEC_E_QOP_NOT_SUPPORTED"},
    {(SECURITY_STATUS)0x8009030Bu, "SEC_E_NO_IMPERSONATION"},
    {(SECURITY_STATUS)0x8009030Cu, "SEC_E_LOGON_DENIED"},
    {(SECURITY_STATUS)0x8009030Du, "SEC_E_UNKNOWN_CREDENTIALS"},
    {(SECURITY_STATUS)0x8009030Eu, "SEC_E_NO_CREDENTIALS"},
    {(SECURITY_STATUS)0x8009030Fu, "SEC_E_MESSAGE_ALTERED"},
    {(SECURITY_STATUS)0x80090310u, "SEC_E_OUT_OF_SEQUENCE"},
    {(SECURITY_STATUS)0x80090311u, "SEC_E_NO_AUTHENTICATING_AUTHORITY"},
    {(SECURITY_STATUS)0x00090312u, "SEC_I_CONTINUE_NEEDED"},
    {(SECURITY_STATUS)0x00090313u, "SEC_I_COMPLETE_NEEDED"},
    {(SECURITY_STATUS)0x00090314u, "SEC_I_COMPLETE_AND_CONTINUE"},
    {(SECURITY_STATUS)0x00090315u, "SEC_I_LOCAL_LOGON"},
    {(SECURITY_STATUS)0x00090316u, "SEC_I_GENERIC_EXTENSION_RECEIVED"},
    {(SECURITY_STATUS)0x80090316u, "SEC_E_BAD_PKGID"},
    {(SECURITY_STATUS)0x80090317u, "SEC_E_CONTEXT_EXPIRED"},
    {(SECURITY_STATUS)0x00090317u, "SEC_I_CONTEXT_EXPIRED"},
    {(SECURITY_STATUS)0x80090318u, "SEC_E_INCOMPLETE_MESSAGE"},
    {(SECURITY_STATUS)0x80090320u, "SEC_E_INCOMPLETE_CREDENTIALS"},
    {(SECURITY_STATUS)0x80090321u, "SEC_E_BUFFER_TOO_SMALL"},
    {(SECURITY_STATUS)0x00090320u, "SEC_I_INCOMPLETE_CREDENTIALS"},
    {(SECURITY_STATUS)0x00090321u, "SEC_I_RENEGOTIATE"},
    {(SECURITY_STATUS)0x80090322u, "SEC_E_WRONG_PRINCIPAL"},
    {(SECURITY_STATUS)0x00090323u, "SEC_I_NO_LSA_CONTEXT"},
    {(SECURITY_STATUS)0x80090324u, "SEC_E_TIME_SKEW"},
    {(SECURITY_STATUS)0x80090325u, "SEC_E_UNTRUSTED_ROOT"},
    {(SECURITY_STATUS)0x80090326u, "SEC_E_ILLEGAL_MESSAGE"},
    {(SECURITY_STATUS)0x80090327u, "SEC_E_CERT_UNKNOWN"},
    {(SECURITY_STATUS)0x80090328u, "SEC_E_CERT_EXPIRED"},
    {(SECURITY_STATUS)0x80090329u, "SEC_E_ENCRYPT_FAILURE"},
    {(SECURITY_STATUS)0x80090330u, "SEC_E_DECRYPT_FAILURE"},
    {(SECURITY_STATUS)0x80090331u, "SEC_E_ALGORITHM_MISMATCH"},
    {(SECURITY_STATUS)0x80090332u, "SEC_E_SECURITY_QOS_FAILED"},
    {(SECURITY_STATUS)0x80090333u, "SEC_E_UNFINISHED_CONTEXT_DELETED"},
    {(SECURITY_STATUS)0x80090334u, "SEC_E_NO_TGT_REPLY"},
    {(SECURITY_STATUS)0x80090335u, "SEC_E_NO_IP_ADDRESSES"},
    {(SECURITY_STATUS)0x80090336u, "SEC_E_WRONG_CREDENTIAL_HANDLE"},
    {(SECURITY_STATUS)0x80090337u, "SEC_E_CRYPTO_SYSTEM_INVALID"},
    {(SECURITY_STATUS)0x80090338u, "SEC_E_MAX_REFERRALS_EXCEEDED"},
    {(SECURITY_STATUS)0x80090339u, "SEC_E_MUST_BE_KDC"},
    {(SECURITY_STATUS)0x8009033Au, "SEC_E_STRONG_CRYPTO_NOT_SUPPORTED"},
    {(SECURITY_STATUS)0x8009033Bu, "SEC_E_TOO_MANY_PRINCIPALS"},
    {(SECURITY_STATUS)0x8009033Cu, "SEC_E_NO_PA_DATA"},
    {(SECURITY_STATUS)0x8009033Du, "SEC_E_PKINIT_NAME_MISMATCH"},
    {(SECURITY_STATUS)0x8009033Eu, "SEC_E_SMARTCARD_LOGON_REQUIRED"},
    {(SECURITY_STATUS)0x8009033Fu, "SEC_E_SHUTDOWN_IN_PROGRESS"},
    {(SECURITY_STATUS)0x80090340u, "SEC_E_KDC_INVALID_REQUEST"},
    {(SECURITY_STATUS)0x80090341u, "SEC_E_KDC_UNABLE_TO_REFER"},
    {(SECURITY_STATUS)0x80090342u, "SEC_E_KDC_UNKNOWN_ETYPE"},
    {(SECURITY_STATUS)0x80090343u, "SEC_E_UNSUPPORTED_PREAUTH"},
    {(SECURITY_STATUS)0x80090345u, "SEC_E_DELEGATION_REQUIRED"},
    {(SECURITY_STATUS)0x80090346u, "SEC_E_BAD_BINDINGS"},
    {(SECURITY_STATUS)0x80090347u, "SEC_E_MULTIPLE_ACCOUNTS"},
    {(SECURITY_STATUS)0x80090348u, "SEC_E_NO_KERB_KEY"},
    {(SECURITY_STATUS)0x80090349u, "SEC_E_CERT_WRONG_USAGE"},
    {(SECURITY_STATUS)0x80090350u, "SEC_E_DOWNGRADE_DETECTED"},
    {(SECURITY_STATUS)0x80090351u, "SEC_E_SMARTCARD_CERT_REVOKED"},
    {(SECURITY_STATUS)0x80090352u, "SEC_E_ISSUING_CA_UNTRUSTED"},
    {(SECURITY_STATUS)0x80090353u, "SEC_E_REVOCATION_OFFLINE_C"},
    {(SECURITY_STATUS)0x80090354u, "SEC_E_PKINIT_CLIENT_FAILURE"},
    {(SECURITY_STATUS)0x80090355u, "SEC_E_SMARTCARD_CERT_EXPIRED"},
    {(SECURITY_STATUS)0x80090356u, "SEC_E_NO_S4U_PROT_SUPPORT"},
    {(SECURITY_STATUS)0x80090357u, "SEC_E_CROSSREALM_DELEGATION_FAILURE"},
    {(SECURITY_STATUS)0x80090358u, "SEC_E_REVOCATION_OFFLINE_KDC"},
    {(SECURITY_STATUS)0x80090359u, "SEC_E_ISSUING_CA_UNTRUSTED_KDC"},
    {(SECURITY_STATUS)0x8009035Au, "SEC_E_KDC_CERT_EXPIRED"},
    {(SECURITY_STATUS)0x8009035Bu, "SEC_E_KDC_CERT_REVOKED"},
    {(SECURITY_STATUS)0x0009035Cu, "SEC_I_SIGNATURE_NEEDED"},
    {(SECURITY_STATUS)0x8009035Du, "SEC_E_INVALID_PARAMETER"},
    {(SECURITY_STATUS)0x8009035Eu, "SEC_E_DELEGATION_POLICY"},
    {(SECURITY_STATUS)0x8009035Fu, "SEC_E_POLICY_NLTM_ONLY"},
    {(SECURITY_STATUS)0x00090360u, "SEC_I_NO_RENEGOTIATION"},
    {(SECURITY_STATUS)0x80090361u, "SEC_E_NO_CONTEXT"},
    {(SECURITY_STATUS)0x80090362u, "SEC_E_PKU2U_CERT_FAILURE"},
    {(SECURITY_STATUS)0x80090363u, "SEC_E_MUTUAL_AUTH_FAILED"},
    {(SECURITY_STATUS)0x00090364u, "SEC_I_MESSAGE_FRAGMENT"},
    {(SECURITY_STATUS)0x80090365u, "SEC_E_ONLY_HTTPS_ALLOWED"},
    {(SECURITY_STATUS)0x00090366u, "SEC_I_CONTINUE_NEEDED_MESSAGE_OK"},
    {(SECURITY_STATUS)0x80090367u, "SEC_E_APPLICATION_PROTOCOL_MISMATCH"},
    {(SECURITY_STATUS)0x00090368u, "SEC_I_ASYNC_CALL_PENDING"},
    {(SECURITY_STATUS)0x80090369u, "SEC_E_INVALID_UPN_NAME"},
    {(SECURITY_STATUS)0x8009036Au, "SEC_E_EXT_BUFFER_TOO_SMALL"},
    {(SECURITY_STATUS)0x8009036Bu, "SEC_E_INSUFFICIENT_BUFFERS"},
};

static void test_every_status_has_its_name(void)
{
    for (size_t i = 0; i < N_ELEMS(names_expect); i++) {
        const char *got = map_status_name(names_expect[i].status);
        if (strcmp(got, names_expect[i].name) != 0)
            fprintf(stderr, "\n  0x%08x -> %s, want %s\n", (unsigned)names_expect[i].status, got,
                    names_expect[i].name);
        CU_ASSERT_STRING_EQUAL(got, names_expect[i].name);
    }
}

static void test_names_use_the_header_constants(void)
{
    CU_ASSERT_STRING_EQUAL(map_status_name(SEC_E_LOGON_DENIED), "SEC_E_LOGON_DENIED");
    CU_ASSERT_STRING_EQUAL(map_status_name(SEC_I_CONTINUE_NEEDED), "SEC_I_CONTINUE_NEEDED");
    CU_ASSERT_STRING_EQUAL(map_status_name(SEC_E_OK), "SEC_E_OK");
}

static void test_alias_gives_primary_name(void)
{
    CU_ASSERT_STRING_EQUAL(map_status_name(SEC_E_NOT_SUPPORTED), "SEC_E_UNSUPPORTED_FUNCTION");
    CU_ASSERT_STRING_EQUAL(map_status_name(SEC_E_NO_SPM), "SEC_E_INTERNAL_ERROR");
}

static void test_unknown_status_name(void)
{
    /* Arbitrary values, gaps in the SSPI range, and the positive twin of an error. */
    static const uint32_t unknown[] = {0x12345678u, 0xFFFFFFFFu, 0x80090319u, 0x80090344u,
                                       0x8009036Cu, 0x00090319u, 0x0009030Cu};
    for (size_t i = 0; i < N_ELEMS(unknown); i++)
        CU_ASSERT_STRING_EQUAL(map_status_name((SECURITY_STATUS)unknown[i]), "unknown");
}

/* MIT answers a client token cut short after its header with GSS_S_FAILURE and an opaque
 * minor: on the acceptor that is an invalid token, on the initiator an internal error. */
static void test_unexplained_acceptor_failure_is_invalid_token(void)
{
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, 100001, KRB5 | ACC), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, 100001, KRB5), SEC_E_INTERNAL_ERROR);
    /* A minor row still wins on the acceptor. */
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, (uint32_t)KRB5KRB_AP_ERR_SKEW, KRB5 | ACC),
                    SEC_E_TIME_SKEW);
}

/* gss-ntlmssp's minor codes (MAP_STATUS_NTLM_MINOR): ERR_BASE 0x4E540000 + the code's place
 * in its ntlm_err_code enum, and the errno values 1.2 reports for refused logons. */
#define NTLM MAP_STATUS_NTLM_MINOR
static const struct {
    const char *what;
    uint32_t major, minor;
    unsigned opts;
    SECURITY_STATUS expect;
} ntlm_expect[] = {
    {"wrong password (NTLMv2 response mismatch), acceptor", GSS_S_FAILURE, EINVAL, NTLM | ACC,
     SEC_E_LOGON_DENIED},
    {"user not in NTLM_USER_FILE, acceptor", GSS_S_FAILURE, EACCES, NTLM | ACC,
     SEC_E_LOGON_DENIED},
    {"ERR_NOUSRFOUND", GSS_S_FAILURE, 0x4E540000u + 29, NTLM, SEC_E_LOGON_DENIED},
    {"ERR_NONTLMV1", GSS_S_FAILURE, 0x4E540000u + 28, NTLM | ACC, SEC_E_LOGON_DENIED},
    {"ERR_TIMESKEW", GSS_S_FAILURE, 0x4E540000u + 25, NTLM, SEC_E_TIME_SKEW},
    {"ERR_EXPIRED", GSS_S_FAILURE, 0x4E540000u + 26, NTLM, SEC_E_CONTEXT_EXPIRED},
    {"ERR_NOBINDINGS", GSS_S_FAILURE, 0x4E540000u + 24, NTLM | ACC, SEC_E_BAD_BINDINGS},
};

static void test_each_ntlm_minor_row_refines_the_major(void)
{
    for (size_t i = 0; i < N_ELEMS(ntlm_expect); i++) {
        SECURITY_STATUS got =
            map_status_from_gss(ntlm_expect[i].major, ntlm_expect[i].minor, ntlm_expect[i].opts);
        if (got != ntlm_expect[i].expect)
            fprintf(stderr, "\n  %s -> %s, want %s\n", ntlm_expect[i].what, map_status_name(got),
                    map_status_name(ntlm_expect[i].expect));
        CU_ASSERT_EQUAL(got, ntlm_expect[i].expect);
    }
}

/* EINVAL and EACCES say "logon refused" only from gss-ntlmssp's acceptor. */
static void test_ntlm_errno_rows_are_acceptor_and_ntlm_only(void)
{
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, EINVAL, NTLM), SEC_E_INTERNAL_ERROR);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, EINVAL, KRB5 | ACC), SEC_E_INVALID_TOKEN);
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_FAILURE, EACCES, ACC), SEC_E_INVALID_TOKEN);
    /* A checksum failure stays an altered message whatever the minor. */
    CU_ASSERT_EQUAL(map_status_from_gss(GSS_S_BAD_SIG, EINVAL, NTLM | ACC), SEC_E_MESSAGE_ALTERED);
}

static CU_TestInfo tests[] = {
    {"test_each_ntlm_minor_row_refines_the_major", test_each_ntlm_minor_row_refines_the_major},
    {"test_ntlm_errno_rows_are_acceptor_and_ntlm_only",
     test_ntlm_errno_rows_are_acceptor_and_ntlm_only},
    {"test_unexplained_acceptor_failure_is_invalid_token",
     test_unexplained_acceptor_failure_is_invalid_token},
    {"test_complete_is_ok", test_complete_is_ok},
    {"test_continue_needed_is_sec_i_continue_needed",
     test_continue_needed_is_sec_i_continue_needed},
    {"test_each_major_code_maps_to_its_status", test_each_major_code_maps_to_its_status},
    {"test_routine_error_wins_over_calling_error", test_routine_error_wins_over_calling_error},
    {"test_calling_error_alone_is_internal_error", test_calling_error_alone_is_internal_error},
    {"test_unknown_routine_error_is_internal_error", test_unknown_routine_error_is_internal_error},
    {"test_each_krb5_minor_row_refines_the_major", test_each_krb5_minor_row_refines_the_major},
    {"test_kdc_unreachable_is_no_authenticating_authority",
     test_kdc_unreachable_is_no_authenticating_authority},
    {"test_wrong_password_is_logon_denied", test_wrong_password_is_logon_denied},
    {"test_unknown_client_looks_like_wrong_password",
     test_unknown_client_looks_like_wrong_password},
    {"test_bad_integrity_depends_on_side", test_bad_integrity_depends_on_side},
    {"test_minor_ignored_without_krb5_minor_option", test_minor_ignored_without_krb5_minor_option},
    {"test_unknown_minor_keeps_the_major_status", test_unknown_minor_keeps_the_major_status},
    {"test_specific_majors_are_never_refined", test_specific_majors_are_never_refined},
    {"test_token_bits_are_ok_without_sequence_request",
     test_token_bits_are_ok_without_sequence_request},
    {"test_token_bits_are_out_of_sequence_with_sequence_request",
     test_token_bits_are_out_of_sequence_with_sequence_request},
    {"test_continue_needed_wins_over_token_bits", test_continue_needed_wins_over_token_bits},
    {"test_routine_error_wins_over_token_bits", test_routine_error_wins_over_token_bits},
    {"test_every_status_has_its_name", test_every_status_has_its_name},
    {"test_names_use_the_header_constants", test_names_use_the_header_constants},
    {"test_alias_gives_primary_name", test_alias_gives_primary_name},
    {"test_unknown_status_name", test_unknown_status_name},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("map_status", NULL, NULL, tests)
