/* The throwaway realm harness works: the realm comes up, its environment is right, the
 * KDC issues tickets, the keytab holds what the later suites rely on, a GSSAPI context
 * establishes against it, and it goes away without a trace.
 *
 * Tests run in the order listed; the last ones take the realm down. */
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"

#include <errno.h>
#include <gssapi/gssapi.h>
#include <gssapi/gssapi_krb5.h>
#include <krb5.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static realm g_realm;

static int suite_init(void)
{
    return realm_up(NULL, &g_realm) == 0 ? 0 : -1;
}

static int suite_clean(void)
{
    realm_down(&g_realm);
    return 0;
}

/* ---- helpers ---------------------------------------------------------------------------- */

static int file_exists(const char *path)
{
    struct stat st;

    return path != NULL && stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The value of an environment variable with a leading "FILE:" removed. */
static const char *env_path(const char *name)
{
    const char *v = getenv(name);

    if (v != NULL && strncmp(v, "FILE:", 5) == 0)
        v += 5;
    return v;
}

static int is_under_realm_dir(const char *path)
{
    size_t n = strlen(g_realm.dir);

    return path != NULL && n > 0 && strncmp(path, g_realm.dir, n) == 0 && path[n] == '/';
}

static void report_krb5(krb5_context ctx, const char *what, krb5_error_code code)
{
    if (code != 0) {
        const char *msg = krb5_get_error_message(ctx, code);

        fprintf(stderr, "\n  %s: %s (%ld)\n", what, msg, (long)code);
        krb5_free_error_message(ctx, msg);
    }
}

static void report_gss(const char *what, OM_uint32 major, OM_uint32 minor)
{
    OM_uint32 min2, ctx = 0;
    gss_buffer_desc text;

    fprintf(stderr, "\n  %s: major 0x%08x minor %u", what, major, minor);
    do {
        if (GSS_ERROR(gss_display_status(&min2, minor, GSS_C_MECH_CODE, gss_mech_krb5, &ctx,
                                         &text)))
            break;
        fprintf(stderr, ": %.*s", (int)text.length, (const char *)text.value);
        gss_release_buffer(&min2, &text);
    } while (ctx != 0);
    fputc('\n', stderr);
}

/* Initial credentials for principal/password; *creds filled on success. */
static krb5_error_code get_tgt(krb5_context ctx, const char *principal, const char *password,
                               krb5_creds *creds)
{
    krb5_principal client = NULL;
    krb5_error_code code;

    memset(creds, 0, sizeof(*creds));
    code = krb5_parse_name(ctx, principal, &client);
    if (code == 0)
        code = krb5_get_init_creds_password(ctx, creds, client, password, NULL, NULL, 0,
                                            NULL, NULL);
    krb5_free_principal(ctx, client);
    return code;
}

/* A service ticket for spn, got with the user's password through a memory cache. */
static krb5_error_code get_service_ticket(krb5_context ctx, const char *user,
                                          const char *password, const char *spn,
                                          krb5_creds **out, krb5_enctype *tgt_enctype)
{
    krb5_ccache cc = NULL;
    krb5_creds tgt, in;
    krb5_error_code code;

    *out = NULL;
    memset(&in, 0, sizeof(in));
    code = get_tgt(ctx, user, password, &tgt);
    if (code != 0)
        return code;
    code = krb5_cc_new_unique(ctx, "MEMORY", NULL, &cc);
    if (code == 0)
        code = krb5_cc_initialize(ctx, cc, tgt.client);
    if (code == 0)
        code = krb5_cc_store_cred(ctx, cc, &tgt);
    if (code == 0)
        code = krb5_copy_principal(ctx, tgt.client, &in.client);
    if (code == 0)
        code = krb5_parse_name(ctx, spn, &in.server);
    if (code == 0)
        code = krb5_get_credentials(ctx, 0, cc, &in, out);
    if (tgt_enctype != NULL)
        *tgt_enctype = tgt.keyblock.enctype;
    krb5_free_cred_contents(ctx, &in);
    krb5_free_cred_contents(ctx, &tgt);
    if (cc != NULL)
        krb5_cc_destroy(ctx, cc);
    return code;
}

static krb5_enctype ticket_enctype(krb5_context ctx, const krb5_creds *creds)
{
    krb5_ticket *tkt = NULL;
    krb5_enctype e = 0;

    if (krb5_decode_ticket(&creds->ticket, &tkt) == 0) {
        e = tkt->enc_part.enctype;
        krb5_free_ticket(ctx, tkt);
    }
    return e;
}

static int keytab_has(krb5_context ctx, const char *principal, krb5_enctype enctype,
                      krb5_error_code *code_out)
{
    krb5_keytab kt = NULL;
    krb5_principal p = NULL;
    krb5_keytab_entry entry;
    krb5_error_code code;

    code = krb5_kt_default(ctx, &kt);
    if (code == 0)
        code = krb5_parse_name(ctx, principal, &p);
    if (code == 0) {
        code = krb5_kt_get_entry(ctx, kt, p, 0, enctype, &entry);
        if (code == 0)
            krb5_free_keytab_entry_contents(ctx, &entry);
    }
    krb5_free_principal(ctx, p);
    if (kt != NULL)
        krb5_kt_close(ctx, kt);
    if (code_out != NULL)
        *code_out = code;
    return code == 0;
}

static void principal_at_realm(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s@%s", name, g_realm.name);
}

/* An established pair of GSSAPI contexts, initiator and acceptor, in this process. */
typedef struct gss_pair {
    gss_ctx_id_t init, accept;
    gss_name_t source;
    OM_uint32 init_flags, accept_flags;
    OM_uint32 major, minor; /* the failing call's status */
    int accept_failed;      /* 1 if gss_accept_sec_context failed */
} gss_pair;

/* Default initiator credentials (the realm's ccache) to target (host-based service
 * name), default acceptor credentials (the realm's keytab).  0 when both are complete. */
static int establish(const char *target, gss_pair *p)
{
    OM_uint32 maj, min, min2, req = GSS_C_MUTUAL_FLAG | GSS_C_CONF_FLAG | GSS_C_INTEG_FLAG |
                                  GSS_C_SEQUENCE_FLAG | GSS_C_REPLAY_FLAG;
    gss_buffer_desc name_buf = { strlen(target), (void *)(uintptr_t)target };
    gss_buffer_desc itok = GSS_C_EMPTY_BUFFER, atok = GSS_C_EMPTY_BUFFER;
    gss_name_t tname = GSS_C_NO_NAME;
    int init_done = 0, accept_done = 0, rounds;

    memset(p, 0, sizeof(*p));
    p->init = p->accept = GSS_C_NO_CONTEXT;
    p->source = GSS_C_NO_NAME;
    maj = gss_import_name(&min, &name_buf, GSS_C_NT_HOSTBASED_SERVICE, &tname);
    if (GSS_ERROR(maj)) {
        p->major = maj, p->minor = min;
        return -1;
    }
    for (rounds = 0; rounds < 5 && !(init_done && accept_done); rounds++) {
        if (!init_done) {
            maj = gss_init_sec_context(&min, GSS_C_NO_CREDENTIAL, &p->init, tname,
                                       gss_mech_krb5, req, 0, GSS_C_NO_CHANNEL_BINDINGS,
                                       &atok, NULL, &itok, &p->init_flags, NULL);
            gss_release_buffer(&min2, &atok);
            if (GSS_ERROR(maj)) {
                p->major = maj, p->minor = min;
                break;
            }
            init_done = !(maj & GSS_S_CONTINUE_NEEDED);
        }
        if (itok.length > 0) {
            maj = gss_accept_sec_context(&min, &p->accept, GSS_C_NO_CREDENTIAL, &itok,
                                         GSS_C_NO_CHANNEL_BINDINGS, &p->source, NULL, &atok,
                                         &p->accept_flags, NULL, NULL);
            gss_release_buffer(&min2, &itok);
            if (GSS_ERROR(maj)) {
                p->major = maj, p->minor = min;
                p->accept_failed = 1;
                break;
            }
            accept_done = !(maj & GSS_S_CONTINUE_NEEDED);
        }
    }
    gss_release_buffer(&min, &itok);
    gss_release_buffer(&min, &atok);
    gss_release_name(&min, &tname);
    return init_done && accept_done && p->major == 0 ? 0 : -1;
}

static void release_pair(gss_pair *p)
{
    OM_uint32 min;

    gss_delete_sec_context(&min, &p->init, GSS_C_NO_BUFFER);
    gss_delete_sec_context(&min, &p->accept, GSS_C_NO_BUFFER);
    gss_release_name(&min, &p->source);
}

/* ---- the realm comes up ------------------------------------------------------------------- */

static void test_realm_comes_up_with_running_kdc(void)
{
    CU_ASSERT_STRING_EQUAL(g_realm.name, "SSPIBRIDGE.TEST");
    CU_ASSERT(g_realm.port > 0 && g_realm.port < 65536);
    CU_ASSERT(realm_pid_alive(g_realm.kdc_pid));
    CU_ASSERT_EQUAL(g_realm.dir[0], '/');
}

static void test_env_points_at_existing_files_in_realm_dir(void)
{
    static const char *const files[] = { "KRB5_CONFIG", "KRB5_KDC_PROFILE", "KRB5_KTNAME",
                                         "SSPIBRIDGE_REALM_USER_KEYTAB",
                                         "SSPIBRIDGE_REALM_KDC_LOG" };
    struct stat st;

    for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
        const char *path = env_path(files[i]);

        if (!file_exists(path) || !is_under_realm_dir(path))
            fprintf(stderr, "\n  %s=%s\n", files[i], path ? path : "(unset)");
        CU_ASSERT(file_exists(path));
        CU_ASSERT(is_under_realm_dir(path));
    }
    CU_ASSERT_PTR_NOT_NULL_FATAL(getenv("SSPIBRIDGE_REALM_DIR"));
    CU_ASSERT_STRING_EQUAL(getenv("SSPIBRIDGE_REALM_DIR"), g_realm.dir);
    CU_ASSERT(stat(g_realm.dir, &st) == 0 && S_ISDIR(st.st_mode));
    CU_ASSERT(is_under_realm_dir(env_path("KRB5CCNAME")));
    CU_ASSERT(is_under_realm_dir(env_path("KRB5_CLIENT_KTNAME")));
    CU_ASSERT(is_under_realm_dir(getenv("KRB5RCACHEDIR")));
}

static void test_env_names_the_test_principals(void)
{
    char want[600];

    principal_at_realm(want, sizeof(want), "user");
    CU_ASSERT_STRING_EQUAL(getenv("SSPIBRIDGE_TEST_USER"), want);
    CU_ASSERT_STRING_EQUAL(g_realm.user, want);
    principal_at_realm(want, sizeof(want), "user2");
    CU_ASSERT_STRING_EQUAL(getenv("SSPIBRIDGE_TEST_USER2"), want);
    CU_ASSERT_STRING_EQUAL(g_realm.password, "userpass");
    CU_ASSERT_STRING_EQUAL(g_realm.password2, "user2pass");
    CU_ASSERT_STRING_EQUAL(getenv("SSPIBRIDGE_TEST_HOST"), "localhost");
    CU_ASSERT_STRING_EQUAL(getenv("SSPIBRIDGE_TEST_SERVICE"), "host");
}

static void test_krb5_library_sees_the_realm_as_default(void)
{
    krb5_context ctx;
    char *def = NULL;

    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    CU_ASSERT_EQUAL(krb5_get_default_realm(ctx, &def), 0);
    if (def != NULL)
        CU_ASSERT_STRING_EQUAL(def, g_realm.name);
    krb5_free_default_realm(ctx, def);
    krb5_free_context(ctx);
}

static void test_ccache_is_empty_at_start(void)
{
    CU_ASSERT_FALSE(file_exists(env_path("KRB5CCNAME")));
}

static void test_no_initiator_credentials_without_kinit(void)
{
    OM_uint32 maj, min;
    gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;

    /* No TGT and no client keytab: MIT must not find credentials on its own. The krb5
     * mechanism only: gss-ntlmssp finds initiator credentials in NTLM_USER_FILE. */
    gss_OID_set_desc krb5_only = { 1, (gss_OID)gss_mech_krb5 };
    maj = gss_acquire_cred(&min, GSS_C_NO_NAME, GSS_C_INDEFINITE, &krb5_only,
                           GSS_C_INITIATE, &cred, NULL, NULL);
    CU_ASSERT(GSS_ERROR(maj));
    gss_release_cred(&min, &cred);
}

/* ---- the KDC ------------------------------------------------------------------------------ */

static void test_user_gets_tgt_with_password(void)
{
    krb5_context ctx;
    krb5_creds creds;
    krb5_error_code code;
    char *server = NULL;
    char want[600];

    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    code = get_tgt(ctx, g_realm.user, g_realm.password, &creds);
    report_krb5(ctx, "krb5_get_init_creds_password", code);
    CU_ASSERT_EQUAL(code, 0);
    if (code == 0) {
        snprintf(want, sizeof(want), "krbtgt/%s@%s", g_realm.name, g_realm.name);
        CU_ASSERT_EQUAL(krb5_unparse_name(ctx, creds.server, &server), 0);
        if (server != NULL)
            CU_ASSERT_STRING_EQUAL(server, want);
        krb5_free_unparsed_name(ctx, server);
        krb5_free_cred_contents(ctx, &creds);
    }
    krb5_free_context(ctx);
}

static void test_tgt_is_forwardable(void)
{
    krb5_context ctx;
    krb5_creds creds;
    krb5_error_code code;

    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    code = get_tgt(ctx, g_realm.user, g_realm.password, &creds);
    CU_ASSERT_EQUAL(code, 0);
    if (code == 0) {
        CU_ASSERT(creds.ticket_flags & TKT_FLG_FORWARDABLE);
        krb5_free_cred_contents(ctx, &creds);
    }
    krb5_free_context(ctx);
}

static void test_user2_gets_tgt_with_password(void)
{
    krb5_context ctx;
    krb5_creds creds;
    krb5_error_code code;

    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    code = get_tgt(ctx, g_realm.user2, g_realm.password2, &creds);
    report_krb5(ctx, "krb5_get_init_creds_password(user2)", code);
    CU_ASSERT_EQUAL(code, 0);
    if (code == 0)
        krb5_free_cred_contents(ctx, &creds);
    krb5_free_context(ctx);
}

static void test_wrong_password_is_refused(void)
{
    krb5_context ctx;
    krb5_creds creds;
    krb5_error_code code;

    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    code = get_tgt(ctx, g_realm.user, "not-the-password", &creds);
    CU_ASSERT(code == KRB5KDC_ERR_PREAUTH_FAILED || code == KRB5KRB_AP_ERR_BAD_INTEGRITY);
    if (code == 0)
        krb5_free_cred_contents(ctx, &creds);
    krb5_free_context(ctx);
}

static void check_ok_as_delegate(const char *spn, int expected)
{
    krb5_context ctx;
    krb5_creds *svc = NULL;
    krb5_error_code code;

    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    code = get_service_ticket(ctx, g_realm.user, g_realm.password, spn, &svc, NULL);
    report_krb5(ctx, spn, code);
    CU_ASSERT_EQUAL(code, 0);
    if (svc != NULL) {
        CU_ASSERT_EQUAL(!!(svc->ticket_flags & TKT_FLG_OK_AS_DELEGATE), expected);
        krb5_free_creds(ctx, svc);
    }
    krb5_free_context(ctx);
}

static void test_http_ticket_is_ok_as_delegate(void)
{
    check_ok_as_delegate("HTTP/localhost", 1);
}

static void test_cifs_ticket_is_not_ok_as_delegate(void)
{
    check_ok_as_delegate("cifs/localhost", 0);
}

static void test_host_ticket_is_not_ok_as_delegate(void)
{
    check_ok_as_delegate("host/localhost", 0);
}

static void test_kdc_issues_tickets_for_nokey(void)
{
    check_ok_as_delegate("nokey/localhost", 0);
}

/* ---- the keytab --------------------------------------------------------------------------- */

static void test_keytab_holds_host_http_and_cifs(void)
{
    static const char *const names[] = { "host/localhost", "HTTP/localhost",
                                         "cifs/localhost" };
    krb5_context ctx;
    krb5_error_code code;
    char princ[600];

    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
        principal_at_realm(princ, sizeof(princ), names[i]);
        CU_ASSERT(keytab_has(ctx, princ, 0, &code));
        report_krb5(ctx, princ, code);
    }
    krb5_free_context(ctx);
}

static void test_keytab_lacks_nokey(void)
{
    krb5_context ctx;
    krb5_error_code code;
    char princ[600];

    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    principal_at_realm(princ, sizeof(princ), "nokey/localhost");
    CU_ASSERT_FALSE(keytab_has(ctx, princ, 0, &code));
    CU_ASSERT_EQUAL(code, KRB5_KT_NOTFOUND);
    krb5_free_context(ctx);
}

static void test_keytab_holds_every_default_enctype(void)
{
    static const krb5_enctype enctypes[] = {
        ENCTYPE_AES256_CTS_HMAC_SHA1_96,    ENCTYPE_AES128_CTS_HMAC_SHA1_96,
        ENCTYPE_AES256_CTS_HMAC_SHA384_192, ENCTYPE_AES128_CTS_HMAC_SHA256_128,
        ENCTYPE_CAMELLIA256_CTS_CMAC,       ENCTYPE_CAMELLIA128_CTS_CMAC,
        ENCTYPE_ARCFOUR_HMAC,
    };
    krb5_context ctx;
    char princ[600];

    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    principal_at_realm(princ, sizeof(princ), "host/localhost");
    for (size_t i = 0; i < sizeof(enctypes) / sizeof(enctypes[0]); i++) {
        int has = keytab_has(ctx, princ, enctypes[i], NULL);

        if (!has)
            fprintf(stderr, "\n  no key of enctype %d\n", (int)enctypes[i]);
        CU_ASSERT(has);
    }
    krb5_free_context(ctx);
}

static void test_user_keytab_holds_user_key(void)
{
    krb5_context ctx;
    krb5_keytab kt = NULL;
    krb5_principal p = NULL;
    krb5_keytab_entry entry;

    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    CU_ASSERT_EQUAL(krb5_kt_resolve(ctx, g_realm.user_keytab, &kt), 0);
    CU_ASSERT_EQUAL(krb5_parse_name(ctx, g_realm.user, &p), 0);
    if (kt != NULL && p != NULL) {
        CU_ASSERT_EQUAL(krb5_kt_get_entry(ctx, kt, p, 0, 0, &entry), 0);
        krb5_free_keytab_entry_contents(ctx, &entry);
    }
    krb5_free_principal(ctx, p);
    if (kt != NULL)
        krb5_kt_close(ctx, kt);
    krb5_free_context(ctx);
}

/* ---- the credential cache ----------------------------------------------------------------- */

static void test_realm_kinit_puts_user_tgt_in_ccache(void)
{
    krb5_context ctx;
    krb5_ccache cc = NULL;
    krb5_principal p = NULL;
    char *name = NULL;

    CU_ASSERT_EQUAL_FATAL(realm_kinit(&g_realm), 0);
    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    CU_ASSERT_EQUAL(krb5_cc_default(ctx, &cc), 0);
    if (cc != NULL) {
        CU_ASSERT_EQUAL(krb5_cc_get_principal(ctx, cc, &p), 0);
        if (p != NULL && krb5_unparse_name(ctx, p, &name) == 0)
            CU_ASSERT_STRING_EQUAL(name, g_realm.user);
        krb5_free_unparsed_name(ctx, name);
        krb5_free_principal(ctx, p);
        krb5_cc_close(ctx, cc);
    }
    krb5_free_context(ctx);
}

static void test_realm_kdestroy_empties_ccache(void)
{
    CU_ASSERT_EQUAL_FATAL(realm_kinit(&g_realm), 0);
    CU_ASSERT_TRUE(file_exists(env_path("KRB5CCNAME")));
    CU_ASSERT_EQUAL(realm_kdestroy(&g_realm), 0);
    CU_ASSERT_FALSE(file_exists(env_path("KRB5CCNAME")));
}

/* ---- GSSAPI ------------------------------------------------------------------------------- */

static void test_acceptor_cred_for_host_comes_from_keytab(void)
{
    OM_uint32 maj, min;
    gss_buffer_desc nb = { sizeof("host@localhost") - 1, (void *)"host@localhost" };
    gss_name_t name = GSS_C_NO_NAME;
    gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;

    maj = gss_import_name(&min, &nb, GSS_C_NT_HOSTBASED_SERVICE, &name);
    CU_ASSERT_FATAL(!GSS_ERROR(maj));
    maj = gss_acquire_cred(&min, name, GSS_C_INDEFINITE, GSS_C_NO_OID_SET, GSS_C_ACCEPT,
                           &cred, NULL, NULL);
    if (GSS_ERROR(maj))
        report_gss("gss_acquire_cred(host@localhost, accept)", maj, min);
    CU_ASSERT(!GSS_ERROR(maj));
    gss_release_cred(&min, &cred);
    gss_release_name(&min, &name);
}

static void test_acceptor_cred_for_nokey_is_refused(void)
{
    OM_uint32 maj, min;
    gss_buffer_desc nb = { sizeof("nokey@localhost") - 1, (void *)"nokey@localhost" };
    gss_name_t name = GSS_C_NO_NAME;
    gss_cred_id_t cred = GSS_C_NO_CREDENTIAL;

    maj = gss_import_name(&min, &nb, GSS_C_NT_HOSTBASED_SERVICE, &name);
    CU_ASSERT_FATAL(!GSS_ERROR(maj));
    /* The krb5 mechanism only: with gss-ntlmssp installed, an any-mechanism acquisition
     * succeeds through NTLM, which needs no keytab. */
    gss_OID_set_desc krb5_only = { 1, (gss_OID)gss_mech_krb5 };
    maj = gss_acquire_cred(&min, name, GSS_C_INDEFINITE, &krb5_only, GSS_C_ACCEPT,
                           &cred, NULL, NULL);
    CU_ASSERT(GSS_ERROR(maj));
    gss_release_cred(&min, &cred);
    gss_release_name(&min, &name);
}

static void test_gss_context_establishes_user_to_host_at_localhost(void)
{
    gss_pair p;
    OM_uint32 min;
    gss_buffer_desc shown = GSS_C_EMPTY_BUFFER;

    CU_ASSERT_EQUAL_FATAL(realm_kinit(&g_realm), 0);
    if (establish("host@localhost", &p) != 0)
        report_gss(p.accept_failed ? "gss_accept_sec_context" : "gss_init_sec_context",
                   p.major, p.minor);
    CU_ASSERT_EQUAL(p.major, 0);
    CU_ASSERT(p.init_flags & GSS_C_MUTUAL_FLAG);
    CU_ASSERT(p.init_flags & GSS_C_CONF_FLAG);
    CU_ASSERT(p.accept_flags & GSS_C_INTEG_FLAG);
    if (p.source != GSS_C_NO_NAME &&
        !GSS_ERROR(gss_display_name(&min, p.source, &shown, NULL))) {
        CU_ASSERT_EQUAL(shown.length, strlen(g_realm.user));
        CU_ASSERT(shown.length == strlen(g_realm.user) &&
                  memcmp(shown.value, g_realm.user, shown.length) == 0);
        gss_release_buffer(&min, &shown);
    } else {
        CU_FAIL("no source name from the acceptor");
    }
    release_pair(&p);
    realm_kdestroy(&g_realm);
}

static void test_gss_wrap_unwraps_at_acceptor(void)
{
    static const char msg[] = "the realm works";
    gss_pair p;
    OM_uint32 maj, min;
    gss_buffer_desc in = { sizeof(msg), (void *)(uintptr_t)msg };
    gss_buffer_desc wrapped = GSS_C_EMPTY_BUFFER, out = GSS_C_EMPTY_BUFFER;
    int conf = 0;

    CU_ASSERT_EQUAL_FATAL(realm_kinit(&g_realm), 0);
    if (establish("host@localhost", &p) == 0) {
        maj = gss_wrap(&min, p.init, 1, GSS_C_QOP_DEFAULT, &in, &conf, &wrapped);
        CU_ASSERT(!GSS_ERROR(maj) && conf);
        maj = gss_unwrap(&min, p.accept, &wrapped, &out, &conf, NULL);
        CU_ASSERT(!GSS_ERROR(maj) && conf);
        CU_ASSERT(out.length == sizeof(msg) && memcmp(out.value, msg, sizeof(msg)) == 0);
    } else {
        report_gss("establish", p.major, p.minor);
        CU_FAIL("no context");
    }
    gss_release_buffer(&min, &wrapped);
    gss_release_buffer(&min, &out);
    release_pair(&p);
    realm_kdestroy(&g_realm);
}

static void test_gss_accept_fails_for_service_without_keytab_key(void)
{
    gss_pair p;

    CU_ASSERT_EQUAL_FATAL(realm_kinit(&g_realm), 0);
    CU_ASSERT_NOT_EQUAL(establish("nokey@localhost", &p), 0);
    /* The KDC knows nokey, so the initiator gets a ticket; only the acceptor fails. */
    CU_ASSERT_EQUAL(p.accept_failed, 1);
    CU_ASSERT(GSS_ERROR(p.major));
    release_pair(&p);
    realm_kdestroy(&g_realm);
}

static void test_client_keytab_env_gives_initiator_credentials(void)
{
    char *saved = getenv("KRB5_CLIENT_KTNAME") ? strdup(getenv("KRB5_CLIENT_KTNAME")) : NULL;
    char ktname[REALM_PATH_MAX + 8];
    gss_pair p;

    snprintf(ktname, sizeof(ktname), "FILE:%s", g_realm.user_keytab);
    setenv("KRB5_CLIENT_KTNAME", ktname, 1);
    realm_kdestroy(&g_realm);
    if (establish("host@localhost", &p) != 0)
        report_gss("establish with a client keytab", p.major, p.minor);
    CU_ASSERT_EQUAL(p.major, 0);
    release_pair(&p);
    realm_kdestroy(&g_realm);
    if (saved != NULL)
        setenv("KRB5_CLIENT_KTNAME", saved, 1);
    else
        unsetenv("KRB5_CLIENT_KTNAME");
    free(saved);
}

/* ---- KDC faults --------------------------------------------------------------------------- */

static void test_stopped_kdc_is_unreachable(void)
{
    krb5_context ctx;
    krb5_creds creds;
    krb5_error_code code;
    pid_t old = g_realm.kdc_pid;

    CU_ASSERT_EQUAL_FATAL(realm_stop_kdc(&g_realm), 0);
    CU_ASSERT_FALSE(realm_pid_alive(old));
    CU_ASSERT_EQUAL(g_realm.kdc_pid, 0);
    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    code = get_tgt(ctx, g_realm.user, g_realm.password, &creds);
    CU_ASSERT_EQUAL(code, KRB5_KDC_UNREACH);
    if (code == 0)
        krb5_free_cred_contents(ctx, &creds);
    krb5_free_context(ctx);
}

static void test_restarted_kdc_issues_tickets(void)
{
    krb5_context ctx;
    krb5_creds creds;
    krb5_error_code code;

    CU_ASSERT_EQUAL_FATAL(realm_start_kdc(&g_realm), 0);
    CU_ASSERT(realm_pid_alive(g_realm.kdc_pid));
    CU_ASSERT_FATAL(krb5_init_context(&ctx) == 0);
    code = get_tgt(ctx, g_realm.user, g_realm.password, &creds);
    report_krb5(ctx, "after restart", code);
    CU_ASSERT_EQUAL(code, 0);
    if (code == 0)
        krb5_free_cred_contents(ctx, &creds);
    krb5_free_context(ctx);
}

/* ---- enctype options (a second realm each) ------------------------------------------------ */

static void test_enctypes_option_sets_session_key_and_ticket_enctype(void)
{
    realm r2;
    realm_opts o = { .enctypes = "aes128-cts-hmac-sha1-96" };
    krb5_context ctx;
    krb5_creds *svc = NULL;
    krb5_error_code code;

    CU_ASSERT_EQUAL_FATAL(realm_up(&o, &r2), 0);
    CU_ASSERT_STRING_EQUAL(getenv("SSPIBRIDGE_REALM_DIR"), r2.dir);
    if (krb5_init_context(&ctx) == 0) {
        code = get_service_ticket(ctx, r2.user, r2.password, "host/localhost", &svc, NULL);
        report_krb5(ctx, "service ticket (aes128 realm)", code);
        CU_ASSERT_EQUAL(code, 0);
        if (svc != NULL) {
            CU_ASSERT_EQUAL(svc->keyblock.enctype, ENCTYPE_AES128_CTS_HMAC_SHA1_96);
            CU_ASSERT_EQUAL(ticket_enctype(ctx, svc), ENCTYPE_AES128_CTS_HMAC_SHA1_96);
            krb5_free_creds(ctx, svc);
        }
        krb5_free_context(ctx);
    } else {
        CU_FAIL("krb5_init_context");
    }
    realm_down(&r2);
    CU_ASSERT_EQUAL(realm_activate(&g_realm), 0);
}

static void test_session_enctypes_option_sets_service_session_key(void)
{
    realm r2;
    realm_opts o = { .session_enctypes = "rc4-hmac" };
    krb5_context ctx;
    krb5_creds *svc = NULL;
    krb5_enctype tgt_enctype = 0;
    krb5_error_code code;

    CU_ASSERT_EQUAL_FATAL(realm_up(&o, &r2), 0);
    if (krb5_init_context(&ctx) == 0) {
        code = get_service_ticket(ctx, r2.user, r2.password, "host/localhost", &svc,
                                  &tgt_enctype);
        report_krb5(ctx, "service ticket (session_enctypes realm)", code);
        CU_ASSERT_EQUAL(code, 0);
        if (svc != NULL) {
            CU_ASSERT_EQUAL(svc->keyblock.enctype, ENCTYPE_ARCFOUR_HMAC);
            /* The ticket stays under the service's first key; the TGT is untouched. */
            CU_ASSERT_EQUAL(ticket_enctype(ctx, svc), ENCTYPE_AES256_CTS_HMAC_SHA1_96);
            CU_ASSERT_EQUAL(tgt_enctype, ENCTYPE_AES256_CTS_HMAC_SHA1_96);
            krb5_free_creds(ctx, svc);
        }
        krb5_free_context(ctx);
    } else {
        CU_FAIL("krb5_init_context");
    }
    realm_down(&r2);
    CU_ASSERT_EQUAL(realm_activate(&g_realm), 0);
}

/* ---- the script's safety ------------------------------------------------------------------ */

static void test_script_down_refuses_a_directory_that_is_not_a_realm(void)
{
    char dir[] = "/tmp/sspibridge-notrealm.XXXXXX";
    char file[sizeof(dir) + 8], cmd[2 * REALM_PATH_MAX];
    FILE *f;
    int st;

    CU_ASSERT_PTR_NOT_NULL_FATAL(mkdtemp(dir));
    snprintf(file, sizeof(file), "%s/keep", dir);
    f = fopen(file, "w");
    CU_ASSERT_PTR_NOT_NULL(f);
    if (f != NULL)
        fclose(f);
    snprintf(cmd, sizeof(cmd), "bash '%s' down --dir '%s' 2>/dev/null", realm_script(), dir);
    st = system(cmd);
    CU_ASSERT(st != 0);
    CU_ASSERT_TRUE(file_exists(file));
    unlink(file);
    rmdir(dir);
}

/* ---- going away (last) -------------------------------------------------------------------- */

static void test_realm_down_removes_dir_and_kills_kdc(void)
{
    char dir[REALM_PATH_MAX];
    pid_t pid = g_realm.kdc_pid;
    struct stat st;

    memcpy(dir, g_realm.dir, sizeof(dir));
    CU_ASSERT(realm_pid_alive(pid));
    realm_down(&g_realm);
    int rc = stat(dir, &st), err = errno;

    CU_ASSERT_EQUAL(rc, -1);
    CU_ASSERT_EQUAL(err, ENOENT);
    CU_ASSERT_FALSE(realm_pid_alive(pid));
    CU_ASSERT_PTR_NULL(getenv("SSPIBRIDGE_REALM_DIR"));
    CU_ASSERT_PTR_NULL(getenv("KRB5_CONFIG"));
}

static void test_realm_down_twice_is_harmless(void)
{
    char cmd[2 * REALM_PATH_MAX];

    realm_down(&g_realm);
    CU_ASSERT_EQUAL(g_realm.up, 0);
    /* The script too: "down" of a directory that is gone succeeds. */
    snprintf(cmd, sizeof(cmd), "bash '%s' down --dir '%s'", realm_script(), g_realm.dir);
    CU_ASSERT_EQUAL(system(cmd), 0);
}

static CU_TestInfo tests[] = {
    { "realm_comes_up_with_running_kdc", test_realm_comes_up_with_running_kdc },
    { "env_points_at_existing_files_in_realm_dir",
      test_env_points_at_existing_files_in_realm_dir },
    { "env_names_the_test_principals", test_env_names_the_test_principals },
    { "krb5_library_sees_the_realm_as_default", test_krb5_library_sees_the_realm_as_default },
    { "ccache_is_empty_at_start", test_ccache_is_empty_at_start },
    { "no_initiator_credentials_without_kinit", test_no_initiator_credentials_without_kinit },
    { "user_gets_tgt_with_password", test_user_gets_tgt_with_password },
    { "tgt_is_forwardable", test_tgt_is_forwardable },
    { "user2_gets_tgt_with_password", test_user2_gets_tgt_with_password },
    { "wrong_password_is_refused", test_wrong_password_is_refused },
    { "http_ticket_is_ok_as_delegate", test_http_ticket_is_ok_as_delegate },
    { "cifs_ticket_is_not_ok_as_delegate", test_cifs_ticket_is_not_ok_as_delegate },
    { "host_ticket_is_not_ok_as_delegate", test_host_ticket_is_not_ok_as_delegate },
    { "kdc_issues_tickets_for_nokey", test_kdc_issues_tickets_for_nokey },
    { "keytab_holds_host_http_and_cifs", test_keytab_holds_host_http_and_cifs },
    { "keytab_lacks_nokey", test_keytab_lacks_nokey },
    { "keytab_holds_every_default_enctype", test_keytab_holds_every_default_enctype },
    { "user_keytab_holds_user_key", test_user_keytab_holds_user_key },
    { "realm_kinit_puts_user_tgt_in_ccache", test_realm_kinit_puts_user_tgt_in_ccache },
    { "realm_kdestroy_empties_ccache", test_realm_kdestroy_empties_ccache },
    { "acceptor_cred_for_host_comes_from_keytab",
      test_acceptor_cred_for_host_comes_from_keytab },
    { "acceptor_cred_for_nokey_is_refused", test_acceptor_cred_for_nokey_is_refused },
    { "gss_context_establishes_user_to_host_at_localhost",
      test_gss_context_establishes_user_to_host_at_localhost },
    { "gss_wrap_unwraps_at_acceptor", test_gss_wrap_unwraps_at_acceptor },
    { "gss_accept_fails_for_service_without_keytab_key",
      test_gss_accept_fails_for_service_without_keytab_key },
    { "client_keytab_env_gives_initiator_credentials",
      test_client_keytab_env_gives_initiator_credentials },
    { "stopped_kdc_is_unreachable", test_stopped_kdc_is_unreachable },
    { "restarted_kdc_issues_tickets", test_restarted_kdc_issues_tickets },
    { "enctypes_option_sets_session_key_and_ticket_enctype",
      test_enctypes_option_sets_session_key_and_ticket_enctype },
    { "session_enctypes_option_sets_service_session_key",
      test_session_enctypes_option_sets_service_session_key },
    { "script_down_refuses_a_directory_that_is_not_a_realm",
      test_script_down_refuses_a_directory_that_is_not_a_realm },
    { "realm_down_removes_dir_and_kills_kdc", test_realm_down_removes_dir_and_kills_kdc },
    { "realm_down_twice_is_harmless", test_realm_down_twice_is_harmless },
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("realm", suite_init, suite_clean, tests)
