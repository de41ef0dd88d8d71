/* Out of memory at every allocation site the bridge owns. The program is linked with
 * --wrap for malloc, calloc, realloc, strdup, strndup and free (tests/reliability/local.mk,
 * oom_wrap.h): for each scenario, a counting run finds the N allocations the bridge makes
 * during the call under test, then N more runs fail the 1st, 2nd, ... Nth of them (and N
 * runs fail that one and every later one). Every run must end in SEC_E_INSUFFICIENT_MEMORY
 * (or in a success whose result is whole, where the allocation was optional), hand out
 * nothing, keep no handle and no FreeContextBuffer block, and leave no block of the bridge's
 * own allocated (the wrapped allocator's live set, which needs no valgrind); the suite's
 * contexts then still carry messages. The four message functions must allocate nothing at
 * all (DESIGN.md: the hot path does no heap allocation of its own). */
#include "bridge/handle.h"
#include "bridge/memory.h"
#include "tests/common/establish.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"
#include "tests/reliability/oom_wrap.h"
#include "tests/reliability/rel_common.h"

#include <security.h>
#include <sspibridge.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static realm test_realm;
static rel_pair P;

static int suite_init(void)
{
    if (realm_up(NULL, &test_realm) != 0 || realm_kinit(&test_realm) != 0)
        return -1;
    return rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &P);
}

static int suite_clean(void)
{
    rel_pair_free(&P);
    realm_down(&test_realm);
    return 0;
}

/* ---- The sweep ---------------------------------------------------------------------------- */

/* A scenario sets up unarmed, runs the call under test between oom_arm(fail_at, sticky) and
 * oom_disarm(), checks and releases what it got (unarmed), and returns the call's status.
 * *whole says a success's result was complete and right. */
typedef SECURITY_STATUS (*scenario_fn)(long fail_at, int sticky, int *whole);

static long armed_calls; /* what the last oom_disarm() said */

#define ARMED(fail_at, sticky, call)                                                          \
    do {                                                                                      \
        oom_arm((fail_at), (sticky));                                                         \
        call;                                                                                 \
        armed_calls = oom_disarm();                                                           \
    } while (0)

static void row_fail(unsigned line, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void row_fail(unsigned line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    CU_assertImplementation(CU_FALSE, line, msg, __FILE__, "", CU_FALSE);
}

typedef struct sweep_result {
    long sites;      /* allocations the call makes */
    long refused;    /* runs that ended in SEC_E_INSUFFICIENT_MEMORY */
    long tolerated;  /* runs where the failed allocation was optional and the call succeeded */
} sweep_result;

static sweep_result sweep(const char *name, scenario_fn sc, unsigned line)
{
    sweep_result r = {0, 0, 0};
    int whole = 0;

    /* Warm-up: whatever is made once per process (package list, handle table) exists. */
    (void)sc(0, 0, &whole);
    size_t live = oom_live(), handles = handle_live_count(), blocks = mem_live_count();
    SECURITY_STATUS st = sc(0, 0, &whole);
    r.sites = armed_calls;
    if (st < 0 || !whole)
        row_fail(line, "[%s] the call fails without any fault: %s", name, sspibridge_status_name(st));
    if (oom_live() != live)
        row_fail(line, "[%s] a successful run leaves %zu of the bridge's blocks behind", name, oom_live() - live);

    for (int sticky = 0; sticky < 2; sticky++) {
        for (long k = 1; k <= r.sites; k++) {
            whole = 0;
            st = sc(k, sticky, &whole);
            if (!oom_failed())
                row_fail(line, "[%s] allocation %ld of %ld was never made (the scenario is not repeatable)",
                         name, k, r.sites);
            if (st == SEC_E_INSUFFICIENT_MEMORY)
                r.refused++;
            else if (st >= 0 && whole)
                r.tolerated++;
            else
                row_fail(line, "[%s] allocation %ld of %ld failed%s: %s (0x%08X), not SEC_E_INSUFFICIENT_MEMORY",
                         name, k, r.sites, sticky ? " (and every later one)" : "",
                         sspibridge_status_name(st), (unsigned)st);
            if (oom_live() != live)
                row_fail(line, "[%s] allocation %ld of %ld failed%s: %zu of the bridge's blocks leaked", name,
                         k, r.sites, sticky ? " (and every later one)" : "", oom_live() - live);
            if (handle_live_count() != handles || mem_live_count() != blocks)
                row_fail(line, "[%s] allocation %ld failed: %zu handles / %zu FreeContextBuffer blocks, %zu / %zu before",
                         name, k, handle_live_count(), mem_live_count(), handles, blocks);
        }
    }
    if (rel_pair_works(&P) != SEC_E_OK)
        row_fail(line, "[%s] the suite's contexts stopped working", name);
    printf("\n    %s: %ld allocation sites, %ld refused, %ld optional ", name, r.sites, r.refused / 2,
           r.tolerated / 2);
    return r;
}

#define SWEEP(name, sc) sweep((name), (sc), __LINE__)

/* ---- Credentials -------------------------------------------------------------------------- */

static SECURITY_STATUS sc_acquire_default(long k, int sticky, int *whole)
{
    CredHandle c;
    SECURITY_STATUS st;
    ARMED(k, sticky, st = AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL,
                                                    NULL, NULL, NULL, &c, NULL));
    *whole = st == SEC_E_OK;
    if (st == SEC_E_OK)
        FreeCredentialsHandle(&c);
    return st;
}

static SECURITY_STATUS sc_acquire_named_w(long k, int sticky, int *whole)
{
    CredHandle c;
    SECURITY_STATUS st;
    ARMED(k, sticky, st = AcquireCredentialsHandleW((SEC_WCHAR *)u"host/localhost", (SEC_WCHAR *)u"kerberos",
                                                    SECPKG_CRED_INBOUND, NULL, NULL, NULL, NULL, &c, NULL));
    *whole = st == SEC_E_OK;
    if (st == SEC_E_OK)
        FreeCredentialsHandle(&c);
    return st;
}

static SECURITY_STATUS sc_acquire_password_w(long k, int sticky, int *whole)
{
    static SEC_WCHAR user[64], password[64];
    for (size_t i = 0; i < strlen(test_realm.user) + 1; i++)
        user[i] = (SEC_WCHAR)test_realm.user[i];
    for (size_t i = 0; i < strlen(test_realm.password) + 1; i++)
        password[i] = (SEC_WCHAR)test_realm.password[i];
    SEC_WINNT_AUTH_IDENTITY_EXW id = {0};
    id.Version = SEC_WINNT_AUTH_IDENTITY_VERSION;
    id.Length = sizeof(id);
    id.User = user;
    id.UserLength = (ULONG)strlen(test_realm.user);
    id.Password = password;
    id.PasswordLength = (ULONG)strlen(test_realm.password);
    id.PackageList = (SEC_WCHAR *)u"kerberos";
    id.PackageListLength = 8;
    id.Flags = SEC_WINNT_AUTH_IDENTITY_UNICODE;
    CredHandle c;
    SECURITY_STATUS st;
    ARMED(k, sticky, st = AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL, &id,
                                                    NULL, NULL, &c, NULL));
    *whole = st == SEC_E_OK;
    if (st == SEC_E_OK)
        FreeCredentialsHandle(&c);
    return st;
}

static SECURITY_STATUS sc_credential_names(long k, int sticky, int *whole)
{
    SecPkgCredentials_NamesA a = {0};
    SecPkgCredentials_NamesW w = {0};
    SECURITY_STATUS st, st2 = SEC_E_OK;
    /* Heimdal names no acceptor credential for any keytab key (SEC_E_UNSUPPORTED_FUNCTION,
     * test_kerberos): there the W query asks a named one, acquired unarmed. */
    CredHandle named, *acred = &P.acred;
    if (test_backend_heimdal()) {
        st = AcquireCredentialsHandleA((SEC_CHAR *)"host/localhost", (SEC_CHAR *)"Kerberos", SECPKG_CRED_INBOUND,
                                       NULL, NULL, NULL, NULL, &named, NULL);
        if (st != SEC_E_OK)
            return st;
        acred = &named;
    }
    ARMED(k, sticky, st = QueryCredentialsAttributesA(&P.icred, SECPKG_CRED_ATTR_NAMES, &a);
          if (st == SEC_E_OK) st2 = QueryCredentialsAttributesW(acred, SECPKG_CRED_ATTR_NAMES, &w));
    if (acred == &named)
        FreeCredentialsHandle(&named);
    if (st == SEC_E_OK)
        st = st2;
    *whole = st == SEC_E_OK && a.sUserName != NULL && w.sUserName != NULL &&
             strcmp(a.sUserName, test_realm.user) == 0;
    FreeContextBuffer(a.sUserName);
    FreeContextBuffer(w.sUserName);
    return st;
}

static void test_credentials_survive_every_failed_allocation(void)
{
    SWEEP("AcquireCredentialsHandleA, default outbound", sc_acquire_default);
    SWEEP("AcquireCredentialsHandleW, named inbound", sc_acquire_named_w);
    SWEEP("AcquireCredentialsHandleA, SEC_WINNT_AUTH_IDENTITY_EXW password", sc_acquire_password_w);
    SWEEP("QueryCredentialsAttributesA/W NAMES", sc_credential_names);
}

/* ---- Establishment ------------------------------------------------------------------------ */

static unsigned char tok1[16384], tok2[16384], tok3[16384];

static SECURITY_STATUS sc_initialize_first(long k, int sticky, int *whole, int wide, ULONG extra)
{
    CtxtHandle h;
    ULONG attrs;
    int alloc = (extra & ISC_REQ_ALLOCATE_MEMORY) != 0;
    SecBuffer ob = {alloc ? 0 : (ULONG)sizeof(tok1), SECBUFFER_TOKEN, alloc ? NULL : tok1};
    SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
    SECURITY_STATUS st;
    SecInvalidateHandle(&h);
    if (wide)
        ARMED(k, sticky, st = InitializeSecurityContextW(&P.icred, NULL, (SEC_WCHAR *)u"host/localhost",
                                                         REL_ISC_REQ | extra, 0, SECURITY_NATIVE_DREP, NULL, 0, &h,
                                                         &od, &attrs, NULL));
    else
        ARMED(k, sticky, st = InitializeSecurityContextA(&P.icred, NULL, (SEC_CHAR *)"host/localhost",
                                                         REL_ISC_REQ | extra, 0, SECURITY_NATIVE_DREP, NULL, 0, &h,
                                                         &od, &attrs, NULL));
    *whole = st == SEC_I_CONTINUE_NEEDED && ob.cbBuffer > 0 && ob.pvBuffer != NULL;
    if (alloc && ob.pvBuffer != NULL)
        FreeContextBuffer(ob.pvBuffer);
    if (SecIsValidHandle(&h) && st >= 0)
        DeleteSecurityContext(&h);
    else if (SecIsValidHandle(&h))
        row_fail(__LINE__, "a failed first InitializeSecurityContext returned a handle");
    return st;
}

static SECURITY_STATUS sc_isc_a(long k, int sticky, int *whole)
{
    return sc_initialize_first(k, sticky, whole, 0, 0);
}
static SECURITY_STATUS sc_isc_w(long k, int sticky, int *whole)
{
    return sc_initialize_first(k, sticky, whole, 1, 0);
}
static SECURITY_STATUS sc_isc_allocate(long k, int sticky, int *whole)
{
    return sc_initialize_first(k, sticky, whole, 0, ISC_REQ_ALLOCATE_MEMORY);
}

/* A fresh initiator context and its AP-REQ (unarmed). */
static ULONG first_leg(CtxtHandle *h, ULONG req)
{
    ULONG attrs;
    SecBuffer ob = {sizeof(tok1), SECBUFFER_TOKEN, tok1};
    SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
    if (InitializeSecurityContextA(&P.icred, NULL, (SEC_CHAR *)"host/localhost", req, 0, SECURITY_NATIVE_DREP,
                                   NULL, 0, h, &od, &attrs, NULL) != SEC_I_CONTINUE_NEEDED)
        row_fail(__LINE__, "no first leg");
    return ob.cbBuffer;
}

static SECURITY_STATUS sc_accept(long k, int sticky, int *whole, ULONG extra)
{
    CtxtHandle i, a;
    ULONG attrs;
    ULONG len = first_leg(&i, REL_ISC_REQ);
    int alloc = (extra & ASC_REQ_ALLOCATE_MEMORY) != 0;
    SecBuffer ib = {len, SECBUFFER_TOKEN, tok1}, ob = {alloc ? 0 : (ULONG)sizeof(tok2), SECBUFFER_TOKEN, alloc ? NULL : tok2};
    SecBufferDesc id = {SECBUFFER_VERSION, 1, &ib}, od = {SECBUFFER_VERSION, 1, &ob};
    SECURITY_STATUS st;
    SecInvalidateHandle(&a);
    ARMED(k, sticky, st = AcceptSecurityContext(&P.acred, NULL, &id, REL_ASC_REQ | extra, SECURITY_NATIVE_DREP, &a,
                                                &od, &attrs, NULL));
    *whole = st == SEC_E_OK && ob.cbBuffer > 0;
    if (*whole) {
        /* The reply completes the initiator: the pair is real. */
        SecBuffer rb = {ob.cbBuffer, SECBUFFER_TOKEN, ob.pvBuffer}, lb = {sizeof(tok3), SECBUFFER_TOKEN, tok3};
        SecBufferDesc rd = {SECBUFFER_VERSION, 1, &rb}, ld = {SECBUFFER_VERSION, 1, &lb};
        *whole = InitializeSecurityContextA(&P.icred, &i, NULL, REL_ISC_REQ, 0, SECURITY_NATIVE_DREP, &rd, 0, &i,
                                            &ld, &attrs, NULL) == SEC_E_OK &&
                 rel_round_trip(&i, &a) == SEC_E_OK;
    }
    if (alloc && ob.pvBuffer != NULL)
        FreeContextBuffer(ob.pvBuffer);
    if (st >= 0)
        DeleteSecurityContext(&a);
    else if (SecIsValidHandle(&a))
        row_fail(__LINE__, "a failed first AcceptSecurityContext returned a handle");
    DeleteSecurityContext(&i);
    return st;
}

static SECURITY_STATUS sc_asc(long k, int sticky, int *whole)
{
    return sc_accept(k, sticky, whole, 0);
}
static SECURITY_STATUS sc_asc_allocate(long k, int sticky, int *whole)
{
    return sc_accept(k, sticky, whole, ASC_REQ_ALLOCATE_MEMORY);
}

/* The initiator's second leg, with the caller's buffer too small for the DCE third token
 * (the pending copy) when dce is set. */
static SECURITY_STATUS sc_second_leg(long k, int sticky, int *whole, int dce)
{
    CtxtHandle i, a;
    ULONG attrs;
    ULONG ireq = REL_ISC_REQ | (dce ? ISC_REQ_USE_DCE_STYLE : 0);
    ULONG areq = REL_ASC_REQ | (dce ? ASC_REQ_USE_DCE_STYLE : 0);
    ULONG len = first_leg(&i, ireq);
    SecBuffer ib = {len, SECBUFFER_TOKEN, tok1}, ob = {sizeof(tok2), SECBUFFER_TOKEN, tok2};
    SecBufferDesc id = {SECBUFFER_VERSION, 1, &ib}, od = {SECBUFFER_VERSION, 1, &ob};
    SECURITY_STATUS ast = AcceptSecurityContext(&P.acred, NULL, &id, areq, SECURITY_NATIVE_DREP, &a, &od, &attrs,
                                                NULL);
    SecBuffer rb = {ob.cbBuffer, SECBUFFER_TOKEN, tok2}, lb = {dce ? 8 : (ULONG)sizeof(tok3), SECBUFFER_TOKEN, tok3};
    SecBufferDesc rd = {SECBUFFER_VERSION, 1, &rb}, ld = {SECBUFFER_VERSION, 1, &lb};
    SECURITY_STATUS st;
    ARMED(k, sticky, st = InitializeSecurityContextA(&P.icred, &i, NULL, ireq, 0, SECURITY_NATIVE_DREP, &rd, 0, &i,
                                                     &ld, &attrs, NULL));
    if (dce && st == SEC_E_INSUFFICIENT_MEMORY && !oom_failed()) {
        /* The expected short buffer: retry with room (unarmed), finish the acceptor. */
        lb.cbBuffer = sizeof(tok3);
        st = InitializeSecurityContextA(&P.icred, &i, NULL, ireq, 0, SECURITY_NATIVE_DREP, &rd, 0, &i, &ld, &attrs,
                                        NULL);
        SecBufferDesc fd = {SECBUFFER_VERSION, 1, &lb};
        SecBuffer xb = {sizeof(tok1), SECBUFFER_TOKEN, tok1};
        SecBufferDesc xd = {SECBUFFER_VERSION, 1, &xb};
        if (st == SEC_E_OK)
            ast = AcceptSecurityContext(&P.acred, &a, &fd, areq, SECURITY_NATIVE_DREP, &a, &xd, &attrs, NULL);
    }
    *whole = st == SEC_E_OK && (ast == SEC_E_OK) && rel_round_trip(&i, &a) == SEC_E_OK;
    DeleteSecurityContext(&i);
    DeleteSecurityContext(&a);
    return st;
}

static SECURITY_STATUS sc_isc_second(long k, int sticky, int *whole)
{
    return sc_second_leg(k, sticky, whole, 0);
}
static SECURITY_STATUS sc_isc_second_dce_pending(long k, int sticky, int *whole)
{
    return sc_second_leg(k, sticky, whole, 1);
}

static void test_establishment_survives_every_failed_allocation(void)
{
    SWEEP("InitializeSecurityContextA, first leg", sc_isc_a);
    SWEEP("InitializeSecurityContextW, first leg", sc_isc_w);
    SWEEP("InitializeSecurityContextA, ISC_REQ_ALLOCATE_MEMORY", sc_isc_allocate);
    SWEEP("AcceptSecurityContext", sc_asc);
    SWEEP("AcceptSecurityContext, ASC_REQ_ALLOCATE_MEMORY", sc_asc_allocate);
    SWEEP("InitializeSecurityContextA, second leg", sc_isc_second);
    SWEEP("InitializeSecurityContextA, DCE second leg into a short buffer", sc_isc_second_dce_pending);
}

/* ---- Attributes, packages, export -------------------------------------------------------- */

/* Every attribute that hands out memory, A and W, initiator and acceptor, one after the
 * other; stops at the first failure. What a query handed out is freed at once. */
static SECURITY_STATUS all_attributes(void)
{
    static const ULONG attrs[] = {SECPKG_ATTR_NAMES,       SECPKG_ATTR_NATIVE_NAMES,      SECPKG_ATTR_AUTHORITY,
                                  SECPKG_ATTR_KEY_INFO,    SECPKG_ATTR_SESSION_KEY,       SECPKG_ATTR_PACKAGE_INFO,
                                  SECPKG_ATTR_NEGOTIATION_INFO, SECPKG_ATTR_SIZES,        SECPKG_ATTR_LIFESPAN};
    for (size_t i = 0; i < sizeof(attrs) / sizeof(attrs[0]); i++) {
        for (int n = 0; n < 4; n++) {
            union {
                SecPkgContext_NamesA names;
                SecPkgContext_NativeNamesA native;
                SecPkgContext_AuthorityA authority;
                SecPkgContext_KeyInfoA key_info;
                SecPkgContext_SessionKey session_key;
                SecPkgContext_PackageInfoA package_info;
                SecPkgContext_NegotiationInfoA negotiation_info;
                SecPkgContext_Sizes sizes;
                SecPkgContext_Lifespan lifespan;
            } out;
            CtxtHandle *h = n & 1 ? &P.actx : &P.ictx;
            memset(&out, 0, sizeof(out));
            SECURITY_STATUS st = n & 2 ? QueryContextAttributesW(h, attrs[i], &out)
                                       : QueryContextAttributesA(h, attrs[i], &out);
            if (st != SEC_E_OK)
                return st;
            switch (attrs[i]) {
            case SECPKG_ATTR_NAMES:
                FreeContextBuffer(out.names.sUserName);
                break;
            case SECPKG_ATTR_NATIVE_NAMES:
                FreeContextBuffer(out.native.sClientName);
                FreeContextBuffer(out.native.sServerName);
                break;
            case SECPKG_ATTR_AUTHORITY:
                FreeContextBuffer(out.authority.sAuthorityName);
                break;
            case SECPKG_ATTR_KEY_INFO:
                FreeContextBuffer(out.key_info.sSignatureAlgorithmName);
                FreeContextBuffer(out.key_info.sEncryptAlgorithmName);
                break;
            case SECPKG_ATTR_SESSION_KEY:
                FreeContextBuffer(out.session_key.SessionKey);
                break;
            case SECPKG_ATTR_PACKAGE_INFO:
                FreeContextBuffer(out.package_info.PackageInfo);
                break;
            case SECPKG_ATTR_NEGOTIATION_INFO:
                FreeContextBuffer(out.negotiation_info.PackageInfo);
                break;
            default:
                break;
            }
        }
    }
    return SEC_E_OK;
}

static SECURITY_STATUS sc_attributes(long k, int sticky, int *whole)
{
    SECURITY_STATUS st;
    ARMED(k, sticky, st = all_attributes());
    *whole = st == SEC_E_OK;
    return st;
}

static SECURITY_STATUS sc_packages(long k, int sticky, int *whole)
{
    ULONG n = 0;
    PSecPkgInfoA a = NULL;
    PSecPkgInfoW w = NULL;
    PSecPkgInfoA one = NULL;
    SECURITY_STATUS st, st2 = SEC_E_OK, st3 = SEC_E_OK;
    ARMED(k, sticky, st = EnumerateSecurityPackagesA(&n, &a);
          if (st == SEC_E_OK) st2 = EnumerateSecurityPackagesW(&n, &w);
          if (st == SEC_E_OK && st2 == SEC_E_OK) st3 = QuerySecurityPackageInfoA((SEC_CHAR *)"kerberos", &one));
    if (st == SEC_E_OK)
        st = st2;
    if (st == SEC_E_OK)
        st = st3;
    *whole = st == SEC_E_OK && n > 0 && a != NULL && w != NULL && one != NULL && strcmp(one->Name, "Kerberos") == 0;
    FreeContextBuffer(a);
    FreeContextBuffer(w);
    FreeContextBuffer(one);
    return st;
}

/* ExportSecurityContext of a fresh pair's initiator, then ImportSecurityContextW of it. */
static SECURITY_STATUS sc_export_import(long k, int sticky, int *whole)
{
    rel_pair q;
    SecBuffer packed = {0, 0, NULL};
    CtxtHandle imported;
    SECURITY_STATUS st, st2 = SEC_E_OK;
    if (rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &q) != 0)
        row_fail(__LINE__, "no pair");
    SecInvalidateHandle(&imported);
    ARMED(k, sticky, st = ExportSecurityContext(&q.ictx, SECPKG_CONTEXT_EXPORT_DELETE_OLD, &packed, NULL);
          if (st == SEC_E_OK) st2 = ImportSecurityContextW((SEC_WCHAR *)u"Kerberos", &packed, NULL, &imported));
    if (st == SEC_E_OK)
        st = st2;
    *whole = st == SEC_E_OK && rel_round_trip(&imported, &q.actx) == SEC_E_OK;
    FreeContextBuffer(packed.pvBuffer);
    if (SecIsValidHandle(&imported) && st == SEC_E_OK)
        DeleteSecurityContext(&imported);
    rel_pair_free(&q);
    return st;
}

static void test_attributes_packages_and_export_survive_every_failed_allocation(void)
{
    SWEEP("QueryContextAttributesA/W, every attribute that hands out memory", sc_attributes);
    SWEEP("EnumerateSecurityPackagesA/W, QuerySecurityPackageInfoA", sc_packages);
    SWEEP("ExportSecurityContext, ImportSecurityContextW", sc_export_import);
}

/* ---- Tables that grow -------------------------------------------------------------------- */

/* The handle table grows by realloc when it is full, FreeContextBuffer's set by calloc when
 * it is half full; either growth is the second allocation of the call that needs it (after
 * the object's own). So: make objects one at a time, each with its second allocation set to
 * fail; only the call that needs the table to grow makes one, and that call must fail
 * cleanly, leave the table as it was, and the same call must work once memory is back. */
static void test_handle_table_growth_that_fails_is_insufficient_memory(void)
{
    enum { MAX = 1100 };
    static CredHandle held[MAX];
    int n = 0, grew = 0;
    while (n < MAX && !grew) {
        size_t handles = handle_live_count(), live = oom_live();
        SECURITY_STATUS st;
        ARMED(2, 0, st = AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL, NULL,
                                                   NULL, NULL, &held[n], NULL));
        if (!oom_failed()) {
            CU_ASSERT_EQUAL_FATAL(st, SEC_E_OK);
            n++;
            continue;
        }
        grew = 1;
        CU_ASSERT_EQUAL(st, SEC_E_INSUFFICIENT_MEMORY);
        CU_ASSERT_EQUAL(handle_live_count(), handles);
        CU_ASSERT_EQUAL(oom_live(), live);
        /* With memory back, the table grows and every handle still names its object. */
        CU_ASSERT_EQUAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &held[n]), SEC_E_OK);
        n++;
    }
    CU_ASSERT(grew);
    printf("(the table was full at %zu handles) ", handle_live_count() - 1);
    for (int i = 0; i < n; i++) {
        SecPkgCredentials_NamesA names = {0};
        CU_ASSERT_EQUAL(QueryCredentialsAttributesA(&held[i], SECPKG_CRED_ATTR_NAMES, &names), SEC_E_OK);
        FreeContextBuffer(names.sUserName);
        CU_ASSERT_EQUAL(FreeCredentialsHandle(&held[i]), SEC_E_OK);
    }
    CU_ASSERT_EQUAL(rel_pair_works(&P), SEC_E_OK);
}

static void test_block_set_growth_that_fails_is_insufficient_memory(void)
{
    enum { MAX = 2000 };
    static PSecPkgInfoA held[MAX];
    int n = 0, grew = 0;
    while (n < MAX && !grew) {
        size_t blocks = mem_live_count(), live = oom_live();
        SECURITY_STATUS st;
        held[n] = NULL;
        ARMED(2, 0, st = QuerySecurityPackageInfoA((SEC_CHAR *)"Kerberos", &held[n]));
        if (!oom_failed()) {
            CU_ASSERT_EQUAL_FATAL(st, SEC_E_OK);
            n++;
            continue;
        }
        grew = 1;
        CU_ASSERT_EQUAL(st, SEC_E_INSUFFICIENT_MEMORY);
        CU_ASSERT_PTR_NULL(held[n]);
        CU_ASSERT_EQUAL(mem_live_count(), blocks);
        CU_ASSERT_EQUAL(oom_live(), live);
        CU_ASSERT_EQUAL(QuerySecurityPackageInfoA((SEC_CHAR *)"Kerberos", &held[n]), SEC_E_OK);
        n++;
    }
    CU_ASSERT(grew);
    printf("(the set grew at %d blocks) ", n);
    /* Every block is still known: each one frees once, and only once. */
    for (int i = 0; i < n; i++)
        CU_ASSERT_EQUAL(FreeContextBuffer(held[i]), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeContextBuffer(held[0]), SEC_E_INVALID_PARAMETER);
    CU_ASSERT_EQUAL(mem_live_count(), 0);
}

/* ---- Message functions allocate nothing --------------------------------------------------- */

static void test_message_functions_allocate_nothing(void)
{
    unsigned char wire[1024], sig[256];
    char msg[] = "hot path";
    size_t len = 0, sig_len = 0;
    ULONG qop = 0;
    SECURITY_STATUS st;
    ARMED(1, 1, st = rel_seal(&P.ictx, 0, msg, strlen(msg), wire, sizeof(wire), &len));
    CU_ASSERT_EQUAL(st, SEC_E_OK);
    CU_ASSERT_EQUAL(armed_calls, 0);
    SecBuffer b[2] = {{(ULONG)len, SECBUFFER_STREAM, wire}, {0, SECBUFFER_DATA, NULL}};
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    ARMED(1, 1, st = DecryptMessage(&P.actx, &d, 0, &qop));
    CU_ASSERT_EQUAL(st, SEC_E_OK);
    CU_ASSERT_EQUAL(armed_calls, 0);
    ARMED(1, 1, st = rel_sign(&P.actx, msg, strlen(msg), sig, sizeof(sig), &sig_len));
    CU_ASSERT_EQUAL(st, SEC_E_OK);
    CU_ASSERT_EQUAL(armed_calls, 0);
    SecBuffer v[2] = {{(ULONG)strlen(msg), SECBUFFER_DATA, msg}, {(ULONG)sig_len, SECBUFFER_TOKEN, sig}};
    SecBufferDesc vd = {SECBUFFER_VERSION, 2, v};
    ARMED(1, 1, st = VerifySignature(&P.ictx, &vd, 0, &qop));
    CU_ASSERT_EQUAL(st, SEC_E_OK);
    CU_ASSERT_EQUAL(armed_calls, 0);
}

static void test_nothing_leaks_across_the_suite(void)
{
    CU_ASSERT_EQUAL(handle_live_count(), 4);
    CU_ASSERT_EQUAL(mem_live_count(), 0);
}

static CU_TestInfo tests[] = {
    {"credentials survive every failed allocation", test_credentials_survive_every_failed_allocation},
    {"establishment survives every failed allocation", test_establishment_survives_every_failed_allocation},
    {"attributes, packages and export survive every failed allocation",
     test_attributes_packages_and_export_survive_every_failed_allocation},
    {"handle table growth that fails is SEC_E_INSUFFICIENT_MEMORY",
     test_handle_table_growth_that_fails_is_insufficient_memory},
    {"FreeContextBuffer set growth that fails is SEC_E_INSUFFICIENT_MEMORY",
     test_block_set_growth_that_fails_is_insufficient_memory},
    {"message functions allocate nothing", test_message_functions_allocate_nothing},
    {"nothing leaks across the suite", test_nothing_leaks_across_the_suite},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("out of memory", suite_init, suite_clean, tests)
