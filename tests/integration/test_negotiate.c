/* The Negotiate package over SPNEGO against a throwaway realm (which also provides the NTLM
 * user file): Kerberos chosen when the client has a ticket, NTLM when the PackageList
 * excludes Kerberos or the KDC cannot be reached, a bare Kerberos or NTLM token accepted by
 * a Negotiate server as Windows does, the negotiated package reported, messages on both
 * outcomes, A and W. */
#include "tests/common/establish.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"

#include <security.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ISC_MSG (ISC_REQ_CONFIDENTIALITY | ISC_REQ_INTEGRITY | ISC_REQ_MUTUAL_AUTH | \
                 ISC_REQ_SEQUENCE_DETECT | ISC_REQ_REPLAY_DETECT)
#define ASC_MSG (ASC_REQ_CONFIDENTIALITY | ASC_REQ_INTEGRITY | ASC_REQ_MUTUAL_AUTH | \
                 ASC_REQ_SEQUENCE_DETECT | ASC_REQ_REPLAY_DETECT)

static realm test_realm;

static int suite_init(void)
{
    if (realm_up(NULL, &test_realm) != 0 || realm_kinit(&test_realm) != 0)
        return -1;
    return 0;
}

static int suite_clean(void)
{
    realm_down(&test_realm);
    return 0;
}

/* ---- Helpers --------------------------------------------------------------------------- */

/* user's password identity for Negotiate with a PackageList (NULL: none), A. */
static SECURITY_STATUS acquire_ex_a(const char *packages, CredHandle *out)
{
    SEC_WINNT_AUTH_IDENTITY_EXA id = {0};
    id.Version = SEC_WINNT_AUTH_IDENTITY_VERSION;
    id.Length = sizeof(id);
    id.User = (unsigned char *)"user";
    id.UserLength = 4;
    id.Domain = (unsigned char *)test_realm.name;
    id.DomainLength = (ULONG)strlen(test_realm.name);
    id.Password = (unsigned char *)test_realm.password;
    id.PasswordLength = (ULONG)strlen(test_realm.password);
    id.PackageList = (unsigned char *)packages;
    id.PackageListLength = packages ? (ULONG)strlen(packages) : 0;
    id.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI;
    return AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Negotiate", SECPKG_CRED_OUTBOUND, NULL,
                                     &id, NULL, NULL, out, NULL);
}

/* The same in UTF-16. */
static SECURITY_STATUS acquire_ex_w(const SEC_WCHAR *packages, ULONG packages_len, CredHandle *out)
{
    SEC_WCHAR domain[256], password[128];
    size_t i, j;
    for (i = 0; test_realm.name[i] != '\0'; i++)
        domain[i] = (SEC_WCHAR)test_realm.name[i];
    domain[i] = 0;
    for (j = 0; test_realm.password[j] != '\0'; j++)
        password[j] = (SEC_WCHAR)test_realm.password[j];
    password[j] = 0;
    SEC_WINNT_AUTH_IDENTITY_EXW id = {0};
    id.Version = SEC_WINNT_AUTH_IDENTITY_VERSION;
    id.Length = sizeof(id);
    id.User = (unsigned short *)u"user";
    id.UserLength = 4;
    id.Domain = domain;
    id.DomainLength = (ULONG)i;
    id.Password = password;
    id.PasswordLength = (ULONG)j;
    id.PackageList = (unsigned short *)packages;
    id.PackageListLength = packages_len;
    id.Flags = SEC_WINNT_AUTH_IDENTITY_UNICODE;
    return AcquireCredentialsHandleW(NULL, (SEC_WCHAR *)u"Negotiate", SECPKG_CRED_OUTBOUND, NULL,
                                     &id, NULL, NULL, out, NULL);
}

/* Establishes ic (consumed) against a Negotiate acceptor. */
static void establish(CredHandle *ic, int wide, CtxtHandle *ictx, CtxtHandle *actx)
{
    CredHandle ac;
    est_result res;
    est_opts opts = {ISC_MSG, ASC_MSG, NULL, NULL, wide};
    CU_ASSERT_EQUAL_FATAL(est_acquire("Negotiate", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    int rc = est_run(ic, &ac, "host/localhost", &opts, ictx, actx, &res);
    if (rc != 0)
        fprintf(stderr, "\n  establishment: isc %s asc %s\n", res.isc_status == 0 ? "ok" : "failed",
                res.asc_status == 0 ? "ok" : "failed");
    CU_ASSERT_EQUAL_FATAL(rc, 0);
    FreeCredentialsHandle(ic);
    FreeCredentialsHandle(&ac);
}

/* Both sides report pkg as negotiated (NEGOTIATION_INFO, PACKAGE_INFO). */
static void assert_package(CtxtHandle *ictx, CtxtHandle *actx, const char *pkg)
{
    CtxtHandle *both[2] = {ictx, actx};
    for (int i = 0; i < 2; i++) {
        SecPkgContext_NegotiationInfoA neg = {0};
        SecPkgContext_PackageInfoA pi = {0};
        CU_ASSERT_EQUAL_FATAL(QueryContextAttributesA(both[i], SECPKG_ATTR_NEGOTIATION_INFO, &neg),
                              SEC_E_OK);
        CU_ASSERT_EQUAL(neg.NegotiationState, SECPKG_NEGOTIATION_COMPLETE);
        CU_ASSERT_STRING_EQUAL(neg.PackageInfo->Name, pkg);
        FreeContextBuffer(neg.PackageInfo);
        CU_ASSERT_EQUAL_FATAL(QueryContextAttributesA(both[i], SECPKG_ATTR_PACKAGE_INFO, &pi),
                              SEC_E_OK);
        CU_ASSERT_STRING_EQUAL(pi.PackageInfo->Name, pkg);
        FreeContextBuffer(pi.PackageInfo);
    }
}

/* EncryptMessage(TOKEN | DATA | PADDING) on from, DecryptMessage(STREAM | DATA) on to; then
 * MakeSignature / VerifySignature. Sizes from SECPKG_ATTR_SIZES of the sender. */
static void messages_one_way(CtxtHandle *from, CtxtHandle *to, const char *msg)
{
    SecPkgContext_Sizes sz = {0};
    unsigned char tok[256], pad[64], data[128], wire[512];
    size_t len = strlen(msg);
    CU_ASSERT_EQUAL_FATAL(QueryContextAttributesA(from, SECPKG_ATTR_SIZES, &sz), SEC_E_OK);
    CU_ASSERT_FATAL(sz.cbSecurityTrailer <= sizeof(tok) && sz.cbMaxSignature <= sizeof(tok));
    memcpy(data, msg, len);
    SecBuffer b[3] = {{sz.cbSecurityTrailer, SECBUFFER_TOKEN, tok},
                      {(ULONG)len, SECBUFFER_DATA, data},
                      {sz.cbBlockSize, SECBUFFER_PADDING, pad}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(from, 0, &d, 0), SEC_E_OK);
    size_t n = 0;
    memcpy(wire + n, tok, b[0].cbBuffer);
    n += b[0].cbBuffer;
    memcpy(wire + n, data, b[1].cbBuffer);
    n += b[1].cbBuffer;
    memcpy(wire + n, pad, b[2].cbBuffer);
    n += b[2].cbBuffer;
    SecBuffer r[2] = {{(ULONG)n, SECBUFFER_STREAM, wire}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc rd = {SECBUFFER_VERSION, 2, r};
    CU_ASSERT_EQUAL_FATAL(DecryptMessage(to, &rd, 0, NULL), SEC_E_OK);
    CU_ASSERT(r[1].cbBuffer == len && memcmp(r[1].pvBuffer, msg, len) == 0);

    SecBuffer s[2] = {{(ULONG)len, SECBUFFER_DATA, (void *)msg}, {sz.cbMaxSignature, SECBUFFER_TOKEN, tok}};
    SecBufferDesc sd = {SECBUFFER_VERSION, 2, s};
    CU_ASSERT_EQUAL_FATAL(MakeSignature(from, 0, &sd, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(VerifySignature(to, &sd, 0, NULL), SEC_E_OK);
    tok[s[1].cbBuffer - 1] ^= 1;
    /* Heimdal checks an RFC 4121 token's sequence number before its checksum: the altered
     * copy of a verified signature is a duplicate there (README, "Heimdal backend"). */
    CU_ASSERT_EQUAL(VerifySignature(to, &sd, 0, NULL),
                    test_backend_heimdal() ? SEC_E_OUT_OF_SEQUENCE : SEC_E_MESSAGE_ALTERED);
}

static void messages_both_ways(CtxtHandle *ictx, CtxtHandle *actx)
{
    messages_one_way(ictx, actx, "negotiated, client to server");
    messages_one_way(actx, ictx, "negotiated, server to client");
}

static void delete_both(CtxtHandle *ictx, CtxtHandle *actx)
{
    CU_ASSERT_EQUAL(DeleteSecurityContext(ictx), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(actx), SEC_E_OK);
}

/* ---- Tests ------------------------------------------------------------------------------ */

static void test_kerberos_is_chosen_with_a_ticket_a(void)
{
    CredHandle ic;
    CtxtHandle ictx, actx;
    CU_ASSERT_EQUAL_FATAL(est_acquire("Negotiate", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    establish(&ic, 0, &ictx, &actx);
    assert_package(&ictx, &actx, "Kerberos");
    messages_both_ways(&ictx, &actx);
    delete_both(&ictx, &actx);
}

static void test_kerberos_is_chosen_with_a_password_w(void)
{
    CredHandle ic;
    CtxtHandle ictx, actx;
    /* Heimdal's SPNEGO takes no password (README, "Heimdal backend"). */
    if (test_backend_heimdal()) {
        CU_ASSERT_EQUAL(acquire_ex_w(NULL, 0, &ic), SEC_E_NO_CREDENTIALS);
        return;
    }
    CU_ASSERT_EQUAL_FATAL(acquire_ex_w(NULL, 0, &ic), SEC_E_OK);
    establish(&ic, 1, &ictx, &actx);
    assert_package(&ictx, &actx, "Kerberos");
    messages_both_ways(&ictx, &actx);
    delete_both(&ictx, &actx);
}

static void test_ntlm_is_chosen_when_kerberos_is_excluded_a(void)
{
    CredHandle ic;
    CtxtHandle ictx, actx;
    SecPkgContext_Sizes sz = {0};
    /* No NTLM on Heimdal (README): a list of NTLM alone leaves Negotiate nothing. */
    if (test_backend_heimdal()) {
        CU_ASSERT_EQUAL(acquire_ex_a("!Kerberos", &ic), SEC_E_NO_CREDENTIALS);
        return;
    }
    CU_ASSERT_EQUAL_FATAL(acquire_ex_a("!Kerberos", &ic), SEC_E_OK);
    establish(&ic, 0, &ictx, &actx);
    assert_package(&ictx, &actx, "NTLM");
    CU_ASSERT_EQUAL(QueryContextAttributesA(&ictx, SECPKG_ATTR_SIZES, &sz), SEC_E_OK);
    CU_ASSERT_EQUAL(sz.cbMaxSignature, 16);
    CU_ASSERT_EQUAL(sz.cbSecurityTrailer, 16);
    CU_ASSERT_EQUAL(sz.cbBlockSize, 0);
    messages_both_ways(&ictx, &actx);
    delete_both(&ictx, &actx);
}

static void test_ntlm_is_chosen_when_only_ntlm_is_listed_w(void)
{
    CredHandle ic;
    CtxtHandle ictx, actx;
    if (test_backend_heimdal()) {
        CU_ASSERT_EQUAL(acquire_ex_w((const SEC_WCHAR *)u"ntlm", 4, &ic), SEC_E_NO_CREDENTIALS);
        return;
    }
    CU_ASSERT_EQUAL_FATAL(acquire_ex_w((const SEC_WCHAR *)u"ntlm", 4, &ic), SEC_E_OK);
    establish(&ic, 1, &ictx, &actx);
    assert_package(&ictx, &actx, "NTLM");
    messages_both_ways(&ictx, &actx);
    delete_both(&ictx, &actx);
}

static void test_kerberos_is_chosen_when_ntlm_is_excluded(void)
{
    CredHandle ic;
    CtxtHandle ictx, actx;
    if (test_backend_heimdal()) {
        CU_ASSERT_EQUAL(acquire_ex_a("Kerberos, !NTLM", &ic), SEC_E_NO_CREDENTIALS);
        return;
    }
    CU_ASSERT_EQUAL_FATAL(acquire_ex_a("Kerberos, !NTLM", &ic), SEC_E_OK);
    establish(&ic, 0, &ictx, &actx);
    assert_package(&ictx, &actx, "Kerberos");
    delete_both(&ictx, &actx);
}

static void test_package_list_excluding_everything_is_no_credentials(void)
{
    CredHandle ic;
    CU_ASSERT_EQUAL(acquire_ex_a("!Kerberos,!NTLM", &ic), SEC_E_NO_CREDENTIALS);
    CU_ASSERT_EQUAL(acquire_ex_a("pku2u", &ic), SEC_E_NO_CREDENTIALS);
}

/* No KDC to reach and no ticket: Negotiate falls back to NTLM with the password. */
static void test_ntlm_is_chosen_when_kerberos_is_unavailable(void)
{
    CredHandle ic;
    CtxtHandle ictx, actx;
    CU_ASSERT_EQUAL_FATAL(realm_kdestroy(&test_realm), 0);
    CU_ASSERT_EQUAL_FATAL(realm_stop_kdc(&test_realm), 0);
    SECURITY_STATUS s = acquire_ex_a(NULL, &ic);
    /* Heimdal: no NTLM, and its SPNEGO takes no password (README, "Heimdal backend"). */
    CU_ASSERT_EQUAL(s, test_backend_heimdal() ? SEC_E_NO_CREDENTIALS : SEC_E_OK);
    if (test_backend_heimdal() && s == SEC_E_OK)
        FreeCredentialsHandle(&ic);
    if (s == SEC_E_OK && !test_backend_heimdal()) {
        establish(&ic, 0, &ictx, &actx);
        assert_package(&ictx, &actx, "NTLM");
        messages_both_ways(&ictx, &actx);
        delete_both(&ictx, &actx);
    }
    CU_ASSERT_EQUAL_FATAL(realm_start_kdc(&test_realm), 0);
    CU_ASSERT_EQUAL_FATAL(realm_kinit(&test_realm), 0);
}

/* Windows' Negotiate server accepts a client that asked for "Kerberos" (a bare AP-REQ). */
static void test_negotiate_acceptor_takes_a_bare_kerberos_token(void)
{
    CredHandle ic;
    CtxtHandle ictx, actx;
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    establish(&ic, 0, &ictx, &actx);
    assert_package(&ictx, &actx, "Kerberos");
    messages_both_ways(&ictx, &actx);
    delete_both(&ictx, &actx);
}

static void test_negotiate_acceptor_takes_a_bare_ntlm_token(void)
{
    CredHandle ic;
    CtxtHandle ictx, actx;
    SEC_WINNT_AUTH_IDENTITY_A id = {0};
    id.User = (unsigned char *)"user";
    id.UserLength = 4;
    id.Domain = (unsigned char *)test_realm.name;
    id.DomainLength = (ULONG)strlen(test_realm.name);
    id.Password = (unsigned char *)test_realm.password;
    id.PasswordLength = (ULONG)strlen(test_realm.password);
    id.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI;
    if (test_backend_heimdal()) {
        CU_ASSERT_EQUAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"NTLM", SECPKG_CRED_OUTBOUND,
                                                  NULL, &id, NULL, NULL, &ic, NULL),
                        SEC_E_SECPKG_NOT_FOUND);
        return;
    }
    CU_ASSERT_EQUAL_FATAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"NTLM", SECPKG_CRED_OUTBOUND,
                                                    NULL, &id, NULL, NULL, &ic, NULL),
                          SEC_E_OK);
    establish(&ic, 0, &ictx, &actx);
    assert_package(&ictx, &actx, "NTLM");
    messages_both_ways(&ictx, &actx);
    delete_both(&ictx, &actx);
}

static CU_TestInfo tests[] = {
    {"test_kerberos_is_chosen_with_a_ticket_a", test_kerberos_is_chosen_with_a_ticket_a},
    {"test_kerberos_is_chosen_with_a_password_w", test_kerberos_is_chosen_with_a_password_w},
    {"test_ntlm_is_chosen_when_kerberos_is_excluded_a",
     test_ntlm_is_chosen_when_kerberos_is_excluded_a},
    {"test_ntlm_is_chosen_when_only_ntlm_is_listed_w",
     test_ntlm_is_chosen_when_only_ntlm_is_listed_w},
    {"test_kerberos_is_chosen_when_ntlm_is_excluded", test_kerberos_is_chosen_when_ntlm_is_excluded},
    {"test_package_list_excluding_everything_is_no_credentials",
     test_package_list_excluding_everything_is_no_credentials},
    {"test_ntlm_is_chosen_when_kerberos_is_unavailable",
     test_ntlm_is_chosen_when_kerberos_is_unavailable},
    {"test_negotiate_acceptor_takes_a_bare_kerberos_token",
     test_negotiate_acceptor_takes_a_bare_kerberos_token},
    {"test_negotiate_acceptor_takes_a_bare_ntlm_token",
     test_negotiate_acceptor_takes_a_bare_ntlm_token},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("negotiate", suite_init, suite_clean, tests)
