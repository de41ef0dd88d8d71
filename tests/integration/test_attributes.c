/* QueryContextAttributes(Ex)A/W and SetContextAttributesA/W against throwaway realms: every
 * attribute the Kerberos package answers, on a bridge initiator talking to a raw GSSAPI
 * acceptor and on a bridge acceptor talking to a raw GSSAPI initiator, is checked against
 * what GSSAPI reports for the peer context (names, lifetime, authtime, session key and its
 * enctype), in A and W, for aes256-sha1, rc4-hmac and aes256-sha384 session keys. */
#include "bridge/backend.h"
#include "bridge/ctx.h"
#include "bridge/memory.h"
#include "mappings/map_enctype.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"

#include <gssapi/gssapi.h>
#include <gssapi/gssapi_ext.h>
#include <gssapi/gssapi_krb5.h>
#include <security.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TOKEN_MAX 65536

static realm test_realm;
static size_t mem_at_start;

static int suite_init(void)
{
    realm_opts opts = {0};
    opts.enctypes = "aes256-cts-hmac-sha1-96";
    mem_at_start = mem_live_count();
    if (realm_up(&opts, &test_realm) != 0)
        return -1;
    return realm_kinit(&test_realm);
}

static int suite_clean(void)
{
    realm_down(&test_realm);
    return 0;
}

/* ---- Fixtures: a bridge context and the raw GSSAPI context on the other side --------- */

typedef struct pair {
    CtxtHandle h;       /* the bridge's context */
    gss_ctx_id_t peer;  /* the raw GSSAPI peer */
    ULONG attrs;        /* what the bridge's last establishment call reported */
    int initiator;      /* the bridge's role */
    int64_t before, after; /* Unix times around establishment */
} pair;

static gss_name_t import_target(const char *hostbased)
{
    OM_uint32 minor;
    gss_name_t name = GSS_C_NO_NAME;
    gss_buffer_desc buf = {strlen(hostbased), (void *)hostbased};
    CU_ASSERT_EQUAL(gss_import_name(&minor, &buf, GSS_C_NT_HOSTBASED_SERVICE, &name), GSS_S_COMPLETE);
    return name;
}

/* Bridge InitializeSecurityContextA (mutual) against gss_accept_sec_context. */
static void pair_bridge_initiator(pair *p, ULONG req)
{
    CredHandle ic;
    unsigned char tok[TOKEN_MAX];
    OM_uint32 major, minor;
    gss_buffer_desc in, out = GSS_C_EMPTY_BUFFER;
    SECURITY_STATUS st;

    memset(p, 0, sizeof(*p));
    p->peer = GSS_C_NO_CONTEXT;
    p->initiator = 1;
    p->before = (int64_t)time(NULL);
    SecInvalidateHandle(&p->h);
    CU_ASSERT_EQUAL_FATAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL,
                                                    NULL, NULL, NULL, &ic, NULL),
                          SEC_E_OK);
    SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc obd = {SECBUFFER_VERSION, 1, &ob};
    st = InitializeSecurityContextA(&ic, NULL, (SEC_CHAR *)"host/localhost", req | ISC_REQ_MUTUAL_AUTH, 0,
                                    SECURITY_NATIVE_DREP, NULL, 0, &p->h, &obd, &p->attrs, NULL);
    CU_ASSERT_EQUAL_FATAL(st, SEC_I_CONTINUE_NEEDED);
    in.value = tok;
    in.length = ob.cbBuffer;
    major = gss_accept_sec_context(&minor, &p->peer, GSS_C_NO_CREDENTIAL, &in, GSS_C_NO_CHANNEL_BINDINGS,
                                   NULL, NULL, &out, NULL, NULL, NULL);
    CU_ASSERT_EQUAL_FATAL(major, GSS_S_COMPLETE);
    SecBuffer ib = {(ULONG)out.length, SECBUFFER_TOKEN, out.value};
    SecBufferDesc ibd = {SECBUFFER_VERSION, 1, &ib};
    ob = (SecBuffer){sizeof(tok), SECBUFFER_TOKEN, tok};
    st = InitializeSecurityContextA(&ic, &p->h, NULL, req | ISC_REQ_MUTUAL_AUTH, 0, SECURITY_NATIVE_DREP, &ibd,
                                    0, &p->h, &obd, &p->attrs, NULL);
    CU_ASSERT_EQUAL_FATAL(st, SEC_E_OK);
    p->after = (int64_t)time(NULL);
    gss_release_buffer(&minor, &out);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&ic), SEC_E_OK);
}

/* gss_init_sec_context (mutual) against the bridge's AcceptSecurityContext. */
static void pair_bridge_acceptor(pair *p)
{
    CredHandle ac;
    unsigned char tok[TOKEN_MAX];
    OM_uint32 major, minor;
    gss_buffer_desc in = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
    gss_name_t target = import_target("host@localhost");

    memset(p, 0, sizeof(*p));
    p->peer = GSS_C_NO_CONTEXT;
    p->initiator = 0;
    p->before = (int64_t)time(NULL);
    SecInvalidateHandle(&p->h);
    major = gss_init_sec_context(&minor, GSS_C_NO_CREDENTIAL, &p->peer, target, (gss_OID)gss_mech_krb5,
                                 GSS_C_MUTUAL_FLAG | GSS_C_REPLAY_FLAG | GSS_C_SEQUENCE_FLAG |
                                     GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG,
                                 0, GSS_C_NO_CHANNEL_BINDINGS, &in, NULL, &out, NULL, NULL);
    CU_ASSERT_EQUAL_FATAL(major, GSS_S_CONTINUE_NEEDED);
    CU_ASSERT_EQUAL_FATAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_INBOUND, NULL,
                                                    NULL, NULL, NULL, &ac, NULL),
                          SEC_E_OK);
    SecBuffer ib = {(ULONG)out.length, SECBUFFER_TOKEN, out.value};
    SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc ibd = {SECBUFFER_VERSION, 1, &ib}, obd = {SECBUFFER_VERSION, 1, &ob};
    CU_ASSERT_EQUAL_FATAL(AcceptSecurityContext(&ac, NULL, &ibd, 0, SECURITY_NATIVE_DREP, &p->h, &obd,
                                                &p->attrs, NULL),
                          SEC_E_OK);
    p->after = (int64_t)time(NULL);
    gss_release_buffer(&minor, &out);
    in.value = tok;
    in.length = ob.cbBuffer;
    major = gss_init_sec_context(&minor, GSS_C_NO_CREDENTIAL, &p->peer, target, (gss_OID)gss_mech_krb5,
                                 GSS_C_MUTUAL_FLAG, 0, GSS_C_NO_CHANNEL_BINDINGS, &in, NULL, &out, NULL,
                                 NULL);
    CU_ASSERT_EQUAL_FATAL(major, GSS_S_COMPLETE);
    gss_release_buffer(&minor, &out);
    gss_release_name(&minor, &target);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&ac), SEC_E_OK);
}

static void pair_release(pair *p)
{
    OM_uint32 minor;
    CU_ASSERT_EQUAL(DeleteSecurityContext(&p->h), SEC_E_OK);
    gss_delete_sec_context(&minor, &p->peer, GSS_C_NO_BUFFER);
}

/* ---- What GSSAPI says about the peer ---------------------------------------------- */

typedef struct peer_facts {
    char client[512], server[512];
    OM_uint32 lifetime;
    unsigned char key[64];
    size_t key_len;
    int32_t enctype;
    size_t mic_len;
} peer_facts;

static void display(gss_name_t name, char *out, size_t size)
{
    OM_uint32 minor;
    gss_buffer_desc text = GSS_C_EMPTY_BUFFER;
    CU_ASSERT_EQUAL_FATAL(gss_display_name(&minor, name, &text, NULL), GSS_S_COMPLETE);
    CU_ASSERT_FATAL(text.length < size);
    memcpy(out, text.value, text.length);
    out[text.length] = '\0';
    gss_release_buffer(&minor, &text);
}

static void peer_inquire(gss_ctx_id_t peer, peer_facts *f)
{
    OM_uint32 minor;
    gss_name_t src = GSS_C_NO_NAME, targ = GSS_C_NO_NAME;
    gss_buffer_set_t set = GSS_C_NO_BUFFER_SET;
    gss_buffer_desc msg = {5, (void *)"hello"}, mic = GSS_C_EMPTY_BUFFER;

    memset(f, 0, sizeof(*f));
    CU_ASSERT_EQUAL_FATAL(gss_inquire_context(&minor, peer, &src, &targ, &f->lifetime, NULL, NULL, NULL, NULL),
                          GSS_S_COMPLETE);
    display(src, f->client, sizeof(f->client));
    display(targ, f->server, sizeof(f->server));
    gss_release_name(&minor, &src);
    gss_release_name(&minor, &targ);
    CU_ASSERT_EQUAL_FATAL(backend_session_key(&minor, peer, &set),
                          GSS_S_COMPLETE);
    CU_ASSERT_EQUAL_FATAL(set->count, 2);
    CU_ASSERT_FATAL(set->elements[0].length <= sizeof(f->key));
    memcpy(f->key, set->elements[0].value, set->elements[0].length);
    f->key_len = set->elements[0].length;
    CU_ASSERT_EQUAL(map_enctype_from_oid(set->elements[1].value, set->elements[1].length, &f->enctype), 0);
    gss_release_buffer_set(&minor, &set);
    CU_ASSERT_EQUAL(gss_get_mic(&minor, peer, GSS_C_QOP_DEFAULT, &msg, &mic), GSS_S_COMPLETE);
    f->mic_len = mic.length;
    gss_release_buffer(&minor, &mic);
}

/* ---- Comparisons --------------------------------------------------------------------- */

/* A or W string returned by the bridge equals an ASCII string. */
static int str_equal(const void *got, const char *want, int wide)
{
    if (got == NULL)
        return 0;
    if (!wide)
        return strcmp(got, want) == 0;
    const SEC_WCHAR *w = got;
    size_t i;
    for (i = 0; want[i] != '\0'; i++)
        if (w[i] != (SEC_WCHAR)(unsigned char)want[i])
            return 0;
    return w[i] == 0;
}

static int64_t unix_of(const TimeStamp *ts)
{
    int64_t ft = ((int64_t)ts->HighPart << 32) | ts->LowPart;
    time_t now = time(NULL);
    struct tm local;
    localtime_r(&now, &local);
    return ft / 10000000 - 11644473600LL - local.tm_gmtoff;
}

/* Expected KEY_INFO for an enctype, written out from Windows' names and RFC numbers. */
typedef struct key_expect {
    int32_t enctype;
    const char *encrypt_name;
    const char *signature_name;
    ULONG signature_alg;
    ULONG bits;
    size_t key_len;
} key_expect;

static const key_expect key_aes256_sha1 = {18, "AES-256-CTS-HMAC-SHA1-96", "HMAC-SHA1-96-AES256", 16, 256, 32};
static const key_expect key_rc4 = {23, "RSADSI RC4-HMAC(NT)", "HMAC-MD5", 0xFFFFFF76u, 128, 16};
static const key_expect key_aes256_sha384 = {20, "AES-256-CTS-HMAC-SHA384-192", "HMAC-SHA384-192-AES256", 20,
                                             256, 32};

/* Queries one attribute in the A or W form, plain or Ex with the exact size. */
static SECURITY_STATUS query(CtxtHandle *h, ULONG attr, void *buf, size_t size, int wide, int ex)
{
    if (ex)
        return wide ? QueryContextAttributesExW(h, attr, buf, (ULONG)size)
                    : QueryContextAttributesExA(h, attr, buf, (ULONG)size);
    return wide ? QueryContextAttributesW(h, attr, buf) : QueryContextAttributesA(h, attr, buf);
}

static void check_names(pair *p, const peer_facts *f, int wide, int ex)
{
    SecPkgContext_NamesA names = {0};
    CU_ASSERT_EQUAL_FATAL(query(&p->h, SECPKG_ATTR_NAMES, &names, sizeof(names), wide, ex), SEC_E_OK);
    /* The client on both sides, as Windows reports it. */
    CU_ASSERT(str_equal(names.sUserName, f->client, wide));
    CU_ASSERT(str_equal(names.sUserName, test_realm.user, wide));
    CU_ASSERT_EQUAL(FreeContextBuffer(names.sUserName), SEC_E_OK);
}

static void check_native_names(pair *p, const peer_facts *f, int wide, int ex)
{
    SecPkgContext_NativeNamesA nn = {0};
    CU_ASSERT_EQUAL_FATAL(query(&p->h, SECPKG_ATTR_NATIVE_NAMES, &nn, sizeof(nn), wide, ex), SEC_E_OK);
    CU_ASSERT(str_equal(nn.sClientName, f->client, wide));
    CU_ASSERT(str_equal(nn.sServerName, f->server, wide));
    CU_ASSERT_EQUAL(FreeContextBuffer(nn.sClientName), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeContextBuffer(nn.sServerName), SEC_E_OK);
}

static void check_authority(pair *p, int wide, int ex)
{
    SecPkgContext_AuthorityA au = {0};
    CU_ASSERT_EQUAL_FATAL(query(&p->h, SECPKG_ATTR_AUTHORITY, &au, sizeof(au), wide, ex), SEC_E_OK);
    CU_ASSERT(str_equal(au.sAuthorityName, test_realm.name, wide));
    CU_ASSERT_EQUAL(FreeContextBuffer(au.sAuthorityName), SEC_E_OK);
}

static void check_session_key(pair *p, const peer_facts *f, const key_expect *k, int wide, int ex)
{
    SecPkgContext_SessionKey sk = {0};
    CU_ASSERT_EQUAL_FATAL(query(&p->h, SECPKG_ATTR_SESSION_KEY, &sk, sizeof(sk), wide, ex), SEC_E_OK);
    CU_ASSERT_EQUAL(sk.SessionKeyLength, k->key_len);
    CU_ASSERT_EQUAL_FATAL(sk.SessionKeyLength, f->key_len);
    CU_ASSERT_EQUAL(memcmp(sk.SessionKey, f->key, f->key_len), 0);
    CU_ASSERT_EQUAL(FreeContextBuffer(sk.SessionKey), SEC_E_OK);
}

static void check_key_info(pair *p, const peer_facts *f, const key_expect *k, int wide, int ex)
{
    SecPkgContext_KeyInfoA ki = {0};
    CU_ASSERT_EQUAL(f->enctype, k->enctype);
    CU_ASSERT_EQUAL_FATAL(query(&p->h, SECPKG_ATTR_KEY_INFO, &ki, sizeof(ki), wide, ex), SEC_E_OK);
    CU_ASSERT_EQUAL(ki.EncryptAlgorithm, (ULONG)f->enctype);
    CU_ASSERT_EQUAL(ki.SignatureAlgorithm, k->signature_alg);
    CU_ASSERT_EQUAL(ki.KeySize, k->bits);
    CU_ASSERT(str_equal(ki.sEncryptAlgorithmName, k->encrypt_name, wide));
    CU_ASSERT(str_equal(ki.sSignatureAlgorithmName, k->signature_name, wide));
    CU_ASSERT_EQUAL(FreeContextBuffer(ki.sEncryptAlgorithmName), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeContextBuffer(ki.sSignatureAlgorithmName), SEC_E_OK);
}

/* tsStart is when establishment completed, tsExpiry what GSSAPI reports for the bridge's own
 * context (which the peer's lifetime bounds: an MIT acceptor adds the clock-skew grace). */
static void check_lifespan(pair *p, const peer_facts *f, int wide, int ex)
{
    SecPkgContext_Lifespan ls;
    OM_uint32 minor, own = 0;
    memset(&ls, 0, sizeof(ls));
    CU_ASSERT_EQUAL_FATAL(query(&p->h, SECPKG_ATTR_LIFESPAN, &ls, sizeof(ls), wide, ex), SEC_E_OK);
    ctx *c = ctx_get(&p->h);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    CU_ASSERT_EQUAL(gss_inquire_context(&minor, c->gss, NULL, NULL, &own, NULL, NULL, NULL, NULL), GSS_S_COMPLETE);
    ctx_put(c);
    int64_t now = (int64_t)time(NULL);
    int64_t expiry = unix_of(&ls.tsExpiry);
    CU_ASSERT(llabs(expiry - (now + (int64_t)own)) <= 2);
    CU_ASSERT(llabs(expiry - (now + (int64_t)f->lifetime)) <= 300 + 2);
    CU_ASSERT(f->lifetime > 3600);
    CU_ASSERT(unix_of(&ls.tsStart) >= p->before);
    CU_ASSERT(unix_of(&ls.tsStart) <= p->after);
}

static void check_package_info(pair *p, int wide, int ex)
{
    SecPkgContext_PackageInfoA pi = {0};
    PSecPkgInfoA ref = NULL;
    CU_ASSERT_EQUAL_FATAL(QuerySecurityPackageInfoA((SEC_CHAR *)"Kerberos", &ref), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(query(&p->h, SECPKG_ATTR_PACKAGE_INFO, &pi, sizeof(pi), wide, ex), SEC_E_OK);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pi.PackageInfo);
    /* SecPkgInfoA and W differ only in their strings' type. */
    CU_ASSERT_EQUAL(pi.PackageInfo->fCapabilities, ref->fCapabilities);
    CU_ASSERT_EQUAL(pi.PackageInfo->wVersion, ref->wVersion);
    CU_ASSERT_EQUAL(pi.PackageInfo->wRPCID, ref->wRPCID);
    CU_ASSERT_EQUAL(pi.PackageInfo->cbMaxToken, ref->cbMaxToken);
    CU_ASSERT(str_equal(pi.PackageInfo->Name, "Kerberos", wide));
    CU_ASSERT(str_equal(pi.PackageInfo->Comment, ref->Comment, wide));
    /* One block: the strings go with it. */
    CU_ASSERT_EQUAL(FreeContextBuffer(pi.PackageInfo), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeContextBuffer(ref), SEC_E_OK);
}

static void check_negotiation_info(pair *p, ULONG state, int wide, int ex)
{
    SecPkgContext_NegotiationInfoA ni = {0};
    ni.NegotiationState = 0xdeadbeef;
    CU_ASSERT_EQUAL_FATAL(query(&p->h, SECPKG_ATTR_NEGOTIATION_INFO, &ni, sizeof(ni), wide, ex), SEC_E_OK);
    CU_ASSERT_EQUAL(ni.NegotiationState, state);
    CU_ASSERT_PTR_NOT_NULL_FATAL(ni.PackageInfo);
    CU_ASSERT(str_equal(ni.PackageInfo->Name, "Kerberos", wide));
    CU_ASSERT_EQUAL(ni.PackageInfo->wRPCID, 16);
    CU_ASSERT_EQUAL(FreeContextBuffer(ni.PackageInfo), SEC_E_OK);
}

static void check_flags(pair *p, int wide, int ex)
{
    SecPkgContext_Flags fl = {0xdeadbeef};
    CU_ASSERT_EQUAL_FATAL(query(&p->h, SECPKG_ATTR_FLAGS, &fl, sizeof(fl), wide, ex), SEC_E_OK);
    CU_ASSERT_EQUAL(fl.Flags, p->attrs);
    /* sspi.h gives mutual authentication the same bit on both sides (0x2), as Windows does. */
    _Static_assert(ISC_RET_MUTUAL_AUTH == ASC_RET_MUTUAL_AUTH, "one mutual-auth bit for both sides");
    CU_ASSERT(fl.Flags & ISC_RET_MUTUAL_AUTH);
}

/* SIZES must be enough for what the peer's own tokens take. */
static void check_sizes(pair *p, const peer_facts *f, int wide, int ex)
{
    SecPkgContext_Sizes sz;
    memset(&sz, 0, sizeof(sz));
    CU_ASSERT_EQUAL_FATAL(query(&p->h, SECPKG_ATTR_SIZES, &sz, sizeof(sz), wide, ex), SEC_E_OK);
    CU_ASSERT_EQUAL(sz.cbMaxToken, 48000);
    CU_ASSERT(sz.cbMaxSignature >= f->mic_len);
    CU_ASSERT(sz.cbSecurityTrailer > 0);
}

static void check_last_client_token(pair *p, int wide, int ex)
{
    SecPkgContext_LastClientTokenStatus lc;
    lc.LastClientTokenStatus = SecPkgAttrLastClientTokenMaybe;
    CU_ASSERT_EQUAL(query(&p->h, SECPKG_ATTR_LAST_CLIENT_TOKEN_STATUS, &lc, sizeof(lc), wide, ex), SEC_E_OK);
    CU_ASSERT_EQUAL(lc.LastClientTokenStatus, SecPkgAttrLastClientTokenYes);
}

static void check_client_specified_target(pair *p, const peer_facts *f, int wide, int ex)
{
    SecPkgContext_ClientSpecifiedTarget t = {0};
    SECURITY_STATUS st = query(&p->h, SECPKG_ATTR_CLIENT_SPECIFIED_TARGET, &t, sizeof(t), wide, ex);
    if (p->initiator) {
        CU_ASSERT_EQUAL(st, SEC_E_UNSUPPORTED_FUNCTION);
        CU_ASSERT_PTR_NULL(t.sTargetName);
        return;
    }
    CU_ASSERT_EQUAL_FATAL(st, SEC_E_OK);
    /* A SEC_WCHAR string in both forms. */
    CU_ASSERT(str_equal(t.sTargetName, f->server, 1));
    CU_ASSERT_EQUAL(FreeContextBuffer(t.sTargetName), SEC_E_OK);
}

/* Every attribute, A and W, plain and Ex, against the peer's facts. */
static void check_every_attribute(pair *p, const key_expect *k)
{
    peer_facts f;
    size_t before = mem_live_count();
    peer_inquire(p->peer, &f);
    CU_ASSERT_STRING_EQUAL(f.client, test_realm.user);
    for (int wide = 0; wide <= 1; wide++) {
        for (int ex = 0; ex <= 1; ex++) {
            check_sizes(p, &f, wide, ex);
            check_names(p, &f, wide, ex);
            check_native_names(p, &f, wide, ex);
            check_authority(p, wide, ex);
            check_session_key(p, &f, k, wide, ex);
            check_key_info(p, &f, k, wide, ex);
            check_lifespan(p, &f, wide, ex);
            check_package_info(p, wide, ex);
            check_negotiation_info(p, SECPKG_NEGOTIATION_COMPLETE, wide, ex);
            check_flags(p, wide, ex);
            check_last_client_token(p, wide, ex);
            check_client_specified_target(p, &f, wide, ex);
        }
    }
    CU_ASSERT_EQUAL(mem_live_count(), before);
}

static void check_initiator(const key_expect *k)
{
    pair p;
    pair_bridge_initiator(&p, ISC_REQ_CONFIDENTIALITY | ISC_REQ_INTEGRITY | ISC_REQ_REPLAY_DETECT |
                                  ISC_REQ_SEQUENCE_DETECT);
    check_every_attribute(&p, k);
    pair_release(&p);
}

static void check_acceptor(const key_expect *k)
{
    pair p;
    pair_bridge_acceptor(&p);
    check_every_attribute(&p, k);
    pair_release(&p);
}

static void (*in_realm_fn)(const key_expect *);

static void in_realm_call(void *k)
{
    in_realm_fn(k);
}

/* Runs fn in a realm of its own whose clients ask for one enctype, then goes back to the
 * suite's realm. */
static void in_realm(const char *enctypes, void (*fn)(const key_expect *), const key_expect *k)
{
    realm r;
    realm_opts opts = {0};
    opts.enctypes = enctypes;
    CU_ASSERT_EQUAL_FATAL(realm_up(&opts, &r), 0);
    /* Both realms have the same name; the names the checks expect do not change. The checks
     * run on a fresh thread: Heimdal reads krb5.conf once per thread (test_main.h). */
    if (realm_kinit(&r) == 0) {
        in_realm_fn = fn;
        test_in_fresh_thread(in_realm_call, (void *)k);
    } else
        CU_FAIL("kinit in the second realm");
    realm_down(&r);
    CU_ASSERT_EQUAL(realm_activate(&test_realm), 0);
}

/* ---- Tests ---------------------------------------------------------------------------- */

static void test_initiator_attributes_match_gssapi_aes256_sha1(void)
{
    check_initiator(&key_aes256_sha1);
}

static void test_acceptor_attributes_match_gssapi_aes256_sha1(void)
{
    check_acceptor(&key_aes256_sha1);
}

static void test_initiator_attributes_match_gssapi_rc4_hmac(void)
{
    in_realm("rc4-hmac", check_initiator, &key_rc4);
}

static void test_acceptor_attributes_match_gssapi_rc4_hmac(void)
{
    in_realm("rc4-hmac", check_acceptor, &key_rc4);
}

static void test_initiator_attributes_match_gssapi_aes256_sha384(void)
{
    in_realm("aes256-cts-hmac-sha384-192", check_initiator, &key_aes256_sha384);
}

static void test_acceptor_attributes_match_gssapi_aes256_sha384(void)
{
    in_realm("aes256-cts-hmac-sha384-192", check_acceptor, &key_aes256_sha384);
}

/* A context after the first of two legs: what the bridge keeps answers, GSSAPI's does not. */
static void test_context_being_established_answers_what_is_known(void)
{
    CredHandle ic;
    CtxtHandle h;
    ULONG attrs = 0;
    unsigned char tok[TOKEN_MAX];
    pair p;
    CU_ASSERT_EQUAL_FATAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL,
                                                    NULL, NULL, NULL, &ic, NULL),
                          SEC_E_OK);
    SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc obd = {SECBUFFER_VERSION, 1, &ob};
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&ic, NULL, (SEC_CHAR *)"host/localhost", ISC_REQ_MUTUAL_AUTH,
                                                     0, SECURITY_NATIVE_DREP, NULL, 0, &h, &obd, &attrs, NULL),
                          SEC_I_CONTINUE_NEEDED);
    p.h = h;
    p.attrs = attrs;
    p.initiator = 1;
    for (int wide = 0; wide <= 1; wide++) {
        check_flags(&p, wide, 0);
        check_package_info(&p, wide, 0);
        check_negotiation_info(&p, SECPKG_NEGOTIATION_IN_PROGRESS, wide, 0);
        /* The AP-REQ is the client's only token when DCE style is off. */
        check_last_client_token(&p, wide, 0);
    }
    SecPkgContext_Sizes sz;
    SecPkgContext_NamesA names = {0};
    SecPkgContext_SessionKey sk = {0};
    SecPkgContext_Lifespan ls;
    CU_ASSERT_EQUAL(QueryContextAttributesA(&h, SECPKG_ATTR_SIZES, &sz), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&h, SECPKG_ATTR_NAMES, &names), SEC_E_INVALID_HANDLE);
    CU_ASSERT_PTR_NULL(names.sUserName);
    CU_ASSERT_EQUAL(QueryContextAttributesW(&h, SECPKG_ATTR_SESSION_KEY, &sk), SEC_E_INVALID_HANDLE);
    CU_ASSERT_PTR_NULL(sk.SessionKey);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&h, SECPKG_ATTR_LIFESPAN, &ls), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&h), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&ic), SEC_E_OK);
}

static void test_dce_style_client_is_not_done_after_its_first_token(void)
{
    CredHandle ic;
    CtxtHandle h;
    ULONG attrs = 0;
    unsigned char tok[TOKEN_MAX];
    SecPkgContext_LastClientTokenStatus lc;
    CU_ASSERT_EQUAL_FATAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL,
                                                    NULL, NULL, NULL, &ic, NULL),
                          SEC_E_OK);
    SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
    SecBufferDesc obd = {SECBUFFER_VERSION, 1, &ob};
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&ic, NULL, (SEC_CHAR *)"host/localhost",
                                                     ISC_REQ_MUTUAL_AUTH | ISC_REQ_USE_DCE_STYLE, 0,
                                                     SECURITY_NATIVE_DREP, NULL, 0, &h, &obd, &attrs, NULL),
                          SEC_I_CONTINUE_NEEDED);
    CU_ASSERT_EQUAL(QueryContextAttributesW(&h, SECPKG_ATTR_LAST_CLIENT_TOKEN_STATUS, &lc), SEC_E_OK);
    CU_ASSERT_EQUAL(lc.LastClientTokenStatus, SecPkgAttrLastClientTokenNo);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&h), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&ic), SEC_E_OK);
}

static void test_attributes_kerberos_lacks_are_unsupported(void)
{
    static const ULONG none[] = {SECPKG_ATTR_STREAM_SIZES, SECPKG_ATTR_DCE_INFO, SECPKG_ATTR_ACCESS_TOKEN,
                                 SECPKG_ATTR_PASSWORD_EXPIRY, SECPKG_ATTR_TARGET_INFORMATION,
                                 SECPKG_ATTR_TARGET, SECPKG_ATTR_PROTO_INFO, SECPKG_ATTR_NEGO_KEYS,
                                 SECPKG_ATTR_APPLICATION_PROTOCOL, 0x7777, 0x80000086 /* CREDS_2 */};
    unsigned char buf[512];
    pair p;
    pair_bridge_initiator(&p, 0);
    size_t before = mem_live_count();
    for (size_t i = 0; i < sizeof(none) / sizeof(none[0]); i++) {
        memset(buf, 0xAA, sizeof(buf));
        CU_ASSERT_EQUAL(QueryContextAttributesA(&p.h, none[i], buf), SEC_E_UNSUPPORTED_FUNCTION);
        CU_ASSERT_EQUAL(QueryContextAttributesW(&p.h, none[i], buf), SEC_E_UNSUPPORTED_FUNCTION);
        CU_ASSERT_EQUAL(QueryContextAttributesExA(&p.h, none[i], buf, sizeof(buf)), SEC_E_UNSUPPORTED_FUNCTION);
        CU_ASSERT_EQUAL(QueryContextAttributesExW(&p.h, none[i], buf, sizeof(buf)), SEC_E_UNSUPPORTED_FUNCTION);
        CU_ASSERT_EQUAL(buf[0], 0xAA);
    }
    CU_ASSERT_EQUAL(mem_live_count(), before);
    pair_release(&p);
}

static void test_null_buffer_is_invalid_parameter(void)
{
    pair p;
    pair_bridge_initiator(&p, 0);
    CU_ASSERT_EQUAL(QueryContextAttributesA(&p.h, SECPKG_ATTR_NAMES, NULL), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(QueryContextAttributesW(&p.h, SECPKG_ATTR_FLAGS, NULL), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(QueryContextAttributesExA(&p.h, SECPKG_ATTR_SIZES, NULL, 16), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(QueryContextAttributesExW(&p.h, SECPKG_ATTR_KEY_INFO, NULL, 32), SEC_E_INVALID_PARAMETER);
    pair_release(&p);
}

static void test_bad_handles_are_invalid_handle(void)
{
    SecPkgContext_Flags fl;
    CtxtHandle zero = {0, 0}, stale;
    CredHandle ch;
    pair p;
    CU_ASSERT_EQUAL(QueryContextAttributesA(NULL, SECPKG_ATTR_FLAGS, &fl), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(QueryContextAttributesW(&zero, SECPKG_ATTR_FLAGS, &fl), SEC_E_INVALID_HANDLE);
    pair_bridge_initiator(&p, 0);
    stale = p.h;
    pair_release(&p);
    CU_ASSERT_EQUAL(QueryContextAttributesExA(&stale, SECPKG_ATTR_FLAGS, &fl, sizeof(fl)), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL, NULL, NULL,
                                              NULL, &ch, NULL),
                    SEC_E_OK);
    CU_ASSERT_EQUAL(QueryContextAttributesExW(&ch, SECPKG_ATTR_FLAGS, &fl, sizeof(fl)), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(SetContextAttributesA(&ch, SECPKG_ATTR_FLAGS, &fl, sizeof(fl)), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(SetContextAttributesW(&stale, SECPKG_ATTR_FLAGS, &fl, sizeof(fl)), SEC_E_INVALID_HANDLE);
    FreeCredentialsHandle(&ch);
}

static void test_ex_buffer_smaller_than_structure_is_refused_untouched(void)
{
    unsigned char buf[64];
    pair p;
    pair_bridge_acceptor(&p);
    size_t before = mem_live_count();
    memset(buf, 0xAA, sizeof(buf));
    CU_ASSERT_EQUAL(QueryContextAttributesExA(&p.h, SECPKG_ATTR_KEY_INFO, buf, sizeof(SecPkgContext_KeyInfoA) - 1),
                    SEC_E_INSUFFICIENT_MEMORY);
    CU_ASSERT_EQUAL(QueryContextAttributesExW(&p.h, SECPKG_ATTR_NATIVE_NAMES, buf, sizeof(SecPkgContext_NativeNamesW) - 1),
                    SEC_E_INSUFFICIENT_MEMORY);
    CU_ASSERT_EQUAL(QueryContextAttributesExA(&p.h, SECPKG_ATTR_FLAGS, buf, 0), SEC_E_INSUFFICIENT_MEMORY);
    CU_ASSERT_EQUAL(QueryContextAttributesExW(&p.h, SECPKG_ATTR_SESSION_KEY, buf, 8), SEC_E_INSUFFICIENT_MEMORY);
    for (size_t i = 0; i < sizeof(buf); i++)
        CU_ASSERT_EQUAL(buf[i], 0xAA);
    CU_ASSERT_EQUAL(mem_live_count(), before);
    /* A larger buffer is fine: only the structure is written. */
    CU_ASSERT_EQUAL(QueryContextAttributesExA(&p.h, SECPKG_ATTR_FLAGS, buf, sizeof(buf)), SEC_E_OK);
    CU_ASSERT_EQUAL(buf[sizeof(SecPkgContext_Flags)], 0xAA);
    pair_release(&p);
}

static void test_set_context_attributes_is_unsupported(void)
{
    SecPkgContext_Flags fl = {0};
    pair p;
    pair_bridge_initiator(&p, 0);
    CU_ASSERT_EQUAL(SetContextAttributesA(&p.h, SECPKG_ATTR_FLAGS, &fl, sizeof(fl)), SEC_E_UNSUPPORTED_FUNCTION);
    CU_ASSERT_EQUAL(SetContextAttributesW(&p.h, SECPKG_ATTR_DTLS_MTU, &fl, sizeof(fl)), SEC_E_UNSUPPORTED_FUNCTION);
    CU_ASSERT_EQUAL(SetContextAttributesA(&p.h, 0x7777, NULL, 0), SEC_E_UNSUPPORTED_FUNCTION);
    pair_release(&p);
}

static void test_function_tables_point_at_the_attribute_functions(void)
{
    PSecurityFunctionTableA a = InitSecurityInterfaceA();
    PSecurityFunctionTableW w = InitSecurityInterfaceW();
    CU_ASSERT_PTR_EQUAL(a->QueryContextAttributesA, QueryContextAttributesA);
    CU_ASSERT_PTR_EQUAL(a->QueryContextAttributesExA, QueryContextAttributesExA);
    CU_ASSERT_PTR_EQUAL(a->SetContextAttributesA, SetContextAttributesA);
    CU_ASSERT_PTR_EQUAL(w->QueryContextAttributesW, QueryContextAttributesW);
    CU_ASSERT_PTR_EQUAL(w->QueryContextAttributesExW, QueryContextAttributesExW);
    CU_ASSERT_PTR_EQUAL(w->SetContextAttributesW, SetContextAttributesW);
}

static void test_nothing_handed_out_leaks(void)
{
    CU_ASSERT_EQUAL(mem_live_count(), mem_at_start);
}

static CU_TestInfo tests[] = {
    {"initiator attributes match GSSAPI (aes256-sha1)", test_initiator_attributes_match_gssapi_aes256_sha1},
    {"acceptor attributes match GSSAPI (aes256-sha1)", test_acceptor_attributes_match_gssapi_aes256_sha1},
    {"initiator attributes match GSSAPI (rc4-hmac)", test_initiator_attributes_match_gssapi_rc4_hmac},
    {"acceptor attributes match GSSAPI (rc4-hmac)", test_acceptor_attributes_match_gssapi_rc4_hmac},
    {"initiator attributes match GSSAPI (aes256-sha384)", test_initiator_attributes_match_gssapi_aes256_sha384},
    {"acceptor attributes match GSSAPI (aes256-sha384)", test_acceptor_attributes_match_gssapi_aes256_sha384},
    {"context being established answers what is known", test_context_being_established_answers_what_is_known},
    {"DCE-style client is not done after its first token", test_dce_style_client_is_not_done_after_its_first_token},
    {"attributes Kerberos lacks are SEC_E_UNSUPPORTED_FUNCTION", test_attributes_kerberos_lacks_are_unsupported},
    {"NULL pBuffer is SEC_E_INVALID_PARAMETER", test_null_buffer_is_invalid_parameter},
    {"bad handles are SEC_E_INVALID_HANDLE", test_bad_handles_are_invalid_handle},
    {"Ex buffer smaller than the structure is refused, untouched", test_ex_buffer_smaller_than_structure_is_refused_untouched},
    {"SetContextAttributes is SEC_E_UNSUPPORTED_FUNCTION", test_set_context_attributes_is_unsupported},
    {"function tables point at the attribute functions", test_function_tables_point_at_the_attribute_functions},
    {"nothing handed out leaks", test_nothing_handed_out_leaks},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("context attributes", suite_init, suite_clean, tests)
