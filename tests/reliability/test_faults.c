/* Faults around the bridge: the KDC stopped in the middle of a test, clocks apart, the keytab
 * removed, replaced by garbage or made unreadable, the credential cache deleted or corrupted
 * between calls. Each gives one exact status, leaves no handle or FreeContextBuffer block
 * behind, and what did not depend on the missing piece keeps working (established contexts
 * need neither KDC, keytab nor cache; tickets already in a cache need no KDC). Run under
 * valgrind by make check-valgrind: no leak on any of those error paths. */
#include "bridge/handle.h"
#include "bridge/memory.h"
#include "tests/common/establish.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"
#include "tests/reliability/rel_common.h"

#include <security.h>
#include <sspibridge.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static realm test_realm;
static char keytab_path[REALM_PATH_MAX], ccache_path[REALM_PATH_MAX];

static const char *strip_prefix(const char *name)
{
    return strncmp(name, "FILE:", 5) == 0 ? name + 5 : name;
}

static int copy_path(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);
    if (n >= size)
        return -1;
    memcpy(dst, src, n + 1);
    return 0;
}

static int suite_init(void)
{
    if (realm_up(NULL, &test_realm) != 0 || realm_kinit(&test_realm) != 0)
        return -1;
    if (copy_path(keytab_path, sizeof(keytab_path), strip_prefix(test_realm.keytab)) != 0 ||
        copy_path(ccache_path, sizeof(ccache_path), strip_prefix(test_realm.ccache)) != 0)
        return -1;
    return 0;
}

static int suite_clean(void)
{
    realm_down(&test_realm);
    return 0;
}

/* ---- Helpers -------------------------------------------------------------------------- */

static unsigned char ap_req[16384];

/* A first InitializeSecurityContext leg on cred for target: the AP-REQ in ap_req. The new
 * context is left in *h (the caller deletes it) on success. */
static SECURITY_STATUS first_leg(CredHandle *cred, const char *target, CtxtHandle *h, ULONG *len)
{
    SecBuffer ob = {sizeof(ap_req), SECBUFFER_TOKEN, ap_req};
    SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
    ULONG attrs;
    SecInvalidateHandle(h);
    SECURITY_STATUS st = InitializeSecurityContextA(cred, NULL, (SEC_CHAR *)target, REL_ISC_REQ, 0,
                                                    SECURITY_NATIVE_DREP, NULL, 0, h, &od, &attrs, NULL);
    *len = ob.cbBuffer;
    return st;
}

/* AcceptSecurityContext of the token in ap_req; a context it made is deleted. */
static SECURITY_STATUS accept_once(CredHandle *cred, ULONG len)
{
    unsigned char reply[16384];
    SecBuffer ib = {len, SECBUFFER_TOKEN, ap_req}, ob = {sizeof(reply), SECBUFFER_TOKEN, reply};
    SecBufferDesc id = {SECBUFFER_VERSION, 1, &ib}, od = {SECBUFFER_VERSION, 1, &ob};
    CtxtHandle h;
    ULONG attrs;
    SecInvalidateHandle(&h);
    SECURITY_STATUS st = AcceptSecurityContext(cred, NULL, &id, REL_ASC_REQ, SECURITY_NATIVE_DREP, &h, &od,
                                               &attrs, NULL);
    if (SecIsValidHandle(&h))
        DeleteSecurityContext(&h);
    return st;
}

/* A fresh AP-REQ for host/localhost, accepted by acred. */
static SECURITY_STATUS fresh_accept(CredHandle *icred, CredHandle *acred)
{
    CtxtHandle h;
    ULONG len;
    SECURITY_STATUS st = first_leg(icred, "host/localhost", &h, &len);
    if (st < 0)
        return st;
    st = accept_once(acred, len);
    DeleteSecurityContext(&h);
    return st;
}

static int write_file(const char *path, const void *bytes, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL)
        return -1;
    size_t n = fwrite(bytes, 1, len, f);
    return fclose(f) == 0 && n == len ? 0 : -1;
}

static void expect_nothing_left(size_t handles, size_t blocks)
{
    CU_ASSERT_EQUAL(handle_live_count(), handles);
    CU_ASSERT_EQUAL(mem_live_count(), blocks);
}

/* ---- KDC ------------------------------------------------------------------------------ */

/* The KDC goes away after the pair was made: what needs it fails with
 * SEC_E_NO_AUTHENTICATING_AUTHORITY ("No authority could be contacted for authentication"),
 * what does not goes on; it comes back and everything works again. */
static void test_kdc_stopped_mid_test(void)
{
    rel_pair p;
    CredHandle pw;
    CtxtHandle h;
    ULONG len;
    size_t handles = handle_live_count(), blocks = mem_live_count();
    CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &p), 0);

    CU_ASSERT_EQUAL_FATAL(realm_stop_kdc(&test_realm), 0);
    /* Established contexts never talk to the KDC. */
    CU_ASSERT_EQUAL(rel_pair_works(&p), SEC_E_OK);
    /* A ticket already in the cache: a new context needs no KDC either. */
    CU_ASSERT_EQUAL(fresh_accept(&p.icred, &p.acred), SEC_E_OK);
    /* A service whose ticket must come from the KDC. */
    CU_ASSERT_EQUAL(first_leg(&p.icred, "HTTP/localhost", &h, &len), SEC_E_NO_AUTHENTICATING_AUTHORITY);
    CU_ASSERT_FALSE(SecIsValidHandle(&h));
    /* A password logon is an AS exchange. */
    SEC_WINNT_AUTH_IDENTITY_A id = {(unsigned char *)test_realm.user, (ULONG)strlen(test_realm.user), NULL, 0,
                                    (unsigned char *)test_realm.password, (ULONG)strlen(test_realm.password),
                                    SEC_WINNT_AUTH_IDENTITY_ANSI};
    CU_ASSERT_EQUAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, &id, &pw), SEC_E_NO_AUTHENTICATING_AUTHORITY);
    CU_ASSERT_EQUAL(handle_live_count(), handles + 4);

    CU_ASSERT_EQUAL_FATAL(realm_start_kdc(&test_realm), 0);
    CU_ASSERT_EQUAL(first_leg(&p.icred, "HTTP/localhost", &h, &len), SEC_I_CONTINUE_NEEDED);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&h), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, &id, &pw), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&pw), SEC_E_OK);
    CU_ASSERT_EQUAL(rel_pair_works(&p), SEC_E_OK);
    rel_pair_free(&p);
    expect_nothing_left(handles, blocks);
}

/* The KDC stops between the two legs of a mutual exchange: the second leg needs no KDC. */
static void test_kdc_stopped_between_legs(void)
{
    CredHandle ic, ac;
    CtxtHandle ictx, actx;
    est_result res;
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    /* Warm the cache for host/localhost, then lose the KDC. */
    CU_ASSERT_EQUAL_FATAL(fresh_accept(&ic, &ac), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(realm_stop_kdc(&test_realm), 0);
    CU_ASSERT_EQUAL(est_run(&ic, &ac, "host/localhost", NULL, &ictx, &actx, &res), 0);
    CU_ASSERT_EQUAL_FATAL(realm_start_kdc(&test_realm), 0);
    DeleteSecurityContext(&ictx);
    DeleteSecurityContext(&actx);
    FreeCredentialsHandle(&ic);
    FreeCredentialsHandle(&ac);
}

/* ---- Clocks ----------------------------------------------------------------------------- */

/* Writes a copy of the realm's krb5.conf that allows only `skew` seconds of clock skew. */
static int write_skew_config(const char *path, int skew)
{
    FILE *in = fopen(test_realm.krb5_config, "r"), *out = fopen(path, "w");
    char line[1024];
    int done = 0;
    if (in == NULL || out == NULL) {
        if (in != NULL)
            fclose(in);
        if (out != NULL)
            fclose(out);
        return -1;
    }
    while (fgets(line, sizeof(line), in) != NULL) {
        fputs(line, out);
        if (!done && strncmp(line, "[libdefaults]", 13) == 0) {
            fprintf(out, "    clockskew = %d\n", skew);
            done = 1;
        }
    }
    fclose(in);
    return fclose(out) == 0 && done ? 0 : -1;
}

/* Clocks apart: the acceptor checks the authenticator's time against its own within
 * libdefaults' clockskew (RFC 4120 section 3.2.3, KRB_AP_ERR_SKEW). An AP-REQ made
 * three seconds before an acceptor that allows one second of skew is what an initiator whose
 * clock runs three seconds slow sends: SEC_E_TIME_SKEW ("The clocks on the client and server
 * machines are skewed"), no context, nothing kept. With the clocks together again the same
 * credential handles work. */
typedef struct skew_accept {
    CredHandle *cred;
    ULONG len;
    SECURITY_STATUS st;
} skew_accept;

static void accept_once_on(void *arg)
{
    skew_accept *a = arg;
    a->st = accept_once(a->cred, a->len);
}

static void test_clock_skew_is_time_skew(void)
{
    char conf[REALM_PATH_MAX + 16];
    CredHandle ic, ac;
    CtxtHandle h;
    ULONG len;
    size_t handles = handle_live_count(), blocks = mem_live_count();
    snprintf(conf, sizeof(conf), "%s/skew.conf", test_realm.dir);
    CU_ASSERT_EQUAL_FATAL(write_skew_config(conf, 1), 0);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);

    CU_ASSERT_EQUAL_FATAL(first_leg(&ic, "host/localhost", &h, &len), SEC_I_CONTINUE_NEEDED);
    sleep(3);
    /* MIT reads krb5.conf (KRB5_CONFIG) for each GSSAPI call's krb5 context; Heimdal once
     * per thread, so there the accept runs on a fresh one (test_main.h). */
    CU_ASSERT_EQUAL_FATAL(setenv("KRB5_CONFIG", conf, 1), 0);
    skew_accept a = {&ac, len, SEC_E_INTERNAL_ERROR};
    test_in_fresh_thread(accept_once_on, &a);
    /* Heimdal's acceptor answers a skewed authenticator with a KRB-ERROR token for the
     * initiator to correct its clock (send_error_token): SEC_I_CONTINUE_NEEDED, not an error. */
    CU_ASSERT_EQUAL(a.st, test_backend_heimdal() ? SEC_I_CONTINUE_NEEDED : SEC_E_TIME_SKEW);
    CU_ASSERT_EQUAL_FATAL(setenv("KRB5_CONFIG", test_realm.krb5_config, 1), 0);
    DeleteSecurityContext(&h);

    CU_ASSERT_EQUAL(fresh_accept(&ic, &ac), SEC_E_OK);
    FreeCredentialsHandle(&ic);
    FreeCredentialsHandle(&ac);
    unlink(conf);
    expect_nothing_left(handles, blocks);
}

/* ---- Keytab ----------------------------------------------------------------------------- */

/* Moves the keytab away for the duration of fn, then back. */
static void keytab_aside(void)
{
    char aside[REALM_PATH_MAX + 8];
    snprintf(aside, sizeof(aside), "%s.aside", keytab_path);
    CU_ASSERT_EQUAL_FATAL(rename(keytab_path, aside), 0);
}

static void keytab_back(void)
{
    char aside[REALM_PATH_MAX + 8];
    snprintf(aside, sizeof(aside), "%s.aside", keytab_path);
    if (access(keytab_path, F_OK) == 0) {
        struct stat st;
        if (stat(keytab_path, &st) == 0 && S_ISDIR(st.st_mode))
            rmdir(keytab_path);
        else
            unlink(keytab_path);
    }
    CU_ASSERT_EQUAL_FATAL(rename(aside, keytab_path), 0);
}

/* Acquiring an acceptor credential without a keytab: SEC_E_NO_CREDENTIALS ("No credentials
 * are available in the security package"), the same whether the file is missing, empty,
 * garbage or a directory. */
static void test_inbound_credentials_without_a_usable_keytab_are_no_credentials(void)
{
    static const unsigned char garbage[] = "this is not a keytab";
    CredHandle c;
    size_t handles = handle_live_count(), blocks = mem_live_count();

    keytab_aside();
    CU_ASSERT_EQUAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &c), SEC_E_NO_CREDENTIALS);
    CU_ASSERT_EQUAL(est_acquire("Kerberos", "host/localhost", SECPKG_CRED_INBOUND, NULL, &c), SEC_E_NO_CREDENTIALS);
    CU_ASSERT_EQUAL_FATAL(write_file(keytab_path, "", 0), 0);
    CU_ASSERT_EQUAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &c), SEC_E_NO_CREDENTIALS);
    CU_ASSERT_EQUAL_FATAL(write_file(keytab_path, garbage, sizeof(garbage)), 0);
    CU_ASSERT_EQUAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &c), SEC_E_NO_CREDENTIALS);
    CU_ASSERT_EQUAL(est_acquire("Kerberos", "host/localhost", SECPKG_CRED_INBOUND, NULL, &c), SEC_E_NO_CREDENTIALS);
    unlink(keytab_path);
    CU_ASSERT_EQUAL_FATAL(mkdir(keytab_path, 0700), 0);
    CU_ASSERT_EQUAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &c), SEC_E_NO_CREDENTIALS);
    keytab_back();
    expect_nothing_left(handles, blocks);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &c), SEC_E_OK);
    FreeCredentialsHandle(&c);
}

/* The keytab goes after the acceptor credential was acquired: a client's ticket can no longer
 * be decrypted. MIT reads the keytab at each accept, and the status is the one for a ticket
 * the acceptor holds no key for (as test_kerberos pins for a key missing from the keytab):
 * SEC_E_WRONG_PRINCIPAL, Windows' answer when a service cannot decrypt the ticket it was
 * sent (a duplicate SPN, a changed password). The last error names the missing file. Back
 * in place, the same credential accepts again. */
static void test_keytab_removed_after_acquire(void)
{
    static const unsigned char garbage[] = "still not a keytab";
    CredHandle ic, ac;
    size_t handles = handle_live_count(), blocks = mem_live_count();
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    CU_ASSERT_EQUAL(fresh_accept(&ic, &ac), SEC_E_OK);

    keytab_aside();
    CU_ASSERT_EQUAL(fresh_accept(&ic, &ac), SEC_E_WRONG_PRINCIPAL);
    SSPIBRIDGE_LAST_ERROR e;
    CU_ASSERT_EQUAL(sspibridge_last_error(&e), 1);
    /* Heimdal's acceptor says which open failed ("keytab ... open failed: No such file ..."). */
    CU_ASSERT_PTR_NOT_NULL(strstr(e.Message, test_backend_heimdal() ? "No such file" : "not found"));
    CU_ASSERT_EQUAL_FATAL(write_file(keytab_path, garbage, sizeof(garbage)), 0);
    CU_ASSERT_EQUAL(fresh_accept(&ic, &ac), SEC_E_WRONG_PRINCIPAL);
    keytab_back();
    CU_ASSERT_EQUAL(fresh_accept(&ic, &ac), SEC_E_OK);
    FreeCredentialsHandle(&ic);
    FreeCredentialsHandle(&ac);
    expect_nothing_left(handles, blocks);
}

/* Permission bits stop everyone but root: checked when the suite does not run as root. */
static void test_unreadable_keytab_is_no_credentials(void)
{
    CredHandle c;
    if (geteuid() == 0) {
        fprintf(stderr, "(running as root: mode 000 does not stop root; covered by the garbage and "
                        "directory keytabs) ");
        return;
    }
    CU_ASSERT_EQUAL_FATAL(chmod(keytab_path, 0), 0);
    CU_ASSERT_EQUAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &c), SEC_E_NO_CREDENTIALS);
    CU_ASSERT_EQUAL_FATAL(chmod(keytab_path, 0600), 0);
}

/* ---- Credential cache ----------------------------------------------------------------- */

/* The default credential is looked up per call (DESIGN.md): a cache deleted between
 * AcquireCredentialsHandle and InitializeSecurityContext is SEC_E_NO_CREDENTIALS then, and a
 * new TGT in it makes the same handle work again. */
static void test_ccache_deleted_between_calls(void)
{
    CredHandle ic, ac;
    CtxtHandle h;
    ULONG len;
    size_t handles = handle_live_count(), blocks = mem_live_count();
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);

    CU_ASSERT_EQUAL_FATAL(unlink(ccache_path), 0);
    CU_ASSERT_EQUAL(first_leg(&ic, "host/localhost", &h, &len), SEC_E_NO_CREDENTIALS);
    CU_ASSERT_FALSE(SecIsValidHandle(&h));
    CU_ASSERT_EQUAL(QueryCredentialsAttributesA(&ic, SECPKG_CRED_ATTR_NAMES, &(SecPkgCredentials_NamesA){0}),
                    SEC_E_NO_CREDENTIALS);
    /* Acquiring the default now finds nothing. */
    CredHandle none;
    CU_ASSERT_EQUAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &none), SEC_E_NO_CREDENTIALS);

    CU_ASSERT_EQUAL_FATAL(realm_kinit(&test_realm), 0);
    CU_ASSERT_EQUAL(fresh_accept(&ic, &ac), SEC_E_OK);
    FreeCredentialsHandle(&ic);
    FreeCredentialsHandle(&ac);
    expect_nothing_left(handles, blocks);
}

/* A cache file that is garbage is no cache: SEC_E_NO_CREDENTIALS, nothing left behind. */
static void test_corrupted_ccache_is_no_credentials(void)
{
    static const unsigned char garbage[] = {0x05, 0x04, 0x00, 0x0c, 0xde, 0xad, 0xbe, 0xef};
    CredHandle ic;
    CtxtHandle h;
    ULONG len;
    size_t handles = handle_live_count(), blocks = mem_live_count();
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(write_file(ccache_path, garbage, sizeof(garbage)), 0);
    CU_ASSERT_EQUAL(first_leg(&ic, "host/localhost", &h, &len), SEC_E_NO_CREDENTIALS);
    FreeCredentialsHandle(&ic);
    CU_ASSERT_EQUAL_FATAL(realm_kinit(&test_realm), 0);
    expect_nothing_left(handles, blocks);
}

/* The cache goes between the two legs of a mutual exchange: the second leg (the AP-REP)
 * needs no cache, and the context protects messages. */
static void test_ccache_deleted_between_legs(void)
{
    CredHandle ic, ac;
    CtxtHandle ictx, actx;
    ULONG len, attrs;
    unsigned char reply[16384], last[16384];
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(first_leg(&ic, "host/localhost", &ictx, &len), SEC_I_CONTINUE_NEEDED);
    CU_ASSERT_EQUAL_FATAL(unlink(ccache_path), 0);
    SecBuffer ib = {len, SECBUFFER_TOKEN, ap_req}, ob = {sizeof(reply), SECBUFFER_TOKEN, reply};
    SecBufferDesc id = {SECBUFFER_VERSION, 1, &ib}, od = {SECBUFFER_VERSION, 1, &ob};
    CU_ASSERT_EQUAL_FATAL(AcceptSecurityContext(&ac, NULL, &id, REL_ASC_REQ, SECURITY_NATIVE_DREP, &actx, &od,
                                                &attrs, NULL),
                          SEC_E_OK);
    SecBuffer ib2 = {ob.cbBuffer, SECBUFFER_TOKEN, reply}, ob2 = {sizeof(last), SECBUFFER_TOKEN, last};
    SecBufferDesc id2 = {SECBUFFER_VERSION, 1, &ib2}, od2 = {SECBUFFER_VERSION, 1, &ob2};
    CU_ASSERT_EQUAL(InitializeSecurityContextA(&ic, &ictx, NULL, REL_ISC_REQ, 0, SECURITY_NATIVE_DREP, &id2, 0,
                                               &ictx, &od2, &attrs, NULL),
                    SEC_E_OK);
    rel_pair q = {ic, ac, ictx, actx};
    CU_ASSERT_EQUAL(rel_pair_works(&q), SEC_E_OK);
    rel_pair_free(&q);
    CU_ASSERT_EQUAL_FATAL(realm_kinit(&test_realm), 0);
}

/* Password credentials keep their tickets in a memory cache of their own: the user's cache
 * going away does not touch them (and they never wrote to it). */
static void test_password_credentials_do_not_need_the_default_cache(void)
{
    CredHandle pw, ac;
    struct stat st;
    SEC_WINNT_AUTH_IDENTITY_A id = {(unsigned char *)test_realm.user, (ULONG)strlen(test_realm.user), NULL, 0,
                                    (unsigned char *)test_realm.password, (ULONG)strlen(test_realm.password),
                                    SEC_WINNT_AUTH_IDENTITY_ANSI};
    CU_ASSERT_EQUAL_FATAL(unlink(ccache_path), 0);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, &id, &pw), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    CU_ASSERT_EQUAL(fresh_accept(&pw, &ac), SEC_E_OK);
    CU_ASSERT_NOT_EQUAL(stat(ccache_path, &st), 0);
    FreeCredentialsHandle(&pw);
    FreeCredentialsHandle(&ac);
    CU_ASSERT_EQUAL_FATAL(realm_kinit(&test_realm), 0);
}

static void test_nothing_leaks_across_the_suite(void)
{
    CU_ASSERT_EQUAL(handle_live_count(), 0);
    CU_ASSERT_EQUAL(mem_live_count(), 0);
}

static CU_TestInfo tests[] = {
    {"KDC stopped mid-test", test_kdc_stopped_mid_test},
    {"KDC stopped between the legs of an exchange", test_kdc_stopped_between_legs},
    {"clock skew beyond the acceptor's allowance is SEC_E_TIME_SKEW", test_clock_skew_is_time_skew},
    {"inbound credentials without a usable keytab are SEC_E_NO_CREDENTIALS",
     test_inbound_credentials_without_a_usable_keytab_are_no_credentials},
    {"keytab removed after acquire", test_keytab_removed_after_acquire},
    {"unreadable keytab is SEC_E_NO_CREDENTIALS", test_unreadable_keytab_is_no_credentials},
    {"credential cache deleted between calls", test_ccache_deleted_between_calls},
    {"corrupted credential cache is SEC_E_NO_CREDENTIALS", test_corrupted_ccache_is_no_credentials},
    {"credential cache deleted between the legs of an exchange", test_ccache_deleted_between_legs},
    {"password credentials do not need the default cache", test_password_credentials_do_not_need_the_default_cache},
    {"nothing leaks across the suite", test_nothing_leaks_across_the_suite},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("faults", suite_init, suite_clean, tests)
