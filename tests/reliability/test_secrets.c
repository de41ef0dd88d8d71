/* Secrets in freed memory. The program is linked with the wrapped allocator of oom_wrap.h:
 * every block the bridge frees passes a hook first, which looks for the secret of the
 * moment (a password as the caller gave it, in UTF-8 or UTF-16; a session key) in it. A
 * password given in SEC_WINNT_AUTH_IDENTITY(_EX)(A/W), on every path through
 * AcquireCredentialsHandle (success, wrong password, malformed identity), and a session key
 * or exported context handed out with FreeContextBuffer, must never be found in a block the
 * bridge gave back: explicit_bzero first (DESIGN.md, Ownership). The scanner's own test
 * shows it finds a secret that was not wiped. */
#include "bridge/handle.h"
#include "bridge/memory.h"
#include "tests/common/establish.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"
#include "tests/reliability/oom_wrap.h"
#include "tests/reliability/rel_common.h"

#include <security.h>
#include <sspibridge.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static realm test_realm;

static int suite_init(void)
{
    if (realm_up(NULL, &test_realm) != 0 || realm_kinit(&test_realm) != 0)
        return -1;
    return 0;
}

static int suite_clean(void)
{
    oom_set_free_hook(NULL);
    realm_down(&test_realm);
    return 0;
}

/* ---- The scanner -------------------------------------------------------------------------- */

#define MAX_NEEDLES 4
static struct {
    const void *bytes;
    size_t len;
} needles[MAX_NEEDLES];
static size_t n_needles;
static long blocks_seen, blocks_with_secret;
static size_t first_hit_size;

/* A block of interest: FreeContextBuffer must have zeroed it by the time it is freed. */
static const void *watched;
static int watched_freed, watched_zero;

static void scan_block(const void *p, size_t size)
{
    blocks_seen++;
    if (p == watched) {
        const unsigned char *b = p;
        watched_freed = 1;
        watched_zero = 1;
        for (size_t i = 0; i < size; i++)
            if (b[i] != 0)
                watched_zero = 0;
    }
    for (size_t k = 0; k < n_needles; k++) {
        if (needles[k].len > 0 && memmem(p, size, needles[k].bytes, needles[k].len) != NULL) {
            if (blocks_with_secret++ == 0)
                first_hit_size = size;
            return;
        }
    }
}

/* Starts looking for secret (its bytes and, for a string, its UTF-16LE form). */
static void look_for(const void *secret, size_t len, int also_utf16)
{
    static unsigned char wide[2][512];
    n_needles = 0;
    needles[n_needles].bytes = secret;
    needles[n_needles++].len = len;
    if (also_utf16 && len * 2 <= sizeof(wide[0])) {
        const unsigned char *s = secret;
        unsigned char *w = wide[0];
        for (size_t i = 0; i < len; i++) {
            w[2 * i] = s[i];
            w[2 * i + 1] = 0;
        }
        needles[n_needles].bytes = w;
        needles[n_needles++].len = 2 * len;
    }
    blocks_seen = blocks_with_secret = 0;
    first_hit_size = 0;
    oom_set_free_hook(scan_block);
}

static void stop_looking(void)
{
    oom_set_free_hook(NULL);
}

#define EXPECT_NO_SECRET_FREED(what)                                                           \
    do {                                                                                       \
        if (blocks_with_secret != 0)                                                           \
            fprintf(stderr, "%s: %ld of %ld freed blocks held the secret (first: %zu bytes)\n", \
                    (what), blocks_with_secret, blocks_seen, first_hit_size);                  \
        CU_ASSERT_EQUAL(blocks_with_secret, 0);                                                \
    } while (0)

/* The unwiped blocks of the scanner's own test must really hold the secret when freed:
 * clang removes stores into memory that is freed next (dead-store elimination, the reason
 * explicit_bzero exists). An empty asm that may read all memory keeps them. */
#define SCANNER_KEEP(p) __asm__ __volatile__("" : : "r"(p) : "memory")

/* The scanner finds what it is meant to: a copy freed without wiping. */
static void test_scanner_finds_an_unwiped_secret(void)
{
    const char *secret = "scanner-self-test-secret";
    look_for(secret, strlen(secret), 1);
    char *copy = strdup(secret);
    SCANNER_KEEP(copy);
    free(copy);
    SEC_WCHAR *w = calloc(32, sizeof(SEC_WCHAR));
    for (size_t i = 0; i <= strlen(secret); i++)
        w[i] = (SEC_WCHAR)secret[i];
    SCANNER_KEEP(w);
    free(w);
    char *wiped = strdup(secret);
    explicit_bzero(wiped, strlen(wiped));
    free(wiped);
    stop_looking();
    CU_ASSERT_EQUAL(blocks_with_secret, 2);
    CU_ASSERT_EQUAL(blocks_seen, 3);
}

/* ---- Passwords ------------------------------------------------------------------------------ */

static SEC_WCHAR *widen(const char *s, SEC_WCHAR *out)
{
    size_t i;
    for (i = 0; s[i]; i++)
        out[i] = (SEC_WCHAR)(unsigned char)s[i];
    out[i] = 0;
    return out;
}

typedef enum { ID_A, ID_W, ID_EXA, ID_EXW } id_kind;

/* AcquireCredentialsHandleA with this password in an identity of that kind; frees what it got.
 * package_list, when not NULL, goes into an _EX identity's PackageList (UTF-16 units for W). */
static SECURITY_STATUS acquire_with(id_kind kind, const char *user, const char *password,
                                    const SEC_WCHAR *bad_units, size_t bad_len)
{
    static SEC_WCHAR wuser[256], wpass[256];
    CredHandle c;
    SECURITY_STATUS st;
    union {
        SEC_WINNT_AUTH_IDENTITY_A a;
        SEC_WINNT_AUTH_IDENTITY_W w;
        SEC_WINNT_AUTH_IDENTITY_EXA exa;
        SEC_WINNT_AUTH_IDENTITY_EXW exw;
    } id;
    memset(&id, 0, sizeof(id));
    switch (kind) {
    case ID_A:
        id.a = (SEC_WINNT_AUTH_IDENTITY_A){(unsigned char *)user, (ULONG)strlen(user), NULL, 0,
                                           (unsigned char *)password, (ULONG)strlen(password),
                                           SEC_WINNT_AUTH_IDENTITY_ANSI};
        break;
    case ID_W:
        id.w = (SEC_WINNT_AUTH_IDENTITY_W){widen(user, wuser), (ULONG)strlen(user), NULL, 0,
                                           widen(password, wpass), (ULONG)strlen(password),
                                           SEC_WINNT_AUTH_IDENTITY_UNICODE};
        if (bad_units != NULL) {
            id.w.Domain = (unsigned short *)bad_units;
            id.w.DomainLength = (ULONG)bad_len;
        }
        break;
    case ID_EXA:
        id.exa.Version = SEC_WINNT_AUTH_IDENTITY_VERSION;
        id.exa.Length = sizeof(id.exa);
        id.exa.User = (unsigned char *)user;
        id.exa.UserLength = (ULONG)strlen(user);
        id.exa.Password = (unsigned char *)password;
        id.exa.PasswordLength = (ULONG)strlen(password);
        id.exa.PackageList = (unsigned char *)"kerberos";
        id.exa.PackageListLength = 8;
        id.exa.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI;
        break;
    case ID_EXW:
        id.exw.Version = SEC_WINNT_AUTH_IDENTITY_VERSION;
        id.exw.Length = sizeof(id.exw);
        id.exw.User = widen(user, wuser);
        id.exw.UserLength = (ULONG)strlen(user);
        id.exw.Password = widen(password, wpass);
        id.exw.PasswordLength = (ULONG)strlen(password);
        id.exw.PackageList = bad_units ? (unsigned short *)bad_units : (unsigned short *)u"kerberos";
        id.exw.PackageListLength = bad_units ? (ULONG)bad_len : 8;
        id.exw.Flags = SEC_WINNT_AUTH_IDENTITY_UNICODE;
        break;
    }
    st = AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL, &id, NULL, NULL, &c,
                                   NULL);
    if (st == SEC_E_OK) {
        /* Use it, so the credential's tickets are really made and used with the password. */
        CtxtHandle h;
        unsigned char tok[8192];
        SecBuffer ob = {sizeof(tok), SECBUFFER_TOKEN, tok};
        SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
        ULONG attrs;
        if (InitializeSecurityContextA(&c, NULL, (SEC_CHAR *)"host/localhost", 0, 0, SECURITY_NATIVE_DREP, NULL, 0,
                                       &h, &od, &attrs, NULL) >= 0)
            DeleteSecurityContext(&h);
        FreeCredentialsHandle(&c);
    }
    /* The caller's own copies go, wiped, as a careful caller does: they are not the bridge's. */
    explicit_bzero(wpass, sizeof(wpass));
    return st;
}

static void test_passwords_are_wiped_before_the_bridge_frees_them(void)
{
    const char *user = test_realm.user, *pw = test_realm.password;
    static const char *const names[] = {"SEC_WINNT_AUTH_IDENTITY_A", "SEC_WINNT_AUTH_IDENTITY_W",
                                        "SEC_WINNT_AUTH_IDENTITY_EXA", "SEC_WINNT_AUTH_IDENTITY_EXW"};
    for (int kind = ID_A; kind <= ID_EXW; kind++) {
        look_for(pw, strlen(pw), 1);
        CU_ASSERT_EQUAL(acquire_with((id_kind)kind, user, pw, NULL, 0), SEC_E_OK);
        stop_looking();
        CU_ASSERT(blocks_seen > 0);
        EXPECT_NO_SECRET_FREED(names[kind]);
    }
}

static void test_wrong_password_is_wiped_too(void)
{
    const char *wrong = "Wr0ng-but-Secret-Passw0rd-1234";
    for (int kind = ID_A; kind <= ID_EXW; kind++) {
        look_for(wrong, strlen(wrong), 1);
        CU_ASSERT_EQUAL(acquire_with((id_kind)kind, test_realm.user, wrong, NULL, 0), SEC_E_LOGON_DENIED);
        stop_looking();
        EXPECT_NO_SECRET_FREED("wrong password");
    }
}

/* Identities refused while they are read: a bad PackageList (_EX) comes after the password
 * was converted, so the error path must wipe it; a bad Domain comes before (nothing to wipe
 * yet, and nothing must appear either). */
static void test_password_of_a_refused_identity_is_wiped(void)
{
    static const SEC_WCHAR lone[] = {0xD800, 'x'};
    const char *pw = "Refused-Identity-Secret-987";
    look_for(pw, strlen(pw), 1);
    CU_ASSERT_EQUAL(acquire_with(ID_EXW, test_realm.user, pw, lone, 2), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(acquire_with(ID_W, test_realm.user, pw, lone, 2), SEC_E_INVALID_PARAMETER);
    stop_looking();
    EXPECT_NO_SECRET_FREED("refused identity");
    /* An ANSI password with an embedded NUL is refused while being copied. */
    const char pw_nul[] = "Embedded\0NUL-Secret-555";
    SEC_WINNT_AUTH_IDENTITY_A id = {(unsigned char *)test_realm.user, (ULONG)strlen(test_realm.user), NULL, 0,
                                    (unsigned char *)pw_nul, sizeof(pw_nul) - 1, SEC_WINNT_AUTH_IDENTITY_ANSI};
    CredHandle c;
    look_for("NUL-Secret-555", 14, 0);
    CU_ASSERT_EQUAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, &id, &c), SEC_E_INVALID_PARAMETER);
    stop_looking();
    EXPECT_NO_SECRET_FREED("password with an embedded NUL");
}

/* ---- Keys ------------------------------------------------------------------------------------ */

/* The session key handed out by SECPKG_ATTR_SESSION_KEY and the exported context (which holds
 * the keys in the clear) are wiped by FreeContextBuffer, and no block the bridge frees on the
 * way holds the key. */
static void test_session_keys_are_wiped_before_release(void)
{
    rel_pair p;
    SecPkgContext_SessionKey key = {0, NULL};
    unsigned char copy[64];
    CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &p), 0);
    CU_ASSERT_EQUAL_FATAL(QueryContextAttributesA(&p.ictx, SECPKG_ATTR_SESSION_KEY, &key), SEC_E_OK);
    CU_ASSERT_FATAL(key.SessionKeyLength >= 16 && key.SessionKeyLength <= sizeof(copy));
    memcpy(copy, key.SessionKey, key.SessionKeyLength);

    look_for(copy, key.SessionKeyLength, 0);
    watched = key.SessionKey;
    watched_freed = watched_zero = 0;
    CU_ASSERT_EQUAL(FreeContextBuffer(key.SessionKey), SEC_E_OK);
    CU_ASSERT(watched_freed);
    CU_ASSERT(watched_zero);

    /* Everything else that touches the key: the other attributes, messages, an export. */
    SecPkgContext_KeyInfoA info = {0};
    SecPkgContext_SessionKey again = {0, NULL};
    CU_ASSERT_EQUAL(QueryContextAttributesA(&p.actx, SECPKG_ATTR_KEY_INFO, &info), SEC_E_OK);
    FreeContextBuffer(info.sSignatureAlgorithmName);
    FreeContextBuffer(info.sEncryptAlgorithmName);
    CU_ASSERT_EQUAL(QueryContextAttributesW(&p.actx, SECPKG_ATTR_SESSION_KEY, &again), SEC_E_OK);
    CU_ASSERT(again.SessionKeyLength == key.SessionKeyLength &&
              memcmp(again.SessionKey, copy, again.SessionKeyLength) == 0);
    watched = again.SessionKey;
    watched_freed = watched_zero = 0;
    FreeContextBuffer(again.SessionKey);
    CU_ASSERT(watched_freed && watched_zero);
    CU_ASSERT_EQUAL(rel_pair_works(&p), SEC_E_OK);

    SecBuffer packed = {0, 0, NULL};
    CU_ASSERT_EQUAL_FATAL(ExportSecurityContext(&p.ictx, 0, &packed, NULL), SEC_E_OK);
    watched = packed.pvBuffer;
    watched_freed = watched_zero = 0;
    CU_ASSERT_EQUAL(FreeContextBuffer(packed.pvBuffer), SEC_E_OK);
    CU_ASSERT(watched_freed && watched_zero);
    rel_pair_free(&p);
    stop_looking();
    watched = NULL;
    EXPECT_NO_SECRET_FREED("session key");
}

/* Every block FreeContextBuffer hands back is zero, whatever it held (tokens with
 * ISC_REQ_ALLOCATE_MEMORY, names, package lists). */
static void test_free_context_buffer_wipes_every_block(void)
{
    ULONG n;
    PSecPkgInfoA pkgs = NULL;
    CU_ASSERT_EQUAL_FATAL(EnumerateSecurityPackagesA(&n, &pkgs), SEC_E_OK);
    look_for("never-present", 13, 0);
    watched = pkgs;
    watched_freed = watched_zero = 0;
    CU_ASSERT_EQUAL(FreeContextBuffer(pkgs), SEC_E_OK);
    CU_ASSERT(watched_freed && watched_zero);

    CredHandle ic;
    CtxtHandle h;
    ULONG attrs;
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    SecBuffer ob = {0, SECBUFFER_TOKEN, NULL};
    SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&ic, NULL, (SEC_CHAR *)"host/localhost",
                                                     ISC_REQ_MUTUAL_AUTH | ISC_REQ_ALLOCATE_MEMORY, 0,
                                                     SECURITY_NATIVE_DREP, NULL, 0, &h, &od, &attrs, NULL),
                          SEC_I_CONTINUE_NEEDED);
    watched = ob.pvBuffer;
    watched_freed = watched_zero = 0;
    CU_ASSERT_EQUAL(FreeContextBuffer(ob.pvBuffer), SEC_E_OK);
    CU_ASSERT(watched_freed && watched_zero);
    stop_looking();
    watched = NULL;
    DeleteSecurityContext(&h);
    FreeCredentialsHandle(&ic);
}

static void test_nothing_leaks_across_the_suite(void)
{
    CU_ASSERT_EQUAL(handle_live_count(), 0);
    CU_ASSERT_EQUAL(mem_live_count(), 0);
}

static CU_TestInfo tests[] = {
    {"the scanner finds an unwiped secret", test_scanner_finds_an_unwiped_secret},
    {"passwords are wiped before the bridge frees them", test_passwords_are_wiped_before_the_bridge_frees_them},
    {"a wrong password is wiped too", test_wrong_password_is_wiped_too},
    {"the password of a refused identity is wiped", test_password_of_a_refused_identity_is_wiped},
    {"session keys are wiped before release", test_session_keys_are_wiped_before_release},
    {"FreeContextBuffer wipes every block", test_free_context_buffer_wipes_every_block},
    {"nothing leaks across the suite", test_nothing_leaks_across_the_suite},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("secrets in freed memory", suite_init, suite_clean, tests)
