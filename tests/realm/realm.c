/* A throwaway Kerberos realm for CUnit integration suites: see realm.h. */
#if !defined(_GNU_SOURCE) && !defined(_POSIX_C_SOURCE)
#define _POSIX_C_SOURCE 200809L
#endif

#include "realm.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define SCRIPT_REL "tests/realm/sspibridge-realm"

/* ---- the script ---------------------------------------------------------------------- */

const char *realm_script(void)
{
    static char path[REALM_PATH_MAX];
    const char *s = getenv("SSPIBRIDGE_REALM");
    const char *src = getenv("SSPIBRIDGE_SRCDIR");

    if (s != NULL && *s != '\0')
        return s;
    if (src != NULL && *src != '\0' &&
        (size_t)snprintf(path, sizeof(path), "%s/%s", src, SCRIPT_REL) < sizeof(path))
        return path;
#ifdef SSPIBRIDGE_REALM_SCRIPT
    return SSPIBRIDGE_REALM_SCRIPT;
#else
    return SCRIPT_REL;
#endif
}

/* Runs "bash SCRIPT args..." with stdin from /dev/null and stdout captured into *out
 * (malloc'd, NUL-terminated; NULL out: stdout goes to our stderr).  The script's stderr
 * is ours.  Returns the exit status, or -1 if it could not run. */
static int run_script(const char *const *args, char **out)
{
    const char *script = realm_script();
    const char *argv[16];
    size_t argc = 0, len = 0, cap = 0;
    char *buf = NULL;
    int fds[2] = { -1, -1 };
    int status = 0, rc = -1;
    pid_t pid;

    if (out != NULL)
        *out = NULL;
    argv[argc++] = "bash";
    argv[argc++] = script;
    for (; *args != NULL && argc < sizeof(argv) / sizeof(argv[0]) - 1; args++)
        argv[argc++] = *args;
    argv[argc] = NULL;

    if (access(script, R_OK) != 0) {
        fprintf(stderr, "realm: cannot read the realm script %s: %s "
                "(set SSPIBRIDGE_REALM or SSPIBRIDGE_SRCDIR)\n", script, strerror(errno));
        return -1;
    }
    if (pipe(fds) != 0) {
        fprintf(stderr, "realm: pipe: %s\n", strerror(errno));
        return -1;
    }
    (void)fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    (void)fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    fflush(NULL);
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "realm: fork: %s\n", strerror(errno));
        goto cleanup;
    }
    if (pid == 0) {
        int devnull = open("/dev/null", O_RDONLY);

        if (devnull >= 0)
            (void)dup2(devnull, STDIN_FILENO);
        if (out != NULL)
            (void)dup2(fds[1], STDOUT_FILENO);
        else
            (void)dup2(STDERR_FILENO, STDOUT_FILENO);
        /* execvp's argv is char *const[] for historical reasons; it does not write. */
        execvp("bash", (char *const *)(void *)argv);
        fprintf(stderr, "realm: cannot run bash: %s\n", strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    fds[1] = -1;
    for (;;) {
        ssize_t n;

        if (cap - len < 1024) {
            size_t ncap = cap ? cap * 2 : 8192;
            char *nbuf = realloc(buf, ncap);

            if (nbuf == NULL) {
                fprintf(stderr, "realm: out of memory\n");
                break;
            }
            buf = nbuf;
            cap = ncap;
        }
        n = read(fds[0], buf + len, cap - len - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        len += (size_t)n;
    }
    while (waitpid(pid, &status, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "realm: waitpid: %s\n", strerror(errno));
            goto cleanup;
        }
    }
    if (WIFEXITED(status))
        rc = WEXITSTATUS(status);
    else
        fprintf(stderr, "realm: %s %s died with signal %d\n", script,
                argv[2] ? argv[2] : "", WIFSIGNALED(status) ? WTERMSIG(status) : 0);
    if (out != NULL && buf != NULL) {
        buf[len] = '\0';
        *out = buf;
        buf = NULL;
    }

cleanup:
    free(buf);
    if (fds[0] >= 0)
        close(fds[0]);
    if (fds[1] >= 0)
        close(fds[1]);
    return rc;
}

/* ---- parsing "export NAME='value'" ----------------------------------------------------- */

static void copy_str(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);

    if (n >= size)
        n = size - 1;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* Parses one line of shell: export NAME=WORD, where WORD is any mix of '...' quoted
 * parts, backslash-escaped characters and plain characters (what the script prints:
 * 'it'\''s').  Writes the NUL-terminated name and value in place (the value overwrites
 * the line, never longer).  Returns 0 for such a line, -1 for anything else. */
static int parse_export(char *line, char **name, char **value)
{
    char *p = line, *w;

    while (*p == ' ' || *p == '\t')
        p++;
    if (strncmp(p, "export", 6) != 0 || (p[6] != ' ' && p[6] != '\t'))
        return -1;
    p += 6;
    while (*p == ' ' || *p == '\t')
        p++;
    *name = p;
    if (!(*p == '_' || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z')))
        return -1;
    while (*p == '_' || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
           (*p >= '0' && *p <= '9'))
        p++;
    if (*p != '=')
        return -1;
    *p++ = '\0';
    *value = w = p;
    while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n') {
        if (*p == '\'') {
            p++;
            while (*p != '\'' && *p != '\0')
                *w++ = *p++;
            if (*p != '\'')
                return -1; /* unterminated quote */
            p++;
        } else if (*p == '\\' && p[1] != '\0') {
            *w++ = p[1];
            p += 2;
        } else if (*p == '"' || *p == '$' || *p == '`') {
            return -1; /* the script never prints these unquoted */
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return 0;
}

static int remember_var(realm *r, const char *name)
{
    for (int i = 0; i < r->nvars; i++)
        if (strcmp(r->vars[i], name) == 0)
            return 0;
    if (r->nvars >= REALM_MAX_VARS || strlen(name) >= sizeof(r->vars[0])) {
        fprintf(stderr, "realm: too many or too long variables (%s)\n", name);
        return -1;
    }
    copy_str(r->vars[r->nvars++], sizeof(r->vars[0]), name);
    return 0;
}

/* Sets every exported variable in the environment and the fields of r it names. */
static int apply_exports(realm *r, char *text)
{
    char *line = text, *next, *name, *value;
    int seen = 0;

    for (; line != NULL && *line != '\0'; line = next) {
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        if (parse_export(line, &name, &value) != 0) {
            if (*line != '\0' && *line != '#')
                fprintf(stderr, "realm: ignoring line from the script: %s\n", line);
            continue;
        }
        if (remember_var(r, name) != 0)
            return -1;
        if (setenv(name, value, 1) != 0) {
            fprintf(stderr, "realm: setenv %s: %s\n", name, strerror(errno));
            return -1;
        }
        seen++;
        if (strcmp(name, "SSPIBRIDGE_REALM_DIR") == 0)
            copy_str(r->dir, sizeof(r->dir), value);
        else if (strcmp(name, "SSPIBRIDGE_REALM_NAME") == 0)
            copy_str(r->name, sizeof(r->name), value);
        else if (strcmp(name, "SSPIBRIDGE_REALM_PORT") == 0)
            r->port = atoi(value);
        else if (strcmp(name, "SSPIBRIDGE_REALM_KDC_PID") == 0)
            r->kdc_pid = (pid_t)atol(value);
        else if (strcmp(name, "SSPIBRIDGE_TEST_USER") == 0)
            copy_str(r->user, sizeof(r->user), value);
        else if (strcmp(name, "SSPIBRIDGE_TEST_PASS") == 0)
            copy_str(r->password, sizeof(r->password), value);
        else if (strcmp(name, "SSPIBRIDGE_TEST_USER2") == 0)
            copy_str(r->user2, sizeof(r->user2), value);
        else if (strcmp(name, "SSPIBRIDGE_TEST_PASS2") == 0)
            copy_str(r->password2, sizeof(r->password2), value);
        else if (strcmp(name, "SSPIBRIDGE_TEST_HOST") == 0)
            copy_str(r->host, sizeof(r->host), value);
        else if (strcmp(name, "SSPIBRIDGE_TEST_SERVICE") == 0)
            copy_str(r->service, sizeof(r->service), value);
        else if (strcmp(name, "KRB5_CONFIG") == 0)
            copy_str(r->krb5_config, sizeof(r->krb5_config), value);
        else if (strcmp(name, "KRB5CCNAME") == 0)
            copy_str(r->ccache, sizeof(r->ccache), value);
        else if (strcmp(name, "KRB5_KTNAME") == 0)
            copy_str(r->keytab, sizeof(r->keytab), value);
        else if (strcmp(name, "SSPIBRIDGE_REALM_USER_KEYTAB") == 0)
            copy_str(r->user_keytab, sizeof(r->user_keytab), value);
    }
    if (seen == 0) {
        fprintf(stderr, "realm: the script printed no variables\n");
        return -1;
    }
    return 0;
}

/* ---- realms left up at exit ------------------------------------------------------------ */

#define MAX_LIVE 16

static struct {
    char dir[REALM_PATH_MAX];
    pid_t owner; /* the process that brought it up: a fork()ed child must not take it down */
} live[MAX_LIVE];
static int atexit_registered;

static void live_add(const char *dir)
{
    for (int i = 0; i < MAX_LIVE; i++) {
        if (live[i].dir[0] == '\0') {
            copy_str(live[i].dir, sizeof(live[i].dir), dir);
            live[i].owner = getpid();
            return;
        }
    }
    /* Full: the script's watchdog still takes it down when we exit. */
}

static void live_remove(const char *dir)
{
    for (int i = 0; i < MAX_LIVE; i++)
        if (live[i].dir[0] != '\0' && strcmp(live[i].dir, dir) == 0)
            live[i].dir[0] = '\0';
}

static void down_dir(const char *dir)
{
    const char *args[] = { "down", "--dir", dir, NULL };

    (void)run_script(args, NULL);
}

static void realm_atexit(void)
{
    for (int i = 0; i < MAX_LIVE; i++) {
        if (live[i].dir[0] != '\0' && live[i].owner == getpid()) {
            down_dir(live[i].dir);
            live[i].dir[0] = '\0';
        }
    }
}

/* ---- the API --------------------------------------------------------------------------- */

int realm_up(const realm_opts *opts, realm *out)
{
    const char *args[16];
    char owner[32];
    char *text = NULL;
    size_t n = 0;
    int rc = -1, st;

    memset(out, 0, sizeof(*out));
    if (!atexit_registered) {
        if (atexit(realm_atexit) != 0) {
            fprintf(stderr, "realm: atexit failed\n");
            return -1;
        }
        atexit_registered = 1;
    }
    snprintf(owner, sizeof(owner), "%ld", (long)getpid());
    args[n++] = "up";
    args[n++] = "--owner";
    args[n++] = owner;
    if (opts != NULL && opts->enctypes != NULL) {
        args[n++] = "--enctypes";
        args[n++] = opts->enctypes;
    }
    if (opts != NULL && opts->session_enctypes != NULL) {
        args[n++] = "--session-enctypes";
        args[n++] = opts->session_enctypes;
    }
    if (opts != NULL && opts->realm_name != NULL) {
        args[n++] = "--realm";
        args[n++] = opts->realm_name;
    }
    if (opts != NULL && opts->client_keytab)
        args[n++] = "--client-keytab";
    args[n] = NULL;

    st = run_script(args, &text);
    if (st != 0) {
        fprintf(stderr, "realm: %s up failed (status %d)\n", realm_script(), st);
        goto cleanup;
    }
    /* From here the realm exists: whatever fails takes it down. */
    if (apply_exports(out, text) != 0 || out->dir[0] != '/') {
        fprintf(stderr, "realm: cannot use the output of %s up\n", realm_script());
        if (out->dir[0] == '/')
            down_dir(out->dir);
        goto cleanup;
    }
    if (out->name[0] == '\0' || out->port <= 0 || out->port > 65535 || out->kdc_pid <= 0) {
        fprintf(stderr, "realm: %s up printed no realm name, port or KDC pid\n",
                realm_script());
        down_dir(out->dir);
        goto cleanup;
    }
    out->up = 1;
    live_add(out->dir);
    rc = 0;

cleanup:
    free(text);
    if (rc != 0) {
        for (int i = 0; i < out->nvars; i++)
            unsetenv(out->vars[i]);
        memset(out, 0, sizeof(*out));
    }
    return rc;
}

static int simple_command(const realm *r, const char *command)
{
    const char *args[] = { command, "--dir", r->dir, NULL };
    int st;

    if (!r->up) {
        fprintf(stderr, "realm: %s on a realm that is not up\n", command);
        return -1;
    }
    st = run_script(args, NULL);
    if (st != 0) {
        fprintf(stderr, "realm: %s %s failed (status %d)\n", realm_script(), command, st);
        return -1;
    }
    return 0;
}

int realm_kinit(const realm *r)
{
    return simple_command(r, "kinit");
}

int realm_kdestroy(const realm *r)
{
    return simple_command(r, "kdestroy");
}

int realm_stop_kdc(realm *r)
{
    if (simple_command(r, "stop-kdc") != 0)
        return -1;
    r->kdc_pid = 0;
    if (getenv("SSPIBRIDGE_REALM_DIR") != NULL &&
        strcmp(getenv("SSPIBRIDGE_REALM_DIR"), r->dir) == 0)
        setenv("SSPIBRIDGE_REALM_KDC_PID", "", 1);
    return 0;
}

/* Runs a command that prints the exports (start-kdc, env) and applies them. */
static int exports_command(realm *r, const char *command)
{
    const char *args[] = { command, "--dir", r->dir, NULL };
    char *text = NULL;
    int st, rc = -1;

    if (!r->up) {
        fprintf(stderr, "realm: %s on a realm that is not up\n", command);
        return -1;
    }
    st = run_script(args, &text);
    if (st != 0)
        fprintf(stderr, "realm: %s %s failed (status %d)\n", realm_script(), command, st);
    else
        rc = apply_exports(r, text);
    free(text);
    return rc;
}

int realm_start_kdc(realm *r)
{
    if (exports_command(r, "start-kdc") != 0)
        return -1;
    return r->kdc_pid > 0 ? 0 : -1;
}

int realm_activate(realm *r)
{
    return exports_command(r, "env");
}

void realm_down(realm *r)
{
    const char *cur;

    if (r == NULL || !r->up)
        return;
    {
        const char *args[] = { "down", "--dir", r->dir, NULL };

        if (run_script(args, NULL) != 0) {
            fprintf(stderr, "realm: %s down --dir %s failed\n", realm_script(), r->dir);
            if (r->kdc_pid > 0)
                (void)kill(r->kdc_pid, SIGTERM);
        }
    }
    live_remove(r->dir);
    cur = getenv("SSPIBRIDGE_REALM_DIR");
    if (cur != NULL && strcmp(cur, r->dir) == 0)
        for (int i = 0; i < r->nvars; i++)
            unsetenv(r->vars[i]);
    r->up = 0;
    r->kdc_pid = 0;
}

int realm_pid_alive(pid_t pid)
{
    char path[64], buf[512], *p;
    FILE *f;
    size_t n;

    if (pid <= 0 || kill(pid, 0) != 0)
        return 0;
    snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
    f = fopen(path, "r");
    if (f == NULL)
        return 1;
    n = fread(buf, 1, sizeof(buf) - 1, f);
    fclose(f);
    buf[n] = '\0';
    /* "pid (comm) S ...": the state follows the last ')'. */
    p = strrchr(buf, ')');
    if (p != NULL && p[1] == ' ' && (p[2] == 'Z' || p[2] == 'X'))
        return 0;
    return 1;
}
