/* The calling thread's last error and the SSPIBRIDGE_TRACE call log. */
#include "bridge/call.h"

#include "mappings/map_status.h"
#include <sspibridge.h>

#include <gssapi/gssapi.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

typedef struct call_state {
    int have_last;
    SSPIBRIDGE_LAST_ERROR last;
    /* What the current call noted before deciding to fail. */
    int have_note;
    uint32_t note_major, note_minor;
    char note_text[SSPIBRIDGE_MESSAGE_MAX];
} call_state;

static _Thread_local call_state call_thread;

static pthread_mutex_t trace_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t trace_once = PTHREAD_ONCE_INIT;
static FILE *trace_file;
static int trace_owned; /* trace_file is ours to close */
/* Read without the lock so an untraced call costs one atomic load, not a mutex. */
static atomic_int trace_on;

/* Appends gss_display_status text for one status type to buf. */
static void call_append_display(char *buf, size_t size, uint32_t code, int type,
                                const void *mech)
{
    OM_uint32 minor = 0, ctx = 0;
    size_t used = strlen(buf);
    do {
        gss_buffer_desc text = GSS_C_EMPTY_BUFFER;
        if (GSS_ERROR(gss_display_status(&minor, code, type, (gss_OID)mech, &ctx, &text)))
            break;
        if (used + 3 < size) {
            int n = snprintf(buf + used, size - used, "%s%.*s", used ? "; " : "",
                             (int)text.length, (const char *)text.value);
            if (n > 0)
                used = strlen(buf);
        }
        gss_release_buffer(&minor, &text);
    } while (ctx != 0);
}

void call_note_gss(uint32_t major, uint32_t minor, const void *mech)
{
    call_state *st = &call_thread;
    st->have_note = 1;
    st->note_major = major;
    st->note_minor = minor;
    st->note_text[0] = '\0';
    call_append_display(st->note_text, sizeof(st->note_text), major, GSS_C_GSS_CODE, NULL);
    if (minor != 0)
        call_append_display(st->note_text, sizeof(st->note_text), minor, GSS_C_MECH_CODE, mech);
}

void call_note(const char *fmt, ...)
{
    call_state *st = &call_thread;
    va_list ap;
    va_start(ap, fmt);
    st->have_note = 1;
    st->note_major = 0;
    st->note_minor = 0;
    vsnprintf(st->note_text, sizeof(st->note_text), fmt, ap);
    va_end(ap);
}

static int trace_set(const char *destination)
{
    int rc = 0;
    FILE *f = NULL, *old;
    int owned = 0;

    if (destination != NULL && strcmp(destination, "stderr") == 0) {
        f = stderr;
    } else if (destination != NULL && *destination != '\0') {
        f = fopen(destination, "ae");
        owned = f != NULL;
        if (f == NULL)
            rc = -1;
        else
            setvbuf(f, NULL, _IOLBF, 0);
    }
    pthread_mutex_lock(&trace_lock);
    old = trace_owned ? trace_file : NULL;
    trace_file = f;
    trace_owned = owned;
    atomic_store(&trace_on, f != NULL);
    pthread_mutex_unlock(&trace_lock);
    if (old != NULL)
        fclose(old);
    return rc;
}

static void trace_init_from_env(void)
{
    const char *dest = getenv("SSPIBRIDGE_TRACE");
    if (dest != NULL && *dest != '\0')
        trace_set(dest);
}

/* The environment is read first, so an explicit setting always wins over it. */
int sspibridge_set_trace(const char *destination)
{
    pthread_once(&trace_once, trace_init_from_env);
    return trace_set(destination);
}

static void trace_write(const char *function, SECURITY_STATUS status, const call_state *st)
{
    pthread_once(&trace_once, trace_init_from_env);
    if (!atomic_load_explicit(&trace_on, memory_order_relaxed))
        return;
    pthread_mutex_lock(&trace_lock);
    if (trace_file != NULL) {
        fprintf(trace_file, "sspibridge[%ld:%ld] %s -> %s (0x%08X)", (long)getpid(),
                (long)syscall(SYS_gettid), function, map_status_name(status),
                (unsigned)status);
        if (status < 0 && st->have_note)
            fprintf(trace_file, " gss 0x%08X/%u: %s", st->note_major, st->note_minor,
                    st->note_text);
        fputc('\n', trace_file);
    }
    pthread_mutex_unlock(&trace_lock);
}

SECURITY_STATUS call_finish(const char *function, SECURITY_STATUS status)
{
    call_state *st = &call_thread;

    if (status < 0) {
        SSPIBRIDGE_LAST_ERROR *e = &st->last;
        st->have_last = 1;
        e->Status = status;
        e->GssMajor = st->have_note ? st->note_major : 0;
        e->GssMinor = st->have_note ? st->note_minor : 0;
        snprintf(e->Function, sizeof(e->Function), "%s", function);
        if (st->have_note)
            snprintf(e->Message, sizeof(e->Message), "%s", st->note_text);
        else
            snprintf(e->Message, sizeof(e->Message), "%s", map_status_name(status));
    }
    trace_write(function, status, st);
    st->have_note = 0;
    return status;
}

int sspibridge_last_error(SSPIBRIDGE_LAST_ERROR *out)
{
    const call_state *st = &call_thread;
    if (out == NULL)
        return st->have_last;
    if (st->have_last) {
        *out = st->last;
        return 1;
    }
    memset(out, 0, sizeof(*out));
    return 0;
}

const char *sspibridge_status_name(SECURITY_STATUS status)
{
    return map_status_name(status);
}

const char *sspibridge_version(void)
{
    return PACKAGE_VERSION;
}

const char *sspibridge_backend(void)
{
    return SSPIBRIDGE_BACKEND;
}
