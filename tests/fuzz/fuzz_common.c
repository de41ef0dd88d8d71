/* Realms, context pairs and live tokens for the fuzz targets. */
#include "tests/fuzz/fuzz_common.h"

#include "tests/realm/realm.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static realm fz_realms[2]; /* 0: AES, 1: RC4 */
static fz_pair fz_pairs[FZ_VARIANTS];
static int fz_have_rc4;

void fz_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("fuzz oracle: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    abort();
}

static void fz_die(const char *what, SECURITY_STATUS st)
{
    fprintf(stderr, "fuzz set-up: %s failed (0x%08X)\n", what, (unsigned)st);
    exit(2);
}

/* Password credentials: their tickets live in a memory cache the handle owns, so later calls
 * need neither the realm's environment nor its KDC. */
static void fz_initiator_cred(const realm *r, CredHandle *out)
{
    SEC_WINNT_AUTH_IDENTITY_A id = {0};
    id.User = (unsigned char *)r->user;
    id.UserLength = (ULONG)strlen(r->user);
    id.Password = (unsigned char *)r->password;
    id.PasswordLength = (ULONG)strlen(r->password);
    id.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI;
    SECURITY_STATUS st = AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_OUTBOUND, NULL,
                                                   &id, NULL, NULL, out, NULL);
    if (st != SEC_E_OK)
        fz_die("AcquireCredentialsHandle (password)", st);
}

SECURITY_STATUS fz_first_leg(fz_pair *p, CtxtHandle *h, unsigned char *out, size_t cap, size_t *out_len)
{
    SecBuffer ob = {(ULONG)cap, SECBUFFER_TOKEN, out};
    SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
    ULONG attrs;
    SECURITY_STATUS st = InitializeSecurityContextA(&p->icred, NULL, (SEC_CHAR *)p->target, p->isc_req, 0,
                                                    SECURITY_NATIVE_DREP, NULL, 0, h, &od, &attrs, NULL);
    *out_len = st >= 0 ? ob.cbBuffer : 0;
    return st;
}

/* Establishes p to the end, keeping the first two tokens. */
static void fz_establish(fz_pair *p)
{
    unsigned char tok[8192];
    size_t len = 0;
    ULONG attrs;
    SECURITY_STATUS ist = fz_first_leg(p, &p->ictx, p->ap_req, sizeof(p->ap_req), &p->ap_req_len);
    SECURITY_STATUS ast = SEC_I_CONTINUE_NEEDED;
    int have_a = 0;
    if (ist < 0)
        fz_die("InitializeSecurityContext", ist);
    memcpy(tok, p->ap_req, p->ap_req_len);
    len = p->ap_req_len;
    for (int round = 0; round < 4 && (ist != SEC_E_OK || ast != SEC_E_OK); round++) {
        if (ast == SEC_I_CONTINUE_NEEDED && len > 0) {
            SecBuffer ib = {(ULONG)len, SECBUFFER_TOKEN, tok};
            SecBufferDesc id = {SECBUFFER_VERSION, 1, &ib};
            unsigned char reply[8192];
            SecBuffer ob = {sizeof(reply), SECBUFFER_TOKEN, reply};
            SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
            ast = AcceptSecurityContext(&p->acred, have_a ? &p->actx : NULL, &id, p->asc_req,
                                        SECURITY_NATIVE_DREP, &p->actx, &od, &attrs, NULL);
            if (ast < 0)
                fz_die("AcceptSecurityContext", ast);
            if (!have_a) {
                memcpy(p->ap_rep, reply, ob.cbBuffer);
                p->ap_rep_len = ob.cbBuffer;
            }
            have_a = 1;
            memcpy(tok, reply, ob.cbBuffer);
            len = ob.cbBuffer;
        }
        if (ist == SEC_I_CONTINUE_NEEDED && len > 0) {
            SecBuffer ib = {(ULONG)len, SECBUFFER_TOKEN, tok};
            SecBufferDesc id = {SECBUFFER_VERSION, 1, &ib};
            unsigned char next[8192];
            SecBuffer ob = {sizeof(next), SECBUFFER_TOKEN, next};
            SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
            ist = InitializeSecurityContextA(&p->icred, &p->ictx, NULL, p->isc_req, 0, SECURITY_NATIVE_DREP,
                                             &id, 0, &p->ictx, &od, &attrs, NULL);
            if (ist < 0)
                fz_die("InitializeSecurityContext (continuation)", ist);
            memcpy(tok, next, ob.cbBuffer);
            len = ob.cbBuffer;
        } else {
            len = 0;
        }
    }
    if (ist != SEC_E_OK || ast != SEC_E_OK)
        fz_die("establishment", ist != SEC_E_OK ? ist : ast);
}

static void fz_pair_init(fz_pair *p, realm *r, int dce)
{
    /* No replay or sequence detection: one live token is accepted every time. */
    p->isc_req = ISC_REQ_MUTUAL_AUTH | ISC_REQ_CONFIDENTIALITY | ISC_REQ_INTEGRITY |
                 (dce ? ISC_REQ_USE_DCE_STYLE : 0);
    p->asc_req = ASC_REQ_MUTUAL_AUTH | ASC_REQ_CONFIDENTIALITY | ASC_REQ_INTEGRITY |
                 (dce ? ASC_REQ_USE_DCE_STYLE : 0);
    snprintf(p->target, sizeof(p->target), "host/localhost@%s", r->name);
    fz_initiator_cred(r, &p->icred);
    SECURITY_STATUS st = AcquireCredentialsHandleA(NULL, (SEC_CHAR *)"Kerberos", SECPKG_CRED_INBOUND, NULL,
                                                   NULL, NULL, NULL, &p->acred, NULL);
    if (st != SEC_E_OK)
        fz_die("AcquireCredentialsHandle (keytab)", st);
    fz_establish(p);
}

typedef struct fz_realm_setup {
    realm *r;
    fz_pair *plain, *dce;
} fz_realm_setup;

static void *fz_realm_pairs(void *arg)
{
    fz_realm_setup *s = arg;
    fz_pair_init(s->plain, s->r, 0);
    fz_pair_init(s->dce, s->r, 1);
    return NULL;
}

/* Heimdal's krb5 mechanism reads krb5.conf once per thread (tests/common/test_main.h): each
 * realm's pairs are made on a thread of their own, which reads that realm's KRB5_CONFIG. The
 * fuzzing thread then reads the last realm's, as MIT does for every call. */
static void fz_realm_up(realm *r, fz_pair *plain, fz_pair *dce)
{
    fz_realm_setup s = {r, plain, dce};
    pthread_t t;
    if (pthread_create(&t, NULL, fz_realm_pairs, &s) != 0)
        fz_die("pthread_create", 0);
    pthread_join(t, NULL);
}

void fz_init(void)
{
    static int done;
    const int rc4 = 1;
    if (done++)
        return;
    setenv("KRB5RCACHETYPE", "none", 1);
    /* The AES realm comes up last: its configuration (MIT's default enctypes, RC4 included)
     * is the one the library reads while fuzzing. */
    if (rc4) {
        realm_opts o = {"rc4-hmac", NULL, "RC4.SSPIBRIDGE.TEST", 0};
        if (realm_up(&o, &fz_realms[1]) != 0)
            fz_die("realm_up (RC4)", 0);
        fz_realm_up(&fz_realms[1], &fz_pairs[FZ_RC4], &fz_pairs[FZ_RC4_DCE]);
        fz_have_rc4 = 1;
    }
    realm_opts o = {"aes256-cts-hmac-sha1-96", NULL, NULL, 0};
    if (realm_up(&o, &fz_realms[0]) != 0)
        fz_die("realm_up (AES)", 0);
    fz_realm_up(&fz_realms[0], &fz_pairs[FZ_AES], &fz_pairs[FZ_AES_DCE]);
}

fz_pair *fz_pair_of(unsigned variant)
{
    variant &= FZ_VARIANT_MASK;
    if (!fz_have_rc4 && variant >= FZ_RC4)
        variant -= FZ_RC4;
    return &fz_pairs[variant];
}

size_t fz_token(const uint8_t *in, size_t len, const unsigned char *live, size_t live_len,
                unsigned char *out, size_t cap)
{
    if (len < 2)
        return 0;
    const uint8_t *mask = in + 2;
    size_t mask_len = len - 2;
    if (!(in[0] & FZ_XOR)) {
        size_t n = mask_len < cap ? mask_len : cap;
        memcpy(out, mask, n);
        return n;
    }
    size_t n = live_len < cap ? live_len : cap;
    memcpy(out, live, n);
    for (size_t i = 0; i < mask_len && i < n; i++)
        out[i] ^= mask[i];
    for (size_t i = n; i < mask_len && i < cap; i++)
        out[i] = mask[i];
    if (mask_len > n)
        n = mask_len < cap ? mask_len : cap;
    size_t cut = in[1];
    return cut < n ? n - cut : 0;
}
