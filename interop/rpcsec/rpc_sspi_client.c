/* rpc-sspi-client: calls rpc-test-server with RPCSEC_GSS, through auth_sspi (the SSPI
 * authenticator over sspibridge) or, as the control, libtirpc's own GSSAPI client.
 *
 * It asks whoami (the principal and service level the server saw), echoes a string, sums
 * a large array (arguments spanning several TCP record fragments), runs concurrent calls
 * (threads with their own CLIENT and AUTH, and threads sharing one CLIENT), and with
 * -tamper checks that a tampered call or reply is rejected. One result line per step on
 * stdout; exit status 0 when every step passed. */
#include <arpa/inet.h>
#include <netdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <sspibridge.h>

#include "interop/rpcsec/auth_sspi.h"
#include "interop/rpcsec/rpc_gss_control.h"
#include "interop/rpcsec/rpc_test_proto.h"

static const char *prog_name = "rpc-sspi-client";
static const struct timeval call_timeout = {60, 0};

typedef struct client_opts {
    const char *host;
    int port;
    const char *target;
    unsigned service;
    int use_gss; /* libtirpc's GSSAPI client (the control) instead of auth_sspi */
    const char *package;
    u_int sum_count;
    int threads;
    int calls;
    u_int sendsz;
    auth_sspi_tamper tamper;
    const char *tamper_name;
} client_opts;

static client_opts g;

static CLIENT *connect_client(char *msg, size_t n)
{
    struct addrinfo hints, *ai = NULL;
    char port[16];
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_STREAM;
    snprintf(port, sizeof(port), "%d", g.port);
    if (getaddrinfo(g.host, port, &hints, &ai) != 0 || ai == NULL) {
        snprintf(msg, n, "cannot resolve %s", g.host);
        return NULL;
    }
    int fd = socket(ai->ai_family, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        snprintf(msg, n, "connecting to %s port %d failed", g.host, g.port);
        if (fd >= 0)
            close(fd);
        freeaddrinfo(ai);
        return NULL;
    }
    struct netbuf nb = {ai->ai_addrlen, ai->ai_addrlen, ai->ai_addr};
    CLIENT *c = clnt_vc_create(fd, &nb, RPCTEST_PROG, RPCTEST_VERS, g.sendsz, 0);
    freeaddrinfo(ai);
    if (c == NULL) {
        snprintf(msg, n, "clnt_vc_create: %s", clnt_spcreateerror(""));
        close(fd);
        return NULL;
    }
    (void)clnt_control(c, CLSET_FD_CLOSE, NULL);
    return c;
}

/* A CLIENT with an RPCSEC_GSS AUTH of the chosen kind; NULL with msg on failure. */
static CLIENT *open_session(char *msg, size_t n)
{
    CLIENT *c = connect_client(msg, n);
    if (c == NULL)
        return NULL;
    AUTH *auth;
    if (g.use_gss) {
        auth = rpc_gss_control_create(c, g.target, g.service, msg, n);
    } else {
        auth_sspi_error err;
        auth_sspi_options o = {g.package, NULL, 0};
        auth = auth_sspi_create(c, g.target, (auth_sspi_service)g.service, &o, &err);
        if (auth == NULL)
            snprintf(msg, n, "auth_sspi_create(%s): %s", g.target, err.message);
    }
    if (auth == NULL) {
        clnt_destroy(c);
        return NULL;
    }
    auth_destroy(c->cl_auth);
    c->cl_auth = auth;
    return c;
}

static void close_session(CLIENT *c)
{
    auth_destroy(c->cl_auth); /* RPCSEC_GSS_DESTROY */
    c->cl_auth = authnone_create();
    clnt_destroy(c);
}

static void call_error(CLIENT *c, enum clnt_stat st, char *msg, size_t n)
{
    auth_sspi_error e;
    int have = !g.use_gss && auth_sspi_last_error(c->cl_auth, &e);
    snprintf(msg, n, "%s%s%s", clnt_sperror(c, ""), have ? "; auth_sspi: " : "",
             have ? e.message : "");
    (void)st;
}

static int do_whoami(CLIENT *c, char *msg, size_t n, int print)
{
    rpctest_whoami w;
    memset(&w, 0, sizeof(w));
    enum clnt_stat st = clnt_call(c, RPCTEST_WHOAMI, RPCTEST_XDRPROC(xdr_void), NULL,
                                  RPCTEST_XDRPROC(rpctest_xdr_whoami), (caddr_t)&w, call_timeout);
    if (st != RPC_SUCCESS) {
        call_error(c, st, msg, n);
        return -1;
    }
    if (print)
        printf("whoami: principal=%s service=%s mechanism=%s qop=%s\n", w.principal,
               rpctest_service_name(w.service), w.mechanism, w.qop);
    int ok = w.service == g.service;
    if (!ok)
        snprintf(msg, n, "server saw service %s, expected %s", rpctest_service_name(w.service),
                 rpctest_service_name(g.service));
    clnt_freeres(c, RPCTEST_XDRPROC(rpctest_xdr_whoami), (caddr_t)&w);
    return ok ? 0 : -1;
}

static int do_echo(CLIENT *c, const char *text, char *msg, size_t n)
{
    char *in = (char *)text, *out = NULL;
    enum clnt_stat st = clnt_call(c, RPCTEST_ECHO, RPCTEST_XDRPROC(rpctest_xdr_string),
                                  (caddr_t)&in, RPCTEST_XDRPROC(rpctest_xdr_string),
                                  (caddr_t)&out, call_timeout);
    if (st != RPC_SUCCESS) {
        call_error(c, st, msg, n);
        return -1;
    }
    int ok = out != NULL && strcmp(out, text) == 0;
    if (!ok)
        snprintf(msg, n, "echo came back different");
    clnt_freeres(c, RPCTEST_XDRPROC(rpctest_xdr_string), (caddr_t)&out);
    return ok ? 0 : -1;
}

static int do_sum(CLIENT *c, u_int count, u_int salt, char *msg, size_t n)
{
    rpctest_array a = {count, malloc((size_t)count * sizeof(u_int) + 1)};
    uint64_t want = 0, got = 0;
    if (a.val == NULL) {
        snprintf(msg, n, "out of memory");
        return -1;
    }
    for (u_int i = 0; i < count; i++) {
        a.val[i] = (i * 2654435761u) ^ salt;
        want += a.val[i];
    }
    enum clnt_stat st = clnt_call(c, RPCTEST_SUM, RPCTEST_XDRPROC(rpctest_xdr_array),
                                  (caddr_t)&a, RPCTEST_XDRPROC(xdr_uint64_t), (caddr_t)&got,
                                  call_timeout);
    free(a.val);
    if (st != RPC_SUCCESS) {
        call_error(c, st, msg, n);
        return -1;
    }
    if (got != want) {
        snprintf(msg, n, "sum %llu, expected %llu", (unsigned long long)got,
                 (unsigned long long)want);
        return -1;
    }
    return 0;
}

/* ---- concurrency ---------------------------------------------------------------------- */

typedef struct worker {
    pthread_t tid;
    int index;
    CLIENT *shared; /* NULL: the worker opens its own session */
    int failed;
    char msg[512];
} worker;

static void *worker_main(void *arg)
{
    worker *w = arg;
    CLIENT *c = w->shared ? w->shared : open_session(w->msg, sizeof(w->msg));
    if (c == NULL) {
        w->failed = 1;
        return NULL;
    }
    for (int i = 0; i < g.calls && !w->failed; i++) {
        char text[128];
        snprintf(text, sizeof(text), "thread %d call %d", w->index, i);
        if (do_echo(c, text, w->msg, sizeof(w->msg)) != 0 ||
            do_sum(c, 2000, (u_int)(w->index * 1000 + i), w->msg, sizeof(w->msg)) != 0 ||
            (!w->shared && i == 0 && do_whoami(c, w->msg, sizeof(w->msg), 0) != 0))
            w->failed = 1;
    }
    if (!w->shared)
        close_session(c);
    return NULL;
}

static int run_workers(CLIENT *shared, const char *label)
{
    worker *ws = calloc((size_t)g.threads, sizeof(worker));
    int failed = 0;
    if (ws == NULL)
        return -1;
    for (int i = 0; i < g.threads; i++) {
        ws[i].index = i;
        ws[i].shared = shared;
        if (pthread_create(&ws[i].tid, NULL, worker_main, &ws[i]) != 0) {
            ws[i].failed = 1;
            snprintf(ws[i].msg, sizeof(ws[i].msg), "pthread_create failed");
        }
    }
    for (int i = 0; i < g.threads; i++) {
        if (ws[i].tid)
            pthread_join(ws[i].tid, NULL);
        if (ws[i].failed) {
            printf("%s: thread %d FAILED: %s\n", label, i, ws[i].msg);
            failed = 1;
        }
    }
    if (!failed)
        printf("%s: %d threads x %d calls ok\n", label, g.threads, g.calls);
    free(ws);
    return failed ? -1 : 0;
}

/* ---- tampering ------------------------------------------------------------------------ */

static int do_tamper(CLIENT *c)
{
    char msg[512], text[128];
    snprintf(text, sizeof(text), "tampered %s", g.tamper_name);
    auth_sspi_set_tamper(c->cl_auth, g.tamper);
    int r = do_echo(c, text, msg, sizeof(msg));
    if (r == 0) {
        printf("tamper %s: NOT rejected (the call succeeded)\n", g.tamper_name);
        return -1;
    }
    printf("tamper %s: rejected: %s\n", g.tamper_name, msg);
    return 0;
}

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: %s -port N [-host H] [-service service@host] [-sec none|integrity|privacy]\n"
            "       [-auth sspi|gss] [-package NAME] [-sum-count N] [-threads N] [-calls N]\n"
            "       [-sendsz BYTES] [-tamper call-verifier|call-body|reply-verifier|reply-body]\n"
            "RPCSEC_GSS calls to rpc-test-server: through auth_sspi (SSPI over sspibridge, the\n"
            "default) or libtirpc's GSSAPI client (-auth gss, the control). Defaults: host\n"
            "127.0.0.1, service host@localhost, sec privacy, sum-count 300000 (1.2 MB of\n"
            "arguments), threads 4, calls 10. -tamper (sspi only) checks a tampered call or\n"
            "reply is rejected instead of the concurrency steps.\n",
            prog_name);
}

static int parse(int argc, char **argv)
{
    g.host = "127.0.0.1";
    g.target = "host@localhost";
    g.service = AUTH_SSPI_SVC_PRIVACY;
    g.package = "Kerberos";
    g.sum_count = 300000;
    g.threads = 4;
    g.calls = 10;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            exit(0);
        }
        if (v == NULL)
            return -1;
        i++;
        if (strcmp(a, "-port") == 0)
            g.port = atoi(v);
        else if (strcmp(a, "-host") == 0)
            g.host = v;
        else if (strcmp(a, "-service") == 0)
            g.target = v;
        else if (strcmp(a, "-package") == 0)
            g.package = v;
        else if (strcmp(a, "-sum-count") == 0)
            g.sum_count = (u_int)strtoul(v, NULL, 10);
        else if (strcmp(a, "-threads") == 0)
            g.threads = atoi(v);
        else if (strcmp(a, "-calls") == 0)
            g.calls = atoi(v);
        else if (strcmp(a, "-sendsz") == 0)
            g.sendsz = (u_int)strtoul(v, NULL, 10);
        else if (strcmp(a, "-sec") == 0) {
            if (strcmp(v, "none") == 0)
                g.service = AUTH_SSPI_SVC_NONE;
            else if (strcmp(v, "integrity") == 0)
                g.service = AUTH_SSPI_SVC_INTEGRITY;
            else if (strcmp(v, "privacy") == 0)
                g.service = AUTH_SSPI_SVC_PRIVACY;
            else
                return -1;
        } else if (strcmp(a, "-auth") == 0) {
            if (strcmp(v, "gss") == 0)
                g.use_gss = 1;
            else if (strcmp(v, "sspi") != 0)
                return -1;
        } else if (strcmp(a, "-tamper") == 0) {
            g.tamper_name = v;
            if (strcmp(v, "call-verifier") == 0)
                g.tamper = AUTH_SSPI_TAMPER_CALL_VERIFIER;
            else if (strcmp(v, "call-body") == 0)
                g.tamper = AUTH_SSPI_TAMPER_CALL_BODY;
            else if (strcmp(v, "reply-verifier") == 0)
                g.tamper = AUTH_SSPI_TAMPER_REPLY_VERIFIER;
            else if (strcmp(v, "reply-body") == 0)
                g.tamper = AUTH_SSPI_TAMPER_REPLY_BODY;
            else
                return -1;
        } else {
            return -1;
        }
    }
    if (g.port <= 0 || g.threads < 0 || g.calls < 0 || (g.tamper && g.use_gss))
        return -1;
    return 0;
}

int main(int argc, char **argv)
{
    char msg[1024];
    int failed = 0;

    if (parse(argc, argv) != 0) {
        usage(stderr);
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("%s: %s client, service %s, target %s, server %s port %d\n", prog_name,
           g.use_gss ? "libtirpc GSSAPI (control)" : "auth_sspi (SSPI)",
           rpctest_service_name(g.service), g.target, g.host, g.port);

    CLIENT *c = open_session(msg, sizeof(msg));
    if (c == NULL) {
        printf("establish: FAILED: %s\n", msg);
        return 1;
    }
    printf("establish: ok%s\n", g.use_gss ? "" : " (RPCSEC_GSS_INIT over InitializeSecurityContext)");
    if (do_whoami(c, msg, sizeof(msg), 1) != 0) {
        printf("whoami: FAILED: %s\n", msg);
        failed = 1;
    }
    if (g.tamper) {
        failed |= do_tamper(c) != 0;
    } else {
        if (do_echo(c, "hello from rpc-sspi-client", msg, sizeof(msg)) != 0) {
            printf("echo: FAILED: %s\n", msg);
            failed = 1;
        } else {
            printf("echo: ok\n");
        }
        if (g.sum_count > 0) {
            if (do_sum(c, g.sum_count, 7, msg, sizeof(msg)) != 0) {
                printf("sum: FAILED: %s\n", msg);
                failed = 1;
            } else {
                printf("sum: ok (%u values, %u bytes of arguments)\n", g.sum_count,
                       4 + 4 * g.sum_count);
            }
        }
        if (g.threads > 0) {
            failed |= run_workers(c, "shared-client") != 0;
            failed |= run_workers(NULL, "concurrent") != 0;
        }
    }
    close_session(c);
    printf("destroy: sent\n");
    printf("%s: %s\n", prog_name, failed ? "FAILED" : "all steps passed");
    return failed ? 1 : 0;
}
