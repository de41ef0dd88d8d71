/* A throwaway Kerberos realm for CUnit integration suites.
 *
 * realm_up() runs tests/realm/sspibridge-realm ("up"), which creates a private MIT realm
 * in a temporary directory and starts krb5kdc on a free 127.0.0.1 port, then puts the
 * realm's variables (KRB5_CONFIG, KRB5CCNAME, KRB5_KTNAME, SSPIBRIDGE_TEST_USER, ...)
 * into this process's environment with setenv().  realm_down() stops the KDC, removes
 * the directory and unsets those variables.  A realm left up is taken down at exit()
 * (atexit), and, should the process die without exit() (a crash, SIGKILL), by a watchdog
 * the script leaves behind.
 *
 * The script is $SSPIBRIDGE_REALM (set by make check), else
 * $SSPIBRIDGE_SRCDIR/tests/realm/sspibridge-realm, else the path compiled in as
 * SSPIBRIDGE_REALM_SCRIPT, else ./tests/realm/sspibridge-realm.
 *
 * The environment is process-wide: with several realms up, the last one brought up (or
 * the last one passed to realm_activate) is the one krb5 and GSSAPI see.  Not thread-safe:
 * call from the test's main thread while no other thread reads the environment. */
#ifndef SSPIBRIDGE_TESTS_REALM_H
#define SSPIBRIDGE_TESTS_REALM_H

#include <sys/types.h>

typedef struct realm_opts {
    const char *enctypes;         /* NULL: defaults; else what the clients permit and
                                   * request, in order ("aes128-cts-hmac-sha1-96 rc4-hmac");
                                   * the database holds keys of these enctypes only */
    const char *session_enctypes; /* NULL: none; else the services' session_enctypes */
    const char *realm_name;       /* NULL: SSPIBRIDGE.TEST */
    int client_keytab;            /* nonzero: user's key in KRB5_CLIENT_KTNAME, so
                                   * initiators get a TGT by themselves */
} realm_opts;

#define REALM_PATH_MAX 4096
#define REALM_MAX_VARS 64

typedef struct realm {
    char dir[REALM_PATH_MAX];   /* the realm directory (absolute) */
    char name[256];             /* SSPIBRIDGE.TEST */
    int port;                   /* the KDC's port on 127.0.0.1, UDP and TCP */
    pid_t kdc_pid;              /* 0 while the KDC is stopped */
    char user[512];             /* user@REALM */
    char password[128];
    char user2[512];            /* user2@REALM */
    char password2[128];
    char host[256];             /* localhost */
    char service[64];           /* host */
    char krb5_config[REALM_PATH_MAX];  /* the clients' krb5.conf */
    char ccache[REALM_PATH_MAX + 8];   /* FILE:DIR/ccache */
    char keytab[REALM_PATH_MAX + 8];   /* FILE:DIR/service.keytab */
    char user_keytab[REALM_PATH_MAX];  /* DIR/user.keytab: user's key */
    /* private */
    int up;
    char vars[REALM_MAX_VARS][64];     /* the variables this realm set */
    int nvars;
} realm;

/* Brings up a realm and sets its variables in the environment.  0 on success; on failure
 * prints why on stderr, leaves nothing behind and returns -1. */
int realm_up(const realm_opts *opts /* NULL = defaults */, realm *out);

/* The user's TGT into the realm's credential cache (password authentication). */
int realm_kinit(const realm *r);

/* Empties the realm's credential cache. */
int realm_kdestroy(const realm *r);

/* Stops / restarts the KDC (same port), for "KDC unreachable" tests.  0 on success. */
int realm_stop_kdc(realm *r);
int realm_start_kdc(realm *r);

/* Puts this realm's variables into the environment again (after another realm's). */
int realm_activate(realm *r);

/* Stops the KDC, removes the directory, unsets the variables if they are this realm's.
 * Safe to call twice, and on a realm whose realm_up failed. */
void realm_down(realm *r);

/* The script's path (for tests of the script itself). */
const char *realm_script(void);

/* Nonzero if pid names a live process (a zombie counts as dead). */
int realm_pid_alive(pid_t pid);

#endif
