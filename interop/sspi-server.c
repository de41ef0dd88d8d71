/* sspi-server: MIT's gss-server written as an SSPI program.
 *
 * It accepts gss-sample connections (gss_proto.h) from gss-client or sspi-client:
 * establishes the context with AcceptSecurityContext, unwraps each message with
 * DecryptMessage (the whole wrap token as SECBUFFER_STREAM), prints it, and answers with
 * a MakeSignature MIC or a NOOP. Only the public headers are used. */
#include <security.h>
#include <sspibridge.h>

#include "interop/gss_proto.h"
#include "interop/sample_message.h"
#include "interop/sample_net.h"
#include "interop/sample_package.h"
#include "interop/sample_report.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PROG "sspi-server"

/* The server wants to unwrap and sign: it asks for confidentiality and integrity, and lets
 * the bridge allocate the output tokens (freed with FreeContextBuffer). The other
 * attributes are the client's to choose; they are reported as the client asked. */
#define SERVER_ASC_REQ (ASC_REQ_ALLOCATE_MEMORY | ASC_REQ_CONFIDENTIALITY | ASC_REQ_INTEGRITY)

typedef struct server_opts {
    unsigned short port;
    int verbose, once, inetd, do_export;
    const char *logfile;
    const char *keytab;
    const char *package;
    const char *service;
} server_opts;

/* Normal output (gss-server's logfile / display_file): stdout or -logfile. */
static FILE *server_log;

static void server_usage(FILE *out)
{
    fprintf(out,
            "Usage: " PROG " [-port port] [-verbose] [-once] [-inetd] [-export]\n"
            "       [-logfile file] [-keytab keytab] [-mech mechanism | -package name]\n"
            "       service_name\n"
            "\n"
            "MIT's gss-server written against the SSPI API (sspibridge %s, %s GSSAPI): it\n"
            "accepts MIT gss-sample connections, authenticates clients with\n"
            "AcceptSecurityContext, unwraps their messages with DecryptMessage and signs\n"
            "them with MakeSignature.\n"
            "\n"
            "  -port N          listen on port N (default 4444), every local address\n"
            "  -verbose         show tokens, the session key (SECPKG_ATTR_KEY_INFO) and\n"
            "                   each message's protection\n"
            "  -once            serve one connection, then exit with its status\n"
            "  -inetd           serve the connection on stdin; output goes to -logfile\n"
            "  -export          export and re-import the context three times\n"
            "                   (ExportSecurityContext / ImportSecurityContext)\n"
            "  -logfile F       append output to F (/dev/null: none)\n"
            "  -keytab K        use keytab K (sets KRB5_KTNAME before acquiring)\n"
            "  -mech M          mechanism OID or krb5, spnego, ntlm; selects the package\n"
            "  -package NAME    the SSPI package (default Kerberos)\n"
            "  -h, --help       this text;  --version  version and backend\n"
            "\n"
            "service_name is service@host or an SPN service/host[@REALM], the acceptor\n"
            "credential's principal; a bare service (\"host\") acquires with no principal,\n"
            "i.e. accepts any service key in the keytab (gss-server limits that to the\n"
            "service's keys on any host name).\n"
            "\"starting...\" on stderr says the port is listening, as gss-server. Exit status:\n"
            "-once and -inetd give 0 when the connection succeeded, 1 otherwise (the failing\n"
            "SSPI call is named on stderr with its SEC_E_ status), 2 on a usage error.\n",
            sspibridge_version(), sspibridge_backend());
}

static int server_parse(int argc, char **argv, server_opts *o)
{
    int i;

    memset(o, 0, sizeof(*o));
    o->port = 4444;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = (i + 1 < argc) ? argv[i + 1] : NULL;
        int takes = !strcmp(a, "-port") || !strcmp(a, "-logfile") || !strcmp(a, "-keytab") ||
                    !strcmp(a, "-mech") || !strcmp(a, "-package");
        if (takes && val == NULL) {
            fprintf(stderr, PROG ": %s needs a value\n", a);
            return 2;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "-help") || !strcmp(a, "--help")) {
            server_usage(stdout);
            exit(0);
        } else if (!strcmp(a, "--version")) {
            printf(PROG " (sspibridge %s, %s GSSAPI)\n", sspibridge_version(),
                   sspibridge_backend());
            exit(0);
        } else if (!strcmp(a, "-port")) {
            int p = net_parse_port(val);
            if (p < 0) {
                fprintf(stderr, PROG ": bad port '%s'\n", val);
                return 2;
            }
            o->port = (unsigned short)p;
            i++;
        } else if (!strcmp(a, "-verbose")) {
            o->verbose = 1;
        } else if (!strcmp(a, "-once")) {
            o->once = 1;
        } else if (!strcmp(a, "-inetd")) {
            o->inetd = 1;
        } else if (!strcmp(a, "-export")) {
            o->do_export = 1;
        } else if (!strcmp(a, "-logfile")) {
            o->logfile = val;
            i++;
        } else if (!strcmp(a, "-keytab")) {
            o->keytab = val;
            i++;
        } else if (!strcmp(a, "-mech")) {
            o->package = package_from_mech(val);
            if (o->package == NULL) {
                fprintf(stderr, PROG ": unknown mechanism '%s'\n", val);
                return 2;
            }
            i++;
        } else if (!strcmp(a, "-package")) {
            o->package = val;
            i++;
        } else if (!strcmp(a, "-iakerb")) {
            fprintf(stderr, PROG ": IAKERB has no SSPI package\n");
            return 2;
        } else {
            break;
        }
    }
    if (argc - i != 1 || argv[i][0] == '-') {
        if (i < argc && argv[i][0] == '-')
            fprintf(stderr, PROG ": unknown option '%s'\n", argv[i]);
        server_usage(stderr);
        return 2;
    }
    o->service = argv[i];
    if (o->package == NULL)
        o->package = MICROSOFT_KERBEROS_NAME_A;
    return 0;
}

static double server_elapsed(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) + (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

/* gss-server's test_import_export_context: the context leaves the process as bytes and
 * comes back as a new handle. */
static int server_export_import(CtxtHandle *ctx, const char *package)
{
    SecBuffer packed = {0, SECBUFFER_EMPTY, NULL};
    void *token = NULL;
    CtxtHandle fresh;
    struct timespec t0, t1, t2;
    SECURITY_STATUS status;

    clock_gettime(CLOCK_MONOTONIC, &t0);
    status = ExportSecurityContext(ctx, SECPKG_CONTEXT_EXPORT_DELETE_OLD, &packed, &token);
    if (status != SEC_E_OK) {
        report_failure("ExportSecurityContext", status);
        return -1;
    }
    /* SECPKG_CONTEXT_EXPORT_DELETE_OLD: the old handle is gone. */
    SecInvalidateHandle(ctx);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    fprintf(server_log, "Exported context: %u bytes, %7.4f seconds\n", (unsigned)packed.cbBuffer,
            server_elapsed(&t0, &t1));
    SecInvalidateHandle(&fresh);
    status = ImportSecurityContextA((SEC_CHAR *)package, &packed, token, &fresh);
    FreeContextBuffer(packed.pvBuffer);
    if (status != SEC_E_OK) {
        report_failure("ImportSecurityContext", status);
        return -1;
    }
    clock_gettime(CLOCK_MONOTONIC, &t2);
    fprintf(server_log, "Importing context: %7.4f seconds\n", server_elapsed(&t1, &t2));
    *ctx = fresh;
    return 0;
}

/* gss-server's server_establish_context. Returns 1 with a context, 0 for an
 * unauthenticated client, -1 on failure; *v1 tells whether the client spoke v1. */
static int server_establish(int fd, CredHandle *cred, const server_opts *o, CtxtHandle *ctx,
                            ULONG *attrs, int *v1)
{
    unsigned char *tok = NULL;
    size_t len = 0;
    int flags, rc = -1, have_ctx = 0;
    SECURITY_STATUS status;
    TimeStamp expiry;

    *v1 = 0;
    *attrs = 0;
    SecInvalidateHandle(ctx);
    if (proto_recv(PROG, fd, &flags, &tok, &len) != PROTO_OK)
        goto cleanup;
    if (flags == 0) {
        /* No flag byte: a v1 client, whose first token is already a context token. */
        *v1 = 1;
        if (o->verbose)
            fprintf(server_log, "Client speaks the v1 protocol\n");
    } else if (!(flags & TOKEN_NOOP)) {
        fprintf(server_log, "Expected NOOP token, got %d token instead\n", flags);
        goto cleanup;
    } else if (!(flags & TOKEN_CONTEXT_NEXT)) {
        fprintf(server_log, "Accepted unauthenticated connection.\n");
        rc = 0;
        goto cleanup;
    } else {
        free(tok);
        tok = NULL;
        if (proto_recv(PROG, fd, &flags, &tok, &len) != PROTO_OK)
            goto cleanup;
    }

    for (;;) {
        SecBuffer in_bufs[2] = {{(ULONG)len, SECBUFFER_TOKEN, tok}, {0, SECBUFFER_EMPTY, NULL}};
        SecBufferDesc in_desc = {SECBUFFER_VERSION, 2, in_bufs};
        SecBuffer out_buf = {0, SECBUFFER_TOKEN, NULL};
        SecBufferDesc out_desc = {SECBUFFER_VERSION, 1, &out_buf};

        if (o->verbose) {
            fprintf(server_log, "Received token (size=%zu): \n", len);
            report_hexdump(server_log, tok, len);
        }
        status = AcceptSecurityContext(cred, have_ctx ? ctx : NULL, &in_desc, SERVER_ASC_REQ,
                                       SECURITY_NATIVE_DREP, ctx, &out_desc, attrs, &expiry);
        if (!have_ctx && status >= 0)
            have_ctx = 1;
        free(tok);
        tok = NULL;
        /* Like gss-server, send what the package produced before judging the status: a
         * failing acceptor may have an error token for the client. */
        if (out_buf.cbBuffer > 0 && out_buf.pvBuffer != NULL) {
            if (o->verbose) {
                fprintf(server_log, "Sending accept_sec_context token (size=%u):\n",
                        (unsigned)out_buf.cbBuffer);
                report_hexdump(server_log, out_buf.pvBuffer, out_buf.cbBuffer);
            }
            proto_result pr = proto_send(PROG, fd, *v1 ? 0 : TOKEN_CONTEXT, out_buf.pvBuffer,
                                         out_buf.cbBuffer);
            FreeContextBuffer(out_buf.pvBuffer);
            if (pr != PROTO_OK) {
                fprintf(server_log, "failure sending token\n");
                goto cleanup;
            }
        } else if (out_buf.pvBuffer != NULL) {
            FreeContextBuffer(out_buf.pvBuffer);
        }
        if (status < 0) {
            report_failure("AcceptSecurityContext", status);
            goto cleanup;
        }
        if (status == SEC_I_COMPLETE_NEEDED || status == SEC_I_COMPLETE_AND_CONTINUE) {
            SECURITY_STATUS s2 = CompleteAuthToken(ctx, &out_desc);
            if (s2 != SEC_E_OK) {
                report_failure("CompleteAuthToken", s2);
                goto cleanup;
            }
        }
        if (status != SEC_I_CONTINUE_NEEDED && status != SEC_I_COMPLETE_AND_CONTINUE) {
            if (o->verbose)
                fprintf(server_log, "\n");
            break;
        }
        if (o->verbose)
            fprintf(server_log, "continue needed...\n");
        if (proto_recv(PROG, fd, &flags, &tok, &len) != PROTO_OK)
            goto cleanup;
    }

    report_ctx_attrs(server_log, *attrs, 1);
    if (o->verbose)
        fprintf(server_log, "Accepted connection using package %s.\n", o->package);
    rc = 1;

cleanup:
    if (rc < 0 && have_ctx) {
        DeleteSecurityContext(ctx);
        SecInvalidateHandle(ctx);
    }
    free(tok);
    return rc;
}

/* "Accepted connection: "user@REALM"": the client's Kerberos principal. */
static int server_show_client(CtxtHandle *ctx, const server_opts *o)
{
    SecPkgContext_NativeNamesA names;
    SECURITY_STATUS status;

    memset(&names, 0, sizeof(names));
    status = QueryContextAttributesA(ctx, SECPKG_ATTR_NATIVE_NAMES, &names);
    if (status != SEC_E_OK) {
        report_failure("QueryContextAttributes(SECPKG_ATTR_NATIVE_NAMES)", status);
        return -1;
    }
    fprintf(server_log, "Accepted connection: \"%s\"\n", names.sClientName ? names.sClientName : "");
    if (o->verbose && names.sServerName != NULL)
        fprintf(server_log, "Service principal: \"%s\"\n", names.sServerName);
    if (names.sClientName != NULL)
        FreeContextBuffer(names.sClientName);
    if (names.sServerName != NULL)
        FreeContextBuffer(names.sServerName);
    if (o->verbose) {
        char used[64];
        if (report_package(server_log, ctx, o->package, used, sizeof(used)) != SEC_E_OK)
            return -1;
        /* SECPKG_ATTR_KEY_INFO names a Kerberos enctype; NTLM has none to name. */
        if (strcasecmp(used, MICROSOFT_KERBEROS_NAME_A) == 0 &&
            report_key_info(server_log, ctx) != SEC_E_OK)
            return -1;
    }
    return 0;
}

/* One message: unwrap when WRAPPED, show it, answer with a MIC or a NOOP. */
static int server_message(int fd, CtxtHandle *ctx, int have_ctx, int v1, int flags,
                          unsigned char *tok, size_t len, SecPkgContext_Sizes *sizes,
                          int *have_sizes, const server_opts *o)
{
    unsigned char *msg = tok, *mic = NULL;
    size_t msg_len = len, mic_len = 0;
    int encrypted = 0, rc = -1;

    /* v1 has no flags: every v1 message is wrapped and answered with a MIC. */
    if (v1)
        flags = TOKEN_WRAPPED | TOKEN_SEND_MIC;
    if (o->verbose) {
        fprintf(server_log, "Message token (flags=%d):\n", flags);
        report_hexdump(server_log, tok, len);
    }
    if (!have_ctx && (flags & (TOKEN_WRAPPED | TOKEN_ENCRYPTED | TOKEN_SEND_MIC))) {
        fprintf(server_log, "Unauthenticated client requested authenticated services!\n");
        return -1;
    }
    if (flags & TOKEN_WRAPPED) {
        if (message_unwrap(ctx, tok, len, &msg, &msg_len, &encrypted) != SEC_E_OK)
            return -1;
        if (!encrypted && (flags & TOKEN_ENCRYPTED))
            fprintf(stderr, "Warning!  Message not encrypted.\n");
        if (o->verbose)
            fprintf(server_log, "Message protection: %s\n",
                    encrypted ? "encrypted" : "integrity only (SECQOP_WRAP_NO_ENCRYPT)");
    }
    report_message(server_log, "Received message", msg, msg_len);

    if (flags & TOKEN_SEND_MIC) {
        if (!*have_sizes) {
            if (message_sizes(ctx, sizes) != SEC_E_OK)
                return -1;
            *have_sizes = 1;
        }
        if (message_sign(ctx, sizes, msg, msg_len, &mic, &mic_len) != SEC_E_OK)
            return -1;
        rc = proto_send(PROG, fd, v1 ? 0 : TOKEN_MIC, mic, mic_len) == PROTO_OK ? 0 : -1;
        free(mic);
    } else {
        rc = proto_send(PROG, fd, TOKEN_NOOP, NULL, 0) == PROTO_OK ? 0 : -1;
    }
    return rc;
}

/* gss-server's sign_server: one connection. 0 on success, -1 on failure. */
static int server_sign(int fd, CredHandle *cred, const server_opts *o)
{
    CtxtHandle ctx;
    ULONG attrs = 0;
    SecPkgContext_Sizes sizes;
    int have_sizes = 0, v1 = 0, rc = -1, have_ctx;
    unsigned char *tok = NULL;
    size_t len = 0;
    int flags;

    have_ctx = server_establish(fd, cred, o, &ctx, &attrs, &v1);
    if (have_ctx < 0)
        goto cleanup;
    if (have_ctx) {
        if (server_show_client(&ctx, o) != 0)
            goto cleanup;
        if (o->do_export)
            for (int i = 0; i < 3; i++)
                if (server_export_import(&ctx, o->package) != 0)
                    goto cleanup;
    }

    for (;;) {
        proto_result pr = proto_recv(PROG, fd, &flags, &tok, &len);
        if (pr == PROTO_EOF && v1) {
            break; /* a v1 client ends by closing */
        }
        if (pr != PROTO_OK) {
            if (pr == PROTO_EOF)
                fprintf(stderr, PROG ": the client closed the connection without a NOOP\n");
            goto cleanup;
        }
        if (!v1 && (flags & TOKEN_NOOP)) {
            fprintf(server_log, "NOOP token\n");
            break;
        }
        if (server_message(fd, &ctx, have_ctx, v1, flags, tok, len, &sizes, &have_sizes, o) != 0)
            goto cleanup;
        free(tok);
        tok = NULL;
    }
    rc = 0;

cleanup:
    free(tok);
    if (have_ctx > 0 && SecIsValidHandle(&ctx)) {
        SECURITY_STATUS s = DeleteSecurityContext(&ctx);
        if (s != SEC_E_OK && rc == 0) {
            report_failure("DeleteSecurityContext", s);
            rc = -1;
        }
    }
    fflush(server_log);
    fflush(stderr);
    return rc;
}

/* -inetd: stdout and stderr may be the connection itself; send them to the log file (or
 * nowhere) so that no text corrupts the protocol. */
static int server_redirect_output(const char *logfile)
{
    int fd = open(logfile ? logfile : "/dev/null", O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return -1;
    if (dup2(fd, STDOUT_FILENO) < 0 || dup2(fd, STDERR_FILENO) < 0) {
        close(fd);
        return -1;
    }
    close(fd);
    return 0;
}

int main(int argc, char **argv)
{
    server_opts o;
    CredHandle cred;
    TimeStamp expiry;
    SECURITY_STATUS status;
    const char *principal;
    int rc = 1, lfd;

    report_set_prog(PROG);
    signal(SIGPIPE, SIG_IGN);
    if (server_parse(argc, argv, &o) != 0)
        return 2;

    server_log = stdout;
    if (o.inetd) {
        if (server_redirect_output(o.logfile) != 0) {
            perror(o.logfile ? o.logfile : "/dev/null");
            return 1;
        }
    } else if (o.logfile != NULL) {
        server_log = fopen(o.logfile, "a");
        if (server_log == NULL) {
            perror(o.logfile);
            return 1;
        }
    }
    setvbuf(server_log, NULL, _IOLBF, 0);

    /* gss-server's -keytab registers the acceptor keytab; an SSPI program has no such
     * call, and the krb5 library reads KRB5_KTNAME when the credential is acquired. */
    if (o.keytab != NULL && setenv("KRB5_KTNAME", o.keytab, 1) != 0) {
        perror("setenv KRB5_KTNAME");
        return 1;
    }
    principal = (strchr(o.service, '@') || strchr(o.service, '/')) ? o.service : NULL;
    status = AcquireCredentialsHandleA((SEC_CHAR *)principal, (SEC_CHAR *)o.package,
                                       SECPKG_CRED_INBOUND, NULL, NULL, NULL, NULL, &cred,
                                       &expiry);
    if (status != SEC_E_OK) {
        report_failure("AcquireCredentialsHandle", status);
        return 1;
    }

    if (o.inetd) {
        rc = server_sign(STDIN_FILENO, &cred, &o) == 0 ? 0 : 1;
        close(STDIN_FILENO);
    } else {
        lfd = net_listen(PROG, o.port);
        if (lfd >= 0) {
            fprintf(stderr, "starting...\n");
            fflush(stderr);
            for (;;) {
                int s = accept(lfd, NULL, NULL);
                if (s < 0) {
                    if (errno == EINTR)
                        continue;
                    perror(PROG ": accepting connection");
                    continue;
                }
                rc = server_sign(s, &cred, &o) == 0 ? 0 : 1;
                close(s);
                if (o.once)
                    break;
            }
            close(lfd);
        }
    }

    status = FreeCredentialsHandle(&cred);
    if (status != SEC_E_OK) {
        report_failure("FreeCredentialsHandle", status);
        rc = 1;
    }
    if (server_log != stdout)
        fclose(server_log);
    return rc;
}
