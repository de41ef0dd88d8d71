/* map_flags: ISC/ASC request flags -> GSS request flags, and GSS context flags -> the
 * ISC_RET / ASC_RET flags Windows' Kerberos package reports. */
#include "mappings/map_flags.h"
#include "tests/common/test_main.h"

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* Everything MIT's krb5 mechanism can report, for "all flags granted" cases. */
#define ALL_GSS_FLAGS                                                                          \
    (GSS_C_DELEG_FLAG | GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG |          \
     GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG | GSS_C_ANON_FLAG | GSS_C_PROT_READY_FLAG |            \
     GSS_C_TRANS_FLAG | GSS_C_DELEG_POLICY_FLAG | GSS_C_DCE_STYLE | GSS_C_IDENTIFY_FLAG |      \
     GSS_C_EXTENDED_ERROR_FLAG)

/* ---- InitializeSecurityContext: requests ---------------------------------------------------- */

static const struct {
    ULONG isc;
    uint32_t gss;
} isc_req_expect[] = {
    {ISC_REQ_DELEGATE, GSS_C_DELEG_POLICY_FLAG},
    {ISC_REQ_MUTUAL_AUTH, GSS_C_MUTUAL_FLAG},
    {ISC_REQ_REPLAY_DETECT, GSS_C_REPLAY_FLAG},
    {ISC_REQ_SEQUENCE_DETECT, GSS_C_SEQUENCE_FLAG},
    {ISC_REQ_CONFIDENTIALITY, GSS_C_CONF_FLAG},
    {ISC_REQ_INTEGRITY, GSS_C_INTEG_FLAG},
    {ISC_REQ_USE_DCE_STYLE, GSS_C_DCE_STYLE},
    {ISC_REQ_IDENTIFY, GSS_C_IDENTIFY_FLAG},
    {ISC_REQ_EXTENDED_ERROR, GSS_C_EXTENDED_ERROR_FLAG},
    {ISC_REQ_NULL_SESSION, GSS_C_ANON_FLAG},
};

static void test_isc_each_request_flag_maps_to_its_gss_flag(void)
{
    for (size_t i = 0; i < N_ELEMS(isc_req_expect); i++) {
        uint32_t got = map_isc_req_to_gss(isc_req_expect[i].isc);
        if (got != isc_req_expect[i].gss)
            fprintf(stderr, "\n  ISC 0x%x -> 0x%x, want 0x%x\n", isc_req_expect[i].isc, got,
                    isc_req_expect[i].gss);
        CU_ASSERT_EQUAL(got, isc_req_expect[i].gss);
    }
}

static void test_isc_delegate_maps_to_deleg_policy(void)
{
    /* Windows delegates only to ok-as-delegate services: never the unconditional flag. */
    uint32_t gss = map_isc_req_to_gss(ISC_REQ_DELEGATE | ISC_REQ_MUTUAL_AUTH);
    CU_ASSERT(gss & GSS_C_DELEG_POLICY_FLAG);
    CU_ASSERT_FALSE(gss & GSS_C_DELEG_FLAG);
}

static void test_isc_no_integrity_cancels_integrity(void)
{
    CU_ASSERT_EQUAL(map_isc_req_to_gss(ISC_REQ_INTEGRITY | ISC_REQ_NO_INTEGRITY), 0);
    CU_ASSERT_EQUAL(map_isc_req_to_gss(ISC_REQ_NO_INTEGRITY), 0);
    CU_ASSERT_EQUAL(map_isc_req_to_gss(ISC_REQ_CONFIDENTIALITY | ISC_REQ_INTEGRITY |
                                       ISC_REQ_NO_INTEGRITY),
                    GSS_C_CONF_FLAG);
}

static void test_isc_flags_without_gss_counterpart_request_nothing(void)
{
    static const ULONG none[] = {
        ISC_REQ_USE_SESSION_KEY,   ISC_REQ_PROMPT_FOR_CREDS, ISC_REQ_USE_SUPPLIED_CREDS,
        ISC_REQ_ALLOCATE_MEMORY,   ISC_REQ_DATAGRAM,         ISC_REQ_CONNECTION,
        ISC_REQ_CALL_LEVEL,        ISC_REQ_FRAGMENT_SUPPLIED, ISC_REQ_STREAM,
        ISC_REQ_MANUAL_CRED_VALIDATION, ISC_REQ_FRAGMENT_TO_FIT, ISC_REQ_FORWARD_CREDENTIALS,
        ISC_REQ_USE_HTTP_STYLE,    ISC_REQ_UNVERIFIED_TARGET_NAME,
        ISC_REQ_CONFIDENTIALITY_ONLY,
    };
    for (size_t i = 0; i < N_ELEMS(none); i++)
        CU_ASSERT_EQUAL(map_isc_req_to_gss(none[i]), 0);
    CU_ASSERT_EQUAL(map_isc_req_to_gss(0), 0);
}

static void test_isc_typical_request_combines_flags(void)
{
    ULONG req = ISC_REQ_ALLOCATE_MEMORY | ISC_REQ_CONNECTION | ISC_REQ_MUTUAL_AUTH |
                ISC_REQ_REPLAY_DETECT | ISC_REQ_SEQUENCE_DETECT | ISC_REQ_CONFIDENTIALITY |
                ISC_REQ_INTEGRITY;
    CU_ASSERT_EQUAL(map_isc_req_to_gss(req), GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG |
                                                 GSS_C_SEQUENCE_FLAG | GSS_C_CONF_FLAG |
                                                 GSS_C_INTEG_FLAG);
}

/* ---- InitializeSecurityContext: returns ----------------------------------------------------- */

static const struct {
    uint32_t gss;
    ULONG req;  /* what the caller asked for */
    ULONG isc;  /* what must come back, besides ISC_RET_CONNECTION */
} isc_ret_expect[] = {
    {GSS_C_DELEG_FLAG, ISC_REQ_DELEGATE, ISC_RET_DELEGATE},
    {GSS_C_MUTUAL_FLAG, ISC_REQ_MUTUAL_AUTH, ISC_RET_MUTUAL_AUTH},
    {GSS_C_REPLAY_FLAG, ISC_REQ_REPLAY_DETECT, ISC_RET_REPLAY_DETECT},
    {GSS_C_SEQUENCE_FLAG, ISC_REQ_SEQUENCE_DETECT, ISC_RET_SEQUENCE_DETECT},
    {GSS_C_CONF_FLAG, ISC_REQ_CONFIDENTIALITY, ISC_RET_CONFIDENTIALITY},
    {GSS_C_INTEG_FLAG, ISC_REQ_INTEGRITY, ISC_RET_INTEGRITY},
    {GSS_C_DCE_STYLE, ISC_REQ_USE_DCE_STYLE, ISC_RET_USED_DCE_STYLE},
    {GSS_C_IDENTIFY_FLAG, ISC_REQ_IDENTIFY, ISC_RET_IDENTIFY},
    {GSS_C_EXTENDED_ERROR_FLAG, ISC_REQ_EXTENDED_ERROR, ISC_RET_EXTENDED_ERROR},
    {GSS_C_ANON_FLAG, ISC_REQ_NULL_SESSION, ISC_RET_NULL_SESSION},
};

static void test_isc_each_granted_flag_is_returned(void)
{
    for (size_t i = 0; i < N_ELEMS(isc_ret_expect); i++) {
        ULONG got = map_gss_to_isc_ret(isc_ret_expect[i].gss, isc_ret_expect[i].req);
        ULONG want = isc_ret_expect[i].isc | ISC_RET_CONNECTION;
        if (got != want)
            fprintf(stderr, "\n  GSS 0x%x -> 0x%x, want 0x%x\n", isc_ret_expect[i].gss, got, want);
        CU_ASSERT_EQUAL(got, want);
    }
}

static void test_isc_ret_confidentiality_only_when_requested(void)
{
    /* MIT grants CONF on every context; Windows reports it only when asked for. */
    CU_ASSERT_FALSE(map_gss_to_isc_ret(GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG, ISC_REQ_INTEGRITY) &
                    ISC_RET_CONFIDENTIALITY);
    CU_ASSERT_FALSE(map_gss_to_isc_ret(0, ISC_REQ_CONFIDENTIALITY) & ISC_RET_CONFIDENTIALITY);
}

static void test_isc_ret_integrity_only_when_requested(void)
{
    CU_ASSERT_FALSE(map_gss_to_isc_ret(GSS_C_INTEG_FLAG, 0) & ISC_RET_INTEGRITY);
    CU_ASSERT_FALSE(map_gss_to_isc_ret(0, ISC_REQ_INTEGRITY) & ISC_RET_INTEGRITY);
}

static void test_isc_ret_no_integrity_suppresses_integrity(void)
{
    CU_ASSERT_FALSE(map_gss_to_isc_ret(GSS_C_INTEG_FLAG,
                                       ISC_REQ_INTEGRITY | ISC_REQ_NO_INTEGRITY) &
                    ISC_RET_INTEGRITY);
}

static void test_isc_ret_always_reports_connection(void)
{
    CU_ASSERT_EQUAL(map_gss_to_isc_ret(0, 0), ISC_RET_CONNECTION);
    /* GSS has no datagram contexts: asking for one still gives a connection context. */
    ULONG got = map_gss_to_isc_ret(GSS_C_MUTUAL_FLAG, ISC_REQ_DATAGRAM | ISC_REQ_MUTUAL_AUTH);
    CU_ASSERT(got & ISC_RET_CONNECTION);
    CU_ASSERT_FALSE(got & ISC_RET_DATAGRAM);
}

static void test_isc_ret_never_sets_allocated_memory(void)
{
    ULONG got = map_gss_to_isc_ret(ALL_GSS_FLAGS, ISC_REQ_ALLOCATE_MEMORY);
    CU_ASSERT_FALSE(got & ISC_RET_ALLOCATED_MEMORY);
}

static void test_isc_ret_delegate_needs_deleg_flag_not_policy_flag(void)
{
    /* The policy flag echoes the request; only GSS_C_DELEG_FLAG means a ticket went. */
    CU_ASSERT_FALSE(map_gss_to_isc_ret(GSS_C_DELEG_POLICY_FLAG, ISC_REQ_DELEGATE) &
                    ISC_RET_DELEGATE);
}

static void test_isc_ret_ignores_gss_flags_sspi_has_no_name_for(void)
{
    CU_ASSERT_EQUAL(map_gss_to_isc_ret(GSS_C_TRANS_FLAG | GSS_C_PROT_READY_FLAG, 0),
                    ISC_RET_CONNECTION);
}

static void test_isc_ret_for_typical_mit_context(void)
{
    /* MIT's answer to MUTUAL|REPLAY|SEQUENCE: it adds CONF, INTEG, TRANS and PROT_READY. */
    uint32_t gss = GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG |
                   GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG | GSS_C_TRANS_FLAG | GSS_C_PROT_READY_FLAG;
    ULONG req = ISC_REQ_MUTUAL_AUTH | ISC_REQ_REPLAY_DETECT | ISC_REQ_SEQUENCE_DETECT |
                ISC_REQ_ALLOCATE_MEMORY;
    CU_ASSERT_EQUAL(map_gss_to_isc_ret(gss, req), ISC_RET_MUTUAL_AUTH | ISC_RET_REPLAY_DETECT |
                                                      ISC_RET_SEQUENCE_DETECT |
                                                      ISC_RET_CONNECTION);
}

/* ---- AcceptSecurityContext: requests -------------------------------------------------------- */

static const struct {
    ULONG asc;
    uint32_t gss;
} asc_req_expect[] = {
    {ASC_REQ_DELEGATE, GSS_C_DELEG_FLAG},
    {ASC_REQ_MUTUAL_AUTH, GSS_C_MUTUAL_FLAG},
    {ASC_REQ_REPLAY_DETECT, GSS_C_REPLAY_FLAG},
    {ASC_REQ_SEQUENCE_DETECT, GSS_C_SEQUENCE_FLAG},
    {ASC_REQ_CONFIDENTIALITY, GSS_C_CONF_FLAG},
    {ASC_REQ_INTEGRITY, GSS_C_INTEG_FLAG},
    {ASC_REQ_USE_DCE_STYLE, GSS_C_DCE_STYLE},
    {ASC_REQ_IDENTIFY, GSS_C_IDENTIFY_FLAG},
    {ASC_REQ_EXTENDED_ERROR, GSS_C_EXTENDED_ERROR_FLAG},
    {ASC_REQ_ALLOW_NULL_SESSION, GSS_C_ANON_FLAG},
};

static void test_asc_each_request_flag_maps_to_its_gss_flag(void)
{
    for (size_t i = 0; i < N_ELEMS(asc_req_expect); i++) {
        uint32_t got = map_asc_req_to_gss(asc_req_expect[i].asc);
        if (got != asc_req_expect[i].gss)
            fprintf(stderr, "\n  ASC 0x%x -> 0x%x, want 0x%x\n", asc_req_expect[i].asc, got,
                    asc_req_expect[i].gss);
        CU_ASSERT_EQUAL(got, asc_req_expect[i].gss);
    }
}

static void test_asc_uses_asc_values_not_isc_values(void)
{
    /* ISC_REQ_INTEGRITY (0x10000) is ASC_REQ_STREAM; ISC_REQ_IDENTIFY (0x20000) is
     * ASC_REQ_INTEGRITY. */
    CU_ASSERT_EQUAL(map_asc_req_to_gss(ASC_REQ_STREAM), 0);
    CU_ASSERT_EQUAL(map_asc_req_to_gss(ASC_REQ_INTEGRITY), GSS_C_INTEG_FLAG);
    CU_ASSERT_EQUAL(map_asc_req_to_gss(ASC_REQ_ALLOCATE_MEMORY | ASC_REQ_CONNECTION), 0);
}

/* ---- AcceptSecurityContext: returns --------------------------------------------------------- */

static const struct {
    uint32_t gss;
    ULONG req;
    ULONG asc; /* besides ASC_RET_CONNECTION */
} asc_ret_expect[] = {
    {GSS_C_DELEG_FLAG, 0, ASC_RET_DELEGATE},
    {GSS_C_MUTUAL_FLAG, 0, ASC_RET_MUTUAL_AUTH},
    {GSS_C_REPLAY_FLAG, 0, ASC_RET_REPLAY_DETECT},
    {GSS_C_SEQUENCE_FLAG, 0, ASC_RET_SEQUENCE_DETECT},
    {GSS_C_CONF_FLAG, ASC_REQ_CONFIDENTIALITY, ASC_RET_CONFIDENTIALITY},
    {GSS_C_INTEG_FLAG, 0, ASC_RET_INTEGRITY},
    {GSS_C_DCE_STYLE, 0, ASC_RET_USED_DCE_STYLE},
    {GSS_C_IDENTIFY_FLAG, 0, ASC_RET_IDENTIFY},
    {GSS_C_EXTENDED_ERROR_FLAG, 0, ASC_RET_EXTENDED_ERROR},
    {GSS_C_ANON_FLAG, 0, ASC_RET_NULL_SESSION},
};

static void test_asc_each_granted_flag_is_returned(void)
{
    for (size_t i = 0; i < N_ELEMS(asc_ret_expect); i++) {
        ULONG got = map_gss_to_asc_ret(asc_ret_expect[i].gss, asc_ret_expect[i].req);
        ULONG want = asc_ret_expect[i].asc | ASC_RET_CONNECTION;
        if (got != want)
            fprintf(stderr, "\n  GSS 0x%x -> 0x%x, want 0x%x\n", asc_ret_expect[i].gss, got, want);
        CU_ASSERT_EQUAL(got, want);
    }
}

static void test_asc_ret_confidentiality_only_when_requested(void)
{
    CU_ASSERT_FALSE(map_gss_to_asc_ret(GSS_C_CONF_FLAG, 0) & ASC_RET_CONFIDENTIALITY);
    CU_ASSERT_FALSE(map_gss_to_asc_ret(0, ASC_REQ_CONFIDENTIALITY) & ASC_RET_CONFIDENTIALITY);
}

static void test_asc_ret_integrity_whenever_granted(void)
{
    CU_ASSERT(map_gss_to_asc_ret(GSS_C_INTEG_FLAG, 0) & ASC_RET_INTEGRITY);
    CU_ASSERT_FALSE(map_gss_to_asc_ret(0, ASC_REQ_INTEGRITY) & ASC_RET_INTEGRITY);
}

static void test_asc_ret_always_reports_connection(void)
{
    CU_ASSERT_EQUAL(map_gss_to_asc_ret(0, 0), ASC_RET_CONNECTION);
    CU_ASSERT_FALSE(map_gss_to_asc_ret(0, ASC_REQ_DATAGRAM) & ASC_RET_DATAGRAM);
}

static void test_asc_ret_never_sets_allocated_memory(void)
{
    CU_ASSERT_FALSE(map_gss_to_asc_ret(ALL_GSS_FLAGS, ASC_REQ_ALLOCATE_MEMORY) &
                    ASC_RET_ALLOCATED_MEMORY);
}

static void test_asc_ret_for_context_from_mit_initiator(void)
{
    /* An MIT initiator asking MUTUAL|REPLAY|SEQUENCE sends CONF|INTEG too. */
    uint32_t gss = GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG |
                   GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG | GSS_C_TRANS_FLAG | GSS_C_PROT_READY_FLAG;
    CU_ASSERT_EQUAL(map_gss_to_asc_ret(gss, ASC_REQ_ALLOCATE_MEMORY),
                    ASC_RET_MUTUAL_AUTH | ASC_RET_REPLAY_DETECT | ASC_RET_SEQUENCE_DETECT |
                        ASC_RET_INTEGRITY | ASC_RET_CONNECTION);
    CU_ASSERT_EQUAL(map_gss_to_asc_ret(gss, ASC_REQ_CONFIDENTIALITY),
                    ASC_RET_MUTUAL_AUTH | ASC_RET_REPLAY_DETECT | ASC_RET_SEQUENCE_DETECT |
                        ASC_RET_INTEGRITY | ASC_RET_CONFIDENTIALITY | ASC_RET_CONNECTION);
}

static CU_TestInfo tests[] = {
    {"test_isc_each_request_flag_maps_to_its_gss_flag",
     test_isc_each_request_flag_maps_to_its_gss_flag},
    {"test_isc_delegate_maps_to_deleg_policy", test_isc_delegate_maps_to_deleg_policy},
    {"test_isc_no_integrity_cancels_integrity", test_isc_no_integrity_cancels_integrity},
    {"test_isc_flags_without_gss_counterpart_request_nothing",
     test_isc_flags_without_gss_counterpart_request_nothing},
    {"test_isc_typical_request_combines_flags", test_isc_typical_request_combines_flags},
    {"test_isc_each_granted_flag_is_returned", test_isc_each_granted_flag_is_returned},
    {"test_isc_ret_confidentiality_only_when_requested",
     test_isc_ret_confidentiality_only_when_requested},
    {"test_isc_ret_integrity_only_when_requested", test_isc_ret_integrity_only_when_requested},
    {"test_isc_ret_no_integrity_suppresses_integrity",
     test_isc_ret_no_integrity_suppresses_integrity},
    {"test_isc_ret_always_reports_connection", test_isc_ret_always_reports_connection},
    {"test_isc_ret_never_sets_allocated_memory", test_isc_ret_never_sets_allocated_memory},
    {"test_isc_ret_delegate_needs_deleg_flag_not_policy_flag",
     test_isc_ret_delegate_needs_deleg_flag_not_policy_flag},
    {"test_isc_ret_ignores_gss_flags_sspi_has_no_name_for",
     test_isc_ret_ignores_gss_flags_sspi_has_no_name_for},
    {"test_isc_ret_for_typical_mit_context", test_isc_ret_for_typical_mit_context},
    {"test_asc_each_request_flag_maps_to_its_gss_flag",
     test_asc_each_request_flag_maps_to_its_gss_flag},
    {"test_asc_uses_asc_values_not_isc_values", test_asc_uses_asc_values_not_isc_values},
    {"test_asc_each_granted_flag_is_returned", test_asc_each_granted_flag_is_returned},
    {"test_asc_ret_confidentiality_only_when_requested",
     test_asc_ret_confidentiality_only_when_requested},
    {"test_asc_ret_integrity_whenever_granted", test_asc_ret_integrity_whenever_granted},
    {"test_asc_ret_always_reports_connection", test_asc_ret_always_reports_connection},
    {"test_asc_ret_never_sets_allocated_memory", test_asc_ret_never_sets_allocated_memory},
    {"test_asc_ret_for_context_from_mit_initiator", test_asc_ret_for_context_from_mit_initiator},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("map_flags", NULL, NULL, tests)
