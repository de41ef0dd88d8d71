/* The NTLM package over gss-ntlmssp against a throwaway realm's NTLM user file
 * (NTLM_USER_FILE, written by tests/realm/sspibridge-realm; the NTLM domain is the realm's
 * name): establishment in both roles bridge to bridge and against raw GSSAPI with the NTLM
 * mechanism, A and W, Windows' NTLM sizes, every message layout both ways, and each error
 * with its exact status. */
#include "tests/common/establish.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_ext.h>
#include <security.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOKEN_MAX 8192

/* 1.3.6.1.4.1.311.2.2.10 (MS-NLMP, gss-ntlmssp) */
static gss_OID_desc ntlm_oid = {10, (void *)"\x2b\x06\x01\x04\x01\x82\x37\x02\x02\x0a"};

/* What an SSPI program asks for to protect messages with NTLM. */
#define ISC_MSG (ISC_REQ_CONFIDENTIALITY | ISC_REQ_INTEGRITY | ISC_REQ_REPLAY_DETECT | \
                 ISC_REQ_SEQUENCE_DETECT)
#define ASC_MSG (ASC_REQ_CONFIDENTIALITY | ASC_REQ_INTEGRITY | ASC_REQ_REPLAY_DETECT | \
                 ASC_REQ_SEQUENCE_DETECT)
#define GSS_MSG (GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG)

static realm test_realm;

static int suite_init(void)
{
    return realm_up(NULL, &test_realm);
}

static int suite_clean(void)
{
    realm_down(&test_realm);
    return 0;
}

/* ---- Credentials --------------------------------------------------------------------- */

static SECURITY_STATUS acquire_user_a(const char *user, const char *password, CredHandle *out)
{
    SEC_WINNT_AUTH_IDENTITY_A id = {0};
    id.User = (unsigned char *)user;
    id.UserLength = (ULONG)strlen(user);
    id.Domain = (unsigned char *)test_realm.name;
    id.DomainLength = (ULONG)strlen(test_realm.name);
    id.Password = (unsigned char *)password;
    id.PasswordLength = (ULONG)strlen(password);
    id.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI;
    return AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"NTLM", SECPKG_CRED_OUTBOUND, NULL, &id,
                                     NULL, NULL, out, NULL);
}

static SECURITY_STATUS acquire_user_w(CredHandle *out)
{
    SEC_WCHAR domain[256];
    size_t i;
    for (i = 0; test_realm.name[i] != '\0'; i++)
        domain[i] = (SEC_WCHAR)test_realm.name[i];
    domain[i] = 0;
    SEC_WINNT_AUTH_IDENTITY_EXW id = {0};
    id.Version = SEC_WINNT_AUTH_IDENTITY_VERSION;
    id.Length = sizeof(id);
    id.User = (unsigned short *)u"user2";
    id.UserLength = 5;
    id.Domain = domain;
    id.DomainLength = (ULONG)i;
    id.Password = (unsigned short *)u"user2pass";
    id.PasswordLength = 9;
    id.Flags = SEC_WINNT_AUTH_IDENTITY_UNICODE;
    return AcquireCredentialsHandleW(NULL, (SEC_WCHAR *)u"NTLM", SECPKG_CRED_OUTBOUND, NULL, &id,
                                     NULL, NULL, out, NULL);
}

/* A bridge pair: user (A) or user2 (W) to an NTLM acceptor. */
static void pair(int wide, CtxtHandle *ictx, CtxtHandle *actx)
{
    CredHandle ic, ac;
    est_result res;
    est_opts opts = {ISC_MSG, ASC_MSG, NULL, NULL, wide};
    SECURITY_STATUS s = wide ? acquire_user_w(&ic) : acquire_user_a("user", test_realm.password, &ic);
    CU_ASSERT_EQUAL_FATAL(s, SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("NTLM", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_run(&ic, &ac, "host/localhost", &opts, ictx, actx, &res), 0);
    /* NTLM is three legs: NEGOTIATE, CHALLENGE, AUTHENTICATE. */
    CU_ASSERT_EQUAL(res.isc_calls, 2);
    CU_ASSERT_EQUAL(res.asc_calls, 2);
    CU_ASSERT(res.isc_attrs & ISC_RET_CONFIDENTIALITY);
    CU_ASSERT(res.asc_attrs & ASC_RET_CONFIDENTIALITY);
    FreeCredentialsHandle(&ic);
    FreeCredentialsHandle(&ac);
}

static void unpair(CtxtHandle *ictx, CtxtHandle *actx)
{
    CU_ASSERT_EQUAL(DeleteSecurityContext(ictx), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(actx), SEC_E_OK);
}

/* ---- Raw GSSAPI peers ----------------------------------------------------------------- */

/* A bridge initiator (user, A) and a raw gss-ntlmssp acceptor. */
static void bridge_to_raw(CtxtHandle *ictx, gss_ctx_id_t *g)
{
    static unsigned char tok[TOKEN_MAX];
    CredHandle ic;
    ULONG attrs;
    OM_uint32 major = GSS_S_CONTINUE_NEEDED, minor;
    SECURITY_STATUS s = SEC_I_CONTINUE_NEEDED;
    gss_buffer_desc in, reply = GSS_C_EMPTY_BUFFER;
    gss_OID_set_desc mechs = {1, &ntlm_oid};
    gss_cred_id_t acred = GSS_C_NO_CREDENTIAL;
    int first = 1;

    *g = GSS_C_NO_CONTEXT;
    CU_ASSERT_EQUAL_FATAL(gss_acquire_cred(&minor, GSS_C_NO_NAME, GSS_C_INDEFINITE, &mechs,
                                           GSS_C_ACCEPT, &acred, NULL, NULL),
                          GSS_S_COMPLETE);
    CU_ASSERT_EQUAL_FATAL(acquire_user_a("user", test_realm.password, &ic), SEC_E_OK);
    for (int round = 0; round < 4 && (s == SEC_I_CONTINUE_NEEDED || major == GSS_S_CONTINUE_NEEDED);
         round++) {
        ULONG out_len = 0;
        if (s == SEC_I_CONTINUE_NEEDED) {
            SecBuffer ib = {(ULONG)reply.length, SECBUFFER_TOKEN, reply.value};
            SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
            SecBufferDesc ibd = {SECBUFFER_VERSION, 1, &ib}, obd = {SECBUFFER_VERSION, 1, &ob};
            s = InitializeSecurityContextA(&ic, first ? NULL : ictx, (SEC_CHAR *)"host/localhost",
                                           ISC_MSG, 0, SECURITY_NATIVE_DREP, first ? NULL : &ibd,
                                           0, ictx, &obd, &attrs, NULL);
            first = 0;
            CU_ASSERT_FATAL(s == SEC_E_OK || s == SEC_I_CONTINUE_NEEDED);
            out_len = ob.cbBuffer;
        }
        gss_release_buffer(&minor, &reply);
        if (out_len > 0 && major == GSS_S_CONTINUE_NEEDED) {
            in.value = tok;
            in.length = out_len;
            major = gss_accept_sec_context(&minor, g, acred, &in, GSS_C_NO_CHANNEL_BINDINGS, NULL,
                                           NULL, &reply, NULL, NULL, NULL);
            CU_ASSERT_FATAL(!GSS_ERROR(major));
        }
    }
    gss_release_buffer(&minor, &reply);
    CU_ASSERT_EQUAL_FATAL(s, SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(major, GSS_S_COMPLETE);
    FreeCredentialsHandle(&ic);
    gss_release_cred(&minor, &acred);
}

/* A raw gss-ntlmssp initiator (user2 with its password) and a bridge acceptor. */
static void raw_to_bridge(CtxtHandle *actx, gss_ctx_id_t *g)
{
    static unsigned char tok[TOKEN_MAX];
    CredHandle ac;
    ULONG attrs;
    OM_uint32 major = GSS_S_CONTINUE_NEEDED, minor;
    SECURITY_STATUS s = SEC_I_CONTINUE_NEEDED;
    char user[600];
    gss_buffer_desc namebuf = {strlen("host@localhost"), (void *)"host@localhost"};
    gss_buffer_desc userbuf, pw = {strlen(test_realm.password2), test_realm.password2};
    gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
    gss_OID_set_desc mechs = {1, &ntlm_oid};
    gss_name_t target, uname;
    gss_cred_id_t icred = GSS_C_NO_CREDENTIAL;
    int first = 1;

    *g = GSS_C_NO_CONTEXT;
    snprintf(user, sizeof(user), "%s\\user2", test_realm.name);
    userbuf.value = user;
    userbuf.length = strlen(user);
    CU_ASSERT_EQUAL_FATAL(gss_import_name(&minor, &namebuf, GSS_C_NT_HOSTBASED_SERVICE, &target),
                          GSS_S_COMPLETE);
    CU_ASSERT_EQUAL_FATAL(gss_import_name(&minor, &userbuf, GSS_C_NT_USER_NAME, &uname),
                          GSS_S_COMPLETE);
    CU_ASSERT_EQUAL_FATAL(gss_acquire_cred_with_password(&minor, uname, &pw, GSS_C_INDEFINITE,
                                                         &mechs, GSS_C_INITIATE, &icred, NULL,
                                                         NULL),
                          GSS_S_COMPLETE);
    CU_ASSERT_EQUAL_FATAL(est_acquire("NTLM", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    for (int round = 0; round < 4 && (s == SEC_I_CONTINUE_NEEDED || major == GSS_S_CONTINUE_NEEDED);
         round++) {
        if (major == GSS_S_CONTINUE_NEEDED) {
            major = gss_init_sec_context(&minor, icred, g, target, &ntlm_oid, GSS_MSG, 0,
                                         GSS_C_NO_CHANNEL_BINDINGS, &in, NULL, &out, NULL, NULL);
            CU_ASSERT_FATAL(!GSS_ERROR(major));
        }
        in.length = 0;
        if (out.length > 0 && s == SEC_I_CONTINUE_NEEDED) {
            SecBuffer ib = {(ULONG)out.length, SECBUFFER_TOKEN, out.value};
            SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
            SecBufferDesc ibd = {SECBUFFER_VERSION, 1, &ib}, obd = {SECBUFFER_VERSION, 1, &ob};
            s = AcceptSecurityContext(&ac, first ? NULL : actx, &ibd, ASC_MSG, SECURITY_NATIVE_DREP,
                                      actx, &obd, &attrs, NULL);
            first = 0;
            CU_ASSERT_FATAL(s == SEC_E_OK || s == SEC_I_CONTINUE_NEEDED);
            in.value = tok;
            in.length = ob.cbBuffer;
        }
        gss_release_buffer(&minor, &out);
    }
    CU_ASSERT_EQUAL_FATAL(s, SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(major, GSS_S_COMPLETE);
    gss_release_name(&minor, &target);
    gss_release_name(&minor, &uname);
    gss_release_cred(&minor, &icred);
    FreeCredentialsHandle(&ac);
}

static void raw_delete(gss_ctx_id_t *g)
{
    OM_uint32 minor;
    gss_delete_sec_context(&minor, g, GSS_C_NO_BUFFER);
}

/* ---- Message helpers ------------------------------------------------------------------ */

/* EncryptMessage(TOKEN | DATA) of msg; *wire = TOKEN || DATA (the mechanism's wrap token). */
static size_t seal(CtxtHandle *c, const char *msg, unsigned char *wire)
{
    size_t len = strlen(msg);
    unsigned char data[256];
    memcpy(data, msg, len);
    SecBuffer b[2] = {{16, SECBUFFER_TOKEN, wire}, {(ULONG)len, SECBUFFER_DATA, data}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(c, 0, &d, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(b[0].cbBuffer, 16);
    CU_ASSERT_EQUAL(b[1].cbBuffer, len);
    /* Sealed in place. */
    CU_ASSERT(memcmp(data, msg, len) != 0);
    memcpy(wire + b[0].cbBuffer, data, len);
    return b[0].cbBuffer + len;
}

/* DecryptMessage(STREAM | DATA) of wire; checks the plaintext. */
static SECURITY_STATUS unseal_stream(CtxtHandle *c, unsigned char *wire, size_t len,
                                     const char *expect)
{
    SecBuffer b[2] = {{(ULONG)len, SECBUFFER_STREAM, wire}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    ULONG qop = 7;
    SECURITY_STATUS s = DecryptMessage(c, &d, 0, &qop);
    if (s == SEC_E_OK && expect != NULL) {
        CU_ASSERT_EQUAL(qop, 0);
        CU_ASSERT_EQUAL(b[1].cbBuffer, strlen(expect));
        CU_ASSERT_PTR_EQUAL(b[1].pvBuffer, wire + 16);
        CU_ASSERT(b[1].pvBuffer != NULL && memcmp(b[1].pvBuffer, expect, strlen(expect)) == 0);
    }
    return s;
}

/* ---- Tests: establishment ------------------------------------------------------------- */

static void test_ntlm_establishes_a_and_reports_ntlm(void)
{
    CtxtHandle ictx, actx;
    SecPkgContext_NegotiationInfoA neg = {0};
    SecPkgContext_PackageInfoA pi = {0};
    SecPkgContext_NamesA names = {0};
    pair(0, &ictx, &actx);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&ictx, SECPKG_ATTR_NEGOTIATION_INFO, &neg), SEC_E_OK);
    CU_ASSERT_EQUAL(neg.NegotiationState, SECPKG_NEGOTIATION_COMPLETE);
    CU_ASSERT_STRING_EQUAL(neg.PackageInfo->Name, "NTLM");
    FreeContextBuffer(neg.PackageInfo);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&actx, SECPKG_ATTR_PACKAGE_INFO, &pi), SEC_E_OK);
    CU_ASSERT_STRING_EQUAL(pi.PackageInfo->Name, "NTLM");
    CU_ASSERT_EQUAL(pi.PackageInfo->cbMaxToken, 2888);
    FreeContextBuffer(pi.PackageInfo);
    if (QueryContextAttributesA(&actx, SECPKG_ATTR_NAMES, &names) == SEC_E_OK) {
        CU_ASSERT_PTR_NOT_NULL(strstr(names.sUserName, "user"));
        FreeContextBuffer(names.sUserName);
    }
    unpair(&ictx, &actx);
}

static void test_ntlm_establishes_w(void)
{
    CtxtHandle ictx, actx;
    SecPkgContext_NegotiationInfoW neg = {0};
    pair(1, &ictx, &actx);
    CU_ASSERT_EQUAL(QueryContextAttributesW(&actx, SECPKG_ATTR_NEGOTIATION_INFO, &neg), SEC_E_OK);
    CU_ASSERT(neg.PackageInfo != NULL && neg.PackageInfo->Name[0] == 'N' &&
              neg.PackageInfo->Name[1] == 'T' && neg.PackageInfo->Name[4] == 0);
    FreeContextBuffer(neg.PackageInfo);
    unpair(&ictx, &actx);
}

static void test_sizes_are_windows_ntlm_values(void)
{
    CtxtHandle ictx, actx;
    SecPkgContext_Sizes sz = {0};
    pair(0, &ictx, &actx);
    CtxtHandle *both[2] = {&ictx, &actx};
    for (int i = 0; i < 2; i++) {
        CU_ASSERT_EQUAL(QueryContextAttributesA(both[i], SECPKG_ATTR_SIZES, &sz), SEC_E_OK);
        CU_ASSERT_EQUAL(sz.cbMaxToken, 2888);
        CU_ASSERT_EQUAL(sz.cbMaxSignature, 16);
        CU_ASSERT_EQUAL(sz.cbSecurityTrailer, 16);
        CU_ASSERT_EQUAL(sz.cbBlockSize, 0);
    }
    unpair(&ictx, &actx);
}

/* An identity the acceptor's user database refuses: only the acceptor can tell, since the
 * client's AUTHENTICATE message is its last word. */
static void expect_logon_denied(const char *user, const char *password)
{
    CredHandle ic, ac;
    CtxtHandle ictx, actx;
    est_result res;
    est_opts opts = {ISC_MSG, ASC_MSG, NULL, NULL, 0};
    CU_ASSERT_EQUAL_FATAL(acquire_user_a(user, password, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("NTLM", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    CU_ASSERT_NOT_EQUAL(est_run(&ic, &ac, "host/localhost", &opts, &ictx, &actx, &res), 0);
    CU_ASSERT_EQUAL(res.failed_side, 2);
    CU_ASSERT_EQUAL(res.asc_status, SEC_E_LOGON_DENIED);
    DeleteSecurityContext(&ictx);
    DeleteSecurityContext(&actx);
    FreeCredentialsHandle(&ic);
    FreeCredentialsHandle(&ac);
}

static void test_wrong_password_is_logon_denied(void)
{
    expect_logon_denied("user", "wrongpass");
}

static void test_unknown_user_is_logon_denied(void)
{
    expect_logon_denied("nobody", "nopass");
}

/* ---- Tests: messages bridge to bridge ------------------------------------------------- */

static void test_encrypt_token_data_both_ways_a_and_w(void)
{
    for (int wide = 0; wide < 2; wide++) {
        CtxtHandle ictx, actx;
        unsigned char wire[512];
        size_t n;
        pair(wide, &ictx, &actx);
        n = seal(&ictx, "client to server", wire);
        CU_ASSERT_EQUAL(unseal_stream(&actx, wire, n, "client to server"), SEC_E_OK);
        n = seal(&actx, "server to client", wire);
        CU_ASSERT_EQUAL(unseal_stream(&ictx, wire, n, "server to client"), SEC_E_OK);
        unpair(&ictx, &actx);
    }
}

static void test_decrypt_token_data_and_padding_layout(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[16], pad[8], data[5] = "hello";
    pair(0, &ictx, &actx);
    /* PADDING | DATA | TOKEN, found by type: NTLM pads nothing. */
    SecBuffer b[3] = {{sizeof(pad), SECBUFFER_PADDING, pad},
                      {5, SECBUFFER_DATA, data},
                      {sizeof(tok), SECBUFFER_TOKEN, tok}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(&ictx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(b[0].cbBuffer, 0);
    CU_ASSERT_EQUAL(b[2].cbBuffer, 16);
    /* Windows' NTLM signature: version 1 first (MS-NLMP 2.2.2.9.1). */
    CU_ASSERT_EQUAL(tok[0], 1);
    SecBuffer r[2] = {{16, SECBUFFER_TOKEN, tok}, {5, SECBUFFER_DATA, data}};
    SecBufferDesc rd = {SECBUFFER_VERSION, 2, r};
    CU_ASSERT_EQUAL(DecryptMessage(&actx, &rd, 0, NULL), SEC_E_OK);
    CU_ASSERT_EQUAL(memcmp(data, "hello", 5), 0);
    unpair(&ictx, &actx);
}

static void test_several_data_buffers_are_one_message(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[16], a[4] = "abcd", b2[3] = "efg", wire[64];
    pair(0, &ictx, &actx);
    SecBuffer b[3] = {{16, SECBUFFER_TOKEN, tok}, {4, SECBUFFER_DATA, a}, {3, SECBUFFER_DATA, b2}};
    SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
    CU_ASSERT_EQUAL_FATAL(EncryptMessage(&actx, 0, &d, 0), SEC_E_OK);
    memcpy(wire, tok, 16);
    memcpy(wire + 16, a, 4);
    memcpy(wire + 20, b2, 3);
    CU_ASSERT_EQUAL(unseal_stream(&ictx, wire, 23, "abcdefg"), SEC_E_OK);
    unpair(&ictx, &actx);
}

static void test_sign_and_verify_both_ways_either_order(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[16], data[] = "signed data";
    pair(0, &ictx, &actx);
    SecBuffer b[2] = {{sizeof(data), SECBUFFER_DATA, data}, {16, SECBUFFER_TOKEN, tok}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&ictx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(b[1].cbBuffer, 16);
    CU_ASSERT_EQUAL(memcmp(data, "signed data", sizeof(data)), 0);
    SecBuffer r[2] = {{16, SECBUFFER_TOKEN, tok}, {sizeof(data), SECBUFFER_DATA, data}};
    SecBufferDesc rd = {SECBUFFER_VERSION, 2, r};
    ULONG qop = 7;
    CU_ASSERT_EQUAL(VerifySignature(&actx, &rd, 0, &qop), SEC_E_OK);
    CU_ASSERT_EQUAL(qop, 0);
    b[1].cbBuffer = 16;
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&actx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(VerifySignature(&ictx, &rd, 0, NULL), SEC_E_OK);
    unpair(&ictx, &actx);
}

static void test_tampered_message_is_message_altered(void)
{
    CtxtHandle ictx, actx;
    unsigned char wire[512];
    pair(0, &ictx, &actx);
    size_t n = seal(&ictx, "do not touch", wire);
    wire[n - 1] ^= 0x01;
    CU_ASSERT_EQUAL(unseal_stream(&actx, wire, n, NULL), SEC_E_MESSAGE_ALTERED);
    unpair(&ictx, &actx);
}

/* A message the context has already accepted is out of sequence, not altered (Windows'
 * NTLM answers SEC_E_OUT_OF_SEQUENCE), and refusing it leaves the context working: the
 * next message still decrypts. */
static void test_replayed_message_is_out_of_sequence(void)
{
    CtxtHandle ictx, actx;
    unsigned char wire[512], again[512];
    pair(0, &ictx, &actx);
    size_t n = seal(&ictx, "first", wire);
    memcpy(again, wire, n);
    CU_ASSERT_EQUAL(unseal_stream(&actx, wire, n, "first"), SEC_E_OK);
    CU_ASSERT_EQUAL(unseal_stream(&actx, again, n, NULL), SEC_E_OUT_OF_SEQUENCE);
    n = seal(&ictx, "second", wire);
    CU_ASSERT_EQUAL(unseal_stream(&actx, wire, n, "second"), SEC_E_OK);
    unpair(&ictx, &actx);
}

static void test_replayed_signature_is_out_of_sequence(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[16], data[] = "signed";
    pair(0, &ictx, &actx);
    SecBuffer b[2] = {{16, SECBUFFER_TOKEN, tok}, {sizeof(data), SECBUFFER_DATA, data}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&ictx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), SEC_E_OK);
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), SEC_E_OUT_OF_SEQUENCE);
    b[0].cbBuffer = 16;
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&ictx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), SEC_E_OK);
    unpair(&ictx, &actx);
}

static void test_tampered_signature_is_message_altered(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[16], data[] = "signed";
    pair(0, &ictx, &actx);
    SecBuffer b[2] = {{16, SECBUFFER_TOKEN, tok}, {sizeof(data), SECBUFFER_DATA, data}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&ictx, 0, &d, 0), SEC_E_OK);
    data[0] ^= 0x20;
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), SEC_E_MESSAGE_ALTERED);
    unpair(&ictx, &actx);
}

static void test_cut_tokens_are_incomplete_or_invalid(void)
{
    CtxtHandle ictx, actx;
    unsigned char wire[512], tok[16] = {1}, data[] = "x";
    pair(0, &ictx, &actx);
    size_t n = seal(&ictx, "cut", wire);
    (void)n;
    CU_ASSERT_EQUAL(unseal_stream(&actx, wire, 16, NULL), SEC_E_INCOMPLETE_MESSAGE);
    SecBuffer b[2] = {{8, SECBUFFER_TOKEN, tok}, {sizeof(data), SECBUFFER_DATA, data}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), SEC_E_INVALID_TOKEN);
    unpair(&ictx, &actx);
}

static void test_short_token_buffer_is_buffer_too_small(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[16], data[] = "data";
    pair(0, &ictx, &actx);
    SecBuffer b[2] = {{15, SECBUFFER_TOKEN, tok}, {4, SECBUFFER_DATA, data}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, 0, &d, 0), SEC_E_BUFFER_TOO_SMALL);
    CU_ASSERT_EQUAL(MakeSignature(&ictx, 0, &d, 0), SEC_E_BUFFER_TOO_SMALL);
    /* Nothing was used up: the next message still decrypts in sequence. */
    unsigned char wire[64];
    size_t n = seal(&ictx, "next", wire);
    CU_ASSERT_EQUAL(unseal_stream(&actx, wire, n, "next"), SEC_E_OK);
    unpair(&ictx, &actx);
}

static void test_unsupported_wraps_are_refused(void)
{
    CtxtHandle ictx, actx;
    unsigned char tok[16], data[] = "data", hdr[] = "hdr";
    pair(0, &ictx, &actx);
    SecBuffer b[3] = {{16, SECBUFFER_TOKEN, tok}, {4, SECBUFFER_DATA, data},
                      {3, SECBUFFER_DATA | SECBUFFER_READONLY_WITH_CHECKSUM, hdr}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, SECQOP_WRAP_NO_ENCRYPT, &d, 0), SEC_E_QOP_NOT_SUPPORTED);
    d.cBuffers = 3;
    CU_ASSERT_EQUAL(EncryptMessage(&ictx, 0, &d, 0), SEC_E_UNSUPPORTED_FUNCTION);
    /* A signature covers READONLY buffers too. */
    CU_ASSERT_EQUAL(MakeSignature(&ictx, 0, &d, 0), SEC_E_OK);
    CU_ASSERT_EQUAL(VerifySignature(&actx, &d, 0, NULL), SEC_E_OK);
    unpair(&ictx, &actx);
}

/* ---- Tests: against raw GSSAPI -------------------------------------------------------- */

static void test_bridge_initiator_with_raw_acceptor_messages(void)
{
    CtxtHandle ictx;
    gss_ctx_id_t g;
    OM_uint32 major, minor;
    unsigned char wire[512];
    gss_buffer_desc in, out = GSS_C_EMPTY_BUFFER, msg;
    int conf = 0;
    bridge_to_raw(&ictx, &g);

    /* EncryptMessage's TOKEN || DATA is gss-ntlmssp's wrap token. */
    size_t n = seal(&ictx, "to raw", wire);
    in.value = wire;
    in.length = n;
    major = gss_unwrap(&minor, g, &in, &out, &conf, NULL);
    CU_ASSERT_EQUAL(major, GSS_S_COMPLETE);
    CU_ASSERT(out.length == 6 && memcmp(out.value, "to raw", 6) == 0);
    gss_release_buffer(&minor, &out);

    /* And gss_wrap's token is DecryptMessage's stream. */
    msg.value = (void *)"from raw";
    msg.length = 8;
    CU_ASSERT_EQUAL_FATAL(gss_wrap(&minor, g, 1, GSS_C_QOP_DEFAULT, &msg, NULL, &out),
                          GSS_S_COMPLETE);
    memcpy(wire, out.value, out.length);
    CU_ASSERT_EQUAL(unseal_stream(&ictx, wire, out.length, "from raw"), SEC_E_OK);
    gss_release_buffer(&minor, &out);

    /* MIC from raw, verified by the bridge. */
    CU_ASSERT_EQUAL_FATAL(gss_get_mic(&minor, g, GSS_C_QOP_DEFAULT, &msg, &out), GSS_S_COMPLETE);
    SecBuffer vb[2] = {{8, SECBUFFER_DATA, msg.value}, {(ULONG)out.length, SECBUFFER_TOKEN, out.value}};
    SecBufferDesc vd = {SECBUFFER_VERSION, 2, vb};
    CU_ASSERT_EQUAL(VerifySignature(&ictx, &vd, 0, NULL), SEC_E_OK);
    gss_release_buffer(&minor, &out);
    raw_delete(&g);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&ictx), SEC_E_OK);
}

static void test_raw_initiator_with_bridge_acceptor_messages(void)
{
    CtxtHandle actx;
    gss_ctx_id_t g;
    OM_uint32 minor;
    unsigned char wire[512], tok[16], data[] = "signed by bridge";
    gss_buffer_desc in, out = GSS_C_EMPTY_BUFFER, msg = {6, (void *)"hi srv"};
    SecPkgContext_NegotiationInfoA neg = {0};
    raw_to_bridge(&actx, &g);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&actx, SECPKG_ATTR_NEGOTIATION_INFO, &neg), SEC_E_OK);
    CU_ASSERT_STRING_EQUAL(neg.PackageInfo->Name, "NTLM");
    FreeContextBuffer(neg.PackageInfo);

    CU_ASSERT_EQUAL_FATAL(gss_wrap(&minor, g, 1, GSS_C_QOP_DEFAULT, &msg, NULL, &out),
                          GSS_S_COMPLETE);
    memcpy(wire, out.value, out.length);
    CU_ASSERT_EQUAL(unseal_stream(&actx, wire, out.length, "hi srv"), SEC_E_OK);
    gss_release_buffer(&minor, &out);

    size_t n = seal(&actx, "hi client", wire);
    in.value = wire;
    in.length = n;
    CU_ASSERT_EQUAL(gss_unwrap(&minor, g, &in, &out, NULL, NULL), GSS_S_COMPLETE);
    CU_ASSERT(out.length == 9 && memcmp(out.value, "hi client", 9) == 0);
    gss_release_buffer(&minor, &out);

    SecBuffer b[2] = {{sizeof(data), SECBUFFER_DATA, data}, {16, SECBUFFER_TOKEN, tok}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    CU_ASSERT_EQUAL_FATAL(MakeSignature(&actx, 0, &d, 0), SEC_E_OK);
    gss_buffer_desc m = {sizeof(data), data}, t = {b[1].cbBuffer, tok};
    CU_ASSERT_EQUAL(gss_verify_mic(&minor, g, &m, &t, NULL), GSS_S_COMPLETE);
    raw_delete(&g);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&actx), SEC_E_OK);
}

static CU_TestInfo tests[] = {
    {"test_ntlm_establishes_a_and_reports_ntlm", test_ntlm_establishes_a_and_reports_ntlm},
    {"test_ntlm_establishes_w", test_ntlm_establishes_w},
    {"test_sizes_are_windows_ntlm_values", test_sizes_are_windows_ntlm_values},
    {"test_wrong_password_is_logon_denied", test_wrong_password_is_logon_denied},
    {"test_unknown_user_is_logon_denied", test_unknown_user_is_logon_denied},
    {"test_encrypt_token_data_both_ways_a_and_w", test_encrypt_token_data_both_ways_a_and_w},
    {"test_decrypt_token_data_and_padding_layout", test_decrypt_token_data_and_padding_layout},
    {"test_several_data_buffers_are_one_message", test_several_data_buffers_are_one_message},
    {"test_sign_and_verify_both_ways_either_order", test_sign_and_verify_both_ways_either_order},
    {"test_tampered_message_is_message_altered", test_tampered_message_is_message_altered},
    {"test_tampered_signature_is_message_altered", test_tampered_signature_is_message_altered},
    {"test_replayed_message_is_out_of_sequence", test_replayed_message_is_out_of_sequence},
    {"test_replayed_signature_is_out_of_sequence", test_replayed_signature_is_out_of_sequence},
    {"test_cut_tokens_are_incomplete_or_invalid", test_cut_tokens_are_incomplete_or_invalid},
    {"test_short_token_buffer_is_buffer_too_small", test_short_token_buffer_is_buffer_too_small},
    {"test_unsupported_wraps_are_refused", test_unsupported_wraps_are_refused},
    {"test_bridge_initiator_with_raw_acceptor_messages",
     test_bridge_initiator_with_raw_acceptor_messages},
    {"test_raw_initiator_with_bridge_acceptor_messages",
     test_raw_initiator_with_bridge_acceptor_messages},
    CU_TEST_INFO_NULL,
};

/* Heimdal: the bridge does not offer NTLM (Heimdal's own NTLM mechanism takes no password
 * credentials; README, "Heimdal backend"). The package is absent, exactly as on a machine
 * without gss-ntlmssp. */
static void test_ntlm_is_not_offered_on_heimdal(void)
{
    ULONG n = 0;
    PSecPkgInfoA info = NULL;
    CredHandle cred;
    CU_ASSERT_STRING_EQUAL(sspibridge_backend(), "heimdal");
    CU_ASSERT_EQUAL_FATAL(EnumerateSecurityPackagesA(&n, &info), SEC_E_OK);
    for (ULONG i = 0; i < n; i++)
        CU_ASSERT_NOT_EQUAL(strcmp(info[i].Name, "NTLM"), 0);
    CU_ASSERT_EQUAL(FreeContextBuffer(info), SEC_E_OK);
    CU_ASSERT_EQUAL(QuerySecurityPackageInfoA((SEC_CHAR *)"NTLM", &info), SEC_E_SECPKG_NOT_FOUND);
    CU_ASSERT_EQUAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"NTLM", SECPKG_CRED_OUTBOUND, NULL,
                                              NULL, NULL, NULL, &cred, NULL),
                    SEC_E_SECPKG_NOT_FOUND);
    CU_ASSERT_EQUAL(AcquireCredentialsHandleW(NULL, (SEC_WCHAR *)u"ntlm", SECPKG_CRED_INBOUND, NULL,
                                              NULL, NULL, NULL, &cred, NULL),
                    SEC_E_SECPKG_NOT_FOUND);
}

static CU_TestInfo heimdal_tests[] = {
    {"NTLM is not offered on Heimdal", test_ntlm_is_not_offered_on_heimdal},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("ntlm", suite_init, suite_clean, test_backend_heimdal() ? heimdal_tests : tests)
