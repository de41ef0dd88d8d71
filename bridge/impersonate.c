/* ImpersonateSecurityContext / RevertSecurityContext: the thread's default outbound
 * credentials become the client's delegated ones, as Windows does for a delegated login. */
#include "bridge/impersonate.h"

#include "bridge/call.h"
#include "bridge/ctx.h"

#include <pthread.h>
#include <stdio.h>

static pthread_key_t imp_key;
static pthread_once_t imp_once = PTHREAD_ONCE_INIT;

/* A thread that ends while impersonating drops its reference to the context. */
static void imp_thread_exit(void *p)
{
    ctx_put(p);
}

static void imp_init(void)
{
    pthread_key_create(&imp_key, imp_thread_exit);
}

int imp_thread_ccache(char *buf, size_t size)
{
    pthread_once(&imp_once, imp_init);
    const ctx *c = pthread_getspecific(imp_key);
    if (c == NULL)
        return 0;
    snprintf(buf, size, "%s", c->deleg_ccache);
    return 1;
}

SECURITY_STATUS SEC_ENTRY ImpersonateSecurityContext(PCtxtHandle phContext)
{
    SECURITY_STATUS status = SEC_E_OK;
    ctx *c = ctx_get(phContext);

    pthread_once(&imp_once, imp_init);
    if (c == NULL) {
        status = SEC_E_INVALID_HANDLE;
        goto cleanup;
    }
    if (c->initiator || !atomic_load(&c->complete)) {
        call_note("only an established acceptor context can be impersonated");
        status = SEC_E_NO_IMPERSONATION;
        goto cleanup;
    }
    ctx *previous = pthread_getspecific(imp_key);
    if (pthread_setspecific(imp_key, c) != 0) {
        status = SEC_E_INSUFFICIENT_MEMORY;
        goto cleanup;
    }
    ctx_put(previous);
    c = NULL; /* the thread holds the reference now */

cleanup:
    ctx_put(c);
    CALL_RETURN(status);
}

SECURITY_STATUS SEC_ENTRY RevertSecurityContext(PCtxtHandle phContext)
{
    SECURITY_STATUS status = SEC_E_OK;
    ctx *c = ctx_get(phContext);

    pthread_once(&imp_once, imp_init);
    if (c == NULL) {
        status = SEC_E_INVALID_HANDLE;
        goto cleanup;
    }
    ctx *current = pthread_getspecific(imp_key);
    if (current != NULL) {
        pthread_setspecific(imp_key, NULL);
        ctx_put(current);
    }

cleanup:
    ctx_put(c);
    CALL_RETURN(status);
}
