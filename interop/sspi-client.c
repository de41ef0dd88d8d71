/* sspi-client: MIT's gss-client written as an SSPI program.
 *
 * It speaks the gss-sample protocol (gss_proto.h) to gss-server or sspi-server: establishes
 * a context with InitializeSecurityContext, sends the message wrapped by EncryptMessage
 * (TOKEN || DATA || PADDING as one token), and checks the server's MIC with
 * VerifySignature. Only the public headers are used, as any ported SSPI program would. */
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
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define PROG "sspi-client"

/* gss-client's defaults: mutual authentication and replay detection. An SSPI program must
 * also ask for confidentiality to use EncryptMessage (Kerberos grants nothing unasked), and
 * asks for integrity so that MakeSignature/VerifySignature are part of the contract. */
#define CLIENT_DEFAULT_REQ                                                                 \
    (ISC_REQ_MUTUAL_AUTH | ISC_REQ_REPLAY_DETECT | ISC_REQ_CONFIDENTIALITY | ISC_REQ_INTEGRITY)

typedef struct client_opts {
    const char *host;
    const char *service;
    const char *msg;
    unsigned short port;
    const char *package;     /* SSPI package for AcquireCredentialsHandle */
    const char *neg_package; /* -spnego -mech X: Negotiate restricted to X (PackageList) */
    ULONG req;
    int auth, wrap, encrypt, mic;
    int v1, use_file, verbose;
    int ccount, mcount;
    const char *user;
    char *pass;
    const char *domain;
} client_opts;

static void client_usage(FILE *out)
{
    fprintf(out,
            "Usage: " PROG " [-port port] [-mech mechanism | -krb5 | -package name] [-spnego]\n"
            "       [-d] [-seq] [-noreplay] [-nomutual] [-dce] [-user user] [-pass pw]\n"
            "       [-domain realm] [-f] [-q] [-ccount count] [-mcount count]\n"
            "       [-v1] [-na] [-nw] [-nx] [-nm]\n"
            "       [-delegate] [-mutual_auth] [-replay_detect] [-sequence_detect]\n"
            "       [-confidentiality] [-integrity]\n"
            "       host service msg\n"
            "\n"
            "MIT's gss-client written against the SSPI API (sspibridge %s, %s GSSAPI): it\n"
            "connects to host:port (default 4444), authenticates to service with\n"
            "InitializeSecurityContext, sends msg wrapped with EncryptMessage and verifies the\n"
            "server's signature with VerifySignature, speaking the MIT gss-sample protocol.\n"
            "\n"
            "  -port N          server port (default 4444)\n"
            "  -mech M          mechanism: an OID (1.2.840.113554.1.2.2, {1 2 840 113554 1 2 2})\n"
            "                   or krb5, spnego, ntlm; selects the SSPI package\n"
            "  -krb5            the Kerberos package (the default)\n"
            "  -package NAME    the SSPI package by name (Kerberos, Negotiate, NTLM)\n"
            "  -spnego          the Negotiate package; with -mech M, restricted to M\n"
            "                   (SEC_WINNT_AUTH_IDENTITY_EX PackageList)\n"
            "  -d, -delegate    ISC_REQ_DELEGATE: as on Windows, the ticket is forwarded only\n"
            "                   to a service the KDC marks ok-as-delegate (gss-client -d\n"
            "                   delegates to any service)\n"
            "  -seq             ISC_REQ_SEQUENCE_DETECT (also -sequence_detect)\n"
            "  -noreplay        no ISC_REQ_REPLAY_DETECT (requested by default)\n"
            "  -nomutual        no ISC_REQ_MUTUAL_AUTH (requested by default)\n"
            "  -dce             ISC_REQ_USE_DCE_STYLE (three-leg DCE style)\n"
            "  -mutual_auth, -replay_detect, -confidentiality, -integrity\n"
            "                   add the ISC_REQ_ flag of that name (case-insensitive, as in\n"
            "                   SSPI ports of gss-client); by default the client requests\n"
            "                   MUTUAL_AUTH, REPLAY_DETECT, CONFIDENTIALITY and INTEGRITY\n"
            "  -user U          the client principal; with -pass, a SEC_WINNT_AUTH_IDENTITY\n"
            "                   with User and Domain split at the last '@'\n"
            "  -pass P          password: tickets are got with it, no cache is written\n"
            "  -domain D        the identity's Domain (default: the part of -user after '@')\n"
            "  -f               msg names a file whose contents are sent\n"
            "  -q               quiet: no progress, flags or key information\n"
            "  -ccount N        connect N times (one credential handle for all)\n"
            "  -mcount N        send the message N times per connection\n"
            "  -v1              the v1 protocol (no flag bytes; sspi-server only)\n"
            "  -na              no authentication: messages go in the clear\n"
            "  -nw              send the message unwrapped\n"
            "  -nx              wrap without encryption (EncryptMessage SECQOP_WRAP_NO_ENCRYPT)\n"
            "  -nm              do not ask the server for a MIC\n"
            "  -h, --help       this text;  --version  version and backend\n"
            "\n"
            "service is service@host (GSS host-based form) or an SPN service/host[@REALM]; a\n"
            "bare service means service@host (gss-client uses the local host name instead).\n"
            "Exit status 0 on success, 1 on any failure (the failing SSPI call is named on\n"
            "stderr with its SEC_E_ status), 2 on a usage error.\n",
            sspibridge_version(), sspibridge_backend());
}

static int client_count(const char *s, int min)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno != 0 || end == s || *end != '\0' || v < min || v > 1000000)
        return -1;
    return (int)v;
}

/* The SSPI-port spellings: each adds its ISC_REQ_ flag. */
static const struct {
    const char *opt;
    ULONG flag;
} client_flag_opts[] = {
    {"-delegate", ISC_REQ_DELEGATE},
    {"-mutual_auth", ISC_REQ_MUTUAL_AUTH},
    {"-replay_detect", ISC_REQ_REPLAY_DETECT},
    {"-sequence_detect", ISC_REQ_SEQUENCE_DETECT},
    {"-confidentiality", ISC_REQ_CONFIDENTIALITY},
    {"-integrity", ISC_REQ_INTEGRITY},
};

/* Parses argv like gss-client: options up to the first word that is not one, then
 * exactly host, service and msg. Returns 0, or 2 after printing usage. */
static int client_parse(int argc, char **argv, client_opts *o)
{
    const char *mech = NULL;
    int spnego = 0;
    int i;

    memset(o, 0, sizeof(*o));
    o->port = 4444;
    o->req = CLIENT_DEFAULT_REQ;
    o->auth = o->wrap = o->encrypt = o->mic = 1;
    o->verbose = 1;
    o->ccount = o->mcount = 1;

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *val = (i + 1 < argc) ? argv[i + 1] : NULL;
        int takes = !strcmp(a, "-port") || !strcmp(a, "-mech") || !strcmp(a, "-package") ||
                    !strcmp(a, "-user") || !strcmp(a, "-pass") || !strcmp(a, "-domain") ||
                    !strcmp(a, "-ccount") || !strcmp(a, "-mcount");
        if (takes && val == NULL) {
            fprintf(stderr, PROG ": %s needs a value\n", a);
            return 2;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "-help") || !strcmp(a, "--help")) {
            client_usage(stdout);
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
        } else if (!strcmp(a, "-mech")) {
            mech = val;
            i++;
        } else if (!strcmp(a, "-package")) {
            o->package = val;
            i++;
        } else if (!strcmp(a, "-krb5")) {
            mech = "krb5";
        } else if (!strcmp(a, "-spnego")) {
            spnego = 1;
        } else if (!strcmp(a, "-iakerb")) {
            fprintf(stderr, PROG ": IAKERB has no SSPI package\n");
            return 2;
        } else if (!strcmp(a, "-user")) {
            o->user = val;
            i++;
        } else if (!strcmp(a, "-pass")) {
            o->pass = argv[i + 1];
            i++;
        } else if (!strcmp(a, "-domain")) {
            o->domain = val;
            i++;
        } else if (!strcmp(a, "-dce")) {
            o->req |= ISC_REQ_USE_DCE_STYLE;
        } else if (!strcmp(a, "-d")) {
            o->req |= ISC_REQ_DELEGATE;
        } else if (!strcmp(a, "-seq")) {
            o->req |= ISC_REQ_SEQUENCE_DETECT;
        } else if (!strcmp(a, "-noreplay")) {
            o->req &= ~(ULONG)ISC_REQ_REPLAY_DETECT;
        } else if (!strcmp(a, "-nomutual")) {
            o->req &= ~(ULONG)ISC_REQ_MUTUAL_AUTH;
        } else if (!strcmp(a, "-f")) {
            o->use_file = 1;
        } else if (!strcmp(a, "-q")) {
            o->verbose = 0;
        } else if (!strcmp(a, "-ccount")) {
            if ((o->ccount = client_count(val, 1)) < 0) {
                fprintf(stderr, PROG ": bad -ccount '%s'\n", val);
                return 2;
            }
            i++;
        } else if (!strcmp(a, "-mcount")) {
            if ((o->mcount = client_count(val, 0)) < 0) {
                fprintf(stderr, PROG ": bad -mcount '%s'\n", val);
                return 2;
            }
            i++;
        } else if (!strcmp(a, "-na")) {
            o->auth = o->wrap = o->encrypt = o->mic = 0;
        } else if (!strcmp(a, "-nw")) {
            o->wrap = 0;
        } else if (!strcmp(a, "-nx")) {
            o->encrypt = 0;
        } else if (!strcmp(a, "-nm")) {
            o->mic = 0;
        } else if (!strcmp(a, "-v1")) {
            o->v1 = 1;
        } else {
            size_t k, n = sizeof(client_flag_opts) / sizeof(client_flag_opts[0]);
            for (k = 0; k < n; k++)
                if (!strcasecmp(a, client_flag_opts[k].opt))
                    break;
            if (k == n)
                break;
            o->req |= client_flag_opts[k].flag;
        }
    }
    if (argc - i != 3 || (i < argc && argv[i][0] == '-' && argv[i][1] != '\0')) {
        if (i < argc && argv[i][0] == '-')
            fprintf(stderr, PROG ": unknown option '%s'\n", argv[i]);
        client_usage(stderr);
        return 2;
    }
    o->host = argv[i];
    o->service = argv[i + 1];
    o->msg = argv[i + 2];

    if (mech != NULL) {
        const char *pkg = package_from_mech(mech);
        if (pkg == NULL) {
            fprintf(stderr, PROG ": unknown mechanism '%s'\n", mech);
            return 2;
        }
        if (spnego)
            o->neg_package = pkg;
        else if (o->package == NULL)
            o->package = pkg;
    }
    if (spnego)
        o->package = NEGOSSP_NAME_A;
    if (o->package == NULL)
        o->package = MICROSOFT_KERBEROS_NAME_A;
    return 0;
}

/* AcquireCredentialsHandle for the initiator: the default credentials, or a principal,
 * or a user name and password in a SEC_WINNT_AUTH_IDENTITY (the _EX form when a Negotiate
 * package list is wanted). The password copy is wiped before returning. */
static SECURITY_STATUS client_acquire(const client_opts *o, CredHandle *cred)
{
    SEC_WINNT_AUTH_IDENTITY_EXA ex;
    SEC_WINNT_AUTH_IDENTITY_A plain;
    void *auth = NULL;
    char *user = NULL, *domain = NULL;
    const char *principal = NULL;
    SECURITY_STATUS status;
    TimeStamp expiry;

    memset(&ex, 0, sizeof(ex));
    memset(&plain, 0, sizeof(plain));
    SecInvalidateHandle(cred);

    if (o->user != NULL && (o->pass != NULL || o->neg_package != NULL)) {
        /* Windows' identity form: User and Domain apart ("user", "REALM"). */
        user = strdup(o->user);
        if (user == NULL)
            return SEC_E_INSUFFICIENT_MEMORY;
        char *at = strrchr(user, '@');
        if (at != NULL) {
            *at = '\0';
            domain = at + 1;
        }
        if (o->domain != NULL)
            domain = (char *)o->domain;
    } else if (o->user != NULL) {
        principal = o->user;
    }

    if (o->neg_package != NULL) {
        ex.Version = SEC_WINNT_AUTH_IDENTITY_VERSION;
        ex.Length = sizeof(ex);
        ex.User = (unsigned char *)user;
        ex.UserLength = user ? (ULONG)strlen(user) : 0;
        ex.Domain = (unsigned char *)domain;
        ex.DomainLength = domain ? (ULONG)strlen(domain) : 0;
        ex.Password = (unsigned char *)o->pass;
        ex.PasswordLength = o->pass ? (ULONG)strlen(o->pass) : 0;
        ex.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI;
        ex.PackageList = (unsigned char *)o->neg_package;
        ex.PackageListLength = (ULONG)strlen(o->neg_package);
        auth = &ex;
    } else if (o->pass != NULL) {
        plain.User = (unsigned char *)user;
        plain.UserLength = user ? (ULONG)strlen(user) : 0;
        plain.Domain = (unsigned char *)domain;
        plain.DomainLength = domain ? (ULONG)strlen(domain) : 0;
        plain.Password = (unsigned char *)o->pass;
        plain.PasswordLength = (ULONG)strlen(o->pass);
        plain.Flags = SEC_WINNT_AUTH_IDENTITY_ANSI;
        auth = &plain;
    }

    status = AcquireCredentialsHandleA((SEC_CHAR *)principal, (SEC_CHAR *)o->package,
                                       SECPKG_CRED_OUTBOUND, NULL, auth, NULL, NULL, cred,
                                       &expiry);
    if (status != SEC_E_OK)
        report_failure("AcquireCredentialsHandle", status);
    free(user);
    return status;
}

/* Seconds from now until a TimeStamp (FILETIME: 100 ns since 1601-01-01 UTC). */
static long client_lifetime(const TimeStamp *ts)
{
    uint64_t ft = ((uint64_t)(uint32_t)ts->HighPart << 32) | ts->LowPart;
    int64_t unix_s = (int64_t)(ft / 10000000u) - INT64_C(11644473600);
    int64_t left = unix_s - (int64_t)time(NULL);

    if (ft == UINT64_C(0x7fffffffffffffff) || left > 0x7fffffff)
        return 0x7fffffff;
    return left < 0 ? 0 : (long)left;
}

/* The InitializeSecurityContext loop of gss-client's client_establish_context: every
 * output token goes to the server; a CONTINUE status means the server has one more token
 * for us. */
static int client_establish(int fd, CredHandle *cred, const char *target, const client_opts *o,
                            ULONG max_token, CtxtHandle *ctx, ULONG *attrs, TimeStamp *expiry)
{
    unsigned char *out = malloc(max_token ? max_token : 1);
    unsigned char *in = NULL;
    size_t in_len = 0;
    int have_ctx = 0, rc = -1, flags;
    SECURITY_STATUS status;

    SecInvalidateHandle(ctx);
    if (out == NULL) {
        fprintf(stderr, PROG ": out of memory\n");
        goto cleanup;
    }
    if (!o->v1 && proto_send(PROG, fd, TOKEN_NOOP | TOKEN_CONTEXT_NEXT, NULL, 0) != PROTO_OK)
        goto cleanup;

    for (;;) {
        SecBuffer in_bufs[2] = {{(ULONG)in_len, SECBUFFER_TOKEN, in}, {0, SECBUFFER_EMPTY, NULL}};
        SecBufferDesc in_desc = {SECBUFFER_VERSION, 2, in_bufs};
        SecBuffer out_buf = {max_token, SECBUFFER_TOKEN, out};
        SecBufferDesc out_desc = {SECBUFFER_VERSION, 1, &out_buf};

        status = InitializeSecurityContextA(cred, have_ctx ? ctx : NULL, (SEC_CHAR *)target,
                                            o->req, 0, SECURITY_NATIVE_DREP,
                                            have_ctx ? &in_desc : NULL, 0, ctx, &out_desc,
                                            attrs, expiry);
        if (!have_ctx && status >= 0)
            have_ctx = 1;
        if (status < 0) {
            report_failure("InitializeSecurityContext", status);
            /* A first call that failed created no context; a later one leaves ours. */
            goto cleanup;
        }
        if (status == SEC_I_COMPLETE_NEEDED || status == SEC_I_COMPLETE_AND_CONTINUE) {
            SECURITY_STATUS s2 = CompleteAuthToken(ctx, &out_desc);
            if (s2 != SEC_E_OK) {
                report_failure("CompleteAuthToken", s2);
                goto cleanup;
            }
        }
        if (out_buf.cbBuffer > 0) {
            if (o->verbose)
                printf("Sending init_sec_context token (size=%u)...", (unsigned)out_buf.cbBuffer);
            if (proto_send(PROG, fd, o->v1 ? 0 : TOKEN_CONTEXT, out, out_buf.cbBuffer) != PROTO_OK)
                goto cleanup;
        }
        if (status != SEC_I_CONTINUE_NEEDED && status != SEC_I_COMPLETE_AND_CONTINUE) {
            if (o->verbose)
                printf("\n");
            break;
        }
        if (o->verbose)
            printf("continue needed...");
        free(in);
        in = NULL;
        proto_result pr = proto_recv(PROG, fd, &flags, &in, &in_len);
        if (pr != PROTO_OK) {
            if (pr == PROTO_EOF)
                fprintf(stderr, PROG ": the server closed the connection during establishment\n");
            goto cleanup;
        }
        if (o->verbose)
            printf("\n");
    }
    rc = 0;

cleanup:
    if (rc != 0 && have_ctx) {
        DeleteSecurityContext(ctx);
        SecInvalidateHandle(ctx);
    }
    free(in);
    free(out);
    return rc;
}

/* What gss-client prints after establishment, from the context's attributes. */
static int client_show_context(CtxtHandle *ctx, ULONG attrs, const TimeStamp *expiry,
                               const client_opts *o)
{
    SecPkgContext_NativeNamesA names;
    SECURITY_STATUS status;

    report_ctx_attrs(stdout, attrs, 0);
    memset(&names, 0, sizeof(names));
    status = QueryContextAttributesA(ctx, SECPKG_ATTR_NATIVE_NAMES, &names);
    if (status != SEC_E_OK) {
        report_failure("QueryContextAttributes(SECPKG_ATTR_NATIVE_NAMES)", status);
        return -1;
    }
    printf("\"%s\" to \"%s\", lifetime %ld, flags %x, locally initiated, open\n",
           names.sClientName ? names.sClientName : "", names.sServerName ? names.sServerName : "",
           client_lifetime(expiry), (unsigned)attrs);
    if (names.sClientName != NULL)
        FreeContextBuffer(names.sClientName);
    if (names.sServerName != NULL)
        FreeContextBuffer(names.sServerName);
    char used[64];
    if (report_package(stdout, ctx, o->package, used, sizeof(used)) != SEC_E_OK)
        return -1;
    /* SECPKG_ATTR_KEY_INFO names a Kerberos enctype; an NTLM context (MS-NLMP: RC4
     * sealing, HMAC-MD5 signing) has none, and gss-ntlmssp names no key type. */
    if (strcasecmp(used, MICROSOFT_KERBEROS_NAME_A) == 0 &&
        report_key_info(stdout, ctx) != SEC_E_OK)
        return -1;
    return 0;
}

static int client_read_file(const char *path, unsigned char **buf, size_t *len)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    size_t got = 0;

    *buf = NULL;
    *len = 0;
    if (fd < 0 || fstat(fd, &st) != 0) {
        fprintf(stderr, PROG ": Couldn't open file %s: %s\n", path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return -1;
    }
    *buf = malloc(st.st_size > 0 ? (size_t)st.st_size : 1);
    if (*buf == NULL) {
        close(fd);
        fprintf(stderr, PROG ": out of memory reading %s\n", path);
        return -1;
    }
    while (got < (size_t)st.st_size) {
        ssize_t r = read(fd, *buf + got, (size_t)st.st_size - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (got < (size_t)st.st_size)
        fprintf(stderr, PROG ": Warning, only read in %zu bytes, expected %zu\n", got,
                (size_t)st.st_size);
    *len = got;
    return 0;
}

/* One connection: gss-client's call_server. */
static int client_call_server(const client_opts *o, CredHandle *cred, const char *target,
                              ULONG max_token, const unsigned char *msg, size_t msg_len)
{
    CtxtHandle ctx;
    ULONG attrs = 0;
    TimeStamp expiry = {0, 0};
    SecPkgContext_Sizes sizes;
    int fd, rc = -1, have_ctx = 0;
    unsigned char *tok = NULL, *resp = NULL;
    size_t tok_len = 0, resp_len = 0;

    SecInvalidateHandle(&ctx);
    fd = net_connect(PROG, o->host, o->port);
    if (fd < 0)
        return -1;

    if (o->auth) {
        if (client_establish(fd, cred, target, o, max_token, &ctx, &attrs, &expiry) != 0)
            goto cleanup;
        have_ctx = 1;
        if (o->verbose && client_show_context(&ctx, attrs, &expiry, o) != 0)
            goto cleanup;
        if (o->wrap && message_sizes(&ctx, &sizes) != SEC_E_OK)
            goto cleanup;
    } else if (proto_send(PROG, fd, TOKEN_NOOP, NULL, 0) != PROTO_OK) {
        goto cleanup;
    }

    for (int i = 0; i < o->mcount; i++) {
        const unsigned char *send_buf = msg;
        size_t send_len = msg_len;
        int flags;

        if (o->wrap) {
            if (message_wrap(&ctx, &sizes, o->encrypt, msg, msg_len, &tok, &tok_len) != SEC_E_OK)
                goto cleanup;
            send_buf = tok;
            send_len = tok_len;
        }
        /* gss-client sends ENCRYPTED whenever encryption was not turned off, wrapped or not. */
        flags = o->v1 ? 0
                      : TOKEN_DATA | (o->wrap ? TOKEN_WRAPPED : 0) |
                            (o->encrypt ? TOKEN_ENCRYPTED : 0) | (o->mic ? TOKEN_SEND_MIC : 0);
        if (proto_send(PROG, fd, flags, send_buf, send_len) != PROTO_OK)
            goto cleanup;
        free(tok);
        tok = NULL;

        proto_result pr = proto_recv(PROG, fd, &flags, &resp, &resp_len);
        if (pr != PROTO_OK) {
            if (pr == PROTO_EOF)
                fprintf(stderr, PROG ": the server closed the connection instead of answering\n");
            goto cleanup;
        }
        if (o->mic) {
            if (message_verify(&ctx, msg, msg_len, resp, resp_len) != SEC_E_OK)
                goto cleanup;
            if (o->verbose)
                printf("Signature verified.\n");
        } else if (o->verbose) {
            printf("Response received.\n");
        }
        free(resp);
        resp = NULL;
    }

    if (!o->v1 && proto_send(PROG, fd, TOKEN_NOOP, NULL, 0) != PROTO_OK)
        goto cleanup;
    rc = 0;

cleanup:
    if (have_ctx) {
        SECURITY_STATUS s = DeleteSecurityContext(&ctx);
        if (s != SEC_E_OK && rc == 0) {
            report_failure("DeleteSecurityContext", s);
            rc = -1;
        }
    }
    free(tok);
    free(resp);
    close(fd);
    fflush(stdout);
    return rc;
}

int main(int argc, char **argv)
{
    client_opts o;
    CredHandle cred;
    char *target = NULL;
    unsigned char *msg = NULL;
    size_t msg_len = 0;
    ULONG max_token = 0;
    int rc = 1, have_cred = 0;

    report_set_prog(PROG);
    signal(SIGPIPE, SIG_IGN);
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (client_parse(argc, argv, &o) != 0)
        return 2;

    /* A bare service name is service@host, with the host we connect to. */
    if (strchr(o.service, '@') == NULL && strchr(o.service, '/') == NULL) {
        size_t n = strlen(o.service) + strlen(o.host) + 2;
        target = malloc(n);
        if (target == NULL)
            goto cleanup;
        snprintf(target, n, "%s@%s", o.service, o.host);
    } else if ((target = strdup(o.service)) == NULL) {
        goto cleanup;
    }

    if (o.use_file) {
        if (client_read_file(o.msg, &msg, &msg_len) != 0)
            goto cleanup;
    } else {
        msg_len = strlen(o.msg);
        if ((msg = malloc(msg_len + 1)) == NULL)
            goto cleanup;
        memcpy(msg, o.msg, msg_len + 1);
    }

    if (o.auth) {
        max_token = package_max_token(o.package);
        if (max_token == 0)
            goto cleanup;
        SECURITY_STATUS s = client_acquire(&o, &cred);
        /* The password is in the credential now (or was refused): wipe our copy. */
        if (o.pass != NULL)
            explicit_bzero(o.pass, strlen(o.pass));
        if (s != SEC_E_OK)
            goto cleanup;
        have_cred = 1;
    }
    if (o.verbose && o.auth) {
        char req[1024];
        printf("Requesting %s of %s as %s\n", report_req_text(o.req, 0, req, sizeof(req)),
               o.package, target);
    }

    for (int i = 0; i < o.ccount; i++)
        if (client_call_server(&o, &cred, target, max_token, msg, msg_len) != 0)
            goto cleanup;
    rc = 0;

cleanup:
    if (have_cred) {
        SECURITY_STATUS s = FreeCredentialsHandle(&cred);
        if (s != SEC_E_OK) {
            report_failure("FreeCredentialsHandle", s);
            rc = 1;
        }
    }
    free(msg);
    free(target);
    return rc;
}
