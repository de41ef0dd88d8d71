/* Concurrency stress, for ThreadSanitizer (make check-tsan) as much as for itself: many
 * threads establishing, protecting and deleting contexts on shared credential handles; the
 * pattern Microsoft documents for one context (one thread sending while another receives, in
 * both directions at once); credential handles made and freed while others use the table;
 * attribute queries beside message calls. Every call must succeed, and at the end nothing
 * is left: no handle, no FreeContextBuffer block. */
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

static realm test_realm;
static CredHandle shared_icred, shared_acred;

/* Enough to interleave, few enough for TSan and valgrind (each slows this 10-50 times). */
#define THREADS 6
#define ROUNDS 4
#define MESSAGES 12

/* MIT locks FILE credential caches and replay caches with open-file-description locks
 * (F_OFD_SETLKW), which valgrind does not know may block: two threads of one process
 * contending for such a file deadlock under valgrind (the blocked thread keeps valgrind's
 * own lock). So the shared initiator credential is a password one (its tickets live in a
 * memory cache, locked with mutexes) and the acceptor keeps no replay cache; the FILE cache
 * is only ever read (shared locks) by the threads that acquire default credentials. */
static int suite_init(void)
{
    setenv("KRB5RCACHETYPE", "none", 1);
    if (realm_up(NULL, &test_realm) != 0 || realm_kinit(&test_realm) != 0)
        return -1;
    SEC_WINNT_AUTH_IDENTITY_A id = {(unsigned char *)test_realm.user, (ULONG)strlen(test_realm.user), NULL, 0,
                                    (unsigned char *)test_realm.password, (ULONG)strlen(test_realm.password),
                                    SEC_WINNT_AUTH_IDENTITY_ANSI};
    if (est_acquire("Kerberos", NULL, SECPKG_CRED_OUTBOUND, &id, &shared_icred) != SEC_E_OK ||
        est_acquire("Kerberos", NULL, SECPKG_CRED_INBOUND, NULL, &shared_acred) != SEC_E_OK)
        return -1;
    /* The service ticket, fetched once before the threads start. */
    CtxtHandle i, a;
    est_result res;
    if (est_run(&shared_icred, &shared_acred, "host/localhost", NULL, &i, &a, &res) != 0)
        return -1;
    DeleteSecurityContext(&i);
    DeleteSecurityContext(&a);
    return 0;
}

static int suite_clean(void)
{
    FreeCredentialsHandle(&shared_icred);
    FreeCredentialsHandle(&shared_acred);
    realm_down(&test_realm);
    return 0;
}

/* What a thread saw: the first failure, if any. */
typedef struct outcome {
    SECURITY_STATUS first_failure;
    const char *where;
    long calls;
} outcome;

static void note(outcome *o, SECURITY_STATUS st, const char *where)
{
    o->calls++;
    if (st < 0 && o->first_failure == SEC_E_OK) {
        o->first_failure = st;
        o->where = where;
    }
}

static void expect_clean(const outcome *o, int n)
{
    for (int i = 0; i < n; i++) {
        if (o[i].first_failure != SEC_E_OK)
            fprintf(stderr, "thread %d: %s failed with %s\n", i, o[i].where,
                    sspibridge_status_name(o[i].first_failure));
        CU_ASSERT_EQUAL(o[i].first_failure, SEC_E_OK);
        CU_ASSERT(o[i].calls > 0);
    }
}

/* One establishment on the shared credentials, in full. */
static SECURITY_STATUS establish(CtxtHandle *ictx, CtxtHandle *actx, ULONG extra_isc, ULONG extra_asc)
{
    est_result res;
    est_opts opts = {REL_ISC_REQ | extra_isc, REL_ASC_REQ | extra_asc, NULL, NULL, 0};
    if (est_run(&shared_icred, &shared_acred, "host/localhost", &opts, ictx, actx, &res) == 0)
        return SEC_E_OK;
    if (SecIsValidHandle(ictx))
        DeleteSecurityContext(ictx);
    if (SecIsValidHandle(actx))
        DeleteSecurityContext(actx);
    return res.failed_side == 1 ? res.isc_status : res.asc_status;
}

/* ---- Many independent pairs ------------------------------------------------------------ */

static void *pair_worker(void *arg)
{
    outcome *o = arg;
    for (int round = 0; round < ROUNDS; round++) {
        CtxtHandle ictx, actx;
        /* Every other round in DCE style (three legs). */
        ULONG isc = round % 2 ? ISC_REQ_USE_DCE_STYLE : 0;
        ULONG asc = round % 2 ? ASC_REQ_USE_DCE_STYLE : 0;
        SECURITY_STATUS st = establish(&ictx, &actx, isc, asc);
        note(o, st, "establishment");
        if (st != SEC_E_OK)
            continue;
        for (int m = 0; m < MESSAGES; m++) {
            note(o, rel_round_trip(&ictx, &actx), "initiator to acceptor");
            note(o, rel_round_trip(&actx, &ictx), "acceptor to initiator");
        }
        SecPkgContext_NamesA names = {0};
        st = QueryContextAttributesA(&actx, SECPKG_ATTR_NAMES, &names);
        note(o, st, "SECPKG_ATTR_NAMES");
        if (st == SEC_E_OK && strcmp(names.sUserName, test_realm.user) != 0)
            note(o, SEC_E_INTERNAL_ERROR, "SECPKG_ATTR_NAMES value");
        FreeContextBuffer(names.sUserName);
        note(o, DeleteSecurityContext(&ictx), "DeleteSecurityContext (initiator)");
        note(o, DeleteSecurityContext(&actx), "DeleteSecurityContext (acceptor)");
    }
    return NULL;
}

static void test_many_threads_establish_protect_and_delete_on_shared_credentials(void)
{
    pthread_t t[THREADS];
    outcome o[THREADS];
    size_t handles = handle_live_count();
    memset(o, 0, sizeof(o));
    for (int i = 0; i < THREADS; i++)
        CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, pair_worker, &o[i]), 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    expect_clean(o, THREADS);
    CU_ASSERT_EQUAL(handle_live_count(), handles);
    CU_ASSERT_EQUAL(mem_live_count(), 0);
}

/* ---- One context, a sender and a receiver in each direction ----------------------------- */

#define WIRE_SLOTS 64
#define WIRE_MAX 512

typedef struct direction {
    CtxtHandle *from, *to;
    int dce;               /* the contexts are DCE style */
    unsigned char wire[WIRE_SLOTS][WIRE_MAX];
    size_t len[WIRE_SLOTS];
    ULONG qop[WIRE_SLOTS]; /* the QOP each slot was sealed with */
    atomic_int produced;   /* slots the sender filled (release), the receiver reads (acquire) */
    outcome send, recv;
} direction;

static void *sender(void *arg)
{
    direction *d = arg;
    for (int i = 0; i < WIRE_SLOTS; i++) {
        char msg[32];
        snprintf(msg, sizeof(msg), "message %d", i);
        d->qop[i] = i % 3 == 0 ? SECQOP_WRAP_NO_ENCRYPT : 0;
        /* Heimdal makes no integrity-only wrap token in DCE style (README, "Heimdal backend"):
         * refused with exactly SEC_E_QOP_NOT_SUPPORTED, then that message is sealed. */
        if (d->qop[i] != 0 && d->dce && test_backend_heimdal()) {
            SECURITY_STATUS st = rel_seal(d->from, d->qop[i], msg, strlen(msg), d->wire[i], WIRE_MAX, &d->len[i]);
            if (st != SEC_E_QOP_NOT_SUPPORTED)
                note(&d->send, st == SEC_E_OK ? SEC_E_INTERNAL_ERROR : st, "integrity-only EncryptMessage (DCE)");
            d->qop[i] = 0;
        }
        note(&d->send, rel_seal(d->from, d->qop[i], msg, strlen(msg), d->wire[i], WIRE_MAX, &d->len[i]),
             "EncryptMessage");
        atomic_store_explicit(&d->produced, i + 1, memory_order_release);
    }
    return NULL;
}

static void *receiver(void *arg)
{
    direction *d = arg;
    for (int i = 0; i < WIRE_SLOTS; i++) {
        while (atomic_load_explicit(&d->produced, memory_order_acquire) <= i)
            sched_yield();
        char msg[32];
        ULONG qop = 0;
        snprintf(msg, sizeof(msg), "message %d", i);
        SecBuffer b[2] = {{(ULONG)d->len[i], SECBUFFER_STREAM, d->wire[i]}, {0, SECBUFFER_DATA, NULL}};
        SecBufferDesc desc = {SECBUFFER_VERSION, 2, b};
        SECURITY_STATUS st = DecryptMessage(d->to, &desc, 0, &qop);
        note(&d->recv, st, "DecryptMessage");
        if (st == SEC_E_OK && (b[1].cbBuffer != strlen(msg) || memcmp(b[1].pvBuffer, msg, strlen(msg)) != 0 ||
                               qop != d->qop[i]))
            note(&d->recv, SEC_E_MESSAGE_ALTERED, "DecryptMessage result");
    }
    return NULL;
}

/* Queries beside the message traffic (SIZES is read by every EncryptMessage's caller). */
typedef struct querier {
    CtxtHandle *h;
    atomic_int *stop;
    outcome o;
} querier;

static void *query_worker(void *arg)
{
    querier *q = arg;
    do {
        SecPkgContext_Sizes sz;
        SecPkgContext_SessionKey key = {0, NULL};
        note(&q->o, QueryContextAttributesA(q->h, SECPKG_ATTR_SIZES, &sz), "SECPKG_ATTR_SIZES");
        SECURITY_STATUS st = QueryContextAttributesW(q->h, SECPKG_ATTR_SESSION_KEY, &key);
        note(&q->o, st, "SECPKG_ATTR_SESSION_KEY");
        FreeContextBuffer(key.SessionKey);
    } while (!atomic_load(q->stop));
    return NULL;
}

/* "EncryptMessage (Kerberos) and DecryptMessage (Kerberos) can be called at the same time
 * from two different threads in a single SSPI context if one thread is encrypting and the
 * other is decrypting": both directions of two pairs at once, fresh contexts (the first
 * messages of each kind are the ones that fill MIT's derived-key cache). */
static void test_one_sender_and_one_receiver_per_direction_on_fresh_contexts(void)
{
    enum { PAIRS = 2 };
    CtxtHandle ictx[PAIRS], actx[PAIRS];
    static direction dirs[PAIRS][2];
    pthread_t t[PAIRS][4], qt[PAIRS];
    static querier q[PAIRS];
    atomic_int stop;
    atomic_init(&stop, 0);
    for (int p = 0; p < PAIRS; p++) {
        CU_ASSERT_EQUAL_FATAL(establish(&ictx[p], &actx[p], p ? ISC_REQ_USE_DCE_STYLE : 0,
                                        p ? ASC_REQ_USE_DCE_STYLE : 0),
                              SEC_E_OK);
        for (int k = 0; k < 2; k++) {
            memset(&dirs[p][k], 0, sizeof(dirs[p][k]));
            dirs[p][k].from = k ? &actx[p] : &ictx[p];
            dirs[p][k].to = k ? &ictx[p] : &actx[p];
            dirs[p][k].dce = p != 0;
            atomic_init(&dirs[p][k].produced, 0);
        }
        q[p].h = &actx[p];
        q[p].stop = &stop;
        memset(&q[p].o, 0, sizeof(q[p].o));
    }
    for (int p = 0; p < PAIRS; p++) {
        for (int k = 0; k < 2; k++) {
            CU_ASSERT_EQUAL_FATAL(pthread_create(&t[p][(size_t)2 * k], NULL, sender, &dirs[p][k]), 0);
            CU_ASSERT_EQUAL_FATAL(pthread_create(&t[p][(size_t)2 * k + 1], NULL, receiver, &dirs[p][k]), 0);
        }
        CU_ASSERT_EQUAL_FATAL(pthread_create(&qt[p], NULL, query_worker, &q[p]), 0);
    }
    for (int p = 0; p < PAIRS; p++)
        for (int i = 0; i < 4; i++)
            pthread_join(t[p][i], NULL);
    atomic_store(&stop, 1);
    for (int p = 0; p < PAIRS; p++) {
        pthread_join(qt[p], NULL);
        for (int k = 0; k < 2; k++) {
            expect_clean(&dirs[p][k].send, 1);
            expect_clean(&dirs[p][k].recv, 1);
        }
        expect_clean(&q[p].o, 1);
        CU_ASSERT_EQUAL(DeleteSecurityContext(&ictx[p]), SEC_E_OK);
        CU_ASSERT_EQUAL(DeleteSecurityContext(&actx[p]), SEC_E_OK);
    }
    CU_ASSERT_EQUAL(mem_live_count(), 0);
}

/* ---- The handle table under churn -------------------------------------------------------- */

static void *cred_churn(void *arg)
{
    outcome *o = arg;
    for (int i = 0; i < ROUNDS * 8; i++) {
        CredHandle c[4];
        for (int k = 0; k < 4; k++)
            note(o, est_acquire("Kerberos", NULL, k % 2 ? SECPKG_CRED_INBOUND : SECPKG_CRED_OUTBOUND, NULL, &c[k]),
                 "AcquireCredentialsHandle");
        SecPkgCredentials_NamesW names = {NULL};
        SECURITY_STATUS st = QueryCredentialsAttributesW(&c[0], SECPKG_CRED_ATTR_NAMES, &names);
        note(o, st, "QueryCredentialsAttributesW");
        FreeContextBuffer(names.sUserName);
        for (int k = 3; k >= 0; k--)
            note(o, FreeCredentialsHandle(&c[k]), "FreeCredentialsHandle");
        /* And package lists, the other thing FreeContextBuffer keeps track of. */
        ULONG n;
        PSecPkgInfoW pkgs = NULL;
        note(o, EnumerateSecurityPackagesW(&n, &pkgs), "EnumerateSecurityPackagesW");
        note(o, FreeContextBuffer(pkgs), "FreeContextBuffer");
    }
    return NULL;
}

static void test_credential_handles_churn_while_contexts_work(void)
{
    pthread_t t[THREADS];
    outcome o[THREADS];
    size_t handles = handle_live_count();
    memset(o, 0, sizeof(o));
    for (int i = 0; i < THREADS; i++)
        CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, i % 2 ? cred_churn : pair_worker, &o[i]), 0);
    for (int i = 0; i < THREADS; i++)
        pthread_join(t[i], NULL);
    expect_clean(o, THREADS);
    CU_ASSERT_EQUAL(handle_live_count(), handles);
    CU_ASSERT_EQUAL(mem_live_count(), 0);
}

static CU_TestInfo tests[] = {
    {"many threads establish, protect and delete on shared credentials",
     test_many_threads_establish_protect_and_delete_on_shared_credentials},
    {"one sender and one receiver per direction on fresh contexts",
     test_one_sender_and_one_receiver_per_direction_on_fresh_contexts},
    {"credential handles churn while contexts work", test_credential_handles_churn_while_contexts_work},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("concurrency stress", suite_init, suite_clean, tests)
