/* RPCSEC_GSS over SSPI against libtirpc's RPCSEC_GSS server (issue 10).
 *
 * A throwaway realm, rpc-test-server on loopback as host@localhost (its key from the
 * realm's keytab), and auth_sspi in this process. Each test opens its own connection and
 * context. The server logs every call; the tests read that log to see what the server
 * saw (principal, service level, rejected arguments, DESTROY). */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "interop/rpcsec/auth_sspi.h"
#include "interop/rpcsec/rpc_test_proto.h"
#include "tests/common/test_main.h"
#include "tests/realm/realm.h"

static realm the_realm;
static pid_t server_pid;
static int server_port;
static char server_log[REALM_PATH_MAX + 64];
static const struct timeval tmo = {60, 0};

static const char *build_path(const char *rel, char *buf, size_t n)
{
    const char *b = getenv("SSPIBRIDGE_BUILDDIR");
    snprintf(buf, n, "%s/%s", b && *b ? b : ".", rel);
    return buf;
}

static char *read_log(void)
{
    FILE *f = fopen(server_log, "r");
    if (f == NULL)
        return strdup("");
    size_t cap = 1 << 16, len = 0;
    char *s = malloc(cap);
    size_t k;
    while (s && (k = fread(s + len, 1, cap - len - 1, f)) > 0) {
        len += k;
        if (cap - len < 4096) {
            char *t = realloc(s, cap *= 2);
            if (t == NULL) {
                free(s);
                s = NULL;
                break;
            }
            s = t;
        }
    }
    fclose(f);
    if (s)
        s[len] = '\0';
    return s;
}

static int log_count(const char *needle)
{
    char *s = read_log();
    int n = 0;
    for (char *p = s; p && (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    free(s);
    return n;
}

static int start_server(void)
{
    char prog[REALM_PATH_MAX];
    build_path("interop/rpcsec/rpc-test-server", prog, sizeof(prog));
    snprintf(server_log, sizeof(server_log), "%s/rpc-test-server.log", the_realm.dir);
    server_pid = fork();
    if (server_pid < 0)
        return -1;
    if (server_pid == 0) {
        int fd = open(server_log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        execl(prog, prog, "-port", "0", "-service", "host@localhost", (char *)NULL);
        _exit(127);
    }
    for (int i = 0; i < 1000; i++) { /* 10 s */
        char *s = read_log();
        char *p = s ? strstr(s, "listening on 127.0.0.1 port ") : NULL;
        if (p)
            server_port = atoi(p + strlen("listening on 127.0.0.1 port "));
        free(s);
        if (server_port > 0)
            return 0;
        if (waitpid(server_pid, NULL, WNOHANG) == server_pid) {
            server_pid = 0;
            break;
        }
        usleep(10000);
    }
    fprintf(stderr, "rpc-test-server (%s) did not start; its log:\n", prog);
    char *s = read_log();
    fprintf(stderr, "%s\n", s ? s : "");
    free(s);
    return -1;
}

static int suite_init(void)
{
    if (realm_up(NULL, &the_realm) != 0 || realm_kinit(&the_realm) != 0)
        return -1;
    return start_server();
}

static int suite_clean(void)
{
    if (server_pid > 0) {
        kill(server_pid, SIGTERM);
        waitpid(server_pid, NULL, 0);
    }
    realm_down(&the_realm);
    return 0;
}

static CLIENT *connect_server(void)
{
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof(sin));
    sin.sin_family = AF_INET;
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    sin.sin_port = htons((uint16_t)server_port);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&sin, sizeof(sin)) != 0) {
        if (fd >= 0)
            close(fd);
        return NULL;
    }
    struct netbuf nb = {sizeof(sin), sizeof(sin), &sin};
    CLIENT *c = clnt_vc_create(fd, &nb, RPCTEST_PROG, RPCTEST_VERS, 0, 0);
    if (c == NULL) {
        close(fd);
        return NULL;
    }
    clnt_control(c, CLSET_FD_CLOSE, NULL);
    return c;
}

static CLIENT *open_session(auth_sspi_service svc)
{
    auth_sspi_error err;
    CLIENT *c = connect_server();
    if (c == NULL)
        return NULL;
    AUTH *a = auth_sspi_create(c, "host@localhost", svc, NULL, &err);
    if (a == NULL) {
        fprintf(stderr, "auth_sspi_create: %s\n", err.message);
        clnt_destroy(c);
        return NULL;
    }
    auth_destroy(c->cl_auth);
    c->cl_auth = a;
    return c;
}

static void close_session(CLIENT *c)
{
    if (c == NULL)
        return;
    auth_destroy(c->cl_auth);
    c->cl_auth = authnone_create();
    clnt_destroy(c);
}

static enum clnt_stat echo(CLIENT *c, const char *text, int *same)
{
    char *in = (char *)text, *out = NULL;
    enum clnt_stat st = clnt_call(c, RPCTEST_ECHO, RPCTEST_XDRPROC(rpctest_xdr_string),
                                  (caddr_t)&in, RPCTEST_XDRPROC(rpctest_xdr_string),
                                  (caddr_t)&out, tmo);
    *same = st == RPC_SUCCESS && out != NULL && strcmp(out, text) == 0;
    if (st == RPC_SUCCESS)
        clnt_freeres(c, RPCTEST_XDRPROC(rpctest_xdr_string), (caddr_t)&out);
    return st;
}

static enum clnt_stat sum(CLIENT *c, u_int count, int *right)
{
    rpctest_array a = {count, malloc((size_t)count * sizeof(u_int) + 1)};
    uint64_t want = 0, got = 0;
    for (u_int i = 0; i < count; i++) {
        a.val[i] = i * 2654435761u;
        want += a.val[i];
    }
    enum clnt_stat st = clnt_call(c, RPCTEST_SUM, RPCTEST_XDRPROC(rpctest_xdr_array),
                                  (caddr_t)&a, RPCTEST_XDRPROC(xdr_uint64_t), (caddr_t)&got, tmo);
    free(a.val);
    *right = st == RPC_SUCCESS && got == want;
    return st;
}

/* whoami: the server's rpc_gss_getcred for this call. */
static void check_whoami(CLIENT *c, u_int service)
{
    rpctest_whoami w;
    memset(&w, 0, sizeof(w));
    enum clnt_stat st = clnt_call(c, RPCTEST_WHOAMI, RPCTEST_XDRPROC(xdr_void), NULL,
                                  RPCTEST_XDRPROC(rpctest_xdr_whoami), (caddr_t)&w, tmo);
    CU_ASSERT_EQUAL_FATAL(st, RPC_SUCCESS);
    CU_ASSERT_STRING_EQUAL(w.principal, the_realm.user);
    CU_ASSERT_EQUAL(w.service, service);
    CU_ASSERT_STRING_EQUAL(w.mechanism, "kerberos_v5");
    clnt_freeres(c, RPCTEST_XDRPROC(rpctest_xdr_whoami), (caddr_t)&w);
}

/* 300000 values: 1.2 MB of arguments, many TCP record fragments (libtirpc's clnt_vc
 * sends fragments of at most its send size, 64 KiB by default). */
#define BIG_SUM 300000u

static void run_service(auth_sspi_service svc)
{
    CLIENT *c = open_session(svc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    check_whoami(c, (u_int)svc);
    int ok = 0;
    CU_ASSERT_EQUAL(echo(c, "hello over RPCSEC_GSS", &ok), RPC_SUCCESS);
    CU_ASSERT_TRUE(ok);
    CU_ASSERT_EQUAL(sum(c, BIG_SUM, &ok), RPC_SUCCESS);
    CU_ASSERT_TRUE(ok);
    char line[700];
    snprintf(line, sizeof(line), "sum: %u values from %s (%s)", BIG_SUM, the_realm.user,
             rpctest_service_name((u_int)svc));
    CU_ASSERT(log_count(line) >= 1);
    close_session(c);
}

static void test_none_server_sees_principal_and_service_none(void)
{
    run_service(AUTH_SSPI_SVC_NONE);
}

static void test_integrity_server_sees_principal_and_service_integrity(void)
{
    run_service(AUTH_SSPI_SVC_INTEGRITY);
}

static void test_privacy_server_sees_principal_and_service_privacy(void)
{
    run_service(AUTH_SSPI_SVC_PRIVACY);
}

/* A tampered call body: libtirpc's server fails to unwrap the arguments (GARBAGE_ARGS)
 * and the procedure never runs; the context survives and the next call works. */
static void tampered_call_body(auth_sspi_service svc, const char *text)
{
    CLIENT *c = open_session(svc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    int before = log_count("echo: arguments rejected");
    int ok = 0;
    CU_ASSERT_EQUAL(auth_sspi_set_tamper(c->cl_auth, AUTH_SSPI_TAMPER_CALL_BODY), 0);
    CU_ASSERT_EQUAL(echo(c, text, &ok), RPC_CANTDECODEARGS);
    CU_ASSERT_EQUAL(log_count("echo: arguments rejected"), before + 1);
    CU_ASSERT_EQUAL(log_count(text), 0);
    CU_ASSERT_EQUAL(echo(c, "after the tampered call", &ok), RPC_SUCCESS);
    CU_ASSERT_TRUE(ok);
    close_session(c);
}

static void test_integrity_tampered_call_checksum_rejected_by_server(void)
{
    tampered_call_body(AUTH_SSPI_SVC_INTEGRITY, "tampered integrity call");
}

static void test_privacy_tampered_call_token_rejected_by_server(void)
{
    tampered_call_body(AUTH_SSPI_SVC_PRIVACY, "tampered privacy call");
}

/* A tampered header MIC: the server answers AUTH_ERROR RPCSEC_GSS_CREDPROBLEM. */
static void test_tampered_call_verifier_rejected_by_server(void)
{
    CLIENT *c = open_session(AUTH_SSPI_SVC_INTEGRITY);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    int ok = 0;
    struct rpc_err e;
    auth_sspi_set_tamper(c->cl_auth, AUTH_SSPI_TAMPER_CALL_VERIFIER);
    CU_ASSERT_EQUAL(echo(c, "tampered call verifier", &ok), RPC_AUTHERROR);
    clnt_geterr(c, &e);
    CU_ASSERT_EQUAL(e.re_why, RPCSEC_GSS_CREDPROBLEM);
    CU_ASSERT_EQUAL(log_count("tampered call verifier"), 0);
    close_session(c);
}

/* A tampered reply body: the server ran the call, our client refuses the result. */
static void tampered_reply_body(auth_sspi_service svc, const char *text, SECURITY_STATUS want)
{
    CLIENT *c = open_session(svc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    int ok = 0;
    auth_sspi_error e;
    auth_sspi_set_tamper(c->cl_auth, AUTH_SSPI_TAMPER_REPLY_BODY);
    CU_ASSERT_EQUAL(echo(c, text, &ok), RPC_CANTDECODERES);
    CU_ASSERT_EQUAL(log_count(text), 1);
    CU_ASSERT_EQUAL(auth_sspi_last_error(c->cl_auth, &e), 1);
    CU_ASSERT_EQUAL(e.status, want);
    close_session(c);
}

static void test_integrity_tampered_reply_rejected_by_client(void)
{
    tampered_reply_body(AUTH_SSPI_SVC_INTEGRITY, "tampered integrity reply",
                        SEC_E_MESSAGE_ALTERED);
}

static void test_privacy_tampered_reply_rejected_by_client(void)
{
    tampered_reply_body(AUTH_SSPI_SVC_PRIVACY, "tampered privacy reply", SEC_E_MESSAGE_ALTERED);
}

static void test_tampered_reply_verifier_rejected_by_client(void)
{
    CLIENT *c = open_session(AUTH_SSPI_SVC_NONE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    int ok = 0;
    struct rpc_err e;
    auth_sspi_set_tamper(c->cl_auth, AUTH_SSPI_TAMPER_REPLY_VERIFIER);
    CU_ASSERT_EQUAL(echo(c, "tampered reply verifier", &ok), RPC_AUTHERROR);
    clnt_geterr(c, &e);
    CU_ASSERT_EQUAL(e.re_why, AUTH_INVALIDRESP);
    CU_ASSERT_EQUAL(log_count("tampered reply verifier"), 1);
    close_session(c);
}

typedef struct worker {
    pthread_t tid;
    int index;
    int failures;
} worker;

static void *worker_main(void *arg)
{
    worker *w = arg;
    CLIENT *c = open_session(w->index % 2 ? AUTH_SSPI_SVC_PRIVACY : AUTH_SSPI_SVC_INTEGRITY);
    if (c == NULL) {
        w->failures++;
        return NULL;
    }
    for (int i = 0; i < 20; i++) {
        char text[64];
        int ok = 0;
        snprintf(text, sizeof(text), "worker %d call %d", w->index, i);
        if (echo(c, text, &ok) != RPC_SUCCESS || !ok)
            w->failures++;
        if (sum(c, 5000, &ok) != RPC_SUCCESS || !ok)
            w->failures++;
    }
    close_session(c);
    return NULL;
}

static void test_concurrent_sessions_in_threads(void)
{
    worker ws[6];
    memset(ws, 0, sizeof(ws));
    for (int i = 0; i < 6; i++) {
        ws[i].index = i;
        CU_ASSERT_EQUAL_FATAL(pthread_create(&ws[i].tid, NULL, worker_main, &ws[i]), 0);
    }
    for (int i = 0; i < 6; i++) {
        pthread_join(ws[i].tid, NULL);
        CU_ASSERT_EQUAL(ws[i].failures, 0);
    }
}

static void *shared_main(void *arg)
{
    CLIENT *c = arg;
    intptr_t failures = 0;
    for (int i = 0; i < 20; i++) {
        int ok = 0;
        if (echo(c, "shared CLIENT", &ok) != RPC_SUCCESS || !ok)
            failures++;
    }
    return (void *)failures;
}

/* libtirpc serializes the calls of one CLIENT: threads may share it and its AUTH. */
static void test_threads_share_one_client(void)
{
    CLIENT *c = open_session(AUTH_SSPI_SVC_PRIVACY);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        CU_ASSERT_EQUAL_FATAL(pthread_create(&t[i], NULL, shared_main, c), 0);
    for (int i = 0; i < 4; i++) {
        void *r = NULL;
        pthread_join(t[i], &r);
        CU_ASSERT_PTR_NULL(r);
    }
    close_session(c);
}

static void test_destroy_reaches_server(void)
{
    int before = log_count("null: gss_proc DESTROY");
    CLIENT *c = open_session(AUTH_SSPI_SVC_INTEGRITY);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c);
    close_session(c);
    CU_ASSERT_EQUAL(log_count("null: gss_proc DESTROY"), before + 1);
}

/* The control: libtirpc's own GSSAPI client against the same server, through the client
 * program (which keeps GSSAPI headers out of SSPI code). */
static void run_client(const char *auth, const char *sec, const char *sum_count, int *status)
{
    char prog[REALM_PATH_MAX], port[16];
    build_path("interop/rpcsec/rpc-sspi-client", prog, sizeof(prog));
    snprintf(port, sizeof(port), "%d", server_port);
    pid_t pid = fork();
    if (pid == 0) {
        execl(prog, prog, "-port", port, "-auth", auth, "-sec", sec, "-sum-count", sum_count,
              "-threads", "2", "-calls", "3", (char *)NULL);
        _exit(127);
    }
    CU_ASSERT_FATAL(pid > 0);
    waitpid(pid, status, 0);
}

static void test_libtirpc_gss_client_control(void)
{
    static const char *secs[] = {"none", "integrity", "privacy"};
    for (int i = 0; i < 3; i++) {
        int status = -1;
        /* Small arguments: libtirpc's own client computes integrity/privacy in the
         * stream's buffer (XDR_SETPOS/XDR_INLINE), which holds one record fragment. */
        run_client("gss", secs[i], "1000", &status);
        CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
}

static void test_sspi_client_program_all_steps(void)
{
    int status = -1;
    run_client("sspi", "privacy", "300000", &status);
    CU_ASSERT(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

static CU_TestInfo tests[] = {
    {"test_none_server_sees_principal_and_service_none",
     test_none_server_sees_principal_and_service_none},
    {"test_integrity_server_sees_principal_and_service_integrity",
     test_integrity_server_sees_principal_and_service_integrity},
    {"test_privacy_server_sees_principal_and_service_privacy",
     test_privacy_server_sees_principal_and_service_privacy},
    {"test_integrity_tampered_call_checksum_rejected_by_server",
     test_integrity_tampered_call_checksum_rejected_by_server},
    {"test_privacy_tampered_call_token_rejected_by_server",
     test_privacy_tampered_call_token_rejected_by_server},
    {"test_tampered_call_verifier_rejected_by_server",
     test_tampered_call_verifier_rejected_by_server},
    {"test_integrity_tampered_reply_rejected_by_client",
     test_integrity_tampered_reply_rejected_by_client},
    {"test_privacy_tampered_reply_rejected_by_client",
     test_privacy_tampered_reply_rejected_by_client},
    {"test_tampered_reply_verifier_rejected_by_client",
     test_tampered_reply_verifier_rejected_by_client},
    {"test_concurrent_sessions_in_threads", test_concurrent_sessions_in_threads},
    {"test_threads_share_one_client", test_threads_share_one_client},
    {"test_destroy_reaches_server", test_destroy_reaches_server},
    {"test_libtirpc_gss_client_control", test_libtirpc_gss_client_control},
    {"test_sspi_client_program_all_steps", test_sspi_client_program_all_steps},
    CU_TEST_INFO_NULL,
};

SSPI_TEST_MAIN("rpcsec", suite_init, suite_clean, tests)
