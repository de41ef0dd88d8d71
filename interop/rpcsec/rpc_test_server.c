/* rpc-test-server: a libtirpc RPC server on loopback TCP that authenticates its callers
 * with libtirpc's own RPCSEC_GSS server side (rpc_gss_set_svc_name, keytab from
 * KRB5_KTNAME), the peer the SSPI client (auth_sspi) is tested against.
 *
 * Procedures (rpc_test_proto.h): echo, sum of an array, whoami (the caller's principal
 * and service level from rpc_gss_getcred). Calls without RPCSEC_GSS are refused
 * (AUTH_TOOWEAK). Every call is logged on stdout, one line each, for the tests and the
 * interop matrix to read. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <rpc/rpc.h>
#include <rpc/auth_gss.h>
#include <rpc/rpcsec_gss.h>

#include "interop/rpcsec/rpc_test_proto.h"

static const char *prog_name = "rpc-test-server";

/* The caller as rpc_gss_getcred reports it: "principal (service)". */
static void caller(struct svc_req *rq, char *out, size_t n, u_int *service)
{
    rpc_gss_rawcred_t *rc = NULL;
    *service = 0;
    if (rq->rq_cred.oa_flavor != RPCSEC_GSS || !rpc_gss_getcred(rq, &rc, NULL, NULL) ||
        rc == NULL || rc->client_principal == NULL) {
        snprintf(out, n, "(unknown)");
        return;
    }
    snprintf(out, n, "%.*s", rc->client_principal->len, rc->client_principal->name);
    *service = (u_int)rc->service;
}

/* NULLPROC: RPCSEC_GSS DESTROY arrives here (INIT and CONTINUE_INIT are answered by
 * libtirpc itself). The credential says which. */
static void do_null(struct svc_req *rq, SVCXPRT *xprt)
{
    if (rq->rq_cred.oa_flavor == RPCSEC_GSS && rq->rq_cred.oa_length > 0) {
        struct rpc_gss_cred gc;
        XDR x;
        memset(&gc, 0, sizeof(gc));
        xdrmem_create(&x, rq->rq_cred.oa_base, rq->rq_cred.oa_length, XDR_DECODE);
        if (xdr_rpc_gss_cred(&x, &gc))
            printf("null: gss_proc %s seq %u\n",
                   gc.gc_proc == RPCSEC_GSS_DESTROY ? "DESTROY" : "DATA", gc.gc_seq);
        XDR_DESTROY(&x);
        xdr_free(RPCTEST_XDRPROC(xdr_rpc_gss_cred), (char *)&gc);
    } else {
        printf("null: flavor %d\n", (int)rq->rq_cred.oa_flavor);
    }
    (void)svc_sendreply(xprt, RPCTEST_XDRPROC(xdr_void), NULL);
}

static void dispatch(struct svc_req *rq, SVCXPRT *xprt)
{
    char who[1100];
    u_int service = 0;

    if (rq->rq_proc == RPCTEST_NULL) {
        do_null(rq, xprt);
        goto out;
    }
    if (rq->rq_cred.oa_flavor != RPCSEC_GSS) {
        printf("proc %u: refused flavor %d\n", (unsigned)rq->rq_proc, (int)rq->rq_cred.oa_flavor);
        svcerr_weakauth(xprt);
        goto out;
    }
    caller(rq, who, sizeof(who), &service);
    switch (rq->rq_proc) {
    case RPCTEST_ECHO: {
        char *s = NULL;
        if (!svc_getargs(xprt, RPCTEST_XDRPROC(rpctest_xdr_string), (caddr_t)&s)) {
            printf("echo: arguments rejected (GARBAGE_ARGS) from %s (%s)\n", who,
                   rpctest_service_name(service));
            svcerr_decode(xprt);
            break;
        }
        printf("echo: %zu bytes from %s (%s): %.60s\n", strlen(s), who,
               rpctest_service_name(service), s);
        (void)svc_sendreply(xprt, RPCTEST_XDRPROC(rpctest_xdr_string), (caddr_t)&s);
        (void)svc_freeargs(xprt, RPCTEST_XDRPROC(rpctest_xdr_string), (caddr_t)&s);
        break;
    }
    case RPCTEST_SUM: {
        rpctest_array a = {0, NULL};
        if (!svc_getargs(xprt, RPCTEST_XDRPROC(rpctest_xdr_array), (caddr_t)&a)) {
            printf("sum: arguments rejected (GARBAGE_ARGS) from %s (%s)\n", who,
                   rpctest_service_name(service));
            svcerr_decode(xprt);
            break;
        }
        uint64_t sum = 0;
        for (u_int i = 0; i < a.len; i++)
            sum += a.val[i];
        printf("sum: %u values from %s (%s) = %llu\n", a.len, who,
               rpctest_service_name(service), (unsigned long long)sum);
        (void)svc_sendreply(xprt, RPCTEST_XDRPROC(xdr_uint64_t), (caddr_t)&sum);
        (void)svc_freeargs(xprt, RPCTEST_XDRPROC(rpctest_xdr_array), (caddr_t)&a);
        break;
    }
    case RPCTEST_WHOAMI: {
        rpc_gss_rawcred_t *rc = NULL;
        if (!rpc_gss_getcred(rq, &rc, NULL, NULL) || rc == NULL) {
            svcerr_systemerr(xprt);
            break;
        }
        rpctest_whoami w;
        w.principal = who;
        w.service = (u_int)rc->service;
        w.mechanism = rc->mechanism ? rc->mechanism : (char *)"";
        w.qop = rc->qop ? rc->qop : (char *)"";
        w.svc_principal = rc->svc_principal ? rc->svc_principal : (char *)"";
        printf("whoami: principal=%s service=%s mechanism=%s qop=%s svc_principal=%s\n", who,
               rpctest_service_name(w.service), w.mechanism, w.qop, w.svc_principal);
        (void)svc_sendreply(xprt, RPCTEST_XDRPROC(rpctest_xdr_whoami), (caddr_t)&w);
        break;
    }
    default:
        svcerr_noproc(xprt);
        break;
    }
out:
    fflush(stdout);
}

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: %s [-port N] [-service service@host] [-mech kerberos_v5]\n"
            "A libtirpc RPCSEC_GSS test server on 127.0.0.1 (TCP). -port 0 (the default)\n"
            "picks a free port. Prints \"%s: listening on 127.0.0.1 port N\" when ready.\n"
            "The service key comes from KRB5_KTNAME (default host@localhost).\n",
            prog_name, prog_name);
}

int main(int argc, char **argv)
{
    int port = 0;
    const char *service = "host@localhost";
    const char *mech = "kerberos_v5";

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-port") == 0 && i + 1 < argc)
            port = atoi(argv[++i]);
        else if (strcmp(argv[i], "-service") == 0 && i + 1 < argc)
            service = argv[++i];
        else if (strcmp(argv[i], "-mech") == 0 && i + 1 < argc)
            mech = argv[++i];
        else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        } else {
            usage(stderr);
            return 2;
        }
    }
    setvbuf(stdout, NULL, _IOLBF, 0);

    if (!rpc_gss_set_svc_name((char *)service, (char *)mech, 0, RPCTEST_PROG, RPCTEST_VERS)) {
        fprintf(stderr, "%s: rpc_gss_set_svc_name(%s, %s) failed\n", prog_name, service, mech);
        return 1;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        fprintf(stderr, "%s: socket: %s\n", prog_name, strerror(errno));
        return 1;
    }
    int one = 1;
    (void)setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sin.sin_port = htons((uint16_t)port);
    if (bind(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0 || listen(fd, 64) != 0) {
        fprintf(stderr, "%s: binding socket to port %d: %s\n", prog_name, port, strerror(errno));
        return 1;
    }
    socklen_t sl = sizeof(sin);
    if (getsockname(fd, (struct sockaddr *)&sin, &sl) != 0) {
        fprintf(stderr, "%s: getsockname: %s\n", prog_name, strerror(errno));
        return 1;
    }
    SVCXPRT *xprt = svc_vc_create(fd, 0, 0);
    if (xprt == NULL) {
        fprintf(stderr, "%s: svc_vc_create failed\n", prog_name);
        return 1;
    }
    /* nconf NULL: not registered with rpcbind; clients are told the port. */
    if (!svc_reg(xprt, RPCTEST_PROG, RPCTEST_VERS, dispatch, NULL)) {
        fprintf(stderr, "%s: svc_reg failed\n", prog_name);
        return 1;
    }
    printf("%s: listening on 127.0.0.1 port %d as %s\n", prog_name, ntohs(sin.sin_port), service);
    fflush(stdout);
    svc_run();
    fprintf(stderr, "%s: svc_run returned\n", prog_name);
    return 1;
}
