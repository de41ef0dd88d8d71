/* auth_sspi: RPCSEC_GSS version 1 (RFC 2203) client side over SSPI. See auth_sspi.h.
 *
 * Wire format (RFC 2203 section 5), all XDR:
 *   credential (flavor RPCSEC_GSS = 6): rpc_gss_cred_vers_1_t
 *       { gss_proc, seq_num, service, opaque handle<> } after the version word 1
 *   INIT / CONTINUE_INIT: NULLPROC, argument opaque gss_token<>, null verifier; result
 *       rpc_gss_init_res { opaque handle<>, gss_major, gss_minor, seq_window,
 *       opaque gss_token<> }; once gss_major is GSS_S_COMPLETE the reply verifier is a
 *       MIC of seq_window (section 5.2.3.1)
 *   DATA: verifier = MIC over the call header from the xid up to and including the
 *       credential (5.3.1); reply verifier = MIC of seq_num (5.3.3.2)
 *   integrity: rpc_gss_integ_data { opaque databody_integ<>, opaque checksum<> } with
 *       databody = { seq_num, arguments } and checksum = MIC(databody) (5.3.2.2)
 *   privacy:   rpc_gss_priv_data { opaque databody_priv<> } = wrap(databody) (5.3.2.3)
 * A MIC is MakeSignature (DATA|TOKEN); a wrap token is EncryptMessage TOKEN|DATA|PADDING
 * concatenated, which sspibridge makes one standard RFC 4121 wrap token (as Windows'
 * Kerberos package does); DecryptMessage takes it back as one STREAM buffer. MessageSeqNo
 * carries the RPC sequence number; Kerberos ignores it (GSSAPI keeps its own). */
#include "interop/rpcsec/auth_sspi.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sspibridge.h>

#define RPCSEC_GSS_FLAVOR 6 /* RFC 2203 section 5: auth_flavor RPCSEC_GSS */
#define RPCSEC_GSS_VERS_1 1
#define RPC_VERSION_2 2
#define RPCSEC_GSS_MAXSEQ 0x80000000u /* 5.3.3.1: sequence numbers stay below MAXSEQ */

enum rpcsec_gss_proc {
    GSS_PROC_DATA = 0,
    GSS_PROC_INIT = 1,
    GSS_PROC_CONTINUE_INIT = 2,
    GSS_PROC_DESTROY = 3,
};

/* gss_major values carried in rpc_gss_init_res (RFC 2744 numbers; on the wire). */
#define WIRE_GSS_S_COMPLETE 0u
#define WIRE_GSS_S_CONTINUE_NEEDED 1u

/* Upper bound for one protected body we accept from a server. */
#define AUTH_SSPI_MAX_BODY (64u * 1024u * 1024u)

/* libtirpc's xdrproc_t is variadic; casting through void(*)(void) says the cast is meant. */
#define XDRPROC(f) ((xdrproc_t)(void (*)(void))(f))

typedef struct sspi_auth {
    pthread_mutex_t lock;
    CLIENT *clnt;
    CredHandle cred;
    int own_cred;
    CtxtHandle ctx;
    int have_ctx;
    SecPkgContext_Sizes sizes;
    int established;
    unsigned proc;
    unsigned seq; /* the sequence number of the call in progress */
    unsigned service;
    unsigned char handle[MAX_AUTH_BYTES];
    unsigned handle_len;
    unsigned win;
    unsigned char cred_buf[MAX_AUTH_BYTES];
    unsigned char verf_buf[MAX_AUTH_BYTES];
    unsigned char init_verf[MAX_AUTH_BYTES];
    unsigned init_verf_len;
    auth_sspi_tamper tamper;
    auth_sspi_error last;
    int have_last;
} sspi_auth;

static void auth_sspi_nextverf(AUTH *auth);
static bool_t auth_sspi_marshal(AUTH *auth, XDR *xdrs);
static bool_t auth_sspi_validate(AUTH *auth, struct opaque_auth *verf);
static bool_t auth_sspi_refresh(AUTH *auth, void *msg);
static void auth_sspi_destroy(AUTH *auth);
static bool_t auth_sspi_wrap(AUTH *auth, XDR *xdrs, xdrproc_t xfunc, caddr_t xwhere);
static bool_t auth_sspi_unwrap(AUTH *auth, XDR *xdrs, xdrproc_t xfunc, caddr_t xwhere);

static struct auth_ops auth_sspi_ops = {
    auth_sspi_nextverf, auth_sspi_marshal, auth_sspi_validate, auth_sspi_refresh,
    auth_sspi_destroy,  auth_sspi_wrap,    auth_sspi_unwrap,
};

static const struct timeval auth_sspi_timeout = {25, 0};

static sspi_auth *priv_of(AUTH *auth)
{
    if (auth == NULL || auth->ah_ops != &auth_sspi_ops)
        return NULL;
    return (sspi_auth *)auth->ah_private;
}

static void set_error(auth_sspi_error *err, SECURITY_STATUS st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_error(auth_sspi_error *err, SECURITY_STATUS st, const char *fmt, ...)
{
    va_list ap;
    if (err == NULL)
        return;
    err->status = st;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
    va_end(ap);
}

static void record(sspi_auth *a, SECURITY_STATUS st, const char *what)
{
    memset(&a->last, 0, sizeof(a->last));
    a->last.rpc_stat = RPC_SUCCESS;
    set_error(&a->last, st, "%s: %s (0x%08x)", what, sspibridge_status_name(st), (unsigned)st);
    a->have_last = 1;
}

/* Flips one byte: the last one, which lies in the checksum (MIC) or the ciphertext
 * (wrap token, whose trailer RRC rotates to the front) of every Kerberos token. */
static void flip_last(unsigned char *p, size_t n)
{
    if (n > 0)
        p[n - 1] ^= 0x5a;
}

/* ---- MIC and wrap over SSPI ------------------------------------------------------ */

/* MakeSignature over data into tok (capacity *tok_len in, length out). */
static SECURITY_STATUS sign(sspi_auth *a, const void *data, size_t len, unsigned char *tok,
                            ULONG *tok_len)
{
    SecBuffer b[2];
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    b[0].BufferType = SECBUFFER_DATA;
    b[0].cbBuffer = (ULONG)len;
    b[0].pvBuffer = (void *)data;
    b[1].BufferType = SECBUFFER_TOKEN;
    b[1].cbBuffer = *tok_len;
    b[1].pvBuffer = tok;
    SECURITY_STATUS st = MakeSignature(&a->ctx, 0, &d, a->seq);
    if (st == SEC_E_OK)
        *tok_len = b[1].cbBuffer;
    return st;
}

static SECURITY_STATUS verify(sspi_auth *a, const void *data, size_t len, unsigned char *tok,
                              size_t tok_len)
{
    SecBuffer b[2];
    SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
    ULONG qop = 0;
    b[0].BufferType = SECBUFFER_DATA;
    b[0].cbBuffer = (ULONG)len;
    b[0].pvBuffer = (void *)data;
    b[1].BufferType = SECBUFFER_TOKEN;
    b[1].cbBuffer = (ULONG)tok_len;
    b[1].pvBuffer = tok;
    return VerifySignature(&a->ctx, &d, a->seq, &qop);
}

/* ---- XDR of the control messages --------------------------------------------------- */

typedef struct init_res {
    char *handle;
    u_int handle_len;
    u_int major;
    u_int minor;
    u_int window;
    char *token;
    u_int token_len;
} init_res;

typedef struct init_args {
    char *token;
    u_int token_len;
} init_args;

static bool_t xdr_init_args(XDR *xdrs, init_args *p)
{
    return xdr_bytes(xdrs, &p->token, &p->token_len, AUTH_SSPI_MAX_BODY);
}

static bool_t xdr_init_res(XDR *xdrs, init_res *p)
{
    return xdr_bytes(xdrs, &p->handle, &p->handle_len, MAX_AUTH_BYTES) &&
           xdr_u_int(xdrs, &p->major) && xdr_u_int(xdrs, &p->minor) &&
           xdr_u_int(xdrs, &p->window) &&
           xdr_bytes(xdrs, &p->token, &p->token_len, AUTH_SSPI_MAX_BODY);
}

/* ---- the AUTH operations ----------------------------------------------------------- */

static void auth_sspi_nextverf(AUTH *auth)
{
    (void)auth; /* marshal makes the verifier */
}

static bool_t marshal_locked(AUTH *auth, sspi_auth *a, XDR *xdrs)
{
    XDR cx;
    u_int v = RPCSEC_GSS_VERS_1, proc = a->proc, svc = a->service;
    char *hp = (char *)a->handle;
    u_int hl = a->handle_len;

    if (a->established) {
        /* 5.3.3.1: a new sequence number for every call, retries included. */
        if (a->seq + 1 >= RPCSEC_GSS_MAXSEQ) {
            record(a, SEC_E_CONTEXT_EXPIRED, "sequence numbers exhausted");
            return FALSE;
        }
        a->seq++;
    }
    xdrmem_create(&cx, (char *)a->cred_buf, sizeof(a->cred_buf), XDR_ENCODE);
    if (!xdr_u_int(&cx, &v) || !xdr_u_int(&cx, &proc) || !xdr_u_int(&cx, &a->seq) ||
        !xdr_u_int(&cx, &svc) || !xdr_bytes(&cx, &hp, &hl, MAX_AUTH_BYTES))
        return FALSE;
    auth->ah_cred.oa_flavor = RPCSEC_GSS_FLAVOR;
    auth->ah_cred.oa_base = (caddr_t)a->cred_buf;
    auth->ah_cred.oa_length = XDR_GETPOS(&cx);
    XDR_DESTROY(&cx);
    if (!xdr_opaque_auth(xdrs, &auth->ah_cred))
        return FALSE;

    if (proc == GSS_PROC_INIT || proc == GSS_PROC_CONTINUE_INIT)
        return xdr_opaque_auth(xdrs, &_null_auth); /* 5.2.2: null verifier */

    /* 5.3.1: the verifier is a MIC over the header, xid through credential. The header
     * is in the stream's buffer right behind us: 8 words (xid, CALL, rpcvers, prog,
     * vers, proc, flavor, length) and the credential. Step back over exactly that and
     * check it is what we expect before signing it. */
    u_int cred_len = auth->ah_cred.oa_length;
    u_int hdr_len = 8 * BYTES_PER_XDR_UNIT + RNDUP(cred_len);
    u_int pos = XDR_GETPOS(xdrs);
    if (pos < hdr_len || !XDR_SETPOS(xdrs, pos - hdr_len)) {
        record(a, SEC_E_INTERNAL_ERROR, "RPC header not reachable in the XDR stream");
        return FALSE;
    }
    unsigned char *hdr = (unsigned char *)XDR_INLINE(xdrs, (int)hdr_len);
    if (hdr == NULL) {
        (void)XDR_SETPOS(xdrs, pos);
        record(a, SEC_E_INTERNAL_ERROR, "RPC header not contiguous in the XDR stream");
        return FALSE;
    }
    uint32_t w[8];
    memcpy(w, hdr, sizeof(w));
    if (ntohl(w[1]) != CALL || ntohl(w[2]) != RPC_VERSION_2 ||
        ntohl(w[6]) != RPCSEC_GSS_FLAVOR || ntohl(w[7]) != cred_len ||
        memcmp(hdr + 32, a->cred_buf, cred_len) != 0 || XDR_GETPOS(xdrs) != pos) {
        record(a, SEC_E_INTERNAL_ERROR, "RPC header in the XDR stream is not the call's");
        return FALSE;
    }
    ULONG vlen = a->sizes.cbMaxSignature;
    if (vlen > sizeof(a->verf_buf))
        vlen = sizeof(a->verf_buf);
    SECURITY_STATUS st = sign(a, hdr, 8 * BYTES_PER_XDR_UNIT + cred_len, a->verf_buf, &vlen);
    if (st != SEC_E_OK) {
        record(a, st, "MakeSignature (call verifier)");
        return FALSE;
    }
    if (a->tamper == AUTH_SSPI_TAMPER_CALL_VERIFIER) {
        flip_last(a->verf_buf, vlen);
        a->tamper = AUTH_SSPI_TAMPER_NONE;
    }
    auth->ah_verf.oa_flavor = RPCSEC_GSS_FLAVOR;
    auth->ah_verf.oa_base = (caddr_t)a->verf_buf;
    auth->ah_verf.oa_length = vlen;
    return xdr_opaque_auth(xdrs, &auth->ah_verf);
}

static bool_t auth_sspi_marshal(AUTH *auth, XDR *xdrs)
{
    sspi_auth *a = priv_of(auth);
    if (a == NULL)
        return FALSE;
    pthread_mutex_lock(&a->lock);
    bool_t ok = marshal_locked(auth, a, xdrs);
    pthread_mutex_unlock(&a->lock);
    return ok;
}

static bool_t auth_sspi_validate(AUTH *auth, struct opaque_auth *verf)
{
    sspi_auth *a = priv_of(auth);
    bool_t ok = FALSE;
    if (a == NULL || verf == NULL)
        return FALSE;
    pthread_mutex_lock(&a->lock);
    if (!a->established) {
        /* An INIT reply: its verifier (a MIC of the window) can only be checked once
         * the context is complete; keep it (5.2.3.1). */
        if (verf->oa_length <= sizeof(a->init_verf)) {
            memcpy(a->init_verf, verf->oa_base, verf->oa_length);
            a->init_verf_len = verf->oa_length;
            ok = TRUE;
        }
        goto cleanup;
    }
    if (verf->oa_flavor != RPCSEC_GSS_FLAVOR || verf->oa_length > sizeof(a->verf_buf)) {
        record(a, SEC_E_INVALID_TOKEN, "reply verifier is not an RPCSEC_GSS verifier");
        goto cleanup;
    }
    unsigned char tok[MAX_AUTH_BYTES];
    memcpy(tok, verf->oa_base, verf->oa_length);
    if (a->tamper == AUTH_SSPI_TAMPER_REPLY_VERIFIER) {
        flip_last(tok, verf->oa_length);
        a->tamper = AUTH_SSPI_TAMPER_NONE;
    }
    uint32_t num = htonl(a->seq); /* 5.3.3.2: MIC of the call's seq_num, XDR (big endian) */
    SECURITY_STATUS st = verify(a, &num, sizeof(num), tok, verf->oa_length);
    if (st != SEC_E_OK) {
        record(a, st, "VerifySignature (reply verifier)");
        goto cleanup;
    }
    ok = TRUE;
cleanup:
    pthread_mutex_unlock(&a->lock);
    return ok;
}

static bool_t auth_sspi_refresh(AUTH *auth, void *msg)
{
    (void)auth;
    (void)msg;
    return FALSE; /* see auth_sspi.h: no silent re-establishment */
}

/* Encodes databody = { seq_num, arguments } into buf + off (exactly body_len bytes). */
static bool_t encode_body(sspi_auth *a, char *p, u_int body_len, xdrproc_t xfunc,
                          caddr_t xwhere)
{
    XDR mx;
    u_int seq = a->seq;
    xdrmem_create(&mx, p, body_len, XDR_ENCODE);
    bool_t ok = xdr_u_int(&mx, &seq) && (*xfunc)(&mx, xwhere) && XDR_GETPOS(&mx) == body_len;
    XDR_DESTROY(&mx);
    return ok;
}

static bool_t wrap_locked(sspi_auth *a, XDR *xdrs, xdrproc_t xfunc, caddr_t xwhere)
{
    bool_t ok = FALSE;
    char *buf = NULL;
    unsigned char *tok = NULL;
    SECURITY_STATUS st;
    u_long args_len = xdr_sizeof(xfunc, xwhere);

    if (args_len > AUTH_SSPI_MAX_BODY) {
        record(a, SEC_E_BUFFER_TOO_SMALL, "arguments too large");
        goto cleanup;
    }
    u_int body_len = BYTES_PER_XDR_UNIT + (u_int)args_len;
    if (a->service == AUTH_SSPI_SVC_INTEGRITY) {
        buf = malloc(body_len);
        ULONG tok_len = a->sizes.cbMaxSignature;
        tok = malloc(tok_len ? tok_len : 1);
        if (buf == NULL || tok == NULL || !encode_body(a, buf, body_len, xfunc, xwhere))
            goto cleanup;
        st = sign(a, buf, body_len, tok, &tok_len);
        if (st != SEC_E_OK) {
            record(a, st, "MakeSignature (rpc_gss_integ_data checksum)");
            goto cleanup;
        }
        if (a->tamper == AUTH_SSPI_TAMPER_CALL_BODY) {
            flip_last(tok, tok_len);
            a->tamper = AUTH_SSPI_TAMPER_NONE;
        }
        char *tp = (char *)tok;
        u_int tl = tok_len;
        ok = xdr_bytes(xdrs, &buf, &body_len, ~0u) && xdr_bytes(xdrs, &tp, &tl, ~0u);
    } else {
        /* TOKEN | DATA | PADDING in one allocation; the three, as EncryptMessage leaves
         * them, concatenated are the wrap token (sspibridge/Windows: no separate
         * trailer, RRC rotation). */
        ULONG trailer = a->sizes.cbSecurityTrailer, block = a->sizes.cbBlockSize;
        buf = malloc((size_t)trailer + body_len + block);
        if (buf == NULL || !encode_body(a, buf + trailer, body_len, xfunc, xwhere))
            goto cleanup;
        SecBuffer b[3];
        SecBufferDesc d = {SECBUFFER_VERSION, 3, b};
        b[0].BufferType = SECBUFFER_TOKEN;
        b[0].cbBuffer = trailer;
        b[0].pvBuffer = buf;
        b[1].BufferType = SECBUFFER_DATA;
        b[1].cbBuffer = body_len;
        b[1].pvBuffer = buf + trailer;
        b[2].BufferType = SECBUFFER_PADDING;
        b[2].cbBuffer = block;
        b[2].pvBuffer = buf + trailer + body_len;
        st = EncryptMessage(&a->ctx, 0, &d, a->seq);
        if (st != SEC_E_OK) {
            record(a, st, "EncryptMessage (rpc_gss_priv_data)");
            goto cleanup;
        }
        u_int total = 0;
        for (int i = 0; i < 3; i++) {
            if (b[i].cbBuffer > 0 && (char *)b[i].pvBuffer != buf + total)
                memmove(buf + total, b[i].pvBuffer, b[i].cbBuffer);
            total += b[i].cbBuffer;
        }
        if (a->tamper == AUTH_SSPI_TAMPER_CALL_BODY) {
            flip_last((unsigned char *)buf, total);
            a->tamper = AUTH_SSPI_TAMPER_NONE;
        }
        ok = xdr_bytes(xdrs, &buf, &total, ~0u);
    }
cleanup:
    free(buf);
    free(tok);
    return ok;
}

static bool_t auth_sspi_wrap(AUTH *auth, XDR *xdrs, xdrproc_t xfunc, caddr_t xwhere)
{
    sspi_auth *a = priv_of(auth);
    if (a == NULL)
        return FALSE;
    pthread_mutex_lock(&a->lock);
    bool_t plain = !a->established || a->service == AUTH_SSPI_SVC_NONE ||
                   a->proc == GSS_PROC_INIT || a->proc == GSS_PROC_CONTINUE_INIT;
    bool_t ok = plain ? (*xfunc)(xdrs, xwhere) : wrap_locked(a, xdrs, xfunc, xwhere);
    pthread_mutex_unlock(&a->lock);
    return ok;
}

/* Decodes { seq_num, results } from a verified / decrypted databody. */
static bool_t decode_body(sspi_auth *a, char *p, u_int len, xdrproc_t xfunc, caddr_t xwhere)
{
    XDR mx;
    u_int seq = 0;
    xdrmem_create(&mx, p, len, XDR_DECODE);
    bool_t ok = xdr_u_int(&mx, &seq) && seq == a->seq && (*xfunc)(&mx, xwhere);
    XDR_DESTROY(&mx);
    if (!ok)
        record(a, SEC_E_OUT_OF_SEQUENCE,
               seq != a->seq ? "reply databody has another seq_num" : "results do not decode");
    return ok;
}

static bool_t unwrap_locked(sspi_auth *a, XDR *xdrs, xdrproc_t xfunc, caddr_t xwhere)
{
    bool_t ok = FALSE;
    char *body = NULL, *tok = NULL;
    u_int body_len = 0, tok_len = 0;
    SECURITY_STATUS st;

    if (a->service == AUTH_SSPI_SVC_INTEGRITY) {
        if (!xdr_bytes(xdrs, &body, &body_len, AUTH_SSPI_MAX_BODY) ||
            !xdr_bytes(xdrs, &tok, &tok_len, MAX_AUTH_BYTES))
            goto cleanup;
        if (a->tamper == AUTH_SSPI_TAMPER_REPLY_BODY) {
            flip_last((unsigned char *)tok, tok_len);
            a->tamper = AUTH_SSPI_TAMPER_NONE;
        }
        st = verify(a, body, body_len, (unsigned char *)tok, tok_len);
        if (st != SEC_E_OK) {
            record(a, st, "VerifySignature (reply checksum)");
            goto cleanup;
        }
        ok = decode_body(a, body, body_len, xfunc, xwhere);
    } else {
        if (!xdr_bytes(xdrs, &tok, &tok_len, AUTH_SSPI_MAX_BODY))
            goto cleanup;
        if (a->tamper == AUTH_SSPI_TAMPER_REPLY_BODY) {
            flip_last((unsigned char *)tok, tok_len);
            a->tamper = AUTH_SSPI_TAMPER_NONE;
        }
        SecBuffer b[2];
        SecBufferDesc d = {SECBUFFER_VERSION, 2, b};
        ULONG qop = 0;
        b[0].BufferType = SECBUFFER_STREAM;
        b[0].cbBuffer = tok_len;
        b[0].pvBuffer = tok;
        b[1].BufferType = SECBUFFER_DATA;
        b[1].cbBuffer = 0;
        b[1].pvBuffer = NULL;
        st = DecryptMessage(&a->ctx, &d, a->seq, &qop);
        if (st != SEC_E_OK) {
            record(a, st, "DecryptMessage (reply databody_priv)");
            goto cleanup;
        }
        if (qop == SECQOP_WRAP_NO_ENCRYPT) { /* privacy means encrypted (5.3.2.3) */
            record(a, SEC_E_MESSAGE_ALTERED, "privacy reply was not encrypted");
            goto cleanup;
        }
        ok = decode_body(a, b[1].pvBuffer, b[1].cbBuffer, xfunc, xwhere);
    }
cleanup:
    free(body);
    free(tok);
    return ok;
}

static bool_t auth_sspi_unwrap(AUTH *auth, XDR *xdrs, xdrproc_t xfunc, caddr_t xwhere)
{
    sspi_auth *a = priv_of(auth);
    if (a == NULL)
        return FALSE;
    pthread_mutex_lock(&a->lock);
    /* The DESTROY reply is plain: the server has dropped the context before answering. */
    bool_t plain = !a->established || a->service == AUTH_SSPI_SVC_NONE ||
                   a->proc != GSS_PROC_DATA;
    bool_t ok = plain ? (*xfunc)(xdrs, xwhere) : unwrap_locked(a, xdrs, xfunc, xwhere);
    pthread_mutex_unlock(&a->lock);
    return ok;
}

static void free_priv(sspi_auth *a)
{
    if (a->have_ctx)
        DeleteSecurityContext(&a->ctx);
    if (a->own_cred)
        FreeCredentialsHandle(&a->cred);
    pthread_mutex_destroy(&a->lock);
    explicit_bzero(a, sizeof(*a));
    free(a);
}

static void auth_sspi_destroy(AUTH *auth)
{
    sspi_auth *a = priv_of(auth);
    if (a == NULL)
        return;
    if (a->established && a->clnt != NULL) {
        /* 5.3.3.4 (context destruction): DESTROY on NULLPROC, verified like a DATA call. */
        AUTH *save = a->clnt->cl_auth;
        a->proc = GSS_PROC_DESTROY;
        a->tamper = AUTH_SSPI_TAMPER_NONE;
        a->clnt->cl_auth = auth;
        (void)clnt_call(a->clnt, NULLPROC, XDRPROC(xdr_void), NULL, XDRPROC(xdr_void), NULL,
                        auth_sspi_timeout);
        a->clnt->cl_auth = save;
    }
    free_priv(a);
    free(auth);
}

/* ---- establishment ------------------------------------------------------------------ */

static AUTH *establish(AUTH *auth, sspi_auth *a, const char *target,
                       const auth_sspi_options *opts, auth_sspi_error *err)
{
    ULONG flags = ISC_REQ_MUTUAL_AUTH | ISC_REQ_INTEGRITY | ISC_REQ_CONFIDENTIALITY |
                  ISC_REQ_ALLOCATE_MEMORY | (opts ? opts->extra_isc_flags : 0);
    init_res gr;
    int have_in = 0, server_done = 0;
    char *in_tok = NULL;
    u_int in_len = 0;
    SECURITY_STATUS st;
    AUTH *result = NULL;

    memset(&gr, 0, sizeof(gr));
    a->proc = GSS_PROC_INIT;
    a->seq = 0;
    for (;;) {
        SecBuffer ib = {in_len, SECBUFFER_TOKEN, in_tok};
        SecBufferDesc id = {SECBUFFER_VERSION, 1, &ib};
        SecBuffer ob = {0, SECBUFFER_TOKEN, NULL};
        SecBufferDesc od = {SECBUFFER_VERSION, 1, &ob};
        ULONG attrs = 0;
        TimeStamp expiry;
        /* RPCSEC_GSS keeps its own sequence window, so no REPLAY/SEQUENCE detection at
         * the GSS level (RFC 2203 5.2.2: the server may process calls out of order). */
        st = InitializeSecurityContextA(&a->cred, a->have_ctx ? &a->ctx : NULL,
                                        (SEC_CHAR *)target, flags, 0, SECURITY_NATIVE_DREP,
                                        have_in ? &id : NULL, 0, &a->ctx, &od, &attrs, &expiry);
        free(in_tok);
        in_tok = NULL;
        in_len = 0;
        have_in = 0;
        if (st != SEC_E_OK && st != SEC_I_CONTINUE_NEEDED) {
            set_error(err, st, "InitializeSecurityContext: %s (0x%08x)",
                      sspibridge_status_name(st), (unsigned)st);
            goto cleanup;
        }
        a->have_ctx = 1;
        if (ob.cbBuffer > 0) {
            if (server_done) {
                FreeContextBuffer(ob.pvBuffer);
                set_error(err, SEC_E_INTERNAL_ERROR,
                          "server completed the context but the client has another token");
                goto cleanup;
            }
            init_args args = {(char *)ob.pvBuffer, ob.cbBuffer};
            memset(&gr, 0, sizeof(gr));
            enum clnt_stat cs = clnt_call(a->clnt, NULLPROC, XDRPROC(xdr_init_args),
                                          (caddr_t)&args, XDRPROC(xdr_init_res), (caddr_t)&gr,
                                          auth_sspi_timeout);
            FreeContextBuffer(ob.pvBuffer);
            if (cs != RPC_SUCCESS) {
                if (err)
                    err->rpc_stat = cs;
                set_error(err, SEC_E_OK, "RPCSEC_GSS_%s call: %s",
                          a->proc == GSS_PROC_INIT ? "INIT" : "CONTINUE_INIT", clnt_sperrno(cs));
                goto cleanup;
            }
            if (gr.major != WIRE_GSS_S_COMPLETE && gr.major != WIRE_GSS_S_CONTINUE_NEEDED) {
                if (err) {
                    err->gss_major = gr.major;
                    err->gss_minor = gr.minor;
                }
                set_error(err, SEC_E_LOGON_DENIED,
                          "server refused the context: gss_major 0x%08x gss_minor %u",
                          gr.major, gr.minor);
                goto cleanup;
            }
            if (gr.handle_len > sizeof(a->handle)) {
                set_error(err, SEC_E_INVALID_TOKEN, "context handle too long");
                goto cleanup;
            }
            memcpy(a->handle, gr.handle, gr.handle_len);
            a->handle_len = gr.handle_len;
            a->win = gr.window;
            server_done = gr.major == WIRE_GSS_S_COMPLETE;
            if (gr.token_len > 0) {
                in_tok = gr.token;
                in_len = gr.token_len;
                have_in = 1;
                gr.token = NULL;
            }
            xdr_free(XDRPROC(xdr_init_res), (char *)&gr);
            memset(&gr, 0, sizeof(gr));
            a->proc = GSS_PROC_CONTINUE_INIT;
        }
        if (st == SEC_E_OK) {
            if (have_in) {
                set_error(err, SEC_E_INTERNAL_ERROR,
                          "client context complete but the server sent another token");
                goto cleanup;
            }
            if (!server_done) {
                set_error(err, SEC_E_INTERNAL_ERROR,
                          "client context complete but the server wants more");
                goto cleanup;
            }
            break;
        }
        if (!have_in) {
            set_error(err, SEC_E_INVALID_TOKEN, "server sent no token to continue with");
            goto cleanup;
        }
    }

    /* 5.2.3.1: the verifier of the final INIT reply is a MIC of seq_window. */
    uint32_t win = htonl(a->win);
    st = verify(a, &win, sizeof(win), a->init_verf, a->init_verf_len);
    if (st != SEC_E_OK) {
        set_error(err, st, "VerifySignature (INIT reply verifier over the window): %s (0x%08x)",
                  sspibridge_status_name(st), (unsigned)st);
        goto cleanup;
    }
    st = QueryContextAttributesA(&a->ctx, SECPKG_ATTR_SIZES, &a->sizes);
    if (st != SEC_E_OK) {
        set_error(err, st, "QueryContextAttributes(SIZES): %s", sspibridge_status_name(st));
        goto cleanup;
    }
    a->established = 1;
    a->proc = GSS_PROC_DATA;
    a->seq = 0;
    result = auth;
cleanup:
    free(in_tok);
    if (gr.handle != NULL || gr.token != NULL)
        xdr_free(XDRPROC(xdr_init_res), (char *)&gr);
    return result;
}

AUTH *auth_sspi_create(CLIENT *clnt, const char *target, auth_sspi_service service,
                       const auth_sspi_options *opts, auth_sspi_error *err)
{
    AUTH *auth = NULL, *result = NULL;
    sspi_auth *a = NULL;
    AUTH *save = NULL;
    int swapped = 0;

    if (err != NULL) {
        memset(err, 0, sizeof(*err));
        err->rpc_stat = RPC_SUCCESS;
    }
    if (clnt == NULL || target == NULL ||
        (service != AUTH_SSPI_SVC_NONE && service != AUTH_SSPI_SVC_INTEGRITY &&
         service != AUTH_SSPI_SVC_PRIVACY)) {
        set_error(err, SEC_E_INVALID_PARAMETER, "bad argument");
        goto cleanup;
    }
    auth = calloc(1, sizeof(*auth));
    a = calloc(1, sizeof(*a));
    if (auth == NULL || a == NULL) {
        set_error(err, SEC_E_INSUFFICIENT_MEMORY, "out of memory");
        goto cleanup;
    }
    pthread_mutex_init(&a->lock, NULL);
    a->clnt = clnt;
    a->service = (unsigned)service;
    auth->ah_ops = &auth_sspi_ops;
    auth->ah_private = (void *)a;
    auth->ah_cred = _null_auth;
    auth->ah_verf = _null_auth;

    if (opts != NULL && opts->cred != NULL) {
        a->cred = *opts->cred;
    } else {
        TimeStamp expiry;
        const char *pkg = opts != NULL && opts->package != NULL ? opts->package : "Kerberos";
        SECURITY_STATUS st = AcquireCredentialsHandleA(NULL, (SEC_CHAR *)pkg,
                                                       SECPKG_CRED_OUTBOUND, NULL, NULL, NULL,
                                                       NULL, &a->cred, &expiry);
        if (st != SEC_E_OK) {
            set_error(err, st, "AcquireCredentialsHandle(%s): %s (0x%08x)", pkg,
                      sspibridge_status_name(st), (unsigned)st);
            goto cleanup;
        }
        a->own_cred = 1;
    }

    /* The INIT calls go through this CLIENT with this AUTH, as libtirpc's own does. */
    save = clnt->cl_auth;
    clnt->cl_auth = auth;
    swapped = 1;
    result = establish(auth, a, target, opts, err);
cleanup:
    if (swapped)
        clnt->cl_auth = save;
    if (result == NULL) {
        if (a != NULL) {
            a->established = 0; /* nothing to DESTROY on the server */
            free_priv(a);
        }
        free(auth);
    }
    return result;
}

int auth_sspi_set_tamper(AUTH *auth, auth_sspi_tamper what)
{
    sspi_auth *a = priv_of(auth);
    if (a == NULL)
        return -1;
    pthread_mutex_lock(&a->lock);
    a->tamper = what;
    pthread_mutex_unlock(&a->lock);
    return 0;
}

int auth_sspi_last_error(AUTH *auth, auth_sspi_error *err)
{
    sspi_auth *a = priv_of(auth);
    int have = 0;
    if (a == NULL || err == NULL)
        return 0;
    pthread_mutex_lock(&a->lock);
    have = a->have_last;
    *err = a->last;
    pthread_mutex_unlock(&a->lock);
    return have;
}

unsigned auth_sspi_window(AUTH *auth)
{
    sspi_auth *a = priv_of(auth);
    return a != NULL ? a->win : 0;
}
