/* Handle misuse against real contexts and credentials: every function that takes a handle,
 * given one that names nothing live of its kind (NULL, zeroed, SecInvalidateHandle'd,
 * random, deleted, of the other kind, forged from a live one), answers SEC_E_INVALID_HANDLE
 * and touches nothing; double deletes; objects that outlive their handles; and handles
 * deleted on one thread while another is using them.
 *
 * DeleteSecurityContext's page says "If the function succeeds or the handle has already been
 * deleted, the return value is SEC_E_OK"; the bridge answers a second delete with
 * SEC_E_INVALID_HANDLE, as Windows' packages do in practice and as DESIGN.md requires: a
 * stale handle is never taken for a live one (docs/RELIABILITY.md). */
#include "bridge/handle.h"
#include "bridge/memory.h"
#include "tests/common/establish.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"
#include "tests/reliability/rel_common.h"

#include <pthread.h>
#include <security.h>
#include <sspibridge.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

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

/* ---- Every handle-taking function --------------------------------------------------------- */

typedef SECURITY_STATUS (*handle_fn)(SecHandle *h);

typedef struct fn_row {
    const char *name;
    int cred;          /* takes a credential handle (else a context handle) */
    handle_fn call;
    int null_is_first; /* a NULL phContext is a first call, not a bad handle */
} fn_row;

static unsigned char tok[256], data[16], stream[128], out_mem[4096];
static union {
    SecPkgContext_Sizes sizes;
    SecPkgCredentials_NamesA names;
    char raw[512];
} attr;

static SecBufferDesc *message_desc(void)
{
    static SecBuffer b[2];
    static SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    b[0] = (SecBuffer){sizeof(tok), SECBUFFER_TOKEN, tok};
    b[1] = (SecBuffer){sizeof(data), SECBUFFER_DATA, data};
    return &d;
}

static SecBufferDesc *stream_desc(void)
{
    static SecBuffer b[2];
    static SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    b[0] = (SecBuffer){sizeof(stream), SECBUFFER_STREAM, stream};
    b[1] = (SecBuffer){0, SECBUFFER_DATA, NULL};
    return &d;
}

static SecBufferDesc *token_desc(void)
{
    static SecBuffer b;
    static SecBufferDesc d = {SECBUFFER_VERSION, 1, &b};
    b = (SecBuffer){sizeof(tok), SECBUFFER_TOKEN, tok};
    return &d;
}

static SecBufferDesc *out_desc(void)
{
    static SecBuffer b;
    static SecBufferDesc d = {SECBUFFER_VERSION, 1, &b};
    b = (SecBuffer){sizeof(out_mem), SECBUFFER_TOKEN, out_mem};
    return &d;
}

static SECURITY_STATUS f_encrypt(SecHandle *h) { return EncryptMessage(h, 0, message_desc(), 0); }
static SECURITY_STATUS f_decrypt(SecHandle *h)
{
    ULONG qop;
    return DecryptMessage(h, stream_desc(), 0, &qop);
}
static SECURITY_STATUS f_sign(SecHandle *h) { return MakeSignature(h, 0, message_desc(), 0); }
static SECURITY_STATUS f_verify(SecHandle *h) { return VerifySignature(h, message_desc(), 0, NULL); }
static SECURITY_STATUS f_qca_a(SecHandle *h) { return QueryContextAttributesA(h, SECPKG_ATTR_SIZES, &attr); }
static SECURITY_STATUS f_qca_w(SecHandle *h) { return QueryContextAttributesW(h, SECPKG_ATTR_FLAGS, &attr); }
static SECURITY_STATUS f_qcax_a(SecHandle *h)
{
    return QueryContextAttributesExA(h, SECPKG_ATTR_SIZES, &attr, sizeof(attr));
}
static SECURITY_STATUS f_qcax_w(SecHandle *h)
{
    return QueryContextAttributesExW(h, SECPKG_ATTR_PACKAGE_INFO, &attr, sizeof(attr));
}
static SECURITY_STATUS f_sca_a(SecHandle *h) { return SetContextAttributesA(h, SECPKG_ATTR_FLAGS, &attr, 4); }
static SECURITY_STATUS f_sca_w(SecHandle *h) { return SetContextAttributesW(h, SECPKG_ATTR_FLAGS, &attr, 4); }
static SECURITY_STATUS f_delete(SecHandle *h) { return DeleteSecurityContext(h); }
static SECURITY_STATUS f_export(SecHandle *h)
{
    SecBuffer packed;
    return ExportSecurityContext(h, 0, &packed, NULL);
}
static SECURITY_STATUS f_impersonate(SecHandle *h) { return ImpersonateSecurityContext(h); }
static SECURITY_STATUS f_revert(SecHandle *h) { return RevertSecurityContext(h); }
static SECURITY_STATUS f_ctx_token(SecHandle *h)
{
    void *t;
    return QuerySecurityContextToken(h, &t);
}
static SECURITY_STATUS f_apply(SecHandle *h) { return ApplyControlToken(h, token_desc()); }
static SECURITY_STATUS f_complete(SecHandle *h) { return CompleteAuthToken(h, token_desc()); }
static SECURITY_STATUS f_isc_continue_a(SecHandle *h)
{
    ULONG attrs;
    return InitializeSecurityContextA(&P.icred, h, NULL, REL_ISC_REQ, 0, SECURITY_NATIVE_DREP, token_desc(),
                                      0, h, out_desc(), &attrs, NULL);
}
static SECURITY_STATUS f_isc_continue_w(SecHandle *h)
{
    ULONG attrs;
    return InitializeSecurityContextW(&P.icred, h, NULL, REL_ISC_REQ, 0, SECURITY_NATIVE_DREP, token_desc(),
                                      0, h, out_desc(), &attrs, NULL);
}
static SECURITY_STATUS f_asc_continue(SecHandle *h)
{
    ULONG attrs;
    return AcceptSecurityContext(&P.acred, h, token_desc(), REL_ASC_REQ, SECURITY_NATIVE_DREP, h, out_desc(),
                                 &attrs, NULL);
}

static SECURITY_STATUS f_free_cred(SecHandle *h) { return FreeCredentialsHandle(h); }
static SECURITY_STATUS f_qcred_a(SecHandle *h)
{
    return QueryCredentialsAttributesA(h, SECPKG_CRED_ATTR_NAMES, &attr);
}
static SECURITY_STATUS f_qcred_w(SecHandle *h)
{
    return QueryCredentialsAttributesW(h, SECPKG_CRED_ATTR_NAMES, &attr);
}
static SECURITY_STATUS f_qcredx_a(SecHandle *h)
{
    return QueryCredentialsAttributesExA(h, SECPKG_CRED_ATTR_NAMES, &attr, sizeof(attr));
}
static SECURITY_STATUS f_qcredx_w(SecHandle *h)
{
    return QueryCredentialsAttributesExW(h, SECPKG_CRED_ATTR_NAMES, &attr, sizeof(attr));
}
static SECURITY_STATUS f_scred_a(SecHandle *h) { return SetCredentialsAttributesA(h, 1, &attr, 4); }
static SECURITY_STATUS f_scred_w(SecHandle *h) { return SetCredentialsAttributesW(h, 1, &attr, 4); }
static SECURITY_STATUS f_addcred_a(SecHandle *h)
{
    return AddCredentialsA(h, NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL, NULL, NULL, NULL);
}
static SECURITY_STATUS f_addcred_w(SecHandle *h)
{
    return AddCredentialsW(h, NULL, (SEC_WCHAR *)u"Kerberos", SECPKG_CRED_OUTBOUND, NULL, NULL, NULL, NULL);
}
static SECURITY_STATUS f_isc_first_a(SecHandle *h)
{
    CtxtHandle c;
    ULONG attrs;
    SECURITY_STATUS st = InitializeSecurityContextA(h, NULL, (SEC_CHAR *)"host/localhost", REL_ISC_REQ, 0,
                                                    SECURITY_NATIVE_DREP, NULL, 0, &c, out_desc(), &attrs, NULL);
    if (st >= 0)
        DeleteSecurityContext(&c);
    return st;
}
static SECURITY_STATUS f_isc_first_w(SecHandle *h)
{
    CtxtHandle c;
    ULONG attrs;
    SECURITY_STATUS st = InitializeSecurityContextW(h, NULL, (SEC_WCHAR *)u"host/localhost", REL_ISC_REQ, 0,
                                                    SECURITY_NATIVE_DREP, NULL, 0, &c, out_desc(), &attrs, NULL);
    if (st >= 0)
        DeleteSecurityContext(&c);
    return st;
}
static SECURITY_STATUS f_asc_first(SecHandle *h)
{
    CtxtHandle c;
    ULONG attrs;
    memset(tok, 0x60, sizeof(tok));
    SECURITY_STATUS st = AcceptSecurityContext(h, NULL, token_desc(), REL_ASC_REQ, SECURITY_NATIVE_DREP, &c,
                                               out_desc(), &attrs, NULL);
    if (st >= 0)
        DeleteSecurityContext(&c);
    return st;
}

static const fn_row fn_rows[] = {
    {"EncryptMessage", 0, f_encrypt, 0},
    {"DecryptMessage", 0, f_decrypt, 0},
    {"MakeSignature", 0, f_sign, 0},
    {"VerifySignature", 0, f_verify, 0},
    {"QueryContextAttributesA", 0, f_qca_a, 0},
    {"QueryContextAttributesW", 0, f_qca_w, 0},
    {"QueryContextAttributesExA", 0, f_qcax_a, 0},
    {"QueryContextAttributesExW", 0, f_qcax_w, 0},
    {"SetContextAttributesA", 0, f_sca_a, 0},
    {"SetContextAttributesW", 0, f_sca_w, 0},
    {"DeleteSecurityContext", 0, f_delete, 0},
    {"ExportSecurityContext", 0, f_export, 0},
    {"ImpersonateSecurityContext", 0, f_impersonate, 0},
    {"RevertSecurityContext", 0, f_revert, 0},
    {"QuerySecurityContextToken", 0, f_ctx_token, 0},
    {"ApplyControlToken", 0, f_apply, 0},
    {"CompleteAuthToken", 0, f_complete, 0},
    {"InitializeSecurityContextA (phContext)", 0, f_isc_continue_a, 1},
    {"InitializeSecurityContextW (phContext)", 0, f_isc_continue_w, 1},
    {"AcceptSecurityContext (phContext)", 0, f_asc_continue, 1},
    {"FreeCredentialsHandle", 1, f_free_cred, 0},
    {"QueryCredentialsAttributesA", 1, f_qcred_a, 0},
    {"QueryCredentialsAttributesW", 1, f_qcred_w, 0},
    {"QueryCredentialsAttributesExA", 1, f_qcredx_a, 0},
    {"QueryCredentialsAttributesExW", 1, f_qcredx_w, 0},
    {"SetCredentialsAttributesA", 1, f_scred_a, 0},
    {"SetCredentialsAttributesW", 1, f_scred_w, 0},
    {"AddCredentialsA", 1, f_addcred_a, 0},
    {"AddCredentialsW", 1, f_addcred_w, 0},
    {"InitializeSecurityContextA (phCredential)", 1, f_isc_first_a, 0},
    {"InitializeSecurityContextW (phCredential)", 1, f_isc_first_w, 0},
    {"AcceptSecurityContext (phCredential)", 1, f_asc_first, 0},
};

#define N_FN (sizeof(fn_rows) / sizeof(fn_rows[0]))

/* ---- Bad handles -------------------------------------------------------------------------- */

enum {
    BAD_NULL,
    BAD_ZEROED,
    BAD_INVALIDATED,
    BAD_ALL_ONES,
    BAD_STALE,           /* its kind, deleted */
    BAD_OTHER_KIND,      /* a live handle of the other kind */
    BAD_NEXT_GENERATION, /* a live handle of its kind, generation + 1 */
    BAD_PREV_GENERATION,
    BAD_NEXT_INDEX,      /* a live handle of its kind, slot index + 64 */
    BAD_TYPE_BITS,       /* a live handle of its kind with the other kind's type bits */
    BAD_SWAPPED,         /* a live handle of its kind with its halves swapped */
    BAD_RANDOM,          /* the first of BAD_RANDOM_COUNT random ones */
    BAD_RANDOM_COUNT = 64,
    BAD_KINDS = BAD_RANDOM + BAD_RANDOM_COUNT,
};

static const char *bad_name(int kind)
{
    static const char *names[] = {"NULL", "zeroed", "SecInvalidateHandle'd", "all ones", "deleted",
                                  "of the other kind", "next generation", "previous generation",
                                  "another slot", "other kind's type bits", "halves swapped"};
    return kind < BAD_RANDOM ? names[kind] : "random";
}

/* Handles the tests forge from: the type tag sits in dwLower's top 16 bits and the kind in
 * bits 40-47 (bridge/handle.c). */
#define TYPE_BITS ((ULONG_PTR)0xFF << 40)

static uint64_t rng_state = 0x9E3779B97F4A7C15u;
static uint64_t rng_next(void)
{
    /* xorshift64*: reproducible random handles. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 0x2545F4914F6CDD1Du;
}

/* The handle of that kind for a function taking a credential (cred) or a context. NULL for
 * BAD_NULL. stale_ctx / stale_cred are handles deleted earlier. */
static SecHandle *bad_handle(int kind, int cred, SecHandle *storage, const SecHandle *stale_ctx,
                             const SecHandle *stale_cred)
{
    const SecHandle *live = cred ? &P.icred : &P.ictx;
    const SecHandle *other = cred ? (const SecHandle *)&P.actx : (const SecHandle *)&P.acred;
    switch (kind) {
    case BAD_NULL:
        return NULL;
    case BAD_ZEROED:
        memset(storage, 0, sizeof(*storage));
        break;
    case BAD_INVALIDATED:
        SecInvalidateHandle(storage);
        break;
    case BAD_ALL_ONES:
        memset(storage, 0xFF, sizeof(*storage));
        break;
    case BAD_STALE:
        *storage = cred ? *stale_cred : *stale_ctx;
        break;
    case BAD_OTHER_KIND:
        *storage = *other;
        break;
    case BAD_NEXT_GENERATION:
        *storage = *live;
        storage->dwUpper++;
        break;
    case BAD_PREV_GENERATION:
        *storage = *live;
        storage->dwUpper--;
        break;
    case BAD_NEXT_INDEX:
        *storage = *live;
        storage->dwLower += 64;
        break;
    case BAD_TYPE_BITS:
        *storage = *live;
        storage->dwLower = (storage->dwLower & ~TYPE_BITS) | (other->dwLower & TYPE_BITS);
        break;
    case BAD_SWAPPED:
        storage->dwLower = live->dwUpper;
        storage->dwUpper = live->dwLower;
        break;
    default:
        storage->dwLower = (ULONG_PTR)rng_next();
        storage->dwUpper = (ULONG_PTR)rng_next();
        break;
    }
    return storage;
}

/* One context and one credential, made and deleted: their handles are stale. */
static void make_stale(CtxtHandle *ctx, CredHandle *cred)
{
    rel_pair q;
    CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &q), 0);
    *ctx = q.ictx;
    *cred = q.icred;
    rel_pair_free(&q);
}

static void test_every_handle_function_refuses_every_bad_handle(void)
{
    CtxtHandle stale_ctx;
    CredHandle stale_cred;
    size_t handles = handle_live_count(), blocks = mem_live_count();
    char msg[256];

    make_stale(&stale_ctx, &stale_cred);
    for (size_t f = 0; f < N_FN; f++) {
        for (int kind = fn_rows[f].null_is_first ? BAD_NULL + 1 : BAD_NULL; kind < BAD_KINDS; kind++) {
            SecHandle storage;
            SecHandle *h = bad_handle(kind, fn_rows[f].cred, &storage, &stale_ctx, &stale_cred);
            SecHandle copy = h ? *h : storage;
            SECURITY_STATUS st = fn_rows[f].call(h);
            snprintf(msg, sizeof(msg), "%s with a %s handle: %s", fn_rows[f].name, bad_name(kind),
                     sspibridge_status_name(st));
            CU_assertImplementation(st == SEC_E_INVALID_HANDLE ? CU_TRUE : CU_FALSE, __LINE__, msg,
                                    __FILE__, "", CU_FALSE);
            /* The caller's handle is left as it was (no function "clears" a bad one). */
            if (h != NULL)
                CU_ASSERT(memcmp(h, &copy, sizeof(copy)) == 0);
        }
    }
    /* None of that touched the live objects or left anything behind. */
    CU_ASSERT_EQUAL(rel_pair_works(&P), SEC_E_OK);
    CU_ASSERT_EQUAL(handle_live_count(), handles);
    CU_ASSERT_EQUAL(mem_live_count(), blocks);
}

/* ---- Deletion ------------------------------------------------------------------------------ */

static void test_double_delete_and_double_free_are_invalid_handle(void)
{
    rel_pair q;
    CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &q), 0);
    CtxtHandle copy = q.ictx;
    CU_ASSERT_EQUAL(DeleteSecurityContext(&q.ictx), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&q.ictx), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&copy), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&q.icred), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&q.icred), SEC_E_INVALID_HANDLE);
    /* The other half of the pair is untouched by all that. */
    SecPkgContext_Sizes sz;
    CU_ASSERT_EQUAL(QueryContextAttributesA(&q.actx, SECPKG_ATTR_SIZES, &sz), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&q.actx), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&q.acred), SEC_E_OK);
}

static void test_use_after_delete_is_invalid_handle_everywhere(void)
{
    rel_pair q;
    CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &q), 0);
    CtxtHandle ictx = q.ictx, actx = q.actx;
    CredHandle icred = q.icred, acred = q.acred;
    rel_pair_free(&q);
    for (size_t f = 0; f < N_FN; f++) {
        SecHandle h = fn_rows[f].cred ? (f % 2 ? icred : acred) : (f % 2 ? ictx : actx);
        CU_ASSERT_EQUAL(fn_rows[f].call(&h), SEC_E_INVALID_HANDLE);
    }
}

/* A slot freed by one delete and reused by the next object: the old handle names nothing. */
static void test_stale_handle_never_names_the_object_that_reuses_its_slot(void)
{
    rel_pair q, r;
    CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &q), 0);
    CtxtHandle old = q.ictx;
    rel_pair_free(&q);
    CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &r), 0);
    /* The handle table hands out the most recently freed slot first: one of the new
     * objects sits where the old context was. */
    CU_ASSERT(r.ictx.dwLower == old.dwLower || r.actx.dwLower == old.dwLower ||
              (r.icred.dwLower & 0xFFFFFFFFFFu) == (old.dwLower & 0xFFFFFFFFFFu) ||
              (r.acred.dwLower & 0xFFFFFFFFFFu) == (old.dwLower & 0xFFFFFFFFFFu));
    CU_ASSERT_EQUAL(EncryptMessage(&old, 0, message_desc(), 0), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&old), SEC_E_INVALID_HANDLE);
    CU_ASSERT_EQUAL(rel_pair_works(&r), SEC_E_OK);
    rel_pair_free(&r);
}

/* Contexts hold their credential: freeing the credential handle first is fine. */
static void test_contexts_outlive_their_credential_handles(void)
{
    rel_pair q;
    CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &q), 0);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&q.icred), SEC_E_OK);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&q.acred), SEC_E_OK);
    CU_ASSERT_EQUAL(rel_pair_works(&q), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&q.ictx), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&q.actx), SEC_E_OK);
}

/* A half-open initiator context whose credential is freed before its second leg. */
static void test_half_open_context_outlives_its_credential_handle(void)
{
    CredHandle ic, ac;
    CtxtHandle ictx, actx;
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, NULL, &ic), SEC_E_OK);
    CU_ASSERT_EQUAL_FATAL(est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &ac), SEC_E_OK);
    unsigned char t1[4096], t2[4096];
    SecBuffer o1 = {sizeof(t1), SECBUFFER_TOKEN, t1};
    SecBufferDesc d1 = {SECBUFFER_VERSION, 1, &o1};
    ULONG attrs;
    CU_ASSERT_EQUAL_FATAL(InitializeSecurityContextA(&ic, NULL, (SEC_CHAR *)"host/localhost", REL_ISC_REQ, 0,
                                                     SECURITY_NATIVE_DREP, NULL, 0, &ictx, &d1, &attrs, NULL),
                          SEC_I_CONTINUE_NEEDED);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&ic), SEC_E_OK);
    SecBuffer i2 = o1, o2 = {sizeof(t2), SECBUFFER_TOKEN, t2};
    SecBufferDesc di2 = {SECBUFFER_VERSION, 1, &i2}, do2 = {SECBUFFER_VERSION, 1, &o2};
    CU_ASSERT_EQUAL_FATAL(AcceptSecurityContext(&ac, NULL, &di2, REL_ASC_REQ, SECURITY_NATIVE_DREP, &actx, &do2,
                                                &attrs, NULL),
                          SEC_E_OK);
    CU_ASSERT_EQUAL(FreeCredentialsHandle(&ac), SEC_E_OK);
    SecBufferDesc di3 = {SECBUFFER_VERSION, 1, &o2};
    SecBuffer o3 = {sizeof(t1), SECBUFFER_TOKEN, t1};
    SecBufferDesc do3 = {SECBUFFER_VERSION, 1, &o3};
    CU_ASSERT_EQUAL(InitializeSecurityContextA(NULL, &ictx, NULL, REL_ISC_REQ, 0, SECURITY_NATIVE_DREP, &di3, 0,
                                               &ictx, &do3, &attrs, NULL),
                    SEC_E_OK);
    rel_pair q = {ic, ac, ictx, actx};
    CU_ASSERT_EQUAL(rel_pair_works(&q), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&ictx), SEC_E_OK);
    CU_ASSERT_EQUAL(DeleteSecurityContext(&actx), SEC_E_OK);
}

/* ---- Deleted while in use on another thread --------------------------------------------- */

typedef struct worker {
    CtxtHandle h;         /* a copy of the handle: the main thread deletes its own */
    int op;               /* 0 encrypt, 1 decrypt garbage, 2 sign, 3 query sizes */
    atomic_int stop;
    atomic_long calls_ok, calls_invalid, calls_other;
    SECURITY_STATUS other;
    int ok_after_invalid; /* a success after the handle was seen deleted */
} worker;

static void *worker_main(void *arg)
{
    worker *w = arg;
    unsigned char t[256], d[64], s[128];
    int seen_invalid = 0;
    memset(d, 'd', sizeof(d));
    while (!atomic_load(&w->stop)) {
        SECURITY_STATUS st;
        SecPkgContext_Sizes sz;
        ULONG qop;
        SecBuffer mb[2] = {{sizeof(t), SECBUFFER_TOKEN, t}, {sizeof(d), SECBUFFER_DATA, d}};
        SecBufferDesc md = {SECBUFFER_VERSION, 2, mb};
        memset(s, 0, sizeof(s));
        SecBuffer sb[2] = {{sizeof(s), SECBUFFER_STREAM, s}, {0, SECBUFFER_DATA, NULL}};
        SecBufferDesc sd = {SECBUFFER_VERSION, 2, sb};
        switch (w->op) {
        case 0:
            st = EncryptMessage(&w->h, 0, &md, 0);
            break;
        case 1:
            /* Garbage: refused by GSSAPI while live, SEC_E_INVALID_HANDLE once deleted. */
            st = DecryptMessage(&w->h, &sd, 0, &qop);
            if (st == SEC_E_INVALID_TOKEN)
                st = SEC_E_OK;
            break;
        case 2:
            st = MakeSignature(&w->h, 0, &md, 0);
            break;
        default:
            st = QueryContextAttributesA(&w->h, SECPKG_ATTR_SIZES, &sz);
            break;
        }
        if (st == SEC_E_OK) {
            atomic_fetch_add(&w->calls_ok, 1);
            if (seen_invalid)
                w->ok_after_invalid = 1;
        } else if (st == SEC_E_INVALID_HANDLE) {
            seen_invalid = 1;
            if (atomic_fetch_add(&w->calls_invalid, 1) > 50)
                break; /* deleted for good: enough proof */
        } else {
            w->other = st;
            atomic_fetch_add(&w->calls_other, 1);
        }
    }
    return NULL;
}

/* Spins until *counter is non-zero or about five seconds have passed. */
static void wait_nonzero(atomic_long *counter)
{
    for (int i = 0; i < 5000 && atomic_load(counter) == 0; i++) {
        struct timespec tick = {0, 1000000L};
        nanosleep(&tick, NULL);
    }
}

/* Four threads use both contexts of a pair (encrypting, decrypting, signing, querying) while
 * the main thread deletes the contexts under them, at a different moment each round: every
 * call either works or says SEC_E_INVALID_HANDLE, and none works again after that. ASan,
 * TSan and valgrind runs of this test are what show no freed memory is touched. */
static void test_context_deleted_while_other_threads_use_it(void)
{
    enum { ROUNDS = 12, WORKERS = 4 };
    for (int round = 0; round < ROUNDS; round++) {
        rel_pair q;
        worker w[WORKERS];
        pthread_t t[WORKERS];
        CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &q), 0);
        for (int i = 0; i < WORKERS; i++) {
            w[i].h = i % 2 ? q.actx : q.ictx;
            w[i].op = i;
            w[i].other = SEC_E_OK;
            w[i].ok_after_invalid = 0;
            atomic_init(&w[i].stop, 0);
            atomic_init(&w[i].calls_ok, 0);
            atomic_init(&w[i].calls_invalid, 0);
            atomic_init(&w[i].calls_other, 0);
            CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, worker_main, &w[i]), 0);
        }
        for (int i = 0; i < WORKERS; i++)
            wait_nonzero(&w[i].calls_ok);
        /* Let them run a little, more each round. */
        struct timespec pause = {0, 200000L * round};
        nanosleep(&pause, NULL);
        CU_ASSERT_EQUAL(DeleteSecurityContext(&q.ictx), SEC_E_OK);
        CU_ASSERT_EQUAL(DeleteSecurityContext(&q.actx), SEC_E_OK);
        for (int i = 0; i < WORKERS; i++) {
            wait_nonzero(&w[i].calls_invalid);
            atomic_store(&w[i].stop, 1);
            pthread_join(t[i], NULL);
            CU_ASSERT(atomic_load(&w[i].calls_ok) > 0);
            CU_ASSERT(atomic_load(&w[i].calls_invalid) > 0);
            CU_ASSERT_EQUAL(atomic_load(&w[i].calls_other), 0);
            if (atomic_load(&w[i].calls_other) != 0)
                fprintf(stderr, "worker %d: unexpected %s\n", i, sspibridge_status_name(w[i].other));
            CU_ASSERT_FALSE(w[i].ok_after_invalid);
        }
        FreeCredentialsHandle(&q.icred);
        FreeCredentialsHandle(&q.acred);
    }
}

typedef struct deleter {
    CtxtHandle h;
    atomic_int *go;
    SECURITY_STATUS st;
} deleter;

static void *deleter_main(void *arg)
{
    deleter *d = arg;
    while (!atomic_load(d->go))
        ;
    d->st = DeleteSecurityContext(&d->h);
    return NULL;
}

/* Windows warns against deleting one handle from two threads at once; the bridge still keeps
 * it sound: exactly one delete succeeds. */
static void test_racing_deletes_succeed_exactly_once(void)
{
    enum { ROUNDS = 20, THREADS = 4 };
    for (int round = 0; round < ROUNDS; round++) {
        rel_pair q;
        deleter d[THREADS];
        pthread_t t[THREADS];
        atomic_int go;
        atomic_init(&go, 0);
        CU_ASSERT_EQUAL_FATAL(rel_pair_make(REL_ISC_REQ, REL_ASC_REQ, &q), 0);
        for (int i = 0; i < THREADS; i++) {
            d[i].h = q.ictx;
            d[i].go = &go;
            CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, deleter_main, &d[i]), 0);
        }
        atomic_store(&go, 1);
        int ok = 0, invalid = 0;
        for (int i = 0; i < THREADS; i++) {
            pthread_join(t[i], NULL);
            ok += d[i].st == SEC_E_OK;
            invalid += d[i].st == SEC_E_INVALID_HANDLE;
        }
        CU_ASSERT_EQUAL(ok, 1);
        CU_ASSERT_EQUAL(invalid, THREADS - 1);
        rel_pair_free(&q);
    }
}

static void test_nothing_leaks_across_the_suite(void)
{
    /* The suite's own pair: two contexts, two credentials. */
    CU_ASSERT_EQUAL(handle_live_count(), 4);
    CU_ASSERT_EQUAL(mem_live_count(), 0);
}

static CU_TestInfo tests[] = {
    {"every handle function refuses every bad handle", test_every_handle_function_refuses_every_bad_handle},
    {"double delete and double free are SEC_E_INVALID_HANDLE",
     test_double_delete_and_double_free_are_invalid_handle},
    {"use after delete is SEC_E_INVALID_HANDLE everywhere", test_use_after_delete_is_invalid_handle_everywhere},
    {"a stale handle never names the object that reuses its slot",
     test_stale_handle_never_names_the_object_that_reuses_its_slot},
    {"contexts outlive their credential handles", test_contexts_outlive_their_credential_handles},
    {"a half-open context outlives its credential handle", test_half_open_context_outlives_its_credential_handle},
    {"a context deleted while other threads use it", test_context_deleted_while_other_threads_use_it},
    {"racing deletes succeed exactly once", test_racing_deletes_succeed_exactly_once},
    {"nothing leaks across the suite", test_nothing_leaks_across_the_suite},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("handle misuse", suite_init, suite_clean, tests)
